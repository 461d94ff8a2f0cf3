"""Editors' accounts as tests need them: users in groups, an authenticator app, sign-in."""

import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "Bielefeld-Redaktion-2025"
LOGIN_URL = reverse("wagtailadmin_login")
VERIFY_URL = reverse("editorial_two_factor_verify")
SETUP_URL = reverse("editorial_two_factor_setup")
ADMIN_HOME = reverse("wagtailadmin_home")


def make_user(username, *group_names, **fields):
    user = get_user_model().objects.create_user(
        username, f"{username}@bielefeld.de", PASSWORD, **fields
    )
    user.groups.add(*Group.objects.filter(name__in=group_names))
    assert user.groups.count() == len(group_names)
    return user


def add_authenticator(user):
    """An app set up earlier, plus recovery codes, as the setup page leaves them."""
    device = TOTPDevice.objects.create(user=user, name="Authenticator-App", confirmed=True)
    recovery = StaticDevice.objects.create(user=user, name="Wiederherstellungscodes")
    for code in ("abcd2345", "efgh6723"):
        StaticToken.objects.create(device=recovery, token=code)
    return device


def current_code(device):
    """The code the editor's app shows right now, computed as django-otp computes it."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


def sign_in(client, user, password=PASSWORD, next_url=ADMIN_HOME):
    return client.post(
        LOGIN_URL, {"username": user.username, "password": password, "next": next_url}
    )


def sign_in_with_app(client, user, device):
    sign_in(client, user)
    response = client.post(VERIFY_URL, {"code": current_code(device), "next": ADMIN_HOME})
    assert response.status_code == 302, response.content.decode()
    assert response.url == ADMIN_HOME
    return client
