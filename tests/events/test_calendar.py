"""The iCalendar files, read back with the icalendar library as a calendar app would."""

import datetime

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.schedule import EVENT_TIME_ZONE
from home.pretix import RegistrationKind
from tests.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


@pytest.fixture
def meetup(event_index, formats, pretix_shop, frozen_clock):
    return EventPageFactory(
        parent=event_index,
        title="MeetUp: KI im Ehrenamt, mit Praxis; für alle",
        slug="ki-im-ehrenamt",
        teaser="Wie Vereine KI sinnvoll nutzen können.",
        date=datetime.date(2026, 1, 22),
        start_time=datetime.time(18, 0),
        end_time=datetime.time(19, 30),
        format=formats[0],
        registration_kind=RegistrationKind.PRETIX,
        pretix_event_slug="ki-im-ehrenamt",
    )


def test_single_event_file(client, meetup):
    response = client.get("/veranstaltungen/ki-im-ehrenamt/kalender.ics")
    assert response["Content-Disposition"] == 'attachment; filename="ki-im-ehrenamt.ics"'
    calendar = parse(response)
    assert calendar["VERSION"] == "2.0"
    assert "Open Innovation City Bielefeld" in calendar["PRODID"]
    assert calendar["X-WR-CALNAME"] == "MeetUp: KI im Ehrenamt, mit Praxis; für alle"
    assert [timezone.tz_name for timezone in calendar.timezones] == ["Europe/Berlin"]
    assert calendar.get_missing_tzids() == set()
    [event] = calendar.events
    assert event["UID"] == f"event-{meetup.pk}@localhost"
    assert event["SUMMARY"] == "MeetUp: KI im Ehrenamt, mit Praxis; für alle"
    assert event.start == datetime.datetime(2026, 1, 22, 18, 0, tzinfo=EVENT_TIME_ZONE)
    assert event.end == datetime.datetime(2026, 1, 22, 19, 30, tzinfo=EVENT_TIME_ZONE)
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert event["DTEND"].params["TZID"] == "Europe/Berlin"
    assert event.start.utcoffset() == datetime.timedelta(hours=1)
    assert event["DTSTAMP"].dt.tzinfo is not None
    assert event["LOCATION"] == "Innovation Office, Alter Markt 13, 33602 Bielefeld"
    assert event["URL"] == "http://localhost/veranstaltungen/ki-im-ehrenamt/"
    assert event["DESCRIPTION"] == (
        "Wie Vereine KI sinnvoll nutzen können.\n\n"
        "Anmeldung: https://pretix.eu/oic-bielefeld/ki-im-ehrenamt/\n\n"
        "http://localhost/veranstaltungen/ki-im-ehrenamt/"
    )
    assert event.categories == ["Meetup", "MeetUps"]


def test_uid_is_stable_across_edits(client, meetup):
    first = parse(client.get("/veranstaltungen/ki-im-ehrenamt/kalender.ics")).events[0]["UID"]
    meetup.title = "Neuer Titel"
    meetup.save_revision().publish()
    second = parse(client.get("/veranstaltungen/ki-im-ehrenamt/kalender.ics")).events[0]["UID"]
    assert first == second


def test_all_day_and_duration_events(client, event_index, frozen_clock):
    EventPageFactory(
        parent=event_index,
        slug="barcamp",
        date=datetime.date(2026, 3, 28),
        start_time=None,
        end_time=None,
    )
    EventPageFactory(
        parent=event_index,
        slug="lange-nacht",
        date=datetime.date(2026, 3, 28),
        start_time=datetime.time(22, 0),
        end_time=None,
        duration_minutes=360,  # into the switch to summer time
    )
    all_day = parse(client.get("/veranstaltungen/barcamp/kalender.ics")).events[0]
    assert all_day.start == datetime.date(2026, 3, 28)
    assert all_day.end == datetime.date(2026, 3, 29)
    assert all_day["DTSTART"].params.get("VALUE") == "DATE"
    night = parse(client.get("/veranstaltungen/lange-nacht/kalender.ics")).events[0]
    assert night.start == datetime.datetime(2026, 3, 28, 22, 0, tzinfo=EVENT_TIME_ZONE)
    assert night.end == datetime.datetime(2026, 3, 29, 4, 0, tzinfo=EVENT_TIME_ZONE)
    assert night.end.utcoffset() == datetime.timedelta(hours=2)


def test_feed_has_upcoming_and_recent_events(client, event_index, formats, frozen_clock):
    meetups, hour = formats
    EventPageFactory(parent=event_index, title="Nächstes MeetUp", format=meetups)
    EventPageFactory(
        parent=event_index, title="Offene Daten", format=hour, date=datetime.date(2026, 2, 5)
    )
    EventPageFactory(
        parent=event_index, title="Letzter Monat", format=meetups, date=datetime.date(2025, 12, 18)
    )
    EventPageFactory(
        parent=event_index, title="Vor langer Zeit", format=meetups, date=datetime.date(2025, 6, 1)
    )
    draft = EventPageFactory(parent=event_index, title="Entwurf")
    draft.unpublish()

    response = client.get("/veranstaltungen/kalender.ics")
    assert response["Content-Disposition"] == 'inline; filename="veranstaltungen.ics"'
    calendar = parse(response)
    assert calendar["X-WR-CALNAME"] == "Veranstaltungen · Open Innovation City Bielefeld"
    assert calendar["REFRESH-INTERVAL"].dt == datetime.timedelta(hours=12)
    assert b"X-PUBLISHED-TTL:PT12H" in response.content
    assert [event["SUMMARY"] for event in calendar.events] == [
        "Letzter Monat",
        "Nächstes MeetUp",
        "Offene Daten",
    ]
    assert len({event["UID"] for event in calendar.events}) == 3
    assert [timezone.tz_name for timezone in calendar.timezones] == ["Europe/Berlin"]

    per_format = parse(client.get("/veranstaltungen/kalender.ics?format=meetups"))
    assert per_format["X-WR-CALNAME"] == (
        "MeetUps · Veranstaltungen · Open Innovation City Bielefeld"
    )
    assert [event["SUMMARY"] for event in per_format.events] == [
        "Letzter Monat",
        "Nächstes MeetUp",
    ]
    empty = parse(client.get("/veranstaltungen/kalender.ics?format=open-innovation-hour&x=1"))
    assert [event["SUMMARY"] for event in empty.events] == ["Offene Daten"]


def test_feed_for_unknown_format_is_404_and_empty_feed_is_valid(client, event_index):
    assert client.get("/veranstaltungen/kalender.ics?format=gibt-es-nicht").status_code == 404
    calendar = parse(client.get("/veranstaltungen/kalender.ics"))
    assert calendar.events == [] and calendar["VERSION"] == "2.0"


def test_feed_queries_do_not_grow_with_the_number_of_events(client, event_index, formats):
    def queries_for_feed():
        with CaptureQueriesContext(connection) as queries:
            parse(client.get("/veranstaltungen/kalender.ics"))
        return len(queries)

    for _ in range(2):
        EventPageFactory(parent=event_index, format=formats[0])
    queries_for_feed()  # warm the site root paths cache
    with_two = queries_for_feed()
    for _ in range(6):
        EventPageFactory(parent=event_index, format=formats[1])
    assert queries_for_feed() == with_two
