from django.conf import settings


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
