"""Two-factor sign-in for the admin, through the login, verification and setup pages."""

import re
from base64 import b32encode

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import PageViewRestriction

from tests.editorial.accounts import (
    ADMIN_HOME,
    SETUP_URL,
    VERIFY_URL,
    add_authenticator,
    current_code,
    make_user,
    sign_in,
    sign_in_with_app,
)
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

WRONG_CODE_MESSAGE = "Dieser Code stimmt nicht."


def redirect_path(response):
    return response.url.split("?")[0]


def test_password_alone_leads_to_the_code_question_when_an_app_is_set_up(client):
    editor = make_user("redakteurin", "Redaktion")
    add_authenticator(editor)

    response = sign_in(client, editor)
    assert response.status_code == 302
    response = client.get(response.url)
    assert redirect_path(response) == VERIFY_URL

    page = client.get(response.url)
    assert page.status_code == 200
    assert "Anmeldung bestätigen" in page.content.decode()
    # Nothing else in the admin answers until the code is given.
    assert redirect_path(client.get(reverse("wagtailadmin_explore_root"))) == VERIFY_URL


def test_correct_app_code_completes_the_login(client):
    editor = make_user("redakteurin", "Redaktion")
    device = add_authenticator(editor)
    sign_in(client, editor)

    response = client.post(VERIFY_URL, {"code": current_code(device), "next": ADMIN_HOME})

    assert response.status_code == 302
    assert response.url == ADMIN_HOME
    assert client.get(ADMIN_HOME).status_code == 200


def test_wrong_code_is_refused_in_german_and_does_not_log_in(client):
    editor = make_user("redakteurin", "Redaktion")
    device = add_authenticator(editor)
    sign_in(client, editor)
    wrong = f"{(int(current_code(device)) + 500_000) % 1_000_000:06d}"

    response = client.post(VERIFY_URL, {"code": wrong, "next": ADMIN_HOME})

    assert response.status_code == 200
    assert WRONG_CODE_MESSAGE in response.content.decode()
    assert redirect_path(client.get(ADMIN_HOME)) == VERIFY_URL


def test_guessing_is_slowed_down_after_a_wrong_code(client):
    editor = make_user("redakteurin", "Redaktion")
    device = add_authenticator(editor)
    sign_in(client, editor)
    client.post(VERIFY_URL, {"code": "000000"})

    response = client.post(VERIFY_URL, {"code": current_code(device)})

    assert "Zu viele falsche Codes" in response.content.decode()
    assert redirect_path(client.get(ADMIN_HOME)) == VERIFY_URL


def test_a_recovery_code_works_exactly_once(client):
    editor = make_user("redakteurin", "Redaktion")
    add_authenticator(editor)
    sign_in(client, editor)

    response = client.post(VERIFY_URL, {"code": "ABCD-2345", "next": ADMIN_HOME})
    assert response.status_code == 302
    home = client.get(ADMIN_HOME)
    assert home.status_code == 200
    assert "1 sind noch übrig" in home.content.decode()

    client.post(reverse("wagtailadmin_logout"))
    sign_in(client, editor)
    response = client.post(VERIFY_URL, {"code": "abcd2345", "next": ADMIN_HOME})
    assert response.status_code == 200
    assert WRONG_CODE_MESSAGE in response.content.decode()
    assert redirect_path(client.get(ADMIN_HOME)) == VERIFY_URL


def test_moderators_without_an_app_are_sent_to_the_setup(client):
    moderator = make_user("moderatorin", "Moderation")

    response = client.get(sign_in(client, moderator).url)

    assert redirect_path(response) == SETUP_URL
    assert redirect_path(client.get(reverse("wagtailadmin_pages:add_subpage", args=[1]))) == (
        SETUP_URL
    )


def test_setup_shows_a_local_qr_code_and_a_confirmed_code_opens_the_admin(client):
    moderator = make_user("moderatorin", "Moderation")
    sign_in(client, moderator)

    page = client.get(SETUP_URL)
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html
    assert "QR-Code für Ihre Authenticator-App" in html
    # Drawn on the server: no image from a QR code service, no script.
    assert not re.search(r"<img[^>]+src=\"https?://", html)
    assert "otpauth://" not in html  # the secret only travels inside the QR code and as text
    csp = page.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    # Until the app is confirmed, the main menu would only lead back here.
    assert '"name": "explorer"' not in html

    device = TOTPDevice.objects.get(user=moderator, confirmed=False)
    secret = "".join(re.search(r"<code>([A-Z2-7 ]+)</code>", html).group(1).split())
    assert secret == b32encode(device.bin_key).decode()

    response = client.post(SETUP_URL, {"code": current_code(device), "next": ADMIN_HOME})
    assert response.status_code == 302
    assert redirect_path(response) == reverse("editorial_two_factor_recovery_codes")
    codes_page = client.get(response.url).content.decode()
    codes = StaticToken.objects.filter(device__user=moderator).values_list("token", flat=True)
    assert len(codes) == 10
    assert all(f"<code>{code}</code>" in codes_page for code in codes)
    assert '"name": "explorer"' in codes_page
    assert client.get(ADMIN_HOME).status_code == 200


def test_setup_refuses_a_wrong_code_in_german(client):
    moderator = make_user("moderatorin", "Moderation")
    sign_in(client, moderator)
    client.get(SETUP_URL)

    response = client.post(SETUP_URL, {"code": "12345"})

    assert response.status_code == 200
    assert WRONG_CODE_MESSAGE in response.content.decode()
    assert not TOTPDevice.objects.filter(user=moderator, confirmed=True).exists()
    assert redirect_path(client.get(ADMIN_HOME)) == SETUP_URL


def test_password_alone_cannot_replace_an_existing_app(client):
    editor = make_user("redakteurin", "Redaktion")
    add_authenticator(editor)
    sign_in(client, editor)

    assert redirect_path(client.get(SETUP_URL)) == VERIFY_URL
    client.post(SETUP_URL, {"code": "123456"})
    assert TOTPDevice.objects.filter(user=editor).count() == 1


def test_replacing_the_app_invalidates_the_old_one(client):
    editor = make_user("redakteurin", "Redaktion")
    old_device = add_authenticator(editor)
    sign_in_with_app(client, editor, old_device)
    client.get(SETUP_URL)
    new_device = TOTPDevice.objects.get(user=editor, confirmed=False)

    client.post(SETUP_URL, {"code": current_code(new_device)})

    assert list(TOTPDevice.objects.filter(user=editor)) == [new_device]
    assert TOTPDevice.objects.get(pk=new_device.pk).confirmed


def test_editors_may_set_up_an_app_without_being_required_to(client):
    editor = make_user("redakteurin", "Redaktion")
    sign_in(client, editor)

    assert client.get(ADMIN_HOME).status_code == 200
    account = client.get(reverse("wagtailadmin_account")).content.decode()
    assert reverse("editorial_two_factor") in account
    overview = client.get(reverse("editorial_two_factor")).content.decode()
    assert "Status: nicht eingerichtet." in overview


def test_everyone_is_required_when_the_setting_says_so(client, settings):
    settings.ADMIN_REQUIRE_2FA = True
    editor = make_user("redakteurin", "Redaktion")

    assert redirect_path(client.get(sign_in(client, editor).url)) == SETUP_URL


def test_required_app_cannot_be_switched_off(client):
    moderator = make_user("moderatorin", "Moderation")
    device = add_authenticator(moderator)
    sign_in_with_app(client, moderator, device)

    response = client.post(reverse("editorial_two_factor_disable"))

    assert redirect_path(response) == reverse("editorial_two_factor")
    assert TOTPDevice.objects.filter(user=moderator, confirmed=True).exists()


def test_optional_app_can_be_switched_off(client):
    editor = make_user("redakteurin", "Redaktion")
    device = add_authenticator(editor)
    sign_in_with_app(client, editor, device)

    client.post(reverse("editorial_two_factor_disable"))

    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticToken.objects.filter(device__user=editor).exists()


def test_local_superuser_signs_in_with_password_only_by_default(client, django_user_model):
    """The demo admin of `make run` (DEBUG only) is not locked out; production requires 2FA."""
    admin = django_user_model.objects.create_superuser("admin", "admin@localhost", "oic-demo-admin")

    sign_in(client, admin, password="oic-demo-admin")

    assert client.get(ADMIN_HOME).status_code == 200


def test_superusers_are_sent_to_the_setup_when_required(client, settings, django_user_model):
    settings.ADMIN_2FA_REQUIRED_FOR_SUPERUSERS = True
    admin = django_user_model.objects.create_superuser("admin", "admin@localhost", "pw-long-one")

    sign_in(client, admin, password="pw-long-one")

    assert redirect_path(client.get(ADMIN_HOME)) == SETUP_URL


def test_unverified_session_counts_as_anonymous_on_the_public_site(client, site_tree):
    editor = make_user("redakteurin", "Redaktion")
    device = add_authenticator(editor)
    members_only = StandardPageFactory(parent=site_tree.home, title="Intern", slug="intern")
    PageViewRestriction.objects.create(page=members_only, restriction_type="login")

    sign_in(client, editor)
    assert client.get("/intern/").status_code == 302

    client.post(VERIFY_URL, {"code": current_code(device)})
    assert client.get("/intern/").status_code == 200


def test_wrong_passwords_still_lock_the_account_before_any_code(client, settings):
    settings.AXES_FAILURE_LIMIT = 2
    editor = make_user("redakteurin", "Redaktion")
    add_authenticator(editor)

    for _ in range(2):
        sign_in(client, editor, password="falsch")
    response = sign_in(client, editor)

    assert response.status_code == 429
    assert redirect_path(client.get(ADMIN_HOME)) == reverse("wagtailadmin_login")


def test_reset_command_removes_a_lost_app(client):
    editor = make_user("redakteurin", "Redaktion")
    add_authenticator(editor)

    call_command("reset_two_factor", "redakteurin")

    assert not TOTPDevice.objects.filter(user=editor).exists()
    sign_in(client, editor)
    assert client.get(ADMIN_HOME).status_code == 200
