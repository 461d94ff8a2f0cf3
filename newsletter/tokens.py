"""The secrets in newsletter links: single-use confirmation tokens and stable unsubscribe keys."""

import hashlib
import secrets

from django.core import signing

UNSUBSCRIBE_SALT = "newsletter.unsubscribe"


def new_confirmation_token():
    """Return ``(token, hash)``: the token goes into the e-mail, only its hash is stored."""
    token = secrets.token_urlsafe(32)
    return token, confirmation_token_hash(token)


def confirmation_token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def email_fingerprint(email):
    return hashlib.sha256(email.encode()).hexdigest()[:16]


def unsubscribe_token(subscriber):
    """A signed key that never expires, so that every e-mail ever sent can be used to leave."""
    payload = {"id": subscriber.pk, "email": email_fingerprint(subscriber.email)}
    return signing.dumps(payload, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token):
    """The ``(subscriber id, email fingerprint)`` a token names, or ``None`` if it is forged."""
    try:
        payload = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("id"), int):
        return None
    return payload["id"], payload.get("email")
