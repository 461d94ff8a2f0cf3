"""The visitor's IP address, worked out in one place that knows the deployment.

In production gunicorn's peer is nginx on the loopback (``deploy/``), and nginx appends the
address it saw to ``X-Forwarded-For``. That header is believed only when the peer is a trusted
proxy (``TRUSTED_PROXY_ADDRESSES``, loopback by default), and then only the entry the outermost
of our ``TRUSTED_PROXY_COUNT`` proxies wrote: everything left of it came from the client and can
be anything. Anyone else reaching gunicorn is taken at its own address, whatever it sends.

Used by the admin login limits (django-axes), the password-reset throttle, the newsletter's rate
limits and stored consent proof, and gunicorn's access log (``ClientAddressWSGIMiddleware``).
"""

import functools
import ipaddress

from django.conf import settings

WSGI_ENVIRON_KEY = "oic.client_address"


def parse_address(value):
    """The IP address in ``value`` (``1.2.3.4``, ``1.2.3.4:5678``, ``[2001:db8::1]:443``), or None.

    IPv4 addresses written as IPv6 (``::ffff:1.2.3.4``) come back as IPv4, so one visitor has
    one spelling.
    """
    value = value.strip()
    if value.startswith("["):
        value = value[1:].partition("]")[0]
    elif value.count(":") == 1:
        value = value.partition(":")[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


@functools.lru_cache(maxsize=8)
def networks(addresses):
    return tuple(ipaddress.ip_network(address, strict=False) for address in addresses)


def is_trusted_proxy(peer):
    """Whether ``peer`` (an address, or None for a Unix socket) may speak for the client."""
    if peer is None:
        # gunicorn on a Unix socket has no peer address; only local processes reach it.
        return True
    return any(peer in network for network in networks(tuple(settings.TRUSTED_PROXY_ADDRESSES)))


def address_from_environ(environ):
    """The client address for a WSGI environ (``request.META``): an IP address as a string, or
    ``""`` when there is none (a Unix socket without proxy header)."""
    remote_addr = environ.get("REMOTE_ADDR", "")
    peer = parse_address(remote_addr) if remote_addr else None
    own_address = str(peer) if peer else ""
    if remote_addr and peer is None:
        return ""
    count = settings.TRUSTED_PROXY_COUNT
    header = environ.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = [part for part in header.split(",") if part.strip()]
    if count <= 0 or not forwarded or not is_trusted_proxy(peer):
        return own_address
    # Fewer entries than proxies: a request that reached an inner proxy directly.
    written_by_our_proxy = forwarded[-count] if len(forwarded) >= count else forwarded[0]
    client = parse_address(written_by_our_proxy)
    return str(client) if client else own_address


def client_address(request):
    """The visitor's address for ``request`` (also django-axes' ``AXES_CLIENT_IP_CALLABLE``)."""
    return address_from_environ(request.META)


class ClientAddressWSGIMiddleware:
    """Puts the client address into the WSGI environ, where gunicorn's access log reads it
    (``%({oic.client_address}e)s`` in ``deploy/systemd/oic-cms-web.service``)."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        environ[WSGI_ENVIRON_KEY] = address_from_environ(environ)
        return self.application(environ, start_response)
