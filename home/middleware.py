from django.conf import settings
from django.http import Http404
from django.middleware.csp import get_nonce
from django.utils.csp import CSP, build_policy


class SecurityHeadersMiddleware:
    """Adds ``Permissions-Policy`` everywhere. (The admin's relaxed CSP is set on its views,
    in ``website/urls.py``.)

    A preview is the page rendered through the whole middleware stack for a request Wagtail
    makes up (``request.is_preview``), and the editor frames it: it keeps the public pages'
    policy, but may be framed by the admin, which ``frame-ancestors 'none'`` and
    ``X-Frame-Options: DENY`` refuse."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if getattr(request, "is_preview", False):
            framed_by_admin = {**settings.SECURE_CSP, "frame-ancestors": [CSP.SELF]}
            response.headers.setdefault(
                str(CSP.HEADER_ENFORCE), build_policy(framed_by_admin, get_nonce(request))
            )
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response


class RejectNullCharactersMiddleware:
    """Answers 404 to URLs carrying NUL characters, which no page has and PostgreSQL refuses.

    One check here instead of one in every view that passes a parameter to the database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        values = [request.path, *(value for _, values in request.GET.lists() for value in values)]
        if any("\x00" in value for value in values):
            raise Http404("Adressen mit NUL-Zeichen gibt es nicht.")
        return self.get_response(request)
