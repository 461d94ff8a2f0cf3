"""Which events a listing shows: live, public, upcoming or past in Bielefeld's local time."""

from django.db.models import F

from home.models.images import CARD_IMAGE_SPECS, with_image_renditions
from home.models.page_queries import SitePageQuerySet

from .schedule import local_today


class EventPageQuerySet(SitePageQuerySet):
    def for_listing(self):
        """Live public events with what a card shows, in one query (plus renditions, if any)."""
        events = self.live().public().select_related("format")
        return with_image_renditions(events, "header_image", CARD_IMAGE_SPECS)

    def upcoming(self, today=None):
        """Events of today (Bielefeld's date) or later, the next one first."""
        today = today or local_today()
        return (
            self.for_listing()
            .filter(date__gte=today)
            .order_by("date", F("start_time").asc(nulls_first=True), "pk")
        )

    def past(self, today=None):
        """Events before today (Bielefeld's date), the latest one first."""
        today = today or local_today()
        return (
            self.for_listing()
            .filter(date__lt=today)
            .order_by("-date", F("start_time").desc(nulls_last=True), "-pk")
        )

    def in_format(self, format_page):
        return self.filter(format=format_page) if format_page is not None else self
