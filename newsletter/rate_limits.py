"""The sign-up limits: per client, per network and per mailbox (figures: README "Newsletter").

Only sign-ups that would send an e-mail count: invalid forms, trapped bots and replayed form
tokens do not, so a room of people on one Wi-Fi is not turned away by anyone's typos.
"""

import ipaddress

from django.conf import settings

from oic_cms.client_address import parse_address
from oic_cms.rate_limits import Limit, record, within_limits

from .models import normalise_email

# One IPv6 host or home gets a /64; an IPv4 NAT hides a whole room behind one address.
CLIENT_PREFIX = {4: 32, 6: 64}
NETWORK_PREFIX = {4: 24, 6: 48}
GMAIL_DOMAINS = {"gmail.com", "googlemail.com"}


def prefix_of(address, prefixes):
    parsed = parse_address(address or "")
    if parsed is None:
        return address or "unknown"
    return ipaddress.ip_network(f"{parsed}/{prefixes[parsed.version]}", strict=False).with_prefixlen


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
        Limit(
            "newsletter.client",
            prefix_of(address, CLIENT_PREFIX),
            settings.NEWSLETTER_RATE_LIMIT_PER_CLIENT,
        ),
        Limit(
            "newsletter.network",
            prefix_of(address, NETWORK_PREFIX),
            settings.NEWSLETTER_RATE_LIMIT_PER_NETWORK,
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
