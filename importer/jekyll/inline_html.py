"""Raw HTML in the old posts (``<img>``, ``<a>``, ``<iframe>``) as what the new site has for it.

kramdown passes HTML through, so today's posts show an ``<img>`` inside a paragraph as an
image and an ``<iframe>`` as an embedded video. Rich text holds neither: an image becomes an
image block after its paragraph, a YouTube or Vimeo frame a video block (which loads only after
the visitor's click), a link a link.
"""

import html
import re
from urllib.parse import urlsplit

from markdown_it.token import Token

TAG = re.compile(r"<(?P<closing>/?)(?P<name>[a-zA-Z][a-zA-Z0-9]*)\b(?P<attributes>[^>]*)>")
ATTRIBUTE = re.compile(r"""([a-zA-Z_:][-\w:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
EMBEDDED_TAGS = re.compile(
    r"<(?P<name>img|iframe)\b(?P<attributes>[^>]*)>(?:\s*</iframe\s*>)?", re.IGNORECASE
)
YOUTUBE_EMBED = re.compile(r"^/embed/(?P<id>[\w-]{6,})")
VIMEO_EMBED = re.compile(r"^/video/(?P<id>\d+)")


def attributes(text):
    return {
        name.lower(): html.unescape(next(value for value in values if value is not None))
        for name, *values in ATTRIBUTE.findall(text or "")
    }


def parse_tag(text):
    """``(is closing, name, attributes)`` of a single tag, else ``None``."""
    match = TAG.fullmatch(text.strip())
    if match is None:
        return None
    return bool(match["closing"]), match["name"].lower(), attributes(match["attributes"])


def image_token(attrs):
    """An ``<img>`` as the token Markdown's ``![alt](src "title")`` gives."""
    token = Token("image", "img", 0, attrs={"src": attrs.get("src", "")})
    if attrs.get("title"):
        token.attrSet("title", attrs["title"])
    token.children = [Token("text", "", 0, content=attrs.get("alt", ""))]
    return token


def video_value(src, title):
    """The video block's value for an embedded YouTube or Vimeo player, else ``None``."""
    try:
        parts = urlsplit(html.unescape(src or "").strip())
    except ValueError:
        return None
    host = (parts.hostname or "").removeprefix("www.")
    title = " ".join((title or "").split()) or "Video"
    youtube = YOUTUBE_EMBED.match(parts.path)
    if host in {"youtube.com", "youtube-nocookie.com"} and youtube:
        return {"url": f"https://www.youtube.com/watch?v={youtube['id']}", "title": title}
    vimeo = VIMEO_EMBED.match(parts.path)
    if host == "player.vimeo.com" and vimeo:
        return {"url": f"https://vimeo.com/{vimeo['id']}", "title": title}
    return None


def embedded_items(text):
    """The images and frames in a piece of raw HTML, and the HTML without them."""
    items = []

    def take(match):
        attrs = attributes(match["attributes"])
        if match["name"].lower() == "img":
            items.append(image_token(attrs))
        else:
            items.append(("iframe", attrs))
        return ""

    return items, EMBEDDED_TAGS.sub(take, text)
