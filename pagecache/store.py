"""Rendered pages in Django's cache (Redis in production), under the cache's generation.

An entry's key contains the generation token; a purge replaces the token, which makes every
stored page on every host unreachable at once. Unreachable entries are never read again and
expire on their own.

A request notes the generation before the view reads the database and stores its page under
it. A purge that happens while the page renders therefore leaves that possibly outdated page
unreachable; purges run after the publishing transaction commits (see ``signals``).
"""

import hashlib
import secrets
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils import translation

KEY_PREFIX = "pagecache"
GENERATION_KEY = f"{KEY_PREFIX}:generation"
# Tokens outlive the pages stored under them; a lost token only costs a cache miss.
VERSION_TIMEOUT = 24 * 60 * 60
UNSTORED_HEADERS = {"set-cookie", "x-cache"}


def digest(text):
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def new_token():
    return secrets.token_hex(8)


def normalised_query(request):
    """The query string with its parameters sorted: ``?page=2&filter=x`` = ``?filter=x&page=2``.
    Only unambiguous for names given once, which ``query_may_be_looked_up`` ensures."""
    pairs = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
    return urlencode(sorted(pairs))


def query_may_be_looked_up(request):
    """A query string of bounded length that names each parameter once. Whether its parameters
    are the ones the page reads is known only after routing (``query_parameters``): a page is
    stored only then, so a lookup for any other query finds nothing and writes nothing.

    A name given twice is never looked up: Django reads the last value, and the sorted key
    would be the same for ``?filter=a&filter=b`` and ``?filter=b&filter=a``."""
    if len(request.META.get("QUERY_STRING", "")) > settings.PAGE_CACHE_MAX_QUERY_STRING_LENGTH:
        return False
    return all(len(values) == 1 for _name, values in request.GET.lists())


@dataclass
class Lookup:
    """What a request found in the cache; carries the generation its page will be stored under."""

    request_key: str
    generation: str
    response: HttpResponse | None = None

    def entry_key(self):
        return f"{KEY_PREFIX}:page:{self.generation}:{self.request_key}"


def current_generation():
    """The generation token, and whether it was missing; a missing one is created at once
    (``add``: a token another request or a purge set meanwhile wins)."""
    generation = cache.get(GENERATION_KEY)
    if generation is not None:
        return generation, False
    cache.add(GENERATION_KEY, new_token(), VERSION_TIMEOUT)
    return cache.get(GENERATION_KEY) or new_token(), True


def lookup(request):
    """The cached response for this request, or a ``Lookup`` without response to store it."""
    request_key = digest(
        "|".join(
            [
                request.scheme,
                # Not ``get_host()``: the port of ``Host:`` is the visitor's choice (the allowed
                # hosts ignore it) and would give every port its own copy of each page.
                split_domain_port(request.get_host())[0],
                request.get_port(),
                request.path,
                translation.get_language_from_request(request),
                normalised_query(request),
            ]
        )
    )
    generation, was_missing = current_generation()
    found = Lookup(request_key=request_key, generation=generation)
    if not was_missing:
        stored = cache.get(found.entry_key())
        if stored is not None:
            found.response = response_from_entry(stored)
    return found


def store(found, response):
    """Keeps ``response`` for ``PAGE_CACHE_SECONDS`` under the tokens noted before it was
    rendered: after a purge meanwhile, no request reads it."""
    cache.set(found.entry_key(), entry_from_response(response), settings.PAGE_CACHE_SECONDS)


def entry_from_response(response):
    headers = [
        (name, value)
        for name, value in response.headers.items()
        if name.lower() not in UNSTORED_HEADERS
    ]
    return (response.status_code, response.content, headers)


def response_from_entry(entry):
    status, content, headers = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response.headers[name] = value
    return response


def purge_everything():
    """Retires every cached page on every host (``pagecache.signals``)."""
    cache.set(GENERATION_KEY, new_token(), VERSION_TIMEOUT)


def generation_token():
    """The current version of the whole page cache, for what every page shows."""
    generation, _ = current_generation()
    return generation
