from django.conf import settings
from django.http import Http404


class SecurityHeadersMiddleware:
    """Adds ``Permissions-Policy`` everywhere and swaps in the relaxed CSP for the admin.

    The public pages keep the strict ``SECURE_CSP`` (no inline code). Wagtail's admin relies on
    inline scripts and styles, so its responses carry ``ADMIN_CSP`` instead. Placed after
    Django's CSP middleware so this runs first on the way out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if request.path.startswith(settings.ADMIN_URL_PREFIX):
            response._csp_config = settings.ADMIN_CSP
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
