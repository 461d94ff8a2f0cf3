"""When an event takes place, in Bielefeld's local time whatever the server's time zone is."""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils import dateformat, timezone, translation

EVENT_TIME_ZONE = ZoneInfo("Europe/Berlin")
DATE_FORMAT = "D., j. F Y"


def local_today():
    """Today's date in Bielefeld: an event of today stays upcoming until midnight there."""
    return timezone.now().astimezone(EVENT_TIME_ZONE).date()


def german_date(value):
    """``Do., 15. Januar 2026``, independent of the language active for the request."""
    with translation.override("de"):
        return dateformat.format(value, DATE_FORMAT)


def clock(value):
    return f"{value:%H:%M}"


@dataclass(frozen=True)
class Schedule:
    """A date with an optional start, ended either by an end time or by a duration."""

    date: datetime.date
    start_time: datetime.time | None = None
    end_time: datetime.time | None = None
    duration_minutes: int | None = None

    @property
    def is_all_day(self):
        return self.start_time is None

    @property
    def start(self):
        """An aware datetime in Europe/Berlin, or the date for an all-day event."""
        if self.is_all_day:
            return self.date
        return datetime.datetime.combine(self.date, self.start_time, tzinfo=EVENT_TIME_ZONE)

    @property
    def end(self):
        """The aware end, or ``None`` when the editor gave neither end time nor duration."""
        if self.is_all_day:
            return None
        if self.end_time is not None:
            return datetime.datetime.combine(self.date, self.end_time, tzinfo=EVENT_TIME_ZONE)
        if self.duration_minutes:
            # Wall-clock arithmetic, so an evening event across a DST change keeps its length
            # as people read it on the clock.
            return self.start + datetime.timedelta(minutes=self.duration_minutes)
        return None

    @property
    def ends_on_later_day(self):
        end = self.end
        return end is not None and end.date() != self.date

    @property
    def start_iso(self):
        return self.start.isoformat()

    @property
    def end_iso(self):
        end = self.end
        return end.isoformat() if end else ""

    @property
    def start_text(self):
        """``Do., 15. Januar 2026, 18:00`` (without „Uhr“, which follows the end)."""
        if self.is_all_day:
            return german_date(self.date)
        return f"{german_date(self.date)}, {clock(self.start_time)}"

    @property
    def end_text(self):
        end = self.end
        if end is None:
            return ""
        if self.ends_on_later_day:
            return f"{german_date(end.date())}, {clock(end)}"
        return clock(end)

    @property
    def separator(self):
        return " – " if self.ends_on_later_day else "–"

    @property
    def clock_suffix(self):
        return "" if self.is_all_day else " Uhr"

    def __str__(self):
        """``Do., 15. Januar 2026, 18:00–19:30 Uhr``."""
        text = self.start_text
        if self.end_text:
            text += self.separator + self.end_text
        return text + self.clock_suffix
