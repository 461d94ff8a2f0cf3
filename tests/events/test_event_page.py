"""An event's page: facts, schema.org microdata, registration and the link to its review."""

import datetime
import re

import pytest

from events.models import AttendanceMode
from home.pretix import RegistrationKind
from tests.events.factories import EventPageFactory
from tests.events.microdata import first_value, microdata_items
from tests.factories import BlogPageFactory, ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetup(event_index, formats, frozen_clock):
    meetups, _ = formats
    return EventPageFactory(
        parent=event_index,
        title="KI im Ehrenamt",
        slug="ki-im-ehrenamt",
        teaser="Wie Vereine KI sinnvoll nutzen können.",
        description='<p>Impuls und <b>Diskussion</b>.</p><ul><li><a href="https://www.bielefeld.de/">Mehr</a></li></ul>',
        date=datetime.date(2026, 1, 22),
        start_time=datetime.time(18, 0),
        end_time=datetime.time(19, 30),
        target_audience="Vereine und Initiativen",
        format=meetups,
        header_image=ImageFactory(description="Menschen im Innovation Office"),
    )


def test_microdata_image_is_absolute_with_media_in_a_bucket(client, meetup, settings):
    settings.MEDIA_URL = "https://medien.example.org/"
    html = client.get("/veranstaltungen/ki-im-ehrenamt/").text
    (event,) = [
        item for item in microdata_items(html) if item["type"] == "https://schema.org/Event"
    ]
    assert re.fullmatch(
        r"https://medien\.example\.org/images/[^/]+\.jpg", first_value(event, "image")
    )
    assert "testserver" not in first_value(event, "image")


def test_event_page_shows_the_facts(client, meetup):
    response = client.get("/veranstaltungen/ki-im-ehrenamt/")
    assert response.status_code == 200
    html = response.text
    assert html.count("<h1") == 1
    assert '<h1 itemprop="name">KI im Ehrenamt</h1>' in html
    assert '<a href="/formate/meetups/">MeetUps</a>' in html
    assert "Do., 22. Januar 2026, 18:00</time>–" in html
    assert "<dt>Für wen</dt><dd>Vereine und Initiativen</dd>" in html
    assert "<b>Diskussion</b>" in html and "<li>" in html
    assert 'alt="Menschen im Innovation Office"' in html
    assert re.search(r"<img [^>]*sizes=\"\(min-width: 50rem\) 46rem, 100vw\"", html)
    assert (
        '<a class="button button--secondary" href="/veranstaltungen/ki-im-ehrenamt/kalender.ics"'
        in html
    )
    assert "In den Kalender (.ics)</a>" in html
    assert "Eine Anmeldung ist nicht nötig" in html
    assert "hat bereits stattgefunden" not in html
    assert '<meta name="description" content="Wie Vereine KI sinnvoll nutzen können.">' in html


def test_microdata_describes_the_event(client, meetup):
    html = client.get("/veranstaltungen/ki-im-ehrenamt/").text
    events = [item for item in microdata_items(html) if item["type"] == "https://schema.org/Event"]
    assert len(events) == 1
    event = events[0]
    assert first_value(event, "name") == "KI im Ehrenamt"
    assert first_value(event, "description") == "Wie Vereine KI sinnvoll nutzen können."
    assert first_value(event, "startDate") == "2026-01-22T18:00:00+01:00"
    assert first_value(event, "endDate") == "2026-01-22T19:30:00+01:00"
    assert first_value(event, "url") == "http://localhost/veranstaltungen/ki-im-ehrenamt/"
    assert first_value(event, "eventAttendanceMode") == (
        "https://schema.org/OfflineEventAttendanceMode"
    )
    assert first_value(event, "image").startswith("http://testserver/media/images/")
    place = first_value(event, "location")
    assert place["type"] == "https://schema.org/Place"
    assert first_value(place, "name") == "Innovation Office, Alter Markt 13, 33602 Bielefeld"
    assert first_value(place, "address") == "Innovation Office, Alter Markt 13, 33602 Bielefeld"
    organizer = first_value(event, "organizer")
    assert organizer["type"] == "https://schema.org/Organization"
    assert first_value(organizer, "name") == "Open Innovation City Bielefeld"
    assert first_value(organizer, "url") == "http://localhost/"
    offer = first_value(event, "offers")
    assert offer["type"] == "https://schema.org/Offer"
    assert first_value(offer, "price") == "0"
    assert first_value(offer, "priceCurrency") == "EUR"
    assert '<script type="application/ld+json"' not in html


def test_online_event_with_fee_has_a_virtual_location_and_no_zero_price(
    client, event_index, frozen_clock
):
    EventPageFactory(
        parent=event_index,
        slug="online-impuls",
        location="Online",
        attendance_mode=AttendanceMode.ONLINE,
        cost="10 €",
        start_time=None,
        end_time=None,
        date=datetime.date(2026, 2, 3),
    )
    html = client.get("/veranstaltungen/online-impuls/").text
    event = microdata_items(html)[0]
    assert first_value(event, "startDate") == "2026-02-03"
    assert "endDate" not in event["properties"]
    assert first_value(event, "eventAttendanceMode") == (
        "https://schema.org/OnlineEventAttendanceMode"
    )
    location = first_value(event, "location")
    assert location["type"] == "https://schema.org/VirtualLocation"
    assert first_value(location, "url") == "http://localhost/veranstaltungen/online-impuls/"
    offer = first_value(event, "offers")
    assert "price" not in offer["properties"]
    assert first_value(offer, "description") == "10 €"


def test_hybrid_event_has_both_locations(client, event_index, frozen_clock):
    EventPageFactory(parent=event_index, slug="hybrid", attendance_mode=AttendanceMode.MIXED)
    html = client.get("/veranstaltungen/hybrid/").text
    event = microdata_items(html)[0]
    assert [location["type"] for location in event["properties"]["location"]] == [
        "https://schema.org/Place",
        "https://schema.org/VirtualLocation",
    ]
    assert "und online" in html


def pretix_event(event_index, **fields):
    return EventPageFactory(
        parent=event_index,
        slug="meetup-ki",
        registration_kind=RegistrationKind.PRETIX,
        pretix_event_slug="meetup-ki",
        **fields,
    )


def test_pretix_registration_loads_nothing_from_pretix_before_the_click(
    client, event_index, pretix_shop, frozen_clock
):
    pretix_event(event_index, pretix_items="12, 13")
    html = client.get("/veranstaltungen/meetup-ki/").text
    assert not re.search(r"<script[^>]+src=\"[^\"]*pretix\.eu", html)
    assert not re.search(r"<link[^>]+href=\"[^\"]*pretix\.eu", html)
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert not re.search(r"<(iframe|img|pretix-widget)", main)
    assert "pretix-widget" not in html
    assert '<script src="/static/js/pretix-consent.js" defer></script>' in html
    for script in re.findall(r"<script[^>]*>", html):
        assert "src=" in script  # no inline scripts
    assert " style=" not in html
    pretix_references = re.findall(r"(\S+)=\"https://pretix\.eu[^\"]*\"", html)
    assert sorted(set(pretix_references)) == sorted(
        {"href", "data-pretix-event", "data-pretix-stylesheet", "data-pretix-script"}
    )
    assert (
        '<a href="https://pretix.eu/oic-bielefeld/meetup-ki/" rel="noopener">'
        "Direkt im Ticketshop bei pretix.eu anmelden</a>" in html
    )
    assert 'data-pretix-event="https://pretix.eu/oic-bielefeld/meetup-ki/"' in html
    assert (
        'data-pretix-stylesheet="https://pretix.eu/oic-bielefeld/meetup-ki/widget/v2.css"' in html
    )
    assert 'data-pretix-script="https://pretix.eu/widget/v2.de.js"' in html
    assert 'data-pretix-items="12,13"' in html
    assert "data-pretix-voucher" not in html
    assert ">Anmeldung laden</button>" in html
    assert "Beim Laden wird eine Verbindung zu pretix.eu hergestellt" in html
    # The button and its notice appear only when the script runs; the link works without it.
    assert re.search(r"<div class=\"pretix-consent__controls\" data-pretix-controls hidden>", html)
    offer = first_value(microdata_items(html)[0], "offers")
    assert first_value(offer, "url") == "http://localhost/veranstaltungen/meetup-ki/"


def test_pretix_voucher_goes_into_link_and_widget(client, event_index, pretix_shop, frozen_clock):
    pretix_event(event_index, pretix_voucher="OIC2026")
    html = client.get("/veranstaltungen/meetup-ki/").text
    assert 'href="https://pretix.eu/oic-bielefeld/meetup-ki/redeem?voucher=OIC2026"' in html
    assert 'data-pretix-voucher="OIC2026"' in html


def test_pretix_event_without_shop_address_falls_back_to_no_widget(
    client, event_index, pretix_shop, frozen_clock
):
    """If someone removes the shop address later, the page shows no broken registration."""
    pretix_event(event_index)
    pretix_shop.pretix_shop_url = ""
    pretix_shop.save()
    html = client.get("/veranstaltungen/meetup-ki/").text
    assert "data-pretix" not in html and "pretix-consent.js" not in html
    assert "Die Anmeldung ist noch nicht geöffnet." in html


def test_external_registration_is_a_plain_link(client, event_index, frozen_clock):
    EventPageFactory(
        parent=event_index,
        slug="barcamp",
        registration_kind=RegistrationKind.EXTERNAL,
        registration_url="https://www.bielefeld.de/barcamp",
    )
    html = client.get("/veranstaltungen/barcamp/").text
    assert (
        '<a class="button" href="https://www.bielefeld.de/barcamp" rel="noopener">Zur Anmeldung</a>'
        in html
    )
    assert "pretix-consent.js" not in html


def test_past_event_offers_no_registration(client, event_index, pretix_shop, frozen_clock):
    pretix_event(event_index, date=datetime.date(2026, 1, 14))
    html = client.get("/veranstaltungen/meetup-ki/").text
    assert "Diese Veranstaltung hat bereits stattgefunden." in html
    assert "Anmeldung laden" not in html and "pretix-consent.js" not in html


def test_retrospective_links_both_ways_once_the_event_is_over(
    client, site_tree, event_index, frozen_clock
):
    post = BlogPageFactory(parent=site_tree.blog_index, title="Rückblick: KI im Ehrenamt")
    event = EventPageFactory(
        parent=event_index,
        title="KI im Ehrenamt",
        slug="ki-im-ehrenamt",
        date=datetime.date(2026, 1, 20),
        retrospective=post,
    )
    assert "Zum Rückblick" not in client.get(event.url).text
    assert "Zur Veranstaltung" not in client.get(post.url).text

    event.date = datetime.date(2026, 1, 10)
    event.save_revision().publish()
    event_html = client.get(event.url).text
    assert f'<a href="{post.url}">Zum Rückblick: Rückblick: KI im Ehrenamt</a>' in event_html
    post_html = client.get(post.url).text
    assert '<a href="/veranstaltungen/ki-im-ehrenamt/">Zur Veranstaltung: KI im Ehrenamt</a>' in (
        post_html
    )

    post.unpublish()
    assert "Zum Rückblick" not in client.get(event.url).text
    event.unpublish()
    post.save_revision().publish()
    assert "Zur Veranstaltung" not in client.get(post.url).text


@pytest.mark.search_index
def test_events_are_found_by_the_site_search(client, meetup):
    html = client.get("/suche/?q=Ehrenamt").text
    assert '<a href="/veranstaltungen/ki-im-ehrenamt/">KI im Ehrenamt</a>' in html
    assert "Wie Vereine KI sinnvoll nutzen können." in html
