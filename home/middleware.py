from django.conf import settings
from django.http import Http404


class SecurityHeadersMiddleware:
    """Adds ``Permissions-Policy`` everywhere. (The admin's relaxed CSP is set on its views,
    in ``website/urls.py``.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
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
