"""The page cache for anonymous visitors and the ``Cache-Control`` header for CDNs and browsers.

Placed before the session middleware: a cached page is answered without touching the session or
the database. Headers on every response this middleware sees:

``X-Cache: HIT``     the page came from the page cache.
``X-Cache: MISS``    the page was rendered now; it is stored when it may be shared (see below).
``X-Cache: BYPASS``  the request is never answered from the cache (signed-in editor, admin,
                     POST, a query parameter the page does not declare, see
                     ``query_parameters``).
No ``X-Cache`` header when the page cache is off (``PAGE_CACHE_SECONDS=0``).

A response is shared (page cache, ``Cache-Control: public, s-maxage=…``) only when it is a
``200`` answer to a GET or HEAD without session cookie, outside the admin, not a preview, sets
no cookie, did not ask for anything else itself and has only query parameters the page declared
(``query_parameters``). Any other status is neither stored nor marked. Responses for signed-in
editors, the admin, previews, POSTs, responses that set cookies and pages asked for with
parameters they do not declare get ``Cache-Control: private, no-store``.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

from . import store
from .query_parameters import query_is_declared

READ_METHODS = {"GET", "HEAD"}


def is_admin(request):
    return request.path.startswith(settings.ADMIN_URL_PREFIX)


def may_be_shared_request(request):
    """Anonymous reads: no session cookie means no signed-in editor and no preview session."""
    return (
        request.method in READ_METHODS
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not is_admin(request)
    )


def may_be_shared_response(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(request, "is_preview", False):
        return False
    return "Cache-Control" not in response.headers


def must_stay_private(request, response):
    return (
        bool(response.cookies)
        or request.method not in READ_METHODS
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or is_admin(request)
        or getattr(request, "is_preview", False)
    )


def mark_public(response):
    patch_cache_control(
        response,
        public=True,
        max_age=0,
        s_maxage=getattr(response, "cdn_cache_seconds", settings.CDN_CACHE_SECONDS),
        stale_while_revalidate=settings.CDN_STALE_WHILE_REVALIDATE_SECONDS,
    )


def mark_private(response):
    patch_cache_control(response, private=True, no_store=True)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        enabled = settings.PAGE_CACHE_SECONDS > 0
        shareable_request = may_be_shared_request(request)
        use_cache = enabled and shareable_request and store.query_may_be_looked_up(request)
        found = store.lookup(request) if use_cache else None
        if found is not None and found.response is not None:
            found.response["X-Cache"] = "HIT"
            return found.response

        response = self.get_response(request)
        shareable_response = shareable_request and may_be_shared_response(request, response)
        declared = query_is_declared(request)
        if shareable_response and declared:
            mark_public(response)
        elif shareable_response or must_stay_private(request, response):
            # A page under parameters it does not read: no copy in a CDN or proxy either.
            mark_private(response)
        if found is not None and declared:
            response["X-Cache"] = "MISS"
            if shareable_response and request.method == "GET":
                store.store(found, response)
        elif enabled:
            response["X-Cache"] = "BYPASS"
        return response
