import posixpath
import sys
import unicodedata

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.paginator import InvalidPage, Paginator
from django.db import DatabaseError
from django.http import FileResponse, Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_safe
from django.views.static import serve
from wagtail.models import Page
from wagtail.views import serve as serve_page

from newsletter.views import signup as newsletter_signup
from pagecache.query_parameters import ANY_TEXT, PAGE_NUMBER, reads_query_parameters

from .search import matching_page_ids, specific_pages_in_order

SEARCH_RESULTS_PER_PAGE = 10
SEARCH_QUERY_MAX_LENGTH = 200


def printable_text(value):
    """The text without control characters such as NUL, which databases refuse in queries."""
    return "".join(char for char in value if unicodedata.category(char) != "Cc").strip()


@require_GET
@reads_query_parameters(q=ANY_TEXT, page=PAGE_NUMBER)
def search(request):
    """``/suche/?q=``: live public pages matching the query (``website/search.py``), ten a
    page."""
    query = printable_text(request.GET.get("q", ""))[:SEARCH_QUERY_MAX_LENGTH]
    results = None
    if query:
        paginator = Paginator(
            matching_page_ids(Page.objects.live().public(), query), SEARCH_RESULTS_PER_PAGE
        )
        try:
            results = paginator.page(request.GET.get("page") or 1)
        except InvalidPage as error:
            raise Http404("Diese Seite gibt es nicht.") from error
        results.object_list = specific_pages_in_order(results.object_list)
    response = TemplateResponse(
        request, "website/search_page.html", {"search_query": query, "search_results": results}
    )
    response.cdn_cache_seconds = settings.CDN_SEARCH_CACHE_SECONDS
    return response


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(max_age=86400, public=True)
def favicon_ico(request):
    """Browsers and feed readers ask for /favicon.ico whatever the page links: answer it from
    the static source (the finders), so it works before and after collectstatic."""
    return FileResponse(open(finders.find("images/favicon.ico"), "rb"), content_type="image/x-icon")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


# How soon a visitor may try again while the database is unreachable (a restart, a failover).
DATABASE_UNAVAILABLE_RETRY_AFTER_SECONDS = 60


def server_error(request):
    """Render without context processors: the failure may lie in the database they need.

    A database that cannot be reached is no fault of the page: it is answered 503 with
    ``Retry-After``, so visitors, crawlers and monitoring know to come back. Cached pages are
    still served meanwhile (the page cache answers before anything reads the database).
    """
    if isinstance(sys.exception(), DatabaseError):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(DATABASE_UNAVAILABLE_RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())


# The folders of MEDIA_ROOT that hold image files: Wagtail's originals and renditions
# (``AbstractImage.get_upload_to``, ``AbstractRendition.get_upload_to``). Documents (``documents/``)
# are served only by Wagtail's document view, which checks their collection's privacy.
IMAGE_MEDIA_FOLDERS = {"original_images", "images"}
# As long as nginx keeps them (deploy/nginx/oic-cms.conf): a rendition's name changes with its
# size and focal point, and a new upload gets a new name.
IMAGE_CACHE_SECONDS = 30 * 24 * 60 * 60


@require_safe
def serve_media(request, path):
    """Uploaded images for deployments without a web server in front (``SERVE_MEDIA_FILES``),
    in every settings module; nothing else of ``MEDIA_ROOT``."""
    normalised = posixpath.normpath(path).lstrip("/")
    folder, _, name = normalised.partition("/")
    if folder not in IMAGE_MEDIA_FOLDERS or not name:
        raise Http404("Diese Datei gibt es nicht.")
    response = serve(request, normalised, document_root=settings.MEDIA_ROOT)
    patch_cache_control(response, public=True, max_age=IMAGE_CACHE_SECONDS)
    return response


@require_GET
def newsletter_page(request):
    """``/newsletter/``: the newsletter archive with its sign-up form when the site has the
    archive page there, else the bare sign-up page of the newsletter app."""
    try:
        return serve_page(request, "newsletter/")
    except Http404:
        return newsletter_signup(request)
