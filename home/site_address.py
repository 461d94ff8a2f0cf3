"""The default Wagtail site's address, from the one setting that names the public address.

Wagtail builds every absolute address of a page (canonical, ``og:url``, feeds, sitemap, iCal,
the consent proof's page, CDN purges) from the site's host name and port (*Einstellungen →
Websites*), while e-mails and the admin use ``WAGTAILADMIN_BASE_URL``. Taking the site's from
``WAGTAILADMIN_BASE_URL`` keeps the two in step: ``make run PORT=…`` sets it to what it serves,
production to its public address (``deploy/oic-cms.env.example``), and the web unit applies it
at every start (``manage.py set_site_address``).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def configured_address(base_url=None):
    """``(hostname, port)`` of ``WAGTAILADMIN_BASE_URL`` (or ``base_url``)."""
    base_url = base_url or settings.WAGTAILADMIN_BASE_URL
    parts = urlsplit(base_url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ImproperlyConfigured(
            f"WAGTAILADMIN_BASE_URL must be an http(s) address such as https://oic-bielefeld.de, "
            f"not {base_url!r}."
        )
    return parts.hostname, parts.port or DEFAULT_PORTS[parts.scheme]


def apply_to_site(site, base_url=None):
    """Gives ``site`` the configured address; saves (and so retires cached pages) only if it
    changed. Returns whether it changed."""
    hostname, port = configured_address(base_url)
    if (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    if site.pk is not None:
        site.save(update_fields=["hostname", "port"])
    return True


def set_default_site_address(base_url=None):
    """The default site with the configured address, or ``None`` if there is no default site."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        apply_to_site(site, base_url)
    return site
