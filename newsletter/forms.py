import re
import unicodedata

from django import forms
from django.conf import settings
from django.core import signing

from oic_cms.form_tokens import EXPIRED_ERROR, BotTrapForm

SIGNUP_CONTEXT_SALT = "newsletter.signup-context"
FIRST_NAME_MAX_LENGTH = 50
# Letters of any script, single spaces, hyphens or apostrophes between them: "Anna-Lena",
# "Zoë", "D'Angelo", "Mary Ann". No digits, dots, slashes: no addresses or links in a name.
FIRST_NAME_PATTERN = re.compile(r"[^\W\d_]+(?:[ '’-][^\W\d_]+)*")
FIRST_NAME_ERROR = (
    "Bitte gib nur deinen Vornamen an, aus Buchstaben, Leerzeichen, Bindestrichen oder "
    "Apostrophen, z. B. Anna-Lena."
)


def signup_context(consent_text, page_url):
    """Sign what the visitor was shown: the consent wording and the page, the proof of consent.

    Pages are cached, so this is the same for every visitor of a page; when and how often the
    form was used is the form token's part (``oic_cms.form_tokens``).
    """
    payload = {"consent": consent_text, "page": page_url}
    return signing.dumps(payload, salt=SIGNUP_CONTEXT_SALT, compress=True)


class SignupForm(BotTrapForm):
    email = forms.EmailField(
        label="E-Mail-Adresse",
        max_length=254,
        error_messages={
            "required": "Bitte gib deine E-Mail-Adresse an.",
            "invalid": "Bitte gib eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    first_name = forms.CharField(
        label="Vorname (freiwillig)",
        max_length=FIRST_NAME_MAX_LENGTH,
        required=False,
        error_messages={
            "max_length": f"Bitte gib höchstens {FIRST_NAME_MAX_LENGTH} Zeichen an.",
        },
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    consent = forms.BooleanField(
        label="Ich möchte den Newsletter erhalten.",
        error_messages={"required": "Bitte bestätige, dass du den Newsletter erhalten möchtest."},
    )
    context = forms.CharField(widget=forms.HiddenInput)

    def clean_first_name(self):
        name = unicodedata.normalize("NFC", " ".join(self.cleaned_data["first_name"].split()))
        if name and not FIRST_NAME_PATTERN.fullmatch(name):
            raise forms.ValidationError(FIRST_NAME_ERROR)
        return name

    def clean_context(self):
        try:
            payload = signing.loads(
                self.cleaned_data["context"],
                salt=SIGNUP_CONTEXT_SALT,
                max_age=settings.NEWSLETTER_FORM_MAX_AGE_SECONDS,
            )
        except signing.BadSignature as error:
            raise forms.ValidationError(EXPIRED_ERROR) from error
        if not isinstance(payload, dict) or not payload.get("consent"):
            raise forms.ValidationError("Das Formular ist ungültig. Bitte lade die Seite neu.")
        return payload
