"""An editor composes an issue, previews it as e-mail, tests and submits it; the Newsletter
group approves and sends it; a subscriber leaves with one click; the archive shows it."""

import re
from urllib.request import Request, urlopen

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from playwright.sync_api import expect

from benchmarks.smtp_sink import SmtpSink
from newsletter.models import Subscriber
from newsletter_issues.models import NewsletterIssuePage
from tests.editorial.accounts import PASSWORD, make_user
from tests.newsletter.test_admin import subscriber
from tests.services import free_port

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def sink_site(live_server, settings):
    port = free_port()
    smtp = {"host": "127.0.0.1", "port": port}
    settings.MAILERS = {
        "default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": smtp},
        "bulk": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": smtp},
    }
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    call_command("load_demo_content", verbosity=0)
    assert Group.objects.filter(name="Newsletter").exists()
    with SmtpSink(port) as sink:
        yield live_server.url, sink


def log_in(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(f"{base_url}/admin/")


def messages_to(sink, address):
    return [message for recipients, message in sink.messages if address in recipients]


def test_issue_from_compose_to_inbox_to_one_click_unsubscribe(page, browser, sink_site):
    base_url, sink = sink_site
    make_user("redakteurin", "Redaktion")
    make_user("versand", "Newsletter")
    subscriber("leserin@example.org")
    subscriber("offen@example.org", Subscriber.Status.PENDING)
    draft = NewsletterIssuePage.objects.get()

    log_in(page, base_url, "redakteurin")
    page.goto(f"{base_url}/admin/pages/{draft.pk}/edit/")
    page.locator("#id_title").fill("Newsletter Dezember")
    page.get_by_role("button", name="Mehr Aktionen").click()
    page.get_by_role("button", name="Entwurf speichern").click()
    expect(page.get_by_role("status")).to_contain_text("wurde aktualisiert")

    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("#w-preview-iframe")
    # The panel first loads the web page; a mode chosen before that load ends can be lost.
    expect(preview.get_by_role("heading", level=1)).to_have_text(
        "Newsletter Dezember", timeout=30_000
    )
    page.locator("#id_preview_mode").select_option("email")
    expect(preview.get_by_role("link", name="Newsletter abbestellen")).to_be_visible(timeout=30_000)

    page.get_by_role("button", name="Mehr Aktionen").click()
    page.get_by_role("link", name="Test-E-Mail senden").click()
    page.get_by_label("An diese Adresse").fill("test@bielefeld.de")
    page.get_by_role("button", name="Test-E-Mail senden").click()
    expect(page.get_by_role("status")).to_contain_text("ist unterwegs")
    (test_message,) = messages_to(sink, "test@bielefeld.de")
    assert test_message["Subject"] == "[Test] Neues aus der Open Innovation City Bielefeld"

    page.goto(f"{base_url}/admin/pages/{draft.pk}/edit/")
    page.get_by_role("button", name="Mehr Aktionen").click()
    page.get_by_role("button", name="In Newsletterfreigabe einreichen").click()
    expect(page.get_by_role("status")).to_contain_text("eingereicht")

    sender = browser.new_context(locale="de-DE").new_page()
    log_in(sender, base_url, "versand")
    sender.goto(f"{base_url}/admin/pages/{draft.pk}/edit/")
    sender.get_by_role("button", name="Mehr Aktionen").click()
    sender.get_by_role("button", name=re.compile("Freigeben")).first.click()
    expect(sender.get_by_role("status")).to_be_visible()
    sender.wait_for_load_state()
    assert NewsletterIssuePage.objects.get(pk=draft.pk).live

    sender.goto(f"{base_url}/admin/newsletter/ausgaben/")
    sender.get_by_role("link", name="Versenden").click()
    sender.get_by_role("button", name="An 1 Abonnent*innen versenden").click()
    expect(sender.locator("[data-mailing-state]")).to_have_text("Versendet")
    expect(sender.locator("[data-count='Gesendet']")).to_have_text("1")

    (issue_message,) = messages_to(sink, "leserin@example.org")
    assert messages_to(sink, "offen@example.org") == []
    assert issue_message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert issue_message["List-Id"].endswith("<oic-newsletter.bielefeld.de>")
    one_click = re.search(r"<(http[^>]+/sofort/)>", issue_message["List-Unsubscribe"]).group(1)
    html = issue_message.get_body(preferencelist=("html",)).get_content()
    archive_url = re.search(r'href="([^"]+)"[^>]*>Diese Ausgabe im Browser lesen', html).group(1)

    request = Request(one_click, data=b"List-Unsubscribe=One-Click", method="POST")
    with urlopen(request) as response:  # noqa: S310 - the live server on loopback
        assert response.status == 200
    assert Subscriber.objects.get(email="leserin@example.org").status == "unsubscribed"

    visitor = browser.new_context(locale="de-DE").new_page()
    visitor.goto(f"{base_url}/newsletter/")
    visitor.get_by_role("link", name="Newsletter Dezember").click()
    expect(visitor).to_have_url(archive_url)
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Newsletter Dezember")
