"""Bot protection without third parties for every public form: a honeypot and a time proof.

Pages with a form come from the page cache (and a CDN) for minutes, so the page cannot say
when anyone saw it. ``static/js/site.js`` fetches a token from the ``form_token`` view when a
form with ``data-form-token-url`` comes into view; a form posted without one (no JavaScript, or
the fetch failed) comes back once with a token in it. A token is signed, says when it was
issued and how long a person needs at least before sending, and is accepted for one sending
only. Used by the newsletter sign-up and the form pages editors build.
"""

import secrets
import time
from typing import NamedTuple

from django import forms
from django.conf import settings
from django.core import signing
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from oic_cms.rate_limits import claim_once

# Kept from when only the newsletter used tokens: tokens in flight stay valid across a deploy.
FORM_TOKEN_SALT = "newsletter.form-token"
USED_KEY_PREFIX = "newsletter-form-token-used"
HONEYPOT_FIELD = "website"
EXPIRED_ERROR = "Das Formular ist abgelaufen. Bitte sende es noch einmal ab."


class FormToken(NamedTuple):
    id: str
    issued: float
    min_fill_seconds: float

    @property
    def filled_too_fast(self):
        return time.time() - self.issued < self.min_fill_seconds


def issue_form_token(min_fill_seconds=None):
    """A new token; ``min_fill_seconds`` defaults to ``FORM_MIN_FILL_SECONDS``."""
    if min_fill_seconds is None:
        min_fill_seconds = settings.FORM_MIN_FILL_SECONDS
    payload = {"id": secrets.token_urlsafe(12), "issued": time.time(), "min": min_fill_seconds}
    return signing.dumps(payload, salt=FORM_TOKEN_SALT)


def read_form_token(value):
    """The ``FormToken`` in ``value``; ``None`` if it is forged, malformed or expired."""
    try:
        payload = signing.loads(
            value, salt=FORM_TOKEN_SALT, max_age=settings.FORM_TOKEN_MAX_AGE_SECONDS
        )
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict):
        return None
    token_id, issued, min_fill = payload.get("id"), payload.get("issued"), payload.get("min")
    if not isinstance(token_id, str) or not all(
        isinstance(number, int | float) for number in (issued, min_fill)
    ):
        return None
    return FormToken(token_id, float(issued), float(min_fill))


def claim_form_token(token):
    """Mark ``token`` as used; ``False`` if a sending used it before.

    Used ids are kept as long as a token is valid, so the store holds at most the sendings of
    that period (which the rate limits bound).

    Kept with the rate limits: while they cannot be read, this raises ``LimitsUnavailable``
    rather than let a token be used twice.
    """
    return claim_once(
        f"{USED_KEY_PREFIX}:{token.id}",
        settings.FORM_TOKEN_MAX_AGE_SECONDS,
        fail_closed=True,
    )


def token_for_retry(form):
    """The posted form token if it is still good (the time since the form was shown keeps
    counting), else a new one."""
    if form.cleaned_data.get("form_token") and not form.has_error("form_token"):
        return form.data.get("form_token", "")
    return issue_form_token()


@never_cache
@require_GET
def form_token(request):
    """A fresh form token for a form that just came into view (``static/js/site.js``)."""
    return JsonResponse({"token": issue_form_token()})


class BotTrapForm(forms.Form):
    """The honeypot and the form token; templates render ``website`` hidden from people."""

    # Visitors never see this field; form-filling bots do, and fill it in.
    website = forms.CharField(
        label="Bitte dieses Feld leer lassen",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    # Empty when the page's script did not run; the view then asks once more.
    form_token = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_form_token(self):
        """The ``FormToken``, or ``None`` when the form came without one."""
        value = self.cleaned_data["form_token"]
        if not value:
            return None
        token = read_form_token(value)
        if token is None:
            raise forms.ValidationError(EXPIRED_ERROR)
        return token

    @property
    def looks_automated(self):
        """Filled honeypot, or sent sooner after the form was shown than a person can: answered
        as if all went well."""
        token = self.cleaned_data["form_token"]
        return bool(self.cleaned_data.get(HONEYPOT_FIELD)) or (
            token is not None and token.filled_too_fast
        )
