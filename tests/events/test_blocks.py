"""The "Kommende Veranstaltungen" block editors place on the home page or any other page."""

import datetime

import pytest
from django.template import RequestContext, Template
from django.test import RequestFactory
from wagtail.blocks import StreamBlock, StreamValue

from events.blocks import DEFAULT_FALLBACK_TEXT, UpcomingEventsBlock
from tests.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db


class PageBody(StreamBlock):
    upcoming_events = UpcomingEventsBlock()


def render(site_tree, **value):
    """Render the block as it would be inside a page's StreamField, with a real request."""
    stream_block = PageBody()
    block_value = stream_block.child_blocks["upcoming_events"].to_python(value)
    stream = StreamValue(stream_block, [("upcoming_events", block_value)])
    request = RequestFactory().get("/")
    template = Template("{% load wagtailcore_tags %}{% include_block stream %}")
    html = template.render(RequestContext(request, {"stream": stream, "page": site_tree.home}))
    return html, request


def test_block_shows_the_next_events(site_tree, event_index, formats, frozen_clock):
    meetups, hour = formats
    EventPageFactory(parent=event_index, title="Dritte", date=datetime.date(2026, 2, 10))
    EventPageFactory(parent=event_index, title="Erste", date=datetime.date(2026, 1, 15))
    EventPageFactory(
        parent=event_index, title="Zweite", date=datetime.date(2026, 1, 29), format=meetups
    )
    EventPageFactory(parent=event_index, title="Vorbei", date=datetime.date(2026, 1, 14))

    html, _ = render(site_tree, heading="Termine", count=2)
    assert "<h2>Termine</h2>" in html
    assert '<h3 class="card__title"><a href="/veranstaltungen/erste/">Erste</a></h3>' in html
    assert html.index("Erste") < html.index("Zweite")
    assert "Dritte" not in html and "Vorbei" not in html
    assert (
        '<a class="button button--secondary" href="/veranstaltungen/">Alle Veranstaltungen' in html
    )
    assert DEFAULT_FALLBACK_TEXT not in html

    only_meetups, _ = render(site_tree, count=3, format_page=meetups.pk)
    assert "Zweite" in only_meetups and "Erste" not in only_meetups
    assert 'href="/veranstaltungen/?format=meetups"' in only_meetups


def test_block_can_show_featured_events_only(site_tree, event_index, frozen_clock):
    EventPageFactory(parent=event_index, title="Normal")
    EventPageFactory(parent=event_index, title="Empfohlen", featured=True)
    html, _ = render(site_tree, count=3, featured_only=True)
    assert "Empfohlen" in html and "Normal" not in html
    assert "event-card--featured" in html and ">Empfehlung</p>" in html


def test_without_events_the_fallback_text_and_newsletter_form_appear(
    site_tree, event_index, frozen_clock
):
    EventPageFactory(parent=event_index, title="Vorbei", date=datetime.date(2026, 1, 2))
    html, request = render(site_tree, count=3, fallback_text=DEFAULT_FALLBACK_TEXT)
    assert "<h2>Kommende Veranstaltungen</h2>" in html
    assert (
        "Zurzeit sind keine Veranstaltungen geplant. Abonniere unseren Newsletter, dann "
        "verpasst du keine." in html
    )
    assert '<section class="newsletter" id="newsletter"' in html
    assert 'action="/newsletter/anmelden/" method="post"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "Ich möchte den Newsletter der Open Innovation City Bielefeld" in html
    assert request.newsletter_form_count == 1  # so the page leaves out the footer form
    assert "Vorbei" not in html


def test_newsletter_form_is_optional(site_tree, event_index):
    html, request = render(site_tree, show_newsletter=False, fallback_text="Bald mehr.")
    assert "Bald mehr." in html
    assert "newsletter-form" not in html
    assert not getattr(request, "newsletter_form_count", 0)


def test_block_meta_for_editors():
    block = UpcomingEventsBlock()
    assert block.meta.label == "Kommende Veranstaltungen"
    assert block.meta.icon == "date"
    assert block.meta.help_text and block.meta.description
    default = block.get_default()
    assert default["heading"] == "Kommende Veranstaltungen"
    assert default["count"] == 3
    assert default["fallback_text"] == DEFAULT_FALLBACK_TEXT
    assert default["show_newsletter"] is True
    preview = block.get_preview_value()
    assert preview["heading"] == "Kommende Veranstaltungen"
    for name, child in block.child_blocks.items():
        assert child.label, name
    with pytest.raises(Exception, match="12"):
        block.child_blocks["count"].clean(13)
