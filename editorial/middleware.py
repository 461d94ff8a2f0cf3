from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse

from . import two_factor

# Reachable after the password step, before the second factor: signing in and out, the
# verification itself, and what Wagtail's admin pages load for their own chrome.
ALWAYS_REACHABLE = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "editorial_two_factor_verify",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}
# Only while no app is set up: otherwise someone with the password alone could add their own.
REACHABLE_WITHOUT_APP = {"editorial_two_factor_setup"}


class AdminTwoFactorMiddleware:
    """Holds admin users at the second factor until their session has passed it.

    Put after django-otp's ``OTPMiddleware``, which tells whether the session is verified.
    A password-only session of someone who has an app, or who must set one up, reaches only
    the verification (or setup) in the admin, and counts as anonymous on the public site, so
    it cannot see private pages or drafts there either.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.hold_at_second_factor(request) or self.get_response(request)

    def hold_at_second_factor(self, request):
        """A redirect to the verification or setup page, or None to let the request pass."""
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if not two_factor.has_admin_access(user):
            return None
        has_app = two_factor.has_second_factor(user)
        if not has_app and not two_factor.second_factor_required(user):
            return None
        if not request.path.startswith(settings.ADMIN_URL_PREFIX):
            request.user = AnonymousUser()
            return None
        if self.is_reachable(request, has_app):
            return None
        target = "editorial_two_factor_verify" if has_app else "editorial_two_factor_setup"
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")

    def is_reachable(self, request, has_app):
        try:
            url_name = resolve(request.path_info).url_name
        except Resolver404:
            return False
        return url_name in ALWAYS_REACHABLE or (not has_app and url_name in REACHABLE_WITHOUT_APP)
