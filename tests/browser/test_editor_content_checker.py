"""A signed-in editor runs Wagtail's content checker on a public page: all WCAG 2.1 A/AA rules,
German messages, and nothing blocked by the Content-Security-Policy."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from playwright.sync_api import expect

from blog.models import BlogPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# An image without alt text: WCAG 1.1.1, a rule outside Wagtail's default selection.
IMAGE_WITHOUT_ALT = '<img src="/static/images/logo.svg" width="40" height="40">'


# Playwright's init scripts run outside the page's policy; they see every blocked resource, also
# inside the userbar's shadow DOM, where a console message could be missed.
RECORD_CSP_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
}, true);
"""


def sign_in_as_editor(page, live_server_url):
    """The session of a signed-in editor, without the admin's login and two-factor steps."""
    editor = get_user_model().objects.create_superuser("redaktion", "r@bielefeld.de", "pw")
    client = Client()
    client.force_login(editor)
    session_cookie = client.cookies["sessionid"]
    page.context.add_cookies(
        [{"name": "sessionid", "value": session_cookie.value, "url": live_server_url}]
    )


def add_image_without_alt_to_main(route):
    response = route.fetch()
    html = response.text().replace("</main>", IMAGE_WITHOUT_ALT + "</main>", 1)
    route.fulfill(response=response, body=html)


def test_editor_sees_wcag_issues_in_german_without_csp_violations(page, live_server):
    call_command("load_demo_content", verbosity=0)
    post_url = BlogPage.objects.get(slug="citizenlab-community-of-practice").url
    sign_in_as_editor(page, live_server.url)
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    page.route(f"{live_server.url}{post_url}", add_image_without_alt_to_main)

    page.goto(f"{live_server.url}{post_url}")
    userbar = page.locator("wagtail-userbar")
    count = userbar.locator("[data-content-checker-count]").first
    expect(count).not_to_have_text("", timeout=30_000)
    userbar.locator("#wagtail-userbar-trigger").click()
    userbar.locator("#checker-trigger").click()

    results = userbar.locator("#checker-results")
    expect(results).to_be_visible()
    names = results.locator("[data-content-checker-name]")
    expect(names.first).to_be_visible()
    assert "Bild ohne Alternativtext" in names.all_inner_texts()
    help_text = results.locator("[data-content-checker-help]").first
    expect(help_text).to_have_text(
        "Alternativtext eingeben oder das Bild als rein dekorativ markieren."
    )
    # Highlighting the element on the page is part of the checker too.
    results.locator("[data-content-checker-selector]").first.click()

    assert page.evaluate("window.cspViolations") == []
    assert [text for text in console if "Content Security Policy" in text] == []
