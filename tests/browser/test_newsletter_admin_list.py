"""The subscriber list in the admin reads cleanly on a laptop and on a phone."""

import pytest
from django.contrib.auth import get_user_model

from newsletter.models import Subscriber
from tests.browser.test_editor_publishes_post import EDITOR_PASSWORD, log_in
from tests.newsletter.test_admin import INDEX_URL, subscriber

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# How each status cell's word is laid out: a word that wraps has more than one line box.
STATUS_LINES_PROBE = """() => [...document.querySelectorAll("td.field-status")].map((cell) => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    const lines = new Set([...range.getClientRects()].map((box) => Math.round(box.top)));
    return {text: cell.textContent.trim(), lines: lines.size};
})"""


@pytest.mark.parametrize("width", [1366, 390])
def test_status_words_stay_whole(browser, live_server, width):
    get_user_model().objects.create_superuser(
        "redaktion", "redaktion@bielefeld.de", EDITOR_PASSWORD
    )
    subscriber("anna.langer-name-fuer-die-spalte@beispiel-verein.example.org", first_name="Anna")
    subscriber("carla@example.org", Subscriber.Status.PENDING, first_name="Carla")
    subscriber("dora@example.org", Subscriber.Status.UNSUBSCRIBED, days_ago=40)
    context = browser.new_context(locale="de-DE", viewport={"width": width, "height": 800})
    page = context.new_page()
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}{INDEX_URL}")
    cells = page.evaluate(STATUS_LINES_PROBE)
    context.close()
    assert sorted(cell["text"] for cell in cells) == ["Abgemeldet", "Bestätigt", "Unbestätigt"]
    assert [cell for cell in cells if cell["lines"] > 1] == []
