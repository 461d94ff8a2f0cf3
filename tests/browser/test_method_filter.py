"""A visitor filters the Methodenkoffer: in place with JavaScript, by form submit without."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import CategoryFactory
from tests.methods.factories import MethodIndexPageFactory, MethodPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def toolbox(site_tree):
    index = MethodIndexPageFactory(parent=site_tree.home)
    methods = CategoryFactory(name="Methoden")
    for title, minutes, difficulty in [
        ("Brainwriting 6-3-5", 40, "einfach"),
        ("Design Thinking im Kurzformat", 120, "anspruchsvoll"),
        ("Lean Coffee", 45, "einfach"),
        ("Walt-Disney-Methode", 90, "mittel"),
    ]:
        MethodPageFactory(
            parent=index,
            title=title,
            duration_minutes=minutes,
            difficulty=difficulty,
            categories=[methods],
        )
    return index


def card_titles(page):
    return page.locator("[data-method-results] .card__title")


def test_choosing_a_difficulty_updates_the_results_in_place(page, live_server, toolbox):
    script_errors = []
    page.on("pageerror", lambda error: script_errors.append(error))
    page.goto(f"{live_server.url}/methoden/")
    expect(card_titles(page)).to_have_count(4)
    page.evaluate("window.__marker = 'still here'")

    page.get_by_label("Schwierigkeit").select_option("einfach")

    expect(page).to_have_url(re.compile(r"/methoden/\?schwierigkeit=einfach$"))
    expect(card_titles(page)).to_have_text(["Brainwriting 6-3-5", "Lean Coffee"])
    expect(page.get_by_role("status")).to_have_text("2 Methoden gefunden")
    assert page.evaluate("window.__marker") == "still here"

    # Filters add up; removing one is a link in the results, also handled in place.
    page.get_by_label("Dauer").select_option("ueber-60")
    expect(page).to_have_url(re.compile(r"\?dauer=ueber-60&schwierigkeit=einfach$"))
    expect(page.get_by_role("heading", name="Keine Methode gefunden")).to_be_visible()
    page.get_by_role("link", name="Filter entfernen: Schwierigkeit: einfach").click()
    expect(page).to_have_url(re.compile(r"/methoden/\?dauer=ueber-60$"))
    expect(card_titles(page)).to_have_text(["Design Thinking im Kurzformat", "Walt-Disney-Methode"])
    expect(page.get_by_label("Schwierigkeit")).to_have_value("")
    expect(page.get_by_role("heading", name="2 Methoden gefunden")).to_be_focused()
    assert page.evaluate("window.__marker") == "still here"

    # The back button restores the previous filters, still without reloading.
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?dauer=ueber-60&schwierigkeit=einfach$"))
    expect(page.get_by_label("Schwierigkeit")).to_have_value("einfach")
    expect(page.get_by_role("heading", name="Keine Methode gefunden")).to_be_visible()
    assert page.evaluate("window.__marker") == "still here"

    # The address is shareable: opened anew, it shows the same results.
    page.goto(f"{live_server.url}/methoden/?schwierigkeit=einfach")
    expect(card_titles(page)).to_have_text(["Brainwriting 6-3-5", "Lean Coffee"])
    assert script_errors == []


def test_filter_form_works_without_javascript(browser, live_server, toolbox):
    context = browser.new_context(locale="de-DE", java_script_enabled=False)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(f"{live_server.url}/methoden/")
    expect(card_titles(page)).to_have_count(4)

    page.get_by_label("Schwierigkeit").select_option("mittel")
    assert "schwierigkeit" not in page.url  # nothing happens before the form is sent
    page.get_by_role("button", name="Filtern").click()

    expect(page).to_have_url(re.compile(r"schwierigkeit=mittel"))
    expect(card_titles(page)).to_have_text(["Walt-Disney-Methode"])
    expect(page.get_by_role("heading", name="1 Methode gefunden")).to_be_visible()
    expect(page.get_by_label("Schwierigkeit")).to_have_value("mittel")

    page.get_by_role("link", name="Filter entfernen: Schwierigkeit: mittel").click()
    expect(page).to_have_url(f"{live_server.url}/methoden/")
    expect(card_titles(page)).to_have_count(4)
    context.close()
