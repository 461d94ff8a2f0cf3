"""The query parameters a page reads, as the page declares them; only those are ever cached.

The page cache knows no app. A page type declares what it reads with a class attribute, which
``pagecache.wagtail_hooks`` reads off whatever page Wagtail serves:

``cache_query_parameters = {"page": PAGE_NUMBER}``
    parameter name → the pattern of the values worth caching, for every route of the page;
``cache_query_parameters_by_route = {"listing": {...}, "feed": {...}}``
    the same per route of a ``RoutablePageMixin`` page (route names as ``reverse_subpage``
    takes them); a route not named reads nothing.

A view that is no page declares with ``@reads_query_parameters(q=ANY_TEXT)``.

What this buys:
- a request is stored only when each of its parameters is one the served page declared, given
  once, with a value of the declared pattern: ``/?dauer=<random>`` or ``/beitraege/feed/?page=7``
  (a parameter that page does not read) and ``?page=0001`` (a spelling of ``?page=1``) are
  rendered, never stored, and marked ``private`` for caches in front;
- a declared parameter given twice (``?filter=a&filter=b``) is answered 400: Django reads the
  last value, so the two orders would be two different pages under one sorted cache key.
"""

import re
from functools import wraps

from django.core.exceptions import BadRequest

PAGE_ATTRIBUTE = "cache_query_parameters"
ROUTE_ATTRIBUTE = "cache_query_parameters_by_route"
# Set on the request by the declaration, read by the middleware after the response.
REQUEST_ATTRIBUTE = "page_cache_query_parameters"

# ``2`` … ``99999``, as the pagination links write them: no ``02``, ``+2`` or `` 2``.
PAGE_NUMBER = r"[1-9][0-9]{0,4}"
# A slug as the site writes it: lower case letters (umlauts kept) and digits, runs joined by "-".
SLUG = r"[^\W_A-ZÄÖÜ]+(?:-[^\W_A-ZÄÖÜ]+)*"
NUMBER = r"[1-9][0-9]{0,5}"
# Free text (the search); the query string's length bound still applies.
ANY_TEXT = r".*"


def optional(pattern):
    """``pattern`` or empty: a form without JavaScript sends every field, the unused ones empty."""
    return f"(?:{pattern})?"


def declared_by_page(page, request):
    """What ``page`` declares for the route ``request`` was routed to."""
    by_route = getattr(page, ROUTE_ATTRIBUTE, None)
    if by_route is None:
        return dict(getattr(page, PAGE_ATTRIBUTE, {}))
    # Set by RoutablePageMixin.route, which Wagtail calls before the serve hooks.
    match = getattr(request, "routable_resolver_match", None)
    return dict(by_route.get(match.url_name, {})) if match else {}


def declare(request, parameters):
    """Notes what the view serving ``request`` reads; a declared parameter given twice is a 400
    (German ``400.html``), before the view reads either value."""
    repeated = sorted(name for name in parameters if len(request.GET.getlist(name)) > 1)
    if repeated:
        raise BadRequest(f"Query parameter given more than once: {', '.join(repeated)}")
    request.page_cache_query_parameters = {
        name: re.compile(pattern, re.DOTALL) for name, pattern in parameters.items()
    }


def reads_query_parameters(**parameters):
    """For views that are no page: ``@reads_query_parameters(q=ANY_TEXT, page=PAGE_NUMBER)``."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            declare(request, parameters)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def query_is_declared(request):
    """True when every parameter of ``request`` is declared, once, with a value of its pattern.
    Without a declaration (an unknown path, a view that declares nothing) only no query is."""
    declared = getattr(request, REQUEST_ATTRIBUTE, {})
    for name, values in request.GET.lists():
        pattern = declared.get(name)
        if pattern is None or len(values) != 1 or not pattern.fullmatch(values[0]):
            return False
    return True
