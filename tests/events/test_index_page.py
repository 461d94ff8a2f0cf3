"""``/veranstaltungen/``: upcoming and past events, the format filter and pagination."""

import datetime

import pytest
import time_machine

from tests.events.conftest import berlin
from tests.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def section(html, heading):
    """The HTML from ``heading`` to the next h2 (or the end)."""
    start = html.index(heading)
    end = html.find("<h2", start + 1)
    return html[start : end if end != -1 else None]


def test_index_lists_upcoming_ascending_and_past_descending(
    client, event_index, formats, frozen_clock
):
    meetups, _ = formats
    EventPageFactory(
        parent=event_index,
        title="KI im Ehrenamt",
        date=datetime.date(2026, 1, 15),
        format=meetups,
        location="Innovation Office, Alter Markt 13, 33602 Bielefeld",
        cost="kostenfrei",
    )
    EventPageFactory(parent=event_index, title="Barcamp", date=datetime.date(2026, 2, 1))
    EventPageFactory(parent=event_index, title="Neujahrstreffen", date=datetime.date(2026, 1, 8))
    EventPageFactory(parent=event_index, title="Dezembertreffen", date=datetime.date(2025, 12, 4))

    response = client.get("/veranstaltungen/")
    assert response.status_code == 200
    html = response.text
    assert html.count("<h1") == 1
    upcoming = section(html, "Kommende Veranstaltungen</h2>")
    past = section(html, "Vergangene Veranstaltungen</h2>")
    assert upcoming.index("KI im Ehrenamt") < upcoming.index("Barcamp")
    assert "Neujahrstreffen" not in upcoming
    assert past.index("Neujahrstreffen") < past.index("Dezembertreffen")
    card = upcoming[: upcoming.index("Barcamp")]
    assert (
        '<time datetime="2026-01-15T18:00:00+01:00">Do., 15. Januar 2026, 18:00</time>–'
        '<time datetime="2026-01-15T19:30:00+01:00">19:30</time> Uhr' in card
    )
    assert '<a href="/veranstaltungen/ki-im-ehrenamt/">KI im Ehrenamt</a>' in card
    for fact in ("<dd>Meetup</dd>", "<dd>MeetUps</dd>", "Alter Markt 13", "<dd>kostenfrei</dd>"):
        assert fact in card
    assert '<ul class="card-grid">' in upcoming


def test_event_of_today_moves_to_past_at_midnight_in_bielefeld(client, event_index, settings):
    settings.TIME_ZONE = "UTC"
    EventPageFactory(
        parent=event_index,
        title="Späte Runde",
        date=datetime.date(2026, 1, 15),
        start_time=datetime.time(23, 30),
        end_time=None,
    )
    with time_machine.travel(berlin(2026, 1, 15, 23, 59), tick=False):
        html = client.get("/veranstaltungen/").text
        assert "Späte Runde" in section(html, "Kommende Veranstaltungen</h2>")
    with time_machine.travel(berlin(2026, 1, 16, 0, 1), tick=False):
        html = client.get("/veranstaltungen/").text
        assert "Späte Runde" in section(html, "Vergangene Veranstaltungen</h2>")
        assert "Zurzeit sind keine Veranstaltungen geplant." in html


def test_format_filter_shows_only_that_format(client, event_index, formats, frozen_clock):
    meetups, hour = formats
    EventPageFactory(parent=event_index, title="KI im Ehrenamt", format=meetups)
    EventPageFactory(parent=event_index, title="Offene Daten", format=hour)
    html = client.get("/veranstaltungen/?format=meetups").text
    assert "<h1>Veranstaltungen: MeetUps</h1>" in html
    assert "KI im Ehrenamt" in html and "Offene Daten" not in html
    assert '<a href="/veranstaltungen/?format=meetups" aria-current="page">MeetUps</a>' in html
    assert '<a href="/veranstaltungen/?format=open-innovation-hour">' in html
    assert 'href="/veranstaltungen/kalender.ics?format=meetups"' in html


def test_format_without_events_shows_the_empty_message(client, event_index, formats):
    html = client.get("/veranstaltungen/?format=open-innovation-hour").text
    assert "Zurzeit sind keine Veranstaltungen zu Open Innovation Hour geplant." in html


@pytest.mark.parametrize(
    "query",
    [
        "format=gibt-es-nicht",
        "format=%3Cscript%3E",
        "page=2",
        "page=0",
        "page=-1",
        "page=abc",
        "page=99999999999999999999",
        "format=meetups&page=2",
    ],
)
def test_unknown_format_or_page_is_404(client, event_index, formats, query):
    EventPageFactory(parent=event_index, date=datetime.date(2020, 1, 1))
    assert client.get(f"/veranstaltungen/?{query}").status_code == 404


def test_past_events_are_paginated_by_twelve(client, event_index, formats, frozen_clock):
    meetups, _ = formats
    for day in range(1, 15):
        EventPageFactory(
            parent=event_index,
            title=f"Treffen am {day}. Dezember",
            date=datetime.date(2025, 12, day),
            format=meetups,
        )
    EventPageFactory(parent=event_index, title="Nächstes Treffen", format=meetups)

    first = client.get("/veranstaltungen/?format=meetups").text
    assert "Nächstes Treffen" in first
    assert first.count("Treffen am ") == 12
    assert "Treffen am 14. Dezember" in first and "Treffen am 2. Dezember" not in first
    assert 'href="?format=meetups&amp;page=2" rel="next"' in first

    second = client.get("/veranstaltungen/?format=meetups&page=2")
    assert second.status_code == 200
    html = second.text
    assert "Vergangene Veranstaltungen · Seite 2" in html
    assert "Treffen am 2. Dezember" in html and "Treffen am 1. Dezember" in html
    assert "Treffen am 3. Dezember" not in html
    assert "Nächstes Treffen" not in html  # upcoming events only on the first page
    assert (
        '<link rel="canonical" href="http://localhost/veranstaltungen/?format=meetups&amp;page=2">'
        in html
    )


def test_drafts_and_other_pages_are_not_listed(client, event_index, frozen_clock):
    draft = EventPageFactory(parent=event_index, title="Noch geheim")
    draft.unpublish()
    html = client.get("/veranstaltungen/").text
    assert "Noch geheim" not in html
    assert client.get(f"/veranstaltungen/{draft.slug}/").status_code == 404
