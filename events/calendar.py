"""iCalendar (RFC 5545) files: one event to import, and a feed of all events to subscribe to."""

import datetime
from urllib.parse import urlsplit

import icalendar
from django.http import HttpResponse
from django.utils import timezone

from home.models import SiteSettings

from .schedule import local_today

CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODUCT_ID = "-//Open Innovation City Bielefeld//Veranstaltungen//DE"
FEED_RECENT_DAYS = 90
FEED_REFRESH_INTERVAL = datetime.timedelta(hours=12)


def event_uid(event, request):
    """Stable across edits and requests: the page's id at the site's host name."""
    host = urlsplit(event.get_full_url(request) or "").hostname or request.get_host()
    return f"event-{event.pk}@{host}"


def plain_description(event, url, registration_link):
    lines = [event.teaser.strip()]
    if registration_link:
        lines.append(f"Anmeldung: {registration_link}")
    lines.append(url)
    return "\n\n".join(line for line in lines if line)


def build_vevent(event, request, shop_url):
    schedule = event.schedule
    url = event.get_full_url(request)
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event, request))
    stamp = event.last_published_at or timezone.now()
    vevent.add("dtstamp", stamp.astimezone(datetime.UTC))
    vevent.add("last-modified", stamp.astimezone(datetime.UTC))
    if schedule.is_all_day:
        vevent.add("dtstart", event.date)
        vevent.add("dtend", event.date + datetime.timedelta(days=1))
    else:
        vevent.add("dtstart", schedule.start)
        if schedule.end is not None:
            vevent.add("dtend", schedule.end)
    vevent.add("summary", event.title)
    vevent.add("description", plain_description(event, url, event.registration_link(shop_url)))
    vevent.add("location", event.location)
    vevent.add("url", url)
    categories = [event.get_kind_display()]
    if event.format is not None:
        categories.append(event.format.title)
    vevent.add("categories", categories)
    vevent.add("status", "CONFIRMED")
    return vevent


def build_calendar(events, request, name):
    events = list(events)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    calendar.add("refresh-interval", FEED_REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(FEED_REFRESH_INTERVAL))
    shop_url = SiteSettings.for_request(request).pretix_shop_url
    for event in events:
        calendar.add_component(build_vevent(event, request, shop_url))
    if events:
        dates = [event.date for event in events]
        # Transitions of the last year before the first event make the VTIMEZONE complete.
        calendar.add_missing_timezones(
            first_date=min(dates) - datetime.timedelta(days=366),
            last_date=max(dates) + datetime.timedelta(days=366),
        )
    return calendar


def calendar_response(calendar, filename, disposition):
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def single_event_response(request, event):
    calendar = build_calendar([event], request, event.title)
    return calendar_response(calendar, f"{event.slug}.ics", "attachment")


def feed_response(request, index_page, format_page=None):
    """Upcoming events and those of the last 90 days, so calendars keep recent entries."""
    since = local_today() - datetime.timedelta(days=FEED_RECENT_DAYS)
    events = (
        index_page.events()
        .live()
        .public()
        .in_format(format_page)
        .filter(date__gte=since)
        .select_related("format")
        .order_by("date", "start_time", "pk")
    )
    organisation = SiteSettings.for_request(request).organisation_name
    name = f"{index_page.title} · {organisation}"
    filename = "veranstaltungen.ics"
    if format_page is not None:
        name = f"{format_page.title} · {name}"
        filename = f"veranstaltungen-{format_page.slug}.ics"
    return calendar_response(build_calendar(events, request, name), filename, "inline")
