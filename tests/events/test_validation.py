"""Every rule an editor can break, with the German message next to the field concerned."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from events.models import EventPage
from home.pretix import RegistrationKind
from tests.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(event_index):
    return EventPageFactory(
        parent=event_index, start_time=datetime.time(18), end_time=None, duration_minutes=None
    )


def errors_of(page, **changes):
    page = EventPage.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    try:
        page.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


def test_a_complete_event_is_valid(event):
    assert errors_of(event) == {}
    assert errors_of(event, end_time=datetime.time(19, 30)) == {}
    assert errors_of(event, duration_minutes=90) == {}
    assert errors_of(event, start_time=None) == {}  # all day


def test_end_time_and_duration_together_are_refused(event):
    errors = errors_of(event, end_time=datetime.time(19, 30), duration_minutes=90)
    message = "Bitte entweder das Ende oder die Dauer angeben, nicht beides."
    assert errors == {"end_time": [message], "duration_minutes": [message]}


@pytest.mark.parametrize("end", [datetime.time(18, 0), datetime.time(17, 30)])
def test_end_time_must_come_after_the_start(event, end):
    errors = errors_of(event, end_time=end)
    assert list(errors) == ["end_time"]
    assert errors["end_time"][0].startswith("Das Ende muss nach dem Beginn liegen.")
    assert "bitte stattdessen die Dauer angeben" in errors["end_time"][0]


@pytest.mark.parametrize(
    "field, value", [("end_time", datetime.time(19)), ("duration_minutes", 60)]
)
def test_an_end_needs_a_start(event, field, value):
    errors = errors_of(event, start_time=None, **{field: value})
    assert errors == {field: ["Ein Ende ergibt nur zusammen mit einem Beginn Sinn."]}


@pytest.mark.parametrize("minutes", [0, 7 * 24 * 60 + 1])
def test_duration_has_sensible_bounds(event, minutes):
    assert list(errors_of(event, duration_minutes=minutes)) == ["duration_minutes"]


def test_external_registration_needs_its_address(event):
    errors = errors_of(event, registration_kind=RegistrationKind.EXTERNAL)
    assert errors == {"registration_url": ["Bitte die Adresse der Anmeldeseite angeben."]}
    assert (
        errors_of(
            event,
            registration_kind=RegistrationKind.EXTERNAL,
            registration_url="https://www.bielefeld.de/anmeldung",
        )
        == {}
    )


def test_pretix_needs_the_event_slug(event, pretix_shop):
    errors = errors_of(event, registration_kind=RegistrationKind.PRETIX)
    assert errors == {
        "pretix_event_slug": ["Bitte den Kurznamen der Veranstaltung in pretix angeben."]
    }
    assert (
        errors_of(
            event,
            registration_kind=RegistrationKind.PRETIX,
            pretix_event_slug="meetup-ki",
            pretix_items="12, 13",
            pretix_voucher="OIC-2026_a",
        )
        == {}
    )


def test_pretix_needs_the_shop_address_in_the_site_settings(event):
    errors = errors_of(event, registration_kind=RegistrationKind.PRETIX, pretix_event_slug="x")
    assert list(errors) == ["registration_kind"]
    assert "Adresse des pretix-Shops" in errors["registration_kind"][0]
    assert "Website-Einstellungen" in errors["registration_kind"][0]


@pytest.mark.parametrize(
    "field, value",
    [
        ("pretix_event_slug", "https://pretix.eu/oic-bielefeld/meetup-ki/"),
        ("pretix_event_slug", "meetup ki"),
        ("pretix_items", "Ticket A"),
        ("pretix_items", "12;13"),
        ("pretix_voucher", "OIC 2026"),
    ],
)
def test_pretix_fields_reject_malformed_values(event, pretix_shop, field, value):
    fields = {"registration_kind": RegistrationKind.PRETIX, "pretix_event_slug": "meetup-ki"}
    assert list(errors_of(event, **{**fields, field: value})) == [field]


def test_calendar_slug_is_reserved(event):
    errors = errors_of(event, slug="kalender")
    assert errors == {"slug": ["„kalender“ ist für den Kalender-Abonnement-Link reserviert."]}
