"""The sign-up limits: per client, per network and per mailbox (figures: README "Newsletter").

Only sign-ups that would send an e-mail count: invalid forms, trapped bots and replayed form
tokens do not, so a room of people on one Wi-Fi is not turned away by anyone's typos.
"""

from django.conf import settings

from oic_cms.rate_limits import Limit, client_and_network_limits, record, within_limits

from .models import normalise_email

GMAIL_DOMAINS = {"gmail.com", "googlemail.com"}


def mailbox(email):
    """The mailbox an address delivers to: ``a+news@x`` and ``a@x`` are one mailbox, and so are
    Gmail's ``a.b@gmail.com`` and ``ab@googlemail.com``."""
    local, _, domain = normalise_email(email).rpartition("@")
    local = local.partition("+")[0] or local
    if domain in GMAIL_DOMAINS:
        local, domain = local.replace(".", ""), "gmail.com"
    return f"{local}@{domain}"


def signup_limits(address, email):
    return [
        *client_and_network_limits(
            "newsletter",
            address,
            per_client=settings.NEWSLETTER_RATE_LIMIT_PER_CLIENT,
            per_network=settings.NEWSLETTER_RATE_LIMIT_PER_NETWORK,
        ),
        Limit("newsletter.address", mailbox(email), settings.NEWSLETTER_RATE_LIMIT_PER_ADDRESS),
    ]


def signup_allowed(address, email):
    """Raises ``LimitsUnavailable`` while the limits cannot be read: no sign-up goes unlimited."""
    return within_limits(
        signup_limits(address, email),
        settings.NEWSLETTER_RATE_LIMIT_WINDOW_SECONDS,
        fail_closed=True,
    )


def record_signup(address, email):
    record(
        signup_limits(address, email),
        settings.NEWSLETTER_RATE_LIMIT_WINDOW_SECONDS,
        fail_closed=True,
    )
