"""The demo events: relative to today, idempotent, valid, with pretix and a linked review."""

import datetime

import pytest

from events.models import EventIndexPage, EventPage
from home.models import SiteSettings
from home.pretix import RegistrationKind
from tests.factories import BlogPageFactory, FormatPageFactory
from website.demo_content.events import load_demo_events

pytestmark = pytest.mark.django_db

FORMAT_SLUGS = {
    "community-of-practice": "Community of Practice",
    "open-innovation-hour": "Open Innovation Hour",
    "meetups": "MeetUps",
}


@pytest.fixture
def demo_formats(site_tree):
    return {
        slug: FormatPageFactory(parent=site_tree.format_index, title=title, slug=slug)
        for slug, title in FORMAT_SLUGS.items()
    }


def test_demo_events_load_twice_without_duplicates(client, site_tree, demo_formats):
    review = BlogPageFactory(
        parent=site_tree.blog_index,
        title="KI und Zivilgesellschaft: Ein Rückblick",
        slug="ki-und-zivilgesellschaft-rueckblick",
    )
    messages = []
    load_demo_events(site_tree.home, messages.append)
    first = sorted(EventPage.objects.values_list("slug", "date"))
    assert "created /veranstaltungen/" in messages

    load_demo_events(site_tree.home, messages.append)
    assert sorted(EventPage.objects.values_list("slug", "date")) == first
    assert EventIndexPage.objects.count() == 1
    index = EventIndexPage.objects.get()
    assert index.show_in_menus and index.live and index.url == "/veranstaltungen/"

    settings = SiteSettings.for_site(site_tree.site)
    assert settings.pretix_shop_url == "https://pretix.eu/oic-bielefeld/"
    for format_page in demo_formats.values():
        events = EventPage.objects.in_format(format_page)
        assert 1 <= events.upcoming().count() <= 2, format_page.slug
        assert 1 <= events.past().count() <= 2, format_page.slug
    upcoming = EventPage.objects.upcoming()
    assert upcoming.filter(registration_kind=RegistrationKind.PRETIX).exists()
    assert upcoming.filter(registration_kind=RegistrationKind.NONE).exists()
    for event in EventPage.objects.all():
        event.full_clean()
    reviewed = EventPage.objects.get(retrospective=review)
    assert reviewed.is_past and reviewed.format == demo_formats["meetups"]
    assert reviewed.date == review.date - datetime.timedelta(days=7)
    assert "Zur Veranstaltung: " in client.get(review.url).text
    assert client.get("/veranstaltungen/").status_code == 200


def test_missing_formats_are_skipped(site_tree):
    FormatPageFactory(parent=site_tree.format_index, title="MeetUps", slug="meetups")
    messages = []
    load_demo_events(site_tree.home, messages.append)
    assert {event.format.slug for event in EventPage.objects.all()} == {"meetups"}
    assert any("skipped" in message and "open-innovation-hour" in message for message in messages)
    assert not EventPage.objects.filter(retrospective__isnull=False).exists()


def test_existing_pretix_shop_address_is_kept(site_tree, demo_formats):
    settings = SiteSettings.for_site(site_tree.site)
    settings.pretix_shop_url = "https://tickets.bielefeld.de/oic/"
    settings.save()
    load_demo_events(site_tree.home, lambda message: None)
    assert SiteSettings.for_site(site_tree.site).pretix_shop_url == (
        "https://tickets.bielefeld.de/oic/"
    )
