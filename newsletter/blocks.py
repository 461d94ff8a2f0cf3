from wagtail import blocks
from wagtail.models import Site

from .forms import SignupForm, signup_context

DEFAULT_HEADING = "Newsletter"
DEFAULT_TEXT = (
    "Bleib auf dem Laufenden: Neuigkeiten, Termine und Rückblicke der Open Innovation City "
    "Bielefeld, etwa einmal im Monat per E-Mail."
)
DEFAULT_CONSENT_HTML = (
    "<p>Ich möchte den Newsletter der Open Innovation City Bielefeld per E-Mail erhalten. "
    "Meine Einwilligung kann ich jederzeit über den Abmeldelink in jeder E-Mail widerrufen. "
    'Mehr dazu in der <a href="/datenschutz/">Datenschutzerklärung</a>.</p>'
)


def next_form_id(request):
    """``newsletter`` for the page's first form (the ``#newsletter`` target), then numbered."""
    count = getattr(request, "newsletter_form_count", 0) + 1
    if request is not None:
        request.newsletter_form_count = count
    return "newsletter" if count == 1 else f"newsletter-{count}"


def address_on_site(request, path):
    """``path`` under the request's Wagtail site's address, the one production configures,
    rather than under the ``Host:`` header (and its port) of whoever rendered a cached page."""
    site = Site.find_for_request(request)
    return f"{site.root_url}{path}" if site is not None else request.build_absolute_uri(path)


def signup_form_context(request, consent_html, page_url, form=None, form_token="", notice=""):
    """``form_token`` only in answers that are never cached; cached pages get theirs from the
    page's script (``oic_cms.form_tokens``)."""
    form_id = next_form_id(request)
    if form is None:
        form = SignupForm(
            auto_id=f"{form_id}-%s",
            initial={"context": signup_context(consent_html, page_url)},
        )
    return {
        "form": form,
        "form_id": form_id,
        "consent_html": consent_html,
        "form_token": form_token,
        "notice": notice,
    }


class NewsletterBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Überschrift", default=DEFAULT_HEADING, max_length=120)
    text = blocks.TextBlock(label="Text", default=DEFAULT_TEXT, required=False)
    button_label = blocks.CharBlock(label="Beschriftung des Buttons", default="Anmelden")
    consent_text = blocks.RichTextBlock(
        label="Einwilligungstext",
        features=["bold", "italic", "link"],
        default=DEFAULT_CONSENT_HTML,
        help_text="Wird bei jeder Anmeldung als Nachweis gespeichert. Mit Link zur "
        "Datenschutzerklärung.",
    )

    class Meta:
        icon = "mail"
        label = "Newsletter-Anmeldung"
        template = "blocks/newsletter_block.html"
        help_text = (
            "Anmeldeformular mit Double-Opt-in; Links mit ?newsletter=true springen hierher."
        )
        description = "Ein Formular, mit dem sich Besucher*innen für den Newsletter anmelden."
        preview_value = {
            "heading": DEFAULT_HEADING,
            "text": DEFAULT_TEXT,
            "button_label": "Anmelden",
            "consent_text": DEFAULT_CONSENT_HTML,
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        page = (parent_context or {}).get("page")
        page_url = page.full_url if getattr(page, "full_url", None) else ""
        if not page_url and request is not None:
            page_url = address_on_site(request, request.path)
        context.update(signup_form_context(request, str(value["consent_text"]), page_url))
        return context
