"""Cross-site protection for the anonymous public forms, which carry no CSRF token.

The newsletter form is on every public page, and form pages are cached like any page: a CSRF
token would make them uncacheable. Signing up is anonymous and double opt-in, and a form page
only stores and forwards what a visitor typed, so a forged sending achieves no more than
sending the form oneself, which the rate limits and the honeypot already bound. Browsers say
where a POST comes from: ``Sec-Fetch-Site`` (all current browsers) or ``Origin``; a request
from another site is refused.
Django 6.1's CSRF middleware checks ``Origin`` only together with a token, so this small check
stands in for it here. Clients that send neither header are not browsers and cannot be made to
post on a visitor's behalf.
"""

from django.conf import settings

ALLOWED_FETCH_SITES = {"same-origin", "none"}


def own_origin(request):
    return f"{request.scheme}://{request.get_host()}"


def is_cross_site(request):
    fetch_site = request.headers.get("Sec-Fetch-Site", "").strip().lower()
    if fetch_site:
        return fetch_site not in ALLOWED_FETCH_SITES
    origin = request.headers.get("Origin", "").strip()
    if origin:
        return origin != own_origin(request) and origin not in settings.CSRF_TRUSTED_ORIGINS
    return False
