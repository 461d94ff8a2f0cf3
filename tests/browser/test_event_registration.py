"""From the home page a visitor opens the next event, loads the pretix registration only after
consenting, and saves the event to their calendar."""

import datetime
from urllib.parse import urlsplit

import icalendar
import pytest
from playwright.sync_api import expect

from events.schedule import EVENT_TIME_ZONE, local_today
from home.models import SiteSettings
from home.pretix import RegistrationKind
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import FormatPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PRETIX_HOST = "pretix.eu"
EVENT_TITLE = "MeetUp KI und Zivilgesellschaft: KI im Ehrenamt"
# Stands in for pretix's widget script: there is no internet here, and nothing may leave the
# machine. Like the real one, it builds every <pretix-widget> it finds.
STUB_WIDGET_SCRIPT = """
document.querySelectorAll("pretix-widget").forEach((widget) => {
    widget.textContent = "pretix-Stub: Tickets für " + widget.getAttribute("event");
});
"""


@pytest.fixture
def next_event(site_tree):
    settings = SiteSettings.for_site(site_tree.site)
    settings.pretix_shop_url = f"https://{PRETIX_HOST}/oic-bielefeld/"
    settings.save()
    meetups = FormatPageFactory(parent=site_tree.format_index, title="MeetUps", slug="meetups")
    index = EventIndexPageFactory(parent=site_tree.home)
    site_tree.home.body = [
        ("upcoming_events", {"heading": "Kommende Veranstaltungen", "count": 3}),
    ]
    site_tree.home.save_revision().publish()
    today = local_today()
    EventPageFactory(parent=index, title="Später im Jahr", date=today + datetime.timedelta(40))
    EventPageFactory(parent=index, title="Schon vorbei", date=today - datetime.timedelta(3))
    return EventPageFactory(
        parent=index,
        title=EVENT_TITLE,
        slug="ki-im-ehrenamt",
        date=today + datetime.timedelta(days=5),
        format=meetups,
        registration_kind=RegistrationKind.PRETIX,
        pretix_event_slug="meetup-ki",
        pretix_items="12",
    )


def test_pretix_loads_only_after_consent_and_event_goes_to_calendar(
    page, browser, live_server, next_event, tmp_path
):
    live_host = urlsplit(live_server.url).netloc
    requested = []
    served_by_stub = []
    page.on("request", lambda request: requested.append(request.url))

    def is_pretix(url):
        return urlsplit(url).hostname == PRETIX_HOST

    def serve_stub(route):
        served_by_stub.append(route.request.url)
        if route.request.url.endswith(".js"):
            route.fulfill(content_type="text/javascript", body=STUB_WIDGET_SCRIPT)
        else:
            route.fulfill(content_type="text/css", body="pretix-widget { display: block; }")

    page.route(is_pretix, serve_stub)
    page.route(
        lambda url: urlsplit(url).netloc not in {live_host, PRETIX_HOST},
        lambda route: route.abort(),
    )

    page.goto(f"{live_server.url}/#events")
    upcoming = page.get_by_role("region", name="Kommende Veranstaltungen")
    expect(upcoming.get_by_role("heading", level=3)).to_have_count(2)
    expect(upcoming.get_by_role("heading", level=3).first).to_have_text(EVENT_TITLE)
    upcoming.get_by_role("link", name=EVENT_TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(EVENT_TITLE)

    load_button = page.get_by_role("button", name="Anmeldung laden")
    expect(load_button).to_be_visible()
    expect(
        page.get_by_text("Beim Laden wird eine Verbindung zu pretix.eu hergestellt")
    ).to_be_visible()
    expect(page.locator("pretix-widget")).to_have_count(0)
    assert [url for url in requested if urlsplit(url).netloc != live_host] == []

    load_button.click()
    widget = page.locator("pretix-widget")
    expect(widget).to_have_attribute("event", "https://pretix.eu/oic-bielefeld/meetup-ki/")
    expect(widget).to_have_attribute("items", "12")
    expect(widget).to_have_text(
        "pretix-Stub: Tickets für https://pretix.eu/oic-bielefeld/meetup-ki/"
    )
    expect(load_button).to_be_hidden()
    assert sorted(served_by_stub) == [
        "https://pretix.eu/oic-bielefeld/meetup-ki/widget/v2.css",
        "https://pretix.eu/widget/v2.de.js",
    ]
    assert {urlsplit(url).netloc for url in requested} == {live_host, PRETIX_HOST}

    with page.expect_download() as download_info:
        page.get_by_role("link", name="In den Kalender (.ics)").click()
    download = download_info.value
    assert download.suggested_filename == "ki-im-ehrenamt.ics"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    calendar = icalendar.Calendar.from_ical(saved.read_bytes())
    [event] = calendar.events
    assert event["SUMMARY"] == EVENT_TITLE
    assert event.start == datetime.datetime.combine(
        next_event.date, datetime.time(18), tzinfo=EVENT_TIME_ZONE
    )
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert event["UID"] == f"event-{next_event.pk}@localhost"

    # Without JavaScript there is no button, and the plain link leads to the shop.
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    try:
        static_page = context.new_page()
        static_page.route(
            lambda url: urlsplit(url).netloc != live_host, lambda route: route.abort()
        )
        static_page.goto(f"{live_server.url}{next_event.url}")
        expect(static_page.get_by_role("button", name="Anmeldung laden")).to_be_hidden()
        expect(
            static_page.get_by_role("link", name="Direkt im Ticketshop bei pretix.eu anmelden")
        ).to_have_attribute("href", "https://pretix.eu/oic-bielefeld/meetup-ki/")
    finally:
        context.close()
