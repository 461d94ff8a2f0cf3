from wagtail.views import serve

from .models import CALENDAR_ROUTE


def calendar_file(request, page_path):
    """``…/kalender.ics``: the calendar route of the page at ``page_path``, served by Wagtail.

    Wagtail's own URL pattern only matches paths ending in a slash; calendar apps and today's
    links expect a file name, so this maps one onto the other (privacy checks included).
    """
    return serve(request, f"{page_path}{CALENDAR_ROUTE}")
