"""Proof, per visitor, of when a sign-up form was shown, and that it is used for one sign-up.

Pages with the form come from the page cache (and a CDN) for minutes, so the page cannot say
when anyone saw it. ``static/js/site.js`` fetches a token from ``newsletter:form_token`` when a
form comes into view; a form posted without one (no JavaScript, or the fetch failed) comes back
once with a token in it. A token is signed, says when it was issued and how long a person
needs at least before sending, and is accepted for one sign-up only.
"""

import secrets
import time
from typing import NamedTuple

from django.conf import settings
from django.core import signing

from oic_cms.rate_limits import claim_once

FORM_TOKEN_SALT = "newsletter.form-token"
USED_KEY_PREFIX = "newsletter-form-token-used"


class FormToken(NamedTuple):
    id: str
    issued: float
    min_fill_seconds: float

    @property
    def filled_too_fast(self):
        return time.time() - self.issued < self.min_fill_seconds


def issue_form_token(min_fill_seconds=None):
    """A new token; ``min_fill_seconds`` defaults to ``NEWSLETTER_MIN_FILL_SECONDS``."""
    if min_fill_seconds is None:
        min_fill_seconds = settings.NEWSLETTER_MIN_FILL_SECONDS
    payload = {"id": secrets.token_urlsafe(12), "issued": time.time(), "min": min_fill_seconds}
    return signing.dumps(payload, salt=FORM_TOKEN_SALT)


def read_form_token(value):
    """The ``FormToken`` in ``value``; ``None`` if it is forged, malformed or expired."""
    try:
        payload = signing.loads(
            value, salt=FORM_TOKEN_SALT, max_age=settings.NEWSLETTER_FORM_TOKEN_MAX_AGE_SECONDS
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
    """Mark ``token`` as used; ``False`` if a sign-up used it before.

    Used ids are kept as long as a token is valid, so the store holds at most the sign-ups of
    that period (which the rate limits bound).

    Kept with the sign-up limits: while they cannot be read, this raises ``LimitsUnavailable``
    rather than let a token be used twice.
    """
    return claim_once(
        f"{USED_KEY_PREFIX}:{token.id}",
        settings.NEWSLETTER_FORM_TOKEN_MAX_AGE_SECONDS,
        fail_closed=True,
    )
