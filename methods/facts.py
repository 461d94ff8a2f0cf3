"""The structured facts of a method: difficulty levels, limits and the duration ranges."""

from dataclasses import dataclass

from django.db import models

SHORTEST_DURATION = 5
LONGEST_DURATION = 480
MAX_PARTICIPANTS = 999


class Difficulty(models.TextChoices):
    EASY = "einfach", "einfach"
    MEDIUM = "mittel", "mittel"
    DEMANDING = "anspruchsvoll", "anspruchsvoll"


@dataclass(frozen=True)
class DurationRange:
    """Minutes from ``shortest`` to ``longest``, both inclusive; ``None`` leaves a side open."""

    label: str
    shortest: int | None
    longest: int | None


# The ranges do not overlap: a method of exactly 30 minutes is "bis 30 Minuten".
DURATION_RANGES = {
    "bis-30": DurationRange("bis 30 Minuten", None, 30),
    "30-60": DurationRange("30 bis 60 Minuten", 31, 60),
    "ueber-60": DurationRange("über 60 Minuten", 61, None),
}


def participants_label(smallest, largest):
    """``"4–12 Personen"``, ``"6 Personen"`` or ``"1 Person"``."""
    if smallest == largest:
        return "1 Person" if smallest == 1 else f"{smallest} Personen"
    return f"{smallest}–{largest} Personen"
