import logging

from django import forms
from django.conf import settings
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from oic_cms.client_address import client_address
from oic_cms.rate_limits import Limit, record, within_limits

from . import two_factor

logger = logging.getLogger(__name__)

PASSWORD_RESET_WINDOW_SECONDS = 60 * 60

THROTTLED_MESSAGE = (
    "Zu viele falsche Codes. Bitte warten Sie einen Moment und versuchen Sie es dann erneut."
)


class CodeField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            max_length=32,
            strip=True,
            widget=forms.TextInput(
                attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "size": 12}
            ),
            error_messages={"required": "Bitte geben Sie einen Code ein."},
            **kwargs,
        )


class VerifyForm(forms.Form):
    """The second step of the admin login: a code from the app or a recovery code."""

    code = CodeField(
        label="Bestätigungscode",
        help_text=(
            "Der sechsstellige Code aus Ihrer Authenticator-App – oder, wenn Sie Ihr Telefon "
            "nicht zur Hand haben, einer Ihrer Wiederherstellungscodes."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None

    def clean_code(self):
        code = self.cleaned_data["code"]
        try:
            self.device = two_factor.verify_code(self.user, code)
        except two_factor.CodeThrottled:
            raise forms.ValidationError(THROTTLED_MESSAGE, code="throttled") from None
        if self.device is None:
            raise forms.ValidationError(
                "Dieser Code stimmt nicht. Geben Sie den aktuellen Code aus Ihrer "
                "Authenticator-App oder einen noch nicht benutzten Wiederherstellungscode ein.",
                code="invalid",
            )
        return code


class SetupForm(forms.Form):
    """Confirms that the app has the secret: its first code must match."""

    code = CodeField(
        label="Code aus der App",
        help_text="Der sechsstellige Code, den Ihre Authenticator-App jetzt anzeigt.",
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = two_factor.normalise_code(self.cleaned_data["code"])
        if not self.device.verify_is_allowed()[0]:
            raise forms.ValidationError(THROTTLED_MESSAGE, code="throttled")
        if not two_factor.TOTP_CODE.fullmatch(code) or not self.device.verify_token(code):
            raise forms.ValidationError(
                "Dieser Code stimmt nicht. Prüfen Sie, ob die Uhrzeit Ihres Telefons stimmt, "
                "und geben Sie den Code ein, den die App gerade anzeigt.",
                code="invalid",
            )
        return code


class ThrottledPasswordResetForm(WagtailPasswordResetForm):
    """Wagtail's password reset, with at most ``PASSWORD_RESET_LIMIT_PER_CLIENT`` requests per
    hour from one client address and ``PASSWORD_RESET_LIMIT_PER_ACCOUNT`` mails per hour to one
    e-mail address.

    Over a limit nothing is sent and the answer is the usual one, so that nobody learns whether
    an account exists; the log says what happened.
    """

    def save(self, *args, request=None, **kwargs):
        address = client_address(request) if request is not None else ""
        email = self.cleaned_data["email"].strip().lower()
        limits = [
            Limit("password-reset.client", address, settings.PASSWORD_RESET_LIMIT_PER_CLIENT),
            Limit("password-reset.account", email, settings.PASSWORD_RESET_LIMIT_PER_ACCOUNT),
        ]
        if not within_limits(limits, PASSWORD_RESET_WINDOW_SECONDS):
            logger.warning("Password reset from %s not sent: hourly limit reached.", address)
            return
        record(limits, PASSWORD_RESET_WINDOW_SECONDS)
        super().save(*args, request=request, **kwargs)
