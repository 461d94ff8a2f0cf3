"""The upcoming/past split, the listing queries and the page type rules."""

import datetime

import pytest
import time_machine
from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from events.models import EventIndexPage, EventPage
from tests.events.conftest import berlin
from tests.events.factories import EventPageFactory
from tests.factories import ImageFactory
from website.models import HomePage

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


@pytest.mark.parametrize("server_time_zone", ["Europe/Berlin", "UTC", "America/New_York"])
def test_late_event_of_today_is_upcoming_until_midnight_in_bielefeld(
    event_index, settings, server_time_zone
):
    settings.TIME_ZONE = server_time_zone
    event = EventPageFactory(
        parent=event_index,
        date=datetime.date(2026, 1, 15),
        start_time=datetime.time(23, 30),  # 22:30 UTC
        end_time=None,
    )
    with time_machine.travel(berlin(2026, 1, 15, 23, 59), tick=False):
        assert list(EventPage.objects.upcoming()) == [event]
        assert list(EventPage.objects.past()) == []
        assert not EventPage.objects.get(pk=event.pk).is_past
    with time_machine.travel(berlin(2026, 1, 16, 0, 1), tick=False):
        assert list(EventPage.objects.upcoming()) == []
        assert list(EventPage.objects.past()) == [event]
        assert EventPage.objects.get(pk=event.pk).is_past


def test_upcoming_ascending_past_descending_drafts_left_out(event_index, frozen_clock):
    def event(title, day, start=None):
        return EventPageFactory(
            parent=event_index,
            title=title,
            date=datetime.date(2026, 1, day),
            start_time=start,
            end_time=None,
        )

    later = event("Später", 20, datetime.time(18))
    today_evening = event("Heute Abend", 15, datetime.time(19))
    today_all_day = event("Heute ganztags", 15)
    today_morning = event("Heute früh", 15, datetime.time(9))
    yesterday = event("Gestern", 14, datetime.time(18))
    last_week = event("Letzte Woche", 8, datetime.time(18))
    draft = event("Entwurf", 16, datetime.time(18))
    draft.unpublish()

    assert list(EventPage.objects.upcoming()) == [
        today_all_day,
        today_morning,
        today_evening,
        later,
    ]
    assert list(EventPage.objects.past()) == [yesterday, last_week]
    assert list(EventPage.objects.upcoming(today=datetime.date(2026, 1, 9))) == [
        yesterday,
        today_all_day,
        today_morning,
        today_evening,
        later,
    ]
    assert list(EventPage.objects.past(today=datetime.date(2026, 1, 9))) == [last_week]


def test_listing_querysets_fetch_format_and_image_without_extra_queries(
    event_index, formats, django_assert_num_queries
):
    meetups, _ = formats
    for day in range(1, 4):
        EventPageFactory(
            parent=event_index,
            date=datetime.date.today() + datetime.timedelta(days=day),
            format=meetups,
        )
    EventPage.objects.upcoming()  # which sections are private: looked up once, then cached
    with django_assert_num_queries(1):
        events = list(EventPage.objects.upcoming())
        assert [event.format.title for event in events] == ["MeetUps"] * 3
    EventPageFactory(
        parent=event_index,
        date=datetime.date.today() - datetime.timedelta(days=3),
        header_image=ImageFactory(),
    )
    with django_assert_num_queries(2):  # the events, then the image renditions
        events = list(EventPage.objects.past())
        assert events[0].header_image.title.startswith("Bild")
        assert list(events[0].header_image.renditions.all()) == []


def test_private_events_are_not_listed(event_index):
    public = EventPageFactory(parent=event_index, title="Öffentlich")
    private = EventPageFactory(parent=event_index, title="Nur intern")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert list(EventPage.objects.upcoming()) == [public]
    assert list(EventPage.objects.upcoming()) == list(
        EventPage.objects.live().public().filter(date__gte=public.date)
    )
    PageViewRestriction.objects.create(page=event_index, restriction_type="login")
    assert list(EventPage.objects.upcoming()) == []


def test_page_type_rules(event_index):
    case = WagtailPageTestCase()
    # HomePage lists EventIndexPage in its subpage_types once the lead integrates the app.
    assert EventIndexPage.clean_parent_page_models() == [HomePage]
    case.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
    case.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
    case.assertAllowedSubpageTypes(EventPage, set())
    assert EventIndexPage.max_count == 1
    case.assertCanCreateAt(EventIndexPage, EventPage)
