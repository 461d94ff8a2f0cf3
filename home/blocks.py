"""The StreamField blocks editors compose pages from, shared by every page type."""

import re
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from downloads.blocks import DownloadBlock
from home.pretix_blocks import PretixRegistrationBlock
from newsletter.blocks import NewsletterBlock

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]

SAFE_URL_PATTERN = re.compile(
    r"^(https?://[^\s]+|mailto:[^\s@]+@[^\s@]+|tel:\+?[\d\s/-]+|/[^\s]*|#[\w-]+)$"
)


class LinkURLBlock(blocks.CharBlock):
    """An absolute web address, a site-relative path, an anchor, ``mailto:`` or ``tel:``."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 500)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value).strip()
        if value and not SAFE_URL_PATTERN.match(value):
            raise ValidationError(
                "Bitte eine Adresse wie „https://…“, „/beitraege/“, „#newsletter“ "
                "oder „mailto:…“ eingeben."
            )
        return value


class HeadingValue(blocks.StructValue):
    @property
    def anchor(self):
        return slugify(self.get("text", ""), allow_unicode=True)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Überschrift", max_length=200)
    level = blocks.ChoiceBlock(
        label="Ebene",
        choices=[("h2", "Überschrift 2"), ("h3", "Überschrift 3"), ("h4", "Überschrift 4")],
        default="h2",
    )
    link = LinkURLBlock(
        label="Link (optional)",
        required=False,
        help_text="Macht die Überschrift zu einem Link, z. B. auf einen Beitrag.",
    )

    class Meta:
        icon = "title"
        label = "Überschrift"
        template = "blocks/heading_block.html"
        value_class = HeadingValue
        help_text = (
            "Gliedert den Text; Ebene 3 nur unter einer Überschrift der Ebene 2, Ebene 4 nur "
            "unter Ebene 3."
        )
        description = "Eine Zwischenüberschrift, die auch als Sprungziel dient."
        preview_value = {"text": "Gemeinsam geht mehr", "level": "h2"}


MISSING_ALT_TEXT_MESSAGE = (
    "Bitte einen Alternativtext eingeben oder das Bild als dekorativ markieren: "
    "Screenreader lesen vor, was das Bild an dieser Stelle zeigt."
)


class AltTextImageBlock(ImageBlock):
    """Wagtail's image block (image, alt text for this use, decorative flag), with the German
    message Wagtail lacks when an image has neither alt text nor the decorative mark.

    When an editor chooses an image, the admin fills the alt text in from the image's
    description (``CreditedImage.default_alt_text``); like Wagtail's own check, this one is
    deferred while a draft is saved.
    """

    def clean(self, value):
        if (
            value
            and not value.decorative
            and not value.contextual_alt_text
            and not self.is_deferred_validation
        ):
            raise StructBlockValidationError(
                block_errors={"alt_text": ValidationError(MISSING_ALT_TEXT_MESSAGE)}
            )
        return super().clean(value)


class CaptionedImageBlock(blocks.StructBlock):
    """An image with its alt text and an optional caption; the credit comes from the image.

    The caption sits next to Wagtail's ``ImageBlock`` rather than in a subclass of it: that
    block's value is the image itself and it stores exactly its three fields.
    """

    image = AltTextImageBlock(label="Bild")
    caption = blocks.CharBlock(label="Bildunterschrift", required=False, max_length=300)

    class Meta:
        icon = "image"


class FigureBlock(CaptionedImageBlock):
    class Meta:
        icon = "image"
        label = "Bild"
        template = "blocks/image_block.html"
        help_text = "Ein Bild über die ganze Textbreite; der Bildnachweis wird automatisch gezeigt."
        description = "Ein einzelnes Bild mit optionaler Bildunterschrift."
        preview_value = {"caption": "Das Innovation Office am Alter Markt"}

    def get_preview_value(self):
        image = get_image_model().objects.order_by("pk").first()
        described = {"image": image, "alt_text": image and image.default_alt_text}
        return self.normalize({**self.meta.preview_value, "image": described})


class GalleryImageBlock(CaptionedImageBlock):
    class Meta:
        icon = "image"
        label = "Galeriebild"


class GalleryBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Überschrift", required=False, max_length=200)
    images = blocks.ListBlock(GalleryImageBlock(), label="Bilder", min_num=2)

    class Meta:
        icon = "doc-full-inverse"
        label = "Galerie"
        template = "blocks/gallery_block.html"
        help_text = "Mindestens zwei Bilder, jeweils mit optionaler Bildunterschrift."
        description = "Mehrere Bilder als Raster, z. B. Eindrücke einer Veranstaltung."
        preview_value = {"heading": "Eindrücke vom Meetup", "images": []}


class QuoteBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(label="Zitat", features=["bold", "italic", "link"])
    source = blocks.CharBlock(label="Quelle", required=False, max_length=300)

    class Meta:
        icon = "openquote"
        label = "Zitat"
        template = "blocks/quote_block.html"
        help_text = "Ein hervorgehobenes Zitat; die Quelle ist optional."
        description = "Ein Zitat mit Quellenangabe."
        preview_value = {
            "text": "<p>Communities of Practice sind organisierte Gruppen von Menschen, die ein "
            "gemeinsames Interesse an einem bestimmten Bereich haben.</p>",
            "source": "Etienne Wenger, 1999",
        }


class CallToActionValue(blocks.StructValue):
    """Resolves the one link target the editor chose into what the template needs."""

    @property
    def url(self):
        if self.get("link_page"):
            return self["link_page"].url
        if self.get("link_document"):
            return self["link_document"].url
        return self.get("link_url") or ""

    @property
    def document(self):
        return self.get("link_document")

    @property
    def offers_download(self):
        """Documents are always downloads; other targets when the editor marked them so."""
        return bool(self.get("is_download") or self.get("link_document"))


class CallToActionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label="Beschriftung", max_length=120)
    link_page = blocks.PageChooserBlock(label="Seite", required=False)
    link_document = DocumentChooserBlock(label="Dokument", required=False)
    link_url = LinkURLBlock(label="Adresse (URL)", required=False)
    style = blocks.ChoiceBlock(
        label="Darstellung",
        choices=[("primary", "Hauptaktion"), ("secondary", "Nebenaktion")],
        default="primary",
    )
    is_download = blocks.BooleanBlock(
        label="Als Download kennzeichnen",
        required=False,
        help_text="Zeigt ein Download-Symbol; bei Dokumenten automatisch.",
    )
    open_in_new_tab = blocks.BooleanBlock(label="In neuem Tab öffnen", required=False)

    class Meta:
        icon = "link"
        label = "Button (Call to Action)"
        template = "blocks/call_to_action_block.html"
        value_class = CallToActionValue
        help_text = "Genau ein Ziel wählen: eine Seite, ein Dokument oder eine Adresse."
        description = "Ein auffälliger Button, z. B. „Lade das CoP Starter Kit herunter“."
        preview_value = {
            "label": "Zum Newsletter anmelden",
            "link_url": "#newsletter",
            "style": "primary",
        }

    def clean(self, value):
        value = super().clean(value)
        targets = [name for name in ("link_page", "link_document", "link_url") if value.get(name)]
        if len(targets) != 1:
            message = (
                "Bitte ein Ziel angeben: eine Seite, ein Dokument oder eine Adresse."
                if not targets
                else "Bitte nur ein Ziel angeben: eine Seite, ein Dokument oder eine Adresse."
            )
            fields = targets or ["link_page", "link_document", "link_url"]
            raise StructBlockValidationError(
                block_errors={name: ValidationError(message) for name in fields}
            )
        return value


class ContactPersonBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Überschrift", default="Du hast Fragen?", max_length=200)
    intro = blocks.CharBlock(label="Einleitung", default="Dann melde dich bei", max_length=200)
    person = SnippetChooserBlock("home.Person", label="Person")

    class Meta:
        icon = "user"
        label = "Ansprechperson"
        template = "blocks/contact_person_block.html"
        help_text = "Zeigt Foto, Rolle und E-Mail-Adresse der gewählten Person."
        description = "„Du hast Fragen? Dann melde dich bei …“ mit Kontaktkarte."
        preview_value = {"heading": "Du hast Fragen?", "intro": "Dann melde dich bei"}

    def get_preview_value(self):
        person = self.child_blocks["person"].target_model.objects.order_by("pk").first()
        return self.normalize({**self.meta.preview_value, "person": person})


class FactBlock(blocks.StructBlock):
    value = blocks.CharBlock(label="Zahl", max_length=30, help_text="z. B. „10“ oder „140+“")
    label = blocks.CharBlock(label="Bezeichnung", max_length=80, help_text="z. B. „Meetups“")

    class Meta:
        icon = "order"
        label = "Kennzahl"


class FactsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Überschrift", required=False, max_length=200)
    facts = blocks.ListBlock(FactBlock(), label="Kennzahlen", min_num=1, max_num=6)

    class Meta:
        icon = "table"
        label = "Zahlen & Fakten"
        template = "blocks/facts_block.html"
        help_text = "Bis zu sechs Kennzahlen nebeneinander."
        description = "Kennzahlen wie „10 Meetups · 140 Teilnehmende · 11 Expert*innen“."
        preview_value = {
            "heading": "Zahlen & Fakten",
            "facts": [
                {"value": "10", "label": "Meetups"},
                {"value": "140", "label": "Teilnehmende"},
                {"value": "11", "label": "Expert*innen"},
            ],
        }


YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
VIDEO_ID_PATTERNS = {
    "youtube": re.compile(r"^[\w-]{11}$"),
    "vimeo": re.compile(r"^\d{1,12}$"),
}


def parse_video_url(url):
    """Return ``(provider, video_id)`` for a YouTube or Vimeo address, or ``(None, None)``."""
    parsed = urlparse(url or "")
    host = (parsed.hostname or "").lower()
    path_parts = [part for part in parsed.path.split("/") if part]
    video_id = None
    if host in YOUTUBE_HOSTS:
        if host == "youtu.be" and path_parts:
            video_id = path_parts[0]
        elif path_parts[:1] == ["watch"]:
            video_id = parse_qs(parsed.query).get("v", [None])[0]
        elif len(path_parts) >= 2 and path_parts[0] in {"embed", "shorts", "live"}:
            video_id = path_parts[1]
        provider = "youtube"
    elif host in VIMEO_HOSTS:
        video_id = next((part for part in path_parts if part.isdigit()), None)
        provider = "vimeo"
    else:
        return None, None
    if not video_id or not VIDEO_ID_PATTERNS[provider].match(video_id):
        return None, None
    return provider, video_id


class VideoValue(blocks.StructValue):
    @property
    def provider(self):
        return parse_video_url(self.get("url"))[0]

    @property
    def provider_name(self):
        return {"youtube": "YouTube", "vimeo": "Vimeo"}.get(self.provider, "")

    @property
    def embed_url(self):
        provider, video_id = parse_video_url(self.get("url"))
        if provider == "youtube":
            return f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
        if provider == "vimeo":
            return f"https://player.vimeo.com/video/{video_id}?dnt=1&autoplay=1"
        return ""


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(
        label="Video-Adresse",
        help_text="Link zu einem Video auf YouTube oder Vimeo.",
    )
    title = blocks.CharBlock(
        label="Titel des Videos",
        max_length=200,
        help_text="Beschreibt das Video für Screenreader und vor dem Laden.",
    )

    class Meta:
        icon = "media"
        label = "Video"
        template = "blocks/video_block.html"
        value_class = VideoValue
        help_text = "Das Video wird erst geladen, wenn Besucher*innen zustimmen."
        description = "Ein YouTube- oder Vimeo-Video, das erst nach einem Klick lädt."
        preview_value = {
            "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "title": "Rückblick auf die Open Innovation Hour",
        }

    def clean(self, value):
        value = super().clean(value)
        if parse_video_url(value.get("url"))[0] is None:
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        "Bitte die Adresse eines Videos auf YouTube oder Vimeo angeben."
                    )
                }
            )
        return value


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label="Text",
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        help_text="Fließtext mit Fett, Kursiv, Listen und Links.",
        description="Ein Textabschnitt.",
        preview_value="<p>Communities of Practice sind <b>selbstorganisierte Lerngruppen</b>.</p>",
    )
    image = FigureBlock()
    gallery = GalleryBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    download = DownloadBlock()
    contact_person = ContactPersonBlock()
    facts = FactsBlock()
    video = VideoBlock()
    newsletter = NewsletterBlock()
    pretix_registration = PretixRegistrationBlock()


class EasyLanguageStreamBlock(blocks.StreamBlock):
    """The few blocks Leichte Sprache needs: short headings, short texts, pictures that explain.

    No quotes, galleries or embeds: the rules ask for one idea at a time, supported by images.
    """

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "ul", "link"],
        label="Text",
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        help_text="Kurze Sätze. Eine Aussage pro Satz. Jeder Satz in einer eigenen Zeile. "
        "Aufzählungen statt langer Sätze; fett für das Wichtigste.",
        description="Ein Textabschnitt in Leichter Sprache.",
        preview_value="<p>Wir sind die Open Innovation City.</p><p>Wir wohnen in Bielefeld.</p>",
    )
    image = FigureBlock()
    contact_person = ContactPersonBlock()
