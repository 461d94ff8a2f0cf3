"""``Cache-Control`` of Wagtail's document view (``/documents/<id>/<name>``).

Wagtail's view streams the file with an ``ETag`` (its hash) but no ``Cache-Control``, so
browsers and a CDN guess. A document of a public collection may be kept: by browsers for an
hour (the ``ETag`` makes the check after that cheap), by a CDN for ``CDN_CACHE_SECONDS``, so
that moving it into a private collection or deleting it takes effect there as quickly as a
change of a page does. A document of a collection with a view restriction, its password form
and its sign-in redirect are never stored anywhere (``private, no-store``), even for the visitor
who was let in.
"""

from functools import wraps

from django.conf import settings
from django.utils.cache import patch_cache_control

DOCUMENT_BROWSER_CACHE_SECONDS = 60 * 60
SHAREABLE_STATUSES = {200, 304}


def document_cache_control(view):
    @wraps(view)
    def view_with_cache_control(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        # Set by ``wagtail_hooks``; a request that never reached it counts as restricted.
        restricted = getattr(request, "document_view_restricted", True)
        if response.status_code in SHAREABLE_STATUSES and not restricted:
            patch_cache_control(
                response,
                public=True,
                max_age=DOCUMENT_BROWSER_CACHE_SECONDS,
                s_maxage=settings.CDN_CACHE_SECONDS,
            )
        elif response.status_code != 404:
            patch_cache_control(response, private=True, no_store=True)
        return response

    return view_with_cache_control
