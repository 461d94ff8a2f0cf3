"""The site's section pages (Beiträge, Veranstaltungen, Autor*innen, …), found once per request.

Blocks and pages link to the sections ("Alle Beiträge", "Alle Veranstaltungen"); one query
for all children of the home page replaces one query per link.
"""

from django.core.cache import cache
from wagtail.models import Site

from home.models.page_queries import public_pages
from pagecache.store import generation_token

SECTION_PAGES_TIMEOUT = 24 * 60 * 60


def section_pages(request):
    """The live public children of the request's home page, each of its specific type (only the
    fields every page has are loaded)."""
    pages = getattr(request, "_section_pages", None)
    if pages is None:
        site = Site.find_for_request(request)
        pages = cached_section_pages(site) if site else []
        request._section_pages = pages
    return pages


def cached_section_pages(site):
    """Kept under the page cache's generation: the home page's children are the main
    navigation, so publishing, unpublishing, moving or restricting one purges every page
    (any change retires the page-cache generation) and with them this list."""
    key = f"section-pages:{site.pk}:{generation_token()}"
    pages = cache.get(key)
    if pages is None:
        children = site.root_page.get_children().live()
        pages = list(public_pages(children).specific(defer=True))
        cache.set(key, pages, SECTION_PAGES_TIMEOUT)
    return pages


def section_page(request, model):
    """The live public page of ``model`` below the home page, or ``None``. Without a request
    (e-mails, the shell), the first one anywhere."""
    if request is None:
        return model.objects.live().public().order_by("path").first()
    return next((page for page in section_pages(request) if isinstance(page, model)), None)
