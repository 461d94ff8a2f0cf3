from django.http import HttpResponseRedirect


class NewsletterDeepLinkMiddleware:
    """Today's links with ``?newsletter=true`` land at the page's sign-up form (``#newsletter``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "GET" and request.GET.get("newsletter") == "true":
            remaining = request.GET.copy()
            del remaining["newsletter"]
            query = f"?{remaining.urlencode()}" if remaining else ""
            return HttpResponseRedirect(f"{request.path}{query}#newsletter")
        return self.get_response(request)
