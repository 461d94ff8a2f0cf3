"""What every page request needs and editors rarely change, kept in the shared cache.

The site of a host name, the site settings and which pages are private would otherwise cost
an SQL query each on every request (the last one several times). Each entry is dropped when
its source is saved, so a change shows on the next request.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

CACHE_TIMEOUT = 24 * 60 * 60
SITES_BY_HOST_KEY = "sites-by-host"
RESTRICTED_SECTIONS_KEY = "restricted-section-paths"


def site_settings_cache_key(model, site_id):
    return f"site-settings:{model._meta.label_lower}:{site_id}"


def site_for_request(request):
    """Wagtail's ``Site.find_for_request``, remembered per host and port."""
    host = f"{request.get_host()}:{request.get_port()}"
    sites_by_host = cache.get(SITES_BY_HOST_KEY) or {}
    if host not in sites_by_host:
        site = Site.find_for_request(request)
        if site is None:
            return None
        # Wagtail routes every request from ``site.root_page.specific``: a query each time, for
        # fields routing does not read. The home page loads them when it is served itself.
        site.root_page = site.root_page.specific_deferred
        sites_by_host[host] = site
        cache.set(SITES_BY_HOST_KEY, sites_by_host, CACHE_TIMEOUT)
    return sites_by_host[host]


class CachedSiteMiddleware:
    """Gives Wagtail the request's site from the cache (Wagtail looks for it on the request
    before it asks the database). After ``CommonMiddleware``, which rejects unknown hosts."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        site = site_for_request(request)
        if site is not None:
            request._wagtail_site = site
        return self.get_response(request)


def cached_site_settings(model, site, load):
    """The settings of ``model`` for ``site``: from the cache, else ``load()`` and remember."""
    key = site_settings_cache_key(model, site.pk)
    instance = cache.get(key)
    if instance is None:
        instance = load()
        cache.set(key, instance, CACHE_TIMEOUT)
    return instance


def restricted_section_paths():
    """Tree paths of the pages with a view restriction (usually none): their sections are
    private. Listings leave them out and serving checks them without asking the database."""
    return cache.get_or_set(
        RESTRICTED_SECTIONS_KEY,
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))),
        CACHE_TIMEOUT,
    )


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_page_move)
def forget_sites(sender, **kwargs):
    """A site's host or root page changed, or pages moved (the cached root keeps its path)."""
    cache.delete(SITES_BY_HOST_KEY)


@receiver(post_save)
def forget_sites_when_a_root_page_changes(sender, instance, **kwargs):
    """The cached sites hold their root pages (title, slug, live)."""
    if isinstance(instance, Page):
        sites = (cache.get(SITES_BY_HOST_KEY) or {}).values()
        if any(site.root_page_id == instance.pk for site in sites):
            cache.delete(SITES_BY_HOST_KEY)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_page_move)
def forget_view_restrictions(sender, **kwargs):
    cache.delete(RESTRICTED_SECTIONS_KEY)


def forget_site_settings(sender, instance, **kwargs):
    cache.delete(site_settings_cache_key(sender, instance.site_id))
