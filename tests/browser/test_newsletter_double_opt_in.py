"""A visitor signs up, confirms from the written e-mail, shows up in the admin, then leaves."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from newsletter.models import Subscriber
from tests.browser.visitor_actions import write_mails_to, written_emails

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ADMIN_PASSWORD = "newsletter-2026-sicher"


@pytest.fixture
def site_with_mail_folder(live_server, settings, tmp_path):
    mail_folder = tmp_path / "mail"
    write_mails_to(settings, mail_folder)
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    settings.FORM_MIN_FILL_SECONDS = 1
    call_command("load_demo_content", verbosity=0)
    get_user_model().objects.create_superuser("team", "team@bielefeld.de", ADMIN_PASSWORD)
    return live_server.url, mail_folder


def subscriber_status_in_admin(page, base_url, address):
    page.goto(f"{base_url}/admin/newsletter/subscriber/?q={address}")
    return page.get_by_role("row").filter(has_text=address)


def test_visitor_signs_up_confirms_and_unsubscribes_with_one_click(page, site_with_mail_folder):
    base_url, mail_folder = site_with_mail_folder

    page.goto(f"{base_url}/beitraege/?newsletter=true")
    expect(page).to_have_url(f"{base_url}/beitraege/#newsletter")
    form = page.locator("#newsletter form")
    form.get_by_label("E-Mail-Adresse").fill("Besucherin@Example.org")
    form.get_by_label("Vorname (freiwillig)").fill("Lena")
    form.get_by_label("Ja, ich willige ein.").check()
    page.wait_for_timeout(1100)  # people need longer than bots to fill in a form
    form.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fast geschafft!")

    (message,) = written_emails(mail_folder)
    assert message["To"] == "besucherin@example.org"
    text = message.get_body(preferencelist=("plain",)).get_content()
    confirm_url = re.search(r"(http://\S+/newsletter/bestaetigen/\S+/)", text).group(1)
    page.goto(confirm_url)
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING  # opening is not enough
    page.get_by_role("button", name="Anmeldung bestätigen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("bestätigt")

    team = page.context.browser.new_context(locale="de-DE").new_page()
    team.goto(f"{base_url}/admin/login/")
    team.get_by_label("Benutzername").fill("team")
    team.get_by_label("Passwort").fill(ADMIN_PASSWORD)
    team.get_by_role("button", name="Anmelden").click()
    expect(subscriber_status_in_admin(team, base_url, "besucherin@example.org")).to_contain_text(
        "Bestätigt"
    )

    one_click_url = re.search(r"<(http[^>]+/sofort/)>", message["List-Unsubscribe"]).group(1)
    response = page.request.post(
        one_click_url,
        data="List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        max_redirects=0,
    )
    assert response.status == 200
    expect(subscriber_status_in_admin(team, base_url, "besucherin@example.org")).to_contain_text(
        "Abgemeldet"
    )
    team.context.close()


def sign_up_on(page, url, address):
    page.goto(url)
    form = page.locator("#newsletter form")
    form.get_by_label("E-Mail-Adresse").fill(address)
    form.get_by_label("Ja, ich willige ein.").check()
    page.wait_for_timeout(1100)
    form.get_by_role("button", name="Anmelden").click()


def test_two_visitors_of_one_cached_page_sign_up_with_and_without_javascript(
    browser, site_with_mail_folder, settings
):
    """The page comes from the page cache; each view proves for itself when it showed the form."""
    settings.PAGE_CACHE_SECONDS = 300
    base_url, _ = site_with_mail_folder
    url = f"{base_url}/beitraege/#newsletter"
    with_script = browser.new_context(locale="de-DE").new_page()
    sign_up_on(with_script, url, "mit-js@example.org")
    expect(with_script.get_by_role("heading", level=1)).to_have_text("Fast geschafft!")

    without_script = browser.new_context(locale="de-DE", java_script_enabled=False).new_page()
    response = without_script.request.get(f"{base_url}/beitraege/")
    assert response.headers["x-cache"] == "HIT"
    sign_up_on(without_script, url, "ohne-js@example.org")
    expect(without_script.get_by_role("status")).to_contain_text("noch einmal auf „Anmelden“")
    expect(without_script.get_by_label("E-Mail-Adresse")).to_have_value("ohne-js@example.org")
    without_script.wait_for_timeout(1100)
    without_script.get_by_role("button", name="Anmelden").click()
    expect(without_script.get_by_role("heading", level=1)).to_have_text("Fast geschafft!")

    assert sorted(Subscriber.objects.values_list("email", flat=True)) == [
        "mit-js@example.org",
        "ohne-js@example.org",
    ]
    for page in (with_script, without_script):
        page.context.close()
