"""A format's page lists its own events, with a link to all of them on the events page."""

import datetime

import pytest

from tests.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def test_format_page_lists_its_upcoming_and_recent_events(
    client, event_index, formats, frozen_clock
):
    meetups, hour = formats
    EventPageFactory(parent=event_index, title="KI im Ehrenamt", format=meetups)
    for day in range(5, 10):
        EventPageFactory(
            parent=event_index,
            title=f"MeetUp am {day}. Januar",
            format=meetups,
            date=datetime.date(2026, 1, day),
        )
    EventPageFactory(parent=event_index, title="Offene Daten", format=hour)

    html = client.get("/formate/meetups/").text
    assert '<h2 id="format-events-heading">Veranstaltungen</h2>' in html
    section = html.split('id="format-events-heading"')[1].split("</section>")[0]
    assert '<h4 class="card__title"><a href="/veranstaltungen/ki-im-ehrenamt/">' in section
    assert section.index("Kommende Termine") < section.index("KI im Ehrenamt")
    assert section.index("Zuletzt") < section.index("MeetUp am 9. Januar")
    assert "MeetUp am 7. Januar" in section and "MeetUp am 6. Januar" not in section
    assert "Offene Daten" not in section
    assert (
        '<a class="button button--secondary" href="/veranstaltungen/?format=meetups">'
        "Alle Veranstaltungen zu MeetUps</a>" in section
    )
    assert html.count("<h1") == 1


def test_format_page_without_events_shows_no_event_section(client, event_index, formats):
    html = client.get("/formate/open-innovation-hour/").text
    assert "format-events" not in html


def test_format_with_only_past_events_says_nothing_is_planned(
    client, event_index, formats, frozen_clock
):
    _, hour = formats
    EventPageFactory(parent=event_index, format=hour, date=datetime.date(2026, 1, 1))
    html = client.get("/formate/open-innovation-hour/").text
    assert "Zurzeit ist kein Termin geplant." in html
