"""Public pages work under the strict Content-Security-Policy: the browser blocks nothing."""

import pytest
from django.core.management import call_command

from tests.browser.test_accessibility import public_urls

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_public_pages_trigger_no_csp_violations(page, live_server):
    call_command("load_demo_content", verbosity=0)
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    for url in public_urls():
        page.goto(f"{live_server.url}{url}")
        page.wait_for_load_state("load")
    assert violations == []


def test_the_browser_does_enforce_the_policy(page, live_server):
    """Guards the test above: an inline script on one of our pages is reported and blocked."""
    call_command("load_demo_content", verbosity=0)
    violations = []
    page.on("console", lambda message: violations.append(message.text))
    page.goto(f"{live_server.url}/impressum/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.inlineRan = true'; document.body.append(s); }"
    )
    assert page.evaluate("window.inlineRan === undefined")
    assert any("Content Security Policy" in text for text in violations)
