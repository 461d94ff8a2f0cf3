"""The "Kommende Veranstaltungen" block editors place on the home page or any other page."""

import datetime

import pytest
from django.template import RequestContext, Template
from django.test import RequestFactory
from wagtail.blocks import StreamBlock, StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError

from events.blocks import DEFAULT_FALLBACK_TEXT, UpcomingEventsBlock
from home.pretix_blocks import PretixRegistrationBlock
from tests.events.conftest import PRETIX_SHOP_URL
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
    assert 'name="csrfmiddlewaretoken"' not in html  # public forms stay cacheable
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


class RegistrationBody(StreamBlock):
    pretix_registration = PretixRegistrationBlock()


def render_registration(site_tree, **value):
    stream_block = RegistrationBody()
    block = stream_block.child_blocks["pretix_registration"]
    stream = StreamValue(stream_block, [("pretix_registration", block.to_python(value))])
    template = Template("{% load wagtailcore_tags %}{% include_block stream %}")
    request = RequestFactory().get("/")
    request.site = site_tree.site
    return template.render(RequestContext(request, {"stream": stream, "page": site_tree.home}))


def test_registration_block_with_a_short_name_uses_the_shop_of_the_settings(site_tree, pretix_shop):
    html = render_registration(site_tree, event="meetup-ki", voucher="OIC", items="3, 4")

    assert f'data-pretix-event="{PRETIX_SHOP_URL.rstrip("/")}/meetup-ki/"' in html
    assert 'data-pretix-items="3,4"' in html and 'data-pretix-voucher="OIC"' in html
    assert "data-pretix-disable-vouchers" not in html
    assert "<script" in html and "pretix-consent.js" in html
    assert "Anmeldung laden" in html and "<pretix-widget" not in html


def test_registration_block_with_a_whole_address_needs_no_settings(site_tree):
    html = render_registration(
        site_tree, event="https://tickets.example.org/oic/barcamp/", disable_vouchers=True
    )

    assert 'data-pretix-event="https://tickets.example.org/oic/barcamp/"' in html
    assert "data-pretix-disable-vouchers" in html
    assert "Direkt im Ticketshop bei tickets.example.org anmelden" in html


def test_registration_block_without_a_shop_shows_nothing(site_tree):
    html = render_registration(site_tree, event="meetup-ki")
    assert "data-pretix" not in html and "Anmeldung" not in html


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ({"event": "meetup ki"}, "event"),
        ({"event": "http://pretix.eu/oic/x/"}, "event"),
        ({"event": "meetup-ki", "items": "drei"}, "items"),
    ],
)
def test_registration_block_refuses_what_pretix_cannot_use(value, field):
    block = PretixRegistrationBlock()
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python(value))
    assert set(raised.value.block_errors) == {field}
