"""A visitor reports a barrier through the statement's form with the keyboard only; an editor
builds a contact form; a film in Gebärdensprache loads only when the visitor presses play."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from playwright.sync_api import expect

from formpages.models import AccessibilityStatementPage, FormPage, Submission
from home.models import SignLanguagePage
from tests.browser.visitor_actions import tab_to, write_mails_to, written_emails
from tests.factories import DownloadFactory, ImageFactory, minimal_mp4_bytes

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ADMIN_PASSWORD = "formulare-2026-sicher"
BARRIER = "Der Kalender lässt sich nicht mit der Tastatur bedienen."


@pytest.fixture
def demo_site(live_server, settings, tmp_path):
    mail_folder = tmp_path / "mail"
    write_mails_to(settings, mail_folder)
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    settings.FORM_MIN_FILL_SECONDS = 0
    call_command("load_demo_content", verbosity=0)
    get_user_model().objects.create_superuser("team", "team@bielefeld.de", ADMIN_PASSWORD)
    return live_server.url, mail_folder


def log_in(page, base_url):
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Benutzername").fill("team")
    page.get_by_label("Passwort").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(f"{base_url}/admin/")


def test_visitor_reports_a_barrier_with_the_keyboard_and_the_team_sees_it(page, browser, demo_site):
    base_url, mail_folder = demo_site
    page.goto(f"{base_url}/")

    tab_to(
        page, "element.closest('.site-footer') && element.textContent.includes('Barrierefreiheit')"
    )
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{base_url}/barrierefreiheit/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Erklärung zur Barrierefreiheit")
    expect(page.get_by_text("Die Erklärung wurde zuletzt am")).to_be_visible()

    tab_to(page, "element.type === 'submit' && element.closest('.built-form')")
    page.keyboard.press("Enter")
    summary = page.locator(".form-errors")
    expect(summary).to_have_attribute("role", "alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Bitte fülle das Feld „E-Mail“ aus.")
    expect(page.get_by_label("Beschreibung der Barriere")).to_have_attribute("aria-invalid", "true")

    tab_to(page, "element.name === 'e_mail'")
    page.keyboard.type("besucherin@example.org")
    tab_to(page, "element.name === 'beschreibung_der_barriere'")
    page.keyboard.type(BARRIER)
    tab_to(page, "element.name === 'einwilligung'")
    page.keyboard.press("Space")
    tab_to(page, "element.type === 'submit' && element.closest('.built-form')")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Danke!")

    statement = AccessibilityStatementPage.objects.get()
    assert Submission.objects.get(page=statement).form_data["beschreibung_der_barriere"] == BARRIER
    (message,) = [m for m in written_emails(mail_folder) if BARRIER in m.get_content()]
    assert message["To"] == "innovationen@bielefeld.de"
    assert message["Reply-To"] == "besucherin@example.org"

    admin = browser.new_context(locale="de-DE").new_page()
    log_in(admin, base_url)
    admin.goto(f"{base_url}/admin/forms/submissions/{statement.pk}/")
    expect(admin.get_by_role("row").filter(has_text=BARRIER)).to_have_count(1)
    admin.context.close()


def test_editor_builds_a_contact_form_with_three_fields_and_publishes_it(page, browser, demo_site):
    base_url, _ = demo_site
    home = FormPage.objects.get(slug="kontakt").get_parent()
    log_in(page, base_url)
    page.goto(f"{base_url}/admin/pages/add/formpages/formpage/{home.pk}/")
    page.locator("#id_title").fill("Anmeldung Workshop")
    page.get_by_role("tab", name="Formular").click()
    for index, (label, field_type) in enumerate(
        [("Name", "singleline"), ("E-Mail", "email"), ("Wunschtermin", "radio")]
    ):
        page.get_by_role("button", name="Formularfeld hinzufügen").first.click()
        page.locator(f"#id_form_fields-{index}-label").fill(label)
        page.locator(f"#id_form_fields-{index}-field_type").select_option(field_type)
    page.locator("#id_form_fields-2-choices").fill("Montag\nDienstag")
    page.locator("#id_to_address").fill("workshop@bielefeld.de")

    page.get_by_role("button", name="Mehr Aktionen").click()
    page.get_by_role("button", name="Veröffentlichen").click()
    expect(page.get_by_role("status")).to_contain_text("veröffentlicht")

    form_page = FormPage.objects.get(title="Anmeldung Workshop")
    assert form_page.live
    assert [field.label for field in form_page.form_fields.all()] == [
        "Name",
        "E-Mail",
        "Wunschtermin",
    ]
    visitor = browser.new_context(locale="de-DE").new_page()
    visitor.goto(f"{base_url}{form_page.url}")
    expect(visitor.get_by_role("textbox", name="Name", exact=True)).to_be_visible()
    expect(visitor.get_by_role("radio", name="Dienstag")).to_be_visible()
    visitor.context.close()


def test_the_film_loads_only_when_played_and_its_download_states_size_and_length(page, demo_site):
    base_url, _ = demo_site
    film = DownloadFactory(
        title="Was ist die OIC?",
        file=ContentFile(minimal_mp4_bytes(seconds=95), name="oic-dgs.mp4"),
    )
    sign_language_page = SignLanguagePage.objects.get()
    sign_language_page.body = [
        (
            "sign_language_video",
            {
                "title": "Was ist die Open Innovation City?",
                "video": film,
                "poster": ImageFactory(),
                "captions": None,
                "duration": "",
            },
        )
    ]
    sign_language_page.save_revision().publish()
    film_requests = []
    page.on(
        "request",
        lambda request: "/documents/" in request.url and film_requests.append(request.url),
    )

    page.goto(f"{base_url}/")
    page.get_by_role("banner").get_by_role("link", name="Gebärdensprache").click()
    expect(page).to_have_url(f"{base_url}{sign_language_page.url}")
    expect(page.locator("figcaption .download__meta")).to_have_text(
        re.compile(r"\(MP4, \d+\s+Bytes, Dauer 1:35 Min\.\)")
    )
    page.wait_for_load_state("networkidle")
    assert film_requests == []

    # Chromium's own controls: the focused player starts with Space, as its play button does.
    page.locator("video").focus()
    page.keyboard.press("Space")
    expect(page.locator("video")).to_have_js_property("paused", False)
    assert any(url.endswith("/oic-dgs.mp4") for url in film_requests)


def test_the_header_with_both_language_links_fits_a_phone(browser, demo_site):
    base_url, _ = demo_site
    phone = browser.new_context(locale="de-DE", viewport={"width": 390, "height": 844}).new_page()
    phone.goto(f"{base_url}/")

    header = phone.get_by_role("banner")
    expect(header.get_by_role("link", name="Leichte Sprache")).to_be_visible()
    expect(header.get_by_role("link", name="Gebärdensprache")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.context.close()
