"""Who needs a second factor for the admin, and the devices that provide it.

Editors prove themselves with a TOTP authenticator app (django-otp's ``TOTPDevice``); a set of
one-time recovery codes (``StaticDevice``) gets them in when the phone is lost. Whoever has set
up an app must always use it; whether someone *must* set one up is decided by settings:

- ``ADMIN_REQUIRE_2FA``: everyone with access to the admin,
- ``ADMIN_2FA_REQUIRED_GROUPS``: members of these groups (names),
- ``ADMIN_2FA_REQUIRED_FOR_SUPERUSERS``: superusers.
"""

import re

from django.conf import settings
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

APP_DEVICE_NAME = "Authenticator-App"
RECOVERY_DEVICE_NAME = "Wiederherstellungscodes"
RECOVERY_CODE_COUNT = 10
TOTP_CODE = re.compile(r"\d{6}")


def has_admin_access(user):
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def has_second_factor(user):
    """True once the user has confirmed an authenticator app."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def second_factor_required(user):
    if settings.ADMIN_REQUIRE_2FA:
        return True
    if user.is_superuser and settings.ADMIN_2FA_REQUIRED_FOR_SUPERUSERS:
        return True
    required_groups = settings.ADMIN_2FA_REQUIRED_GROUPS
    return bool(required_groups) and user.groups.filter(name__in=required_groups).exists()


def normalise_code(code):
    """Codes are read off a phone or a printout: forgive spaces, dashes and capitals."""
    return re.sub(r"[\s-]", "", code or "").lower()


class CodeThrottled(Exception):
    """Too many wrong codes lately; django-otp makes the user wait (doubling each time)."""


def verify_code(user, code):
    """Return the device that accepts ``code`` (app code or unused recovery code), or None.

    Six digits go to the app, anything else to the recovery codes, so that a mistyped app code
    does not also count against the recovery codes. A recovery code is deleted once used.
    Raises ``CodeThrottled`` while the devices in question refuse attempts after failures.
    """
    code = normalise_code(code)
    model = TOTPDevice if TOTP_CODE.fullmatch(code) else StaticDevice
    with transaction.atomic():
        devices = list(model.objects.devices_for_user(user, confirmed=True).select_for_update())
        open_devices = [device for device in devices if device.verify_is_allowed()[0]]
        if devices and not open_devices:
            raise CodeThrottled
        for device in open_devices:
            if device.verify_token(code):
                return device
    return None


def pending_app_device(user):
    """The unconfirmed app device being set up; the same one until it is confirmed."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


@transaction.atomic
def confirm_app_device(device):
    """Make ``device`` the user's only app and hand out fresh recovery codes."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return replace_recovery_codes(device.user)


@transaction.atomic
def replace_recovery_codes(user):
    """Invalidate all old recovery codes and return new ones."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes(user):
    return list(
        StaticToken.objects.filter(device__user=user, device__confirmed=True)
        .order_by("pk")
        .values_list("token", flat=True)
    )


@transaction.atomic
def remove_second_factor(user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
