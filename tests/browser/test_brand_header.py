"""The header's menu on a phone and the newsletter bar, as a visitor meets them in Chromium."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def menu_site(site_tree):
    site_tree.blog_index.show_in_menus = True
    site_tree.blog_index.save_revision().publish()
    return site_tree


def test_on_a_phone_the_menu_folds_behind_a_button_that_opens_and_closes_it(
    page, live_server, menu_site
):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{live_server.url}/")
    toggle = page.get_by_role("button", name="Menü")
    navigation = page.get_by_role("navigation", name="Hauptnavigation")

    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(navigation).to_be_hidden()

    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(navigation.get_by_role("link", name="Beiträge")).to_be_visible()
    expect(page.get_by_role("searchbox", name="Suche")).to_be_visible()

    navigation.get_by_role("link", name="Beiträge").focus()
    page.keyboard.press("Escape")
    expect(navigation).to_be_hidden()
    expect(toggle).to_be_focused()


def test_on_a_desktop_the_menu_is_open_and_has_no_button(page, live_server, menu_site):
    page.set_viewport_size({"width": 1366, "height": 800})
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("button", name="Menü")).to_be_hidden()
    expect(
        page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Beiträge")
    ).to_be_visible()


def test_without_javascript_the_menu_stays_open_on_a_phone(browser, live_server, menu_site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("button", name="Menü")).to_be_hidden()
    expect(
        page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Beiträge")
    ).to_be_visible()
    context.close()


def test_a_visitor_closes_the_newsletter_bar_and_it_stays_closed(page, live_server, menu_site):
    page.goto(f"{live_server.url}/")
    bar = page.get_by_role("complementary", name="Newsletter").filter(has_text="Bleib auf dem")
    expect(bar.get_by_role("link", name="Newsletter abonnieren")).to_have_attribute(
        "href", "/newsletter/"
    )

    bar.get_by_role("button", name="Newsletter-Hinweis schließen").click()
    expect(bar).to_be_hidden()
    expect(page.locator("#main")).to_be_focused()

    page.goto(f"{live_server.url}/beitraege/")
    expect(page.locator(".newsletter-bar")).to_be_hidden()
