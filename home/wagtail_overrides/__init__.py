"""The overrides of Wagtail internals that stay, all in this package, because together they halve
the uncached time of a post and a listing.

``make bench`` with 10,000 posts on PostgreSQL, 2 gunicorn workers, one connection per worker,
uncached p50 (2026-12-03, one host, one hour): with every override removed a post took 53.9 ms
and 16 SQL queries, a listing 49.3 ms and 11; with routing, site and view restrictions back
34.3 ms / 6 and 40.9 ms / 5; with ``{% picture %}`` back too 32.9 ms and 35.2 ms.
Each part below says what it replaces and what it waits for upstream;
``tests/home/test_wagtail_overrides.py`` fails as soon as a Wagtail release no longer behaves
as a part assumes (then delete the part, or adapt it).

- ``TypedChildRoutingMixin``, ``SectionRoutingMixin``: ``Page.route`` loads each path segment
  twice (as ``Page``, then ``.specific``) and forgets the parent, so ``get_parent()`` and the
  breadcrumbs query again. Here a section comes from the cached section pages and a child is
  loaded once, of its own type, with what its page shows, and knows its parent
  (``_cached_parent_obj``, the attribute Wagtail's own ``get_parent`` reads). Waits for
  https://github.com/wagtail/wagtail/issues/11625 (cache the parent while routing; PR #12066).
- ``ViewRestrictionsByPathMixin``: ``Page.get_view_restrictions`` queries the ancestors on every
  serve to resolve aliases (since https://github.com/wagtail/wagtail/pull/6757). Here no query
  while no page is private, and the ancestors come from the page's tree path otherwise. No
  upstream issue yet.
- ``picture.PictureWithParsedFiltersNode`` (``{% picture %}`` of ``picture_tags``; a module of
  its own because Wagtail's image tags must not load while the models do): Wagtail's
  ``PictureNode.get_filters`` builds new ``Filter`` objects on every render, and each parses
  its operations again (``inspect.getcallargs`` per operation): on a listing of 12 cards with
  6 sizes each, 144 parses per request. The sizes are literals in the template, so the parsed
  filters live as long as the compiled template; operations keep no state between images.
  No upstream issue yet.
- ``CachedSiteMiddleware``: ``Site.find_for_request`` queries the database on every request
  (https://github.com/wagtail/wagtail/pull/4142, closed unmerged); Wagtail takes a site already
  found from ``request._wagtail_site``, which this middleware fills from the shared cache.
  Unlike Wagtail it answers 400 to a host that is no site's and not named in ``ALLOWED_HOSTS``
  rather than serving the default site under that name.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http.request import split_domain_port
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

from home.site_cache import CACHE_TIMEOUT, restricted_section_paths

SITES_BY_HOST_KEY = "sites-by-host"


class TypedChildRoutingMixin:
    """For parents whose children are all of one type: routing finds the child in one query,
    together with what its page shows (``child_pages_for_routing``), instead of two.

    Comes after ``RoutablePageMixin`` in the bases, so the parent's own routes still win.
    """

    def child_pages_for_routing(self):
        raise NotImplementedError

    def route(self, request, path_components):
        if path_components:
            child = self.child_pages_for_routing().filter(slug=path_components[0]).first()
            if child is not None:
                child._cached_parent_obj = self
                return child.route(request, path_components[1:])
        # This page itself, or a child of another type (Wagtail's routing finds it or 404s).
        return super().route(request, path_components)


class SectionRoutingMixin:
    """For the site's root page: finds the section among the cached section pages
    (``home.section_pages``). A section only passed through (``/beitraege/<post>/``) routes from
    that cached copy; one served itself is loaded with its own fields in one query. Sections
    that are not there (private, unpublished) go Wagtail's way."""

    def route(self, request, path_components):
        if path_components and request is not None:
            from home.section_pages import section_pages

            section = next(
                (
                    page
                    for page in section_pages(request)
                    if page.slug == path_components[0] and page.is_child_of(self)
                ),
                None,
            )
            if section is not None:
                section._cached_parent_obj = self
                result = section.route(request, path_components[1:])
                if result[0] is not section:
                    return result
                served = type(section).objects.filter(pk=section.pk).first()
                if served is not None:
                    served._cached_parent_obj = self
                    return served.route(request, path_components[1:])
        if not path_components and self.get_deferred_fields():
            # The cached site's copy (``CachedSiteMiddleware``) has only the fields every page has.
            return type(self).objects.get(pk=self.pk).route(request, path_components)
        return super().route(request, path_components)


def ancestors_known_from_routing(page):
    """The ancestors below the tree root that routing already fetched (home page first), or
    ``None`` if routing did not fetch them all."""
    ancestors = []
    current = page
    while current.depth > 2:
        current = current.__dict__.get("_cached_parent_obj")
        if current is None:
            return None
        ancestors.append(current)
    return ancestors[::-1]


class ViewRestrictionsByPathMixin:
    def get_view_restrictions(self):
        """The restrictions on this page and its ancestors; an alias has its source's."""
        if not restricted_section_paths():
            return PageViewRestriction.objects.none()
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        alias_sources = Page.objects.filter(path__in=paths, alias_of__isnull=False).values(
            "alias_of_id"
        )
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page_id__in=alias_sources)
        )


def hostnames_named_in_allowed_hosts():
    """The host names ``ALLOWED_HOSTS`` names one by one, without its patterns (``*``,
    ``.example.org``)."""
    return {
        host.lower().removesuffix(".")
        for host in settings.ALLOWED_HOSTS
        if host != "*" and not host.startswith(".")
    }


def site_cache_key(request, sites):
    """The key of the request's site among ``sites`` (hostname, port): the exact site, a site
    of the same hostname, or the default site, which answers only host names that
    ``ALLOWED_HOSTS`` names (``localhost`` beside a site ``127.0.0.1``, ``testserver``);
    ``None`` for any other host. Bounded by the number of sites, whatever ``Host:`` headers
    visitors send: the port of ``Host:`` is dropped (the allowed hosts ignore it), the
    server's own port (``SERVER_PORT``) is kept."""
    hostname = split_domain_port(request.get_host())[0]
    port = str(request.get_port())
    if (hostname, port) in sites:
        return f"{hostname}:{port}"
    if any(site_hostname == hostname for site_hostname, _ in sites):
        return f"{hostname}:*"
    if hostname in hostnames_named_in_allowed_hosts():
        return "*"
    return None


def site_for_request(request):
    """Wagtail's ``Site.find_for_request``, remembered in the shared cache. Raises
    ``DisallowedHost`` (answered 400) for a host that is no site's and not named in
    ``ALLOWED_HOSTS``, instead of Wagtail's fallback to the default site: a pattern in
    ``ALLOWED_HOSTS`` (``*``, ``.example.org``) then no longer serves the site under any name."""
    cached = cache.get(SITES_BY_HOST_KEY)
    if cached is None:
        cached = {
            "sites": {
                (hostname, str(port))
                for hostname, port in Site.objects.values_list("hostname", "port")
            },
            "by_key": {},
        }
    key = site_cache_key(request, cached["sites"])
    if key is None:
        raise DisallowedHost(
            f"Host {request.get_host()!r} is no Wagtail site and not named in ALLOWED_HOSTS."
        )
    if key not in cached["by_key"]:
        site = Site.find_for_request(request)
        if site is None:
            return None
        # Wagtail routes every request from ``site.root_page.specific``: a query each time, for
        # fields routing does not read. The home page loads them when it is served itself.
        site.root_page = site.root_page.specific_deferred
        cached["by_key"][key] = site
        cache.set(SITES_BY_HOST_KEY, cached, CACHE_TIMEOUT)
    return cached["by_key"][key]


class CachedSiteMiddleware:
    """Gives Wagtail the request's site from the cache (Wagtail looks for it on the request
    before it asks the database), and answers 400 to hosts that are no site (see
    ``site_for_request``). After ``CommonMiddleware``, which rejects hosts ``ALLOWED_HOSTS``
    does not match."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        site = site_for_request(request)
        if site is not None:
            request._wagtail_site = site
        return self.get_response(request)


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
        cached = cache.get(SITES_BY_HOST_KEY) or {"by_key": {}}
        if any(site.root_page_id == instance.pk for site in cached["by_key"].values()):
            cache.delete(SITES_BY_HOST_KEY)
