"""The site's section pages (Beiträge, Veranstaltungen, Autor*innen, …), found once per request.

Blocks and pages link to the sections ("Alle Beiträge", "Alle Veranstaltungen"); one query
for all children of the home page replaces one query per link.
"""

from wagtail.models import Site

from home.models.page_queries import public_pages


def section_pages(request):
    """The live public children of the request's home page, each of its specific type (only the
    fields every page has are loaded)."""
    pages = getattr(request, "_section_pages", None)
    if pages is None:
        site = Site.find_for_request(request)
        children = site.root_page.get_children().live() if site else None
        pages = list(public_pages(children).specific(defer=True)) if site else []
        request._section_pages = pages
    return pages


def section_page(request, model):
    """The live public page of ``model`` below the home page, or ``None``. Without a request
    (e-mails, the shell), the first one anywhere."""
    if request is None:
        return model.objects.live().public().order_by("path").first()
    return next((page for page in section_pages(request) if isinstance(page, model)), None)
