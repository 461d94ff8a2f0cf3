from wagtail import blocks

from home.section_pages import section_page
from newsletter.blocks import NewsletterBlock
from newsletter.issues import EmailRenderedBlock

DEFAULT_HEADING = "Kommende Veranstaltungen"
DEFAULT_FALLBACK_TEXT = (
    "Zurzeit sind keine Veranstaltungen geplant. Abonniere unseren Newsletter, dann verpasst "
    "du keine."
)


class UpcomingEventsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Überschrift", default=DEFAULT_HEADING, max_length=200)
    count = blocks.IntegerBlock(
        label="Anzahl", default=3, min_value=1, max_value=12, help_text="Höchstens 12."
    )
    format_page = blocks.PageChooserBlock(
        page_type="formats.FormatPage",
        label="Nur Veranstaltungen dieses Formats",
        required=False,
    )
    featured_only = blocks.BooleanBlock(label="Nur hervorgehobene Veranstaltungen", required=False)
    fallback_text = blocks.TextBlock(
        label="Text, wenn nichts geplant ist", default=DEFAULT_FALLBACK_TEXT
    )
    show_newsletter = blocks.BooleanBlock(
        label="Dann die Newsletter-Anmeldung zeigen",
        required=False,
        default=True,
        help_text="Zeigt unter dem Text das Anmeldeformular, solange nichts geplant ist.",
    )

    class Meta:
        icon = "date"
        label = "Kommende Veranstaltungen"
        template = "events/blocks/upcoming_events_block.html"
        help_text = (
            "Zeigt die nächsten Termine automatisch; vergangene verschwinden von selbst. "
            "Ist nichts geplant, erscheint der Text und auf Wunsch die Newsletter-Anmeldung."
        )
        description = "Die nächsten Veranstaltungen als Karten, optional nur eines Formats."
        preview_value = {
            "heading": DEFAULT_HEADING,
            "count": 3,
            "featured_only": False,
            "fallback_text": DEFAULT_FALLBACK_TEXT,
            "show_newsletter": True,
        }

    def get_context(self, value, parent_context=None):
        from .models import EventIndexPage, EventPage

        context = super().get_context(value, parent_context)
        events = EventPage.objects.upcoming().in_format(value.get("format_page"))
        if value.get("featured_only"):
            events = events.filter(featured=True)
        context["events"] = list(events[: value.get("count") or 3])
        context["event_index"] = section_page(context.get("request"), EventIndexPage)
        if not context["events"] and value.get("show_newsletter"):
            newsletter = NewsletterBlock()
            context["newsletter"] = newsletter.bind(newsletter.get_default())
        return context


class NewsletterEventsBlock(EmailRenderedBlock, blocks.StructBlock):
    """The next events in a newsletter issue, with date, place and link."""

    heading = blocks.CharBlock(label="Überschrift", default=DEFAULT_HEADING, max_length=200)
    count = blocks.IntegerBlock(
        label="Anzahl", default=4, min_value=1, max_value=10, help_text="Höchstens 10."
    )

    email_template = "events/blocks/newsletter_events_email"

    class Meta:
        icon = "date"
        label = "Kommende Veranstaltungen"
        template = "events/blocks/newsletter_events.html"
        help_text = "Die nächsten Termine automatisch, beim Versand festgehalten."
        description = "Die nächsten Veranstaltungen mit Datum, Ort und Link."
        preview_value = {"heading": DEFAULT_HEADING, "count": 4}

    def get_context(self, value, parent_context=None):
        from .models import EventPage

        context = super().get_context(value, parent_context)
        context["events"] = list(EventPage.objects.upcoming()[: value.get("count") or 4])
        return context
