from base64 import b32encode
from urllib.parse import urlencode

import django_otp
import segno
from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView
from django_otp.plugins.otp_static.models import StaticDevice
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.account import LogoutView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import two_factor
from .forms import SetupForm, VerifyForm

OVERVIEW_URL = reverse_lazy("editorial_two_factor")


def safe_next_url(request):
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return reverse("wagtailadmin_home")


@method_decorator([never_cache, sensitive_post_parameters("code")], name="dispatch")
class VerifyView(FormView):
    """Second step of the admin login, after the password."""

    template_name = "editorial/two_factor/verify.html"
    form_class = VerifyForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_verified() or not two_factor.has_second_factor(request.user):
            return redirect(safe_next_url(request))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "next": safe_next_url(self.request)}

    def form_valid(self, form):
        django_otp.login(self.request, form.device)
        if isinstance(form.device, StaticDevice):
            remaining = form.device.token_set.count()
            messages.warning(
                self.request,
                f"Sie haben sich mit einem Wiederherstellungscode angemeldet; {remaining} "
                "sind noch übrig. Jeder Code gilt nur einmal.",
            )
        return redirect(safe_next_url(self.request))


class AccountAreaMixin(WagtailAdminTemplateMixin):
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_account"), "label": "Konto"},
            {"url": "", "label": self.get_page_title()},
        ]


class OverviewView(AccountAreaMixin, TemplateView):
    page_title = "Zwei-Faktor-Anmeldung"
    template_name = "editorial/two_factor/overview.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return {
            **super().get_context_data(**kwargs),
            "has_app": two_factor.has_second_factor(user),
            "required": two_factor.second_factor_required(user),
            "recovery_code_count": len(two_factor.recovery_codes(user)),
        }


@method_decorator([never_cache, sensitive_post_parameters("code")], name="dispatch")
class SetupView(AccountAreaMixin, FormView):
    """Shows the secret as a QR code (drawn here, as SVG) and confirms it with a first code."""

    page_title = "Authenticator-App einrichten"
    template_name = "editorial/two_factor/setup.html"
    form_class = SetupForm

    def get_form_kwargs(self):
        self.device = two_factor.pending_app_device(self.request.user)
        return {**super().get_form_kwargs(), "device": self.device}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        secret = b32encode(self.device.bin_key).decode()
        qr_code = segno.make(self.device.config_url, error="m")
        return {
            **context,
            "qr_code_svg": mark_safe(  # noqa: S308 - segno's own markup, no user input in it
                qr_code.svg_inline(scale=5, title="QR-Code für Ihre Authenticator-App")
            ),
            "secret_groups": [secret[start : start + 4] for start in range(0, len(secret), 4)],
            "had_app": two_factor.has_second_factor(self.request.user),
            "next": safe_next_url(self.request),
        }

    def form_valid(self, form):
        two_factor.confirm_app_device(self.device)
        django_otp.login(self.request, self.device)
        messages.success(
            self.request,
            "Die Zwei-Faktor-Anmeldung ist eingerichtet. Bewahren Sie Ihre "
            "Wiederherstellungscodes sicher auf, getrennt von Ihrem Telefon.",
        )
        query = urlencode({"next": safe_next_url(self.request)})
        return redirect(f"{reverse('editorial_two_factor_recovery_codes')}?{query}")


class RecoveryCodesView(AccountAreaMixin, TemplateView):
    page_title = "Wiederherstellungscodes"
    template_name = "editorial/two_factor/recovery_codes.html"

    def dispatch(self, request, *args, **kwargs):
        if not two_factor.has_second_factor(request.user):
            return redirect(OVERVIEW_URL)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "codes": two_factor.recovery_codes(self.request.user),
            "next": safe_next_url(self.request),
        }

    def post(self, request):
        two_factor.replace_recovery_codes(request.user)
        messages.success(
            request, "Neue Wiederherstellungscodes erzeugt; die alten gelten nicht mehr."
        )
        return redirect("editorial_two_factor_recovery_codes")


class DisableView(AccountAreaMixin, TemplateView):
    page_title = "Zwei-Faktor-Anmeldung abschalten"
    template_name = "editorial/two_factor/disable.html"

    def dispatch(self, request, *args, **kwargs):
        if not two_factor.has_second_factor(request.user):
            return redirect(OVERVIEW_URL)
        if two_factor.second_factor_required(request.user):
            messages.error(
                request,
                "Für Ihr Konto ist die Zwei-Faktor-Anmeldung vorgeschrieben. Sie können die "
                "App wechseln, aber nicht abschalten.",
            )
            return redirect(OVERVIEW_URL)
        return super().dispatch(request, *args, **kwargs)

    def post(self, request):
        two_factor.remove_second_factor(request.user)
        messages.success(request, "Die Zwei-Faktor-Anmeldung ist abgeschaltet.")
        return redirect(OVERVIEW_URL)


class LogoutConfirmView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Abmelden"
    header_icon = "logout"
    template_name = "editorial/logout.html"


confirm_logout = require_admin_access(LogoutConfirmView.as_view())
wagtail_logout = LogoutView.as_view()


@never_cache
def logout(request):
    """``/admin/logout/``. Wagtail's view (Django's, POST only) answers a GET with 405 yet
    deletes the session cookie and says "successfully logged out", so the session stays valid
    on the server for anyone else holding the cookie. Here a GET signs nobody out (a link or an
    image on another site could send it) and shows the sign-out button; the POST, which
    Wagtail's menu sends, ends the session on the server (``auth.logout`` flushes it)."""
    if request.method == "POST":
        return wagtail_logout(request)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    return confirm_logout(request)
