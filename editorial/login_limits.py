"""Admin sign-in limits on top of django-axes (README "Editors' accounts").

axes locks one account at one client address after ``AXES_FAILURE_LIMIT`` wrong passwords, so an
attacker elsewhere cannot lock the real person out. That alone lets one address try a few
passwords on each of many accounts; this handler also locks an address once its wrong passwords
across all user names reach ``ADMIN_LOGIN_FAILURE_LIMIT_PER_ADDRESS`` within the cool-off time.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.db.models import Sum


class AdminLoginHandler(AxesDatabaseHandler):
    def failures_from_address(self, request):
        recent = AccessAttempt.objects.filter(
            ip_address=request.axes_ip_address,
            attempt_time__gte=get_cool_off_threshold(request),
        )
        return recent.aggregate(total=Sum("failures_since_start"))["total"] or 0

    def address_is_locked(self, request):
        limit = settings.ADMIN_LOGIN_FAILURE_LIMIT_PER_ADDRESS
        return self.failures_from_address(request) >= limit

    def is_locked(self, request, credentials=None):
        return super().is_locked(request, credentials) or self.address_is_locked(request)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        """Answer with the lockout page as soon as the address reaches its limit, as axes does
        for an account."""
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        if request is None or request.axes_locked_out or not self.address_is_locked(request):
            return
        request.axes_locked_out = True
        request.axes_credentials = credentials
        user_locked_out.send(
            "axes",
            request=request,
            username=get_client_username(request, credentials),
            ip_address=request.axes_ip_address,
        )
