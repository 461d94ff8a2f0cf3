"""A visitor who uses only the keyboard reaches navigation, filter, a download and the form."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.visitor_actions import tab_to

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_keyboard_reaches_navigation_filter_download_and_newsletter(page, live_server, settings):
    settings.FORM_MIN_FILL_SECONDS = 0
    call_command("load_demo_content", verbosity=0)
    page.goto(f"{live_server.url}/")

    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Zum Inhalt springen")

    tab_to(page, "element.closest('.main-nav') && element.textContent.trim() === 'Beiträge'")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/beitraege/")

    tab_to(page, "element.closest('.filter') && element.textContent.includes('KI und')")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/beitraege/?filter=ki-und-zivilgesellschaft")

    page.goto(f"{live_server.url}/formate/community-of-practice/")
    tab_to(page, "element.classList.contains('download')")
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    assert download_info.value.suggested_filename.endswith(".pdf")

    page.goto(f"{live_server.url}/newsletter/")
    tab_to(page, "element.id === 'newsletter-email'")
    page.keyboard.type("tastatur@example.org")
    tab_to(page, "element.id === 'newsletter-consent'")
    page.keyboard.press("Space")
    tab_to(page, "element.type === 'submit' && element.closest('.newsletter-form')")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Fast geschafft!")
