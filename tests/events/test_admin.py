"""Editors create events in the Wagtail admin; errors appear next to the fields."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text

from events.models import EventPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(
        get_user_model().objects.create_superuser("redaktion", "r@bielefeld.de", "pw")
    )
    return client


def event_form(**fields):
    return nested_form_data(
        {
            "title": "MeetUp KI und Zivilgesellschaft",
            "slug": "meetup-ki",
            "teaser": "KI im Ehrenamt.",
            "date": "2026-02-05",
            "start_time": "18:00",
            "end_time": "19:30",
            "duration_minutes": "",
            "location": "Innovation Office, Alter Markt 13, 33602 Bielefeld",
            "attendance_mode": "offline",
            "kind": "meetup",
            "cost": "kostenfrei",
            "description": rich_text("<p>Impuls und Diskussion.</p>"),
            "registration_kind": "none",
            "comment_notifications": "",
            "action-publish": "action-publish",
            **fields,
        }
    )


def add_url(event_index):
    return reverse("wagtailadmin_pages:add", args=("events", "eventpage", event_index.pk))


def test_editor_publishes_an_event(editor_client, event_index, client):
    response = editor_client.post(add_url(event_index), event_form())
    assert response.status_code == 302
    event = EventPage.objects.get(slug="meetup-ki")
    assert event.live
    assert event.end_time == datetime.time(19, 30)
    assert "MeetUp KI und Zivilgesellschaft" in client.get("/veranstaltungen/meetup-ki/").text


def test_new_event_with_pretix_but_no_shop_shows_the_errors_next_to_the_fields(
    editor_client, event_index
):
    response = editor_client.post(
        add_url(event_index),
        event_form(registration_kind="pretix", end_time="17:00"),
    )
    assert response.status_code == 200
    assert not EventPage.objects.filter(slug="meetup-ki").exists()
    form = response.context["form"]
    assert form.errors["end_time"][0].startswith("Das Ende muss nach dem Beginn liegen.")
    assert form.errors["pretix_event_slug"] == [
        "Bitte den Kurznamen der Veranstaltung in pretix angeben."
    ]
    assert "Adresse des pretix-Shops" in form.errors["registration_kind"][0]
    assert "Bitte den Kurznamen der Veranstaltung in pretix angeben." in response.text


def test_new_event_with_pretix_uses_the_shop_of_its_site(editor_client, event_index, pretix_shop):
    response = editor_client.post(
        add_url(event_index),
        event_form(registration_kind="pretix", pretix_event_slug="meetup-ki"),
    )
    assert response.status_code == 302
    assert EventPage.objects.get(slug="meetup-ki").pretix_event_slug == "meetup-ki"


def test_edit_form_shows_german_labels(editor_client, event_index):
    response = editor_client.post(add_url(event_index), event_form())
    event = EventPage.objects.get(slug="meetup-ki")
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=(event.pk,))).text
    for label in ("Termin", "Beginn", "Dauer in Minuten", "Kurzname in pretix", "Rückblick"):
        assert label in html
    assert response.status_code == 302
