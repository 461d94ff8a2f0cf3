"""The fixed lists editors choose from, and what they mean for schema.org."""

from django.db import models


class EventKind(models.TextChoices):
    IMPULSE = "impuls", "Impuls"
    WORKSHOP = "workshop", "Workshop"
    MEETUP = "meetup", "Meetup"
    BARCAMP = "barcamp", "Barcamp"
    OPEN_INNOVATION_HOUR = "open-innovation-hour", "Open Innovation Hour"
    OTHER = "sonstiges", "Sonstiges"


class AttendanceMode(models.TextChoices):
    OFFLINE = "offline", "Vor Ort"
    ONLINE = "online", "Online"
    MIXED = "mixed", "Vor Ort und online"


SCHEMA_ATTENDANCE_MODES = {
    AttendanceMode.OFFLINE: "https://schema.org/OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    AttendanceMode.MIXED: "https://schema.org/MixedEventAttendanceMode",
}
