from django import template

from events.models import EventIndexPage, EventPage
from events.schedule import local_today
from home.section_pages import section_page

register = template.Library()

FORMAT_UPCOMING_COUNT = 6
FORMAT_PAST_COUNT = 3


@register.simple_tag(takes_context=True)
def events_for_format(context, format_page):
    """A format's next events and its latest past ones, with the index to link to."""
    events = EventPage.objects.in_format(format_page)
    today = local_today()
    return {
        "upcoming": list(events.upcoming(today)[:FORMAT_UPCOMING_COUNT]),
        "past": list(events.past(today)[:FORMAT_PAST_COUNT]),
        "index": section_page(context.get("request"), EventIndexPage),
    }


@register.simple_tag
def event_of_retrospective(post):
    """The event this post reviews, once the event is over; ``None`` otherwise."""
    return (
        EventPage.objects.live()
        .public()
        .filter(retrospective=post, date__lt=local_today())
        .order_by("-date", "-pk")
        .first()
    )


@register.simple_tag(takes_context=True)
def calendar_file_url(context, page):
    """``/veranstaltungen/kalender.ics`` (or an event's): the address calendar apps subscribe to."""
    return f"{page.get_url(context.get('request'))}kalender.ics"
