"""Rendered pages in Django's cache (Redis in production), addressed so that purges are exact.

An entry's key contains two version tokens: one per URL path and one for the whole cache.
Purging a path gives it a new token, which makes every stored variant of that path (each query
string) unreachable at once; purging everything replaces the global token. Unreachable entries
are never read again and expire on their own.

A request notes the tokens before the view reads the database and stores its page under those
tokens. A purge that happens while the page renders therefore leaves that possibly outdated page
unreachable; purges run after the publishing transaction commits (see ``signals``).
"""

import hashlib
import secrets
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation

KEY_PREFIX = "pagecache"
GENERATION_KEY = f"{KEY_PREFIX}:generation"
# Tokens outlive the pages stored under them; a lost token only costs a cache miss.
VERSION_TIMEOUT = 24 * 60 * 60
UNSTORED_HEADERS = {"set-cookie", "x-cache"}


def digest(text):
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def path_version_key(path):
    return f"{KEY_PREFIX}:path:{digest(path)}"


def new_token():
    return secrets.token_hex(8)


def normalised_query(request):
    """The query string with its parameters sorted: ``?page=2&filter=x`` = ``?filter=x&page=2``."""
    pairs = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
    return urlencode(sorted(pairs))


def query_is_cacheable(request):
    """Only the parameters the site's pages use (the search's ``q`` on the search only), in a
    query string of bounded length; any other (tracking, made-up ones) would let anyone fill
    the cache with copies of the same page."""
    if len(request.META.get("QUERY_STRING", "")) > settings.PAGE_CACHE_MAX_QUERY_STRING_LENGTH:
        return False
    allowed = settings.PAGE_CACHE_QUERY_PARAMETERS | settings.PAGE_CACHE_PATH_QUERY_PARAMETERS.get(
        request.path, set()
    )
    return all(name in allowed for name in request.GET)


@dataclass
class Lookup:
    """What a request found in the cache; carries the tokens its page will be stored under."""

    request_key: str
    generation: str
    path_version: str
    response: HttpResponse | None = None

    def entry_key(self):
        return f"{KEY_PREFIX}:page:{self.generation}:{self.path_version}:{self.request_key}"


def current_tokens(path=None):
    """The generation and ``path``'s version token (the generation alone without ``path``),
    and whether any was missing; missing ones are created at once (``add``: a token another
    request or a purge set meanwhile wins)."""
    keys = [GENERATION_KEY] if path is None else [GENERATION_KEY, path_version_key(path)]
    tokens = cache.get_many(keys)
    missing = [key for key in keys if key not in tokens]
    for key in missing:
        cache.add(key, new_token(), VERSION_TIMEOUT)
    if missing:
        tokens.update(cache.get_many(missing))
    return [tokens.get(key) or new_token() for key in keys], bool(missing)


def lookup(request):
    """The cached response for this request, or a ``Lookup`` without response to store it."""
    request_key = digest(
        "|".join(
            [
                request.scheme,
                request.get_host(),
                request.path,
                translation.get_language_from_request(request),
                normalised_query(request),
            ]
        )
    )
    (generation, path_version), were_missing = current_tokens(request.path)
    found = Lookup(request_key=request_key, generation=generation, path_version=path_version)
    if not were_missing:
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


def path_token(path):
    """The current version of ``path`` in the page cache: what else is cached for that address
    can be keyed by it and is then forgotten with the page at its next purge, or at a purge of
    everything."""
    tokens, _ = current_tokens(path)
    return ":".join(tokens)


def generation_token():
    """The current version of the whole page cache, for what every page shows."""
    (generation,), _ = current_tokens()
    return generation
