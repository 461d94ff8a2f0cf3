"""The old site's Liquid includes as the blocks editors now compose pages from.

Each converter takes a ``LiquidInclude`` and returns ``(block name, raw value)`` pairs for
``home.blocks.BodyStreamBlock``; what it cannot use it reports through ``warn(message, line)``.
"""

import posixpath

from django.utils.html import escape

from .inline import plain_text
from .posts import site_asset_url

NO_AUTHOR = ""
PRETIX_HOST = "https://pretix.eu"


def is_true(value):
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def accessible_image(image, alt_text=""):
    """The raw value of Wagtail's ``ImageBlock`` for one use of ``image``: the old site's alt
    text, else the image's description; decorative only if nothing describes the image."""
    alt_text = alt_text or image.description
    return {"image": image.pk, "alt_text": alt_text, "decorative": not alt_text}


def parameter(include, name):
    """A parameter as one line of text; ``""`` if missing or only spaces (``author=" "``)."""
    value = include.params.get(name)
    if value is None or isinstance(value, bool):
        return ""
    return " ".join(str(value).split())


def include_blocks(include, assets, warn):
    converter = CONVERTERS.get(include.template)
    if converter is None:
        warn(
            f"include {include.template} is not known; kept as text for the editors to replace",
            include.line,
        )
        return [("paragraph", f"<p>{escape(include.source)}</p>")]
    return converter(include, assets, warn)


def call_to_action_blocks(include, assets, warn):
    label, url = parameter(include, "text"), parameter(include, "url")
    if not label or not url:
        warn("button without text or url dropped", include.line)
        return []
    document = assets.document(url, warn, include.line)
    value = {
        "label": label,
        "link_page": None,
        "link_document": document.pk if document else None,
        "link_url": "" if document else assets.relative_url(url).replace(" ", "%20"),
        "style": "secondary" if is_true(include.params.get("secondary")) else "primary",
        "is_download": is_true(include.params.get("download")),
        "open_in_new_tab": is_true(include.params.get("new_tab")),
    }
    return [("call_to_action", value)]


def gallery_entries(include):
    """``(file name, caption)`` of ``images="a.jpg|Caption, b.jpg"``, as gallery.html splits it."""
    entries = []
    for item in str(include.params.get("images") or "").split(","):
        name, _, caption = item.partition("|")
        if name.strip():
            entries.append((name.strip(), " ".join(caption.split())))
    return entries


def gallery_blocks(include, assets, warn):
    """A gallery of the listed images, or of every image in the folder; one image stays one."""
    folder = site_asset_url(str(include.params.get("folder") or ""))
    if not folder:
        warn("gallery without folder dropped", include.line)
        return []
    folder = folder.rstrip("/") + "/"
    entries = gallery_entries(include)
    if entries:
        urls = [(posixpath.join(folder, name), caption) for name, caption in entries]
    else:
        urls = [(url, "") for url in assets.folder_images(folder, warn, include.line)]
    images = []
    for url, caption in urls:
        image = assets.image(url, warn, include.line, caption)
        if image:
            images.append({"image": accessible_image(image), "caption": caption})
            if images[-1]["image"]["decorative"]:
                warn.missing_alt_text(url, include.line)
    if len(images) == 1:
        return [("image", images[0])]
    if not images:
        warn("gallery without images dropped", include.line)
        return []
    return [("gallery", {"heading": "", "images": images})]


def quote_blocks(include, assets, warn):
    text = str(include.params.get("text") or "")
    paragraphs = [plain_text(paragraph) for paragraph in text.split("\n\n")]
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    if not paragraphs:
        warn("quote without text dropped", include.line)
        return []
    source = plain_text(parameter(include, "author")) or NO_AUTHOR
    text = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)
    return [("quote", {"text": text, "source": source})]


def video_blocks(include, assets, warn):
    video_id = parameter(include, "id")
    if not video_id:
        warn("YouTube video without id dropped", include.line)
        return []
    title = parameter(include, "title") or "Video auf YouTube"
    return [("video", {"url": f"https://www.youtube.com/watch?v={video_id}", "title": title})]


def pretix_blocks(include, assets, warn):
    event = parameter(include, "event")
    if not event:
        warn("pretix widget without event dropped", include.line)
        return []
    value = {
        "event": pretix_event_url(include, event, assets, warn),
        "items": parameter(include, "items"),
        "voucher": parameter(include, "voucher"),
        "disable_vouchers": is_true(include.params.get("disable-vouchers")),
    }
    return [("pretix_registration", value)]


def pretix_event_url(include, event, assets, warn):
    """The event's whole address in its shop, so that it keeps its organiser.

    The old include named the shop in its URL (``https://pretix.eu/<organiser>/{{ include.event
    }}/``) or took an ``organizer`` parameter; a bare event name in the block would send visitors
    to the shop of the site settings, which may be another organiser's.
    """
    if "://" in event:
        return event
    organiser = parameter(include, "organizer") or parameter(include, "organiser")
    shop_url = f"{PRETIX_HOST}/{organiser}/" if organiser else assets.old_pretix_shop_url()
    if not shop_url:
        warn(
            f"pretix event {event!r} names no shop (no organizer and no _includes/"
            f"{include.template} to read it from); the shop of the site settings is used",
            include.line,
        )
        return event
    return f"{shop_url.rstrip('/')}/{event.strip('/')}/"


CONVERTERS = {
    "cta-button.html": call_to_action_blocks,
    "gallery.html": gallery_blocks,
    "quote.html": quote_blocks,
    "youtube.html": video_blocks,
    "pretix-widget.html": pretix_blocks,
}
