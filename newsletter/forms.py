import time

from django import forms
from django.conf import settings
from django.core import signing

SIGNUP_CONTEXT_SALT = "newsletter.signup-context"
HONEYPOT_FIELD = "website"


def signup_context(consent_text, page_url):
    """Sign what the visitor was shown, and when: proof of consent and a minimum fill time."""
    payload = {"consent": consent_text, "page": page_url, "shown": int(time.time())}
    return signing.dumps(payload, salt=SIGNUP_CONTEXT_SALT, compress=True)


class SignupForm(forms.Form):
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
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    consent = forms.BooleanField(
        label="Ich möchte den Newsletter erhalten.",
        error_messages={"required": "Bitte bestätige, dass du den Newsletter erhalten möchtest."},
    )
    # Visitors never see this field; form-filling bots do, and fill it in.
    website = forms.CharField(
        label="Bitte dieses Feld leer lassen",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    context = forms.CharField(widget=forms.HiddenInput)

    def clean_context(self):
        try:
            payload = signing.loads(
                self.cleaned_data["context"],
                salt=SIGNUP_CONTEXT_SALT,
                max_age=settings.NEWSLETTER_FORM_MAX_AGE_SECONDS,
            )
        except signing.BadSignature as error:
            raise forms.ValidationError(
                "Das Formular ist abgelaufen. Bitte sende es noch einmal ab."
            ) from error
        if not isinstance(payload, dict) or not payload.get("consent"):
            raise forms.ValidationError("Das Formular ist ungültig. Bitte lade die Seite neu.")
        return payload

    @property
    def looks_automated(self):
        """Filled honeypot or filled faster than a person can: answered as if all went well."""
        if self.cleaned_data.get(HONEYPOT_FIELD):
            return True
        shown = self.cleaned_data["context"].get("shown", 0)
        return time.time() - shown < settings.NEWSLETTER_MIN_FILL_SECONDS
