"""The blocks an issue is composed of; each renders for the site and as e-mail."""

from wagtail import blocks

from blog.blocks import NewsletterPostsBlock
from events.blocks import NewsletterEventsBlock
from home.blocks import AltTextImageBlock, CallToActionBlock
from newsletter.issues import EmailRenderedBlock


class IssueTextBlock(EmailRenderedBlock, blocks.RichTextBlock):
    email_template = "newsletter_issues/blocks/text_email"


class IssueImageBlock(EmailRenderedBlock, AltTextImageBlock):
    email_template = "newsletter_issues/blocks/image_email"


class IssueCallToActionBlock(EmailRenderedBlock, CallToActionBlock):
    email_template = "newsletter_issues/blocks/call_to_action_email"

    class Meta:
        icon = "link"
        label = "Button (Call to Action)"
        template = "blocks/call_to_action_block.html"
        help_text = "Genau ein Ziel wählen: eine Seite, ein Dokument oder eine Adresse."
        description = "Ein auffälliger Button, z. B. „Jetzt anmelden“."
        preview_value = {"label": "Jetzt anmelden", "link_url": "#", "style": "primary"}


TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class IssueStreamBlock(blocks.StreamBlock):
    intro = IssueTextBlock(
        features=TEXT_FEATURES,
        label="Einleitung",
        icon="openquote",
        template="newsletter_issues/blocks/text.html",
        help_text="Die ersten Sätze der Ausgabe, z. B. eine persönliche Begrüßung.",
        description="Einleitender Text.",
        preview_value="<p>Liebe Leser*innen, hier ist, was bei uns los war.</p>",
    )
    posts = NewsletterPostsBlock()
    events = NewsletterEventsBlock()
    call_to_action = IssueCallToActionBlock()
    image = IssueImageBlock(
        label="Bild",
        template="newsletter_issues/blocks/image.html",
        help_text="Ein Bild über die ganze Breite, in der E-Mail 600 Pixel breit.",
        description="Ein Bild mit Alternativtext.",
    )
    closing = IssueTextBlock(
        features=TEXT_FEATURES,
        label="Schlusstext",
        icon="pilcrow",
        template="newsletter_issues/blocks/text.html",
        help_text="Gruß und Hinweise am Ende der Ausgabe.",
        description="Abschließender Text.",
        preview_value="<p>Bis zum nächsten Mal!<br>Dein Team der Open Innovation City</p>",
    )
