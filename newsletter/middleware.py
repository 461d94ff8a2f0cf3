from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme


class NewsletterDeepLinkMiddleware:
    """Today's links with ``?newsletter=true`` land at the page's sign-up form (``#newsletter``).

    The target is the request's own path, which a visitor chooses: ``//evil.example/`` (or
    ``/%2Fevil.example/``, which the server decodes to it) would read as another host in a
    ``Location`` header. Such a path is no page of ours, so it is not redirected at all and gets
    the answer it would get without the parameter (404)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "GET" and request.GET.get("newsletter") == "true":
            remaining = request.GET.copy()
            del remaining["newsletter"]
            query = f"?{remaining.urlencode()}" if remaining else ""
            target = f"{request.path}{query}#newsletter"
            if url_has_allowed_host_and_scheme(
                target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            ):
                return HttpResponseRedirect(target)
        return self.get_response(request)
