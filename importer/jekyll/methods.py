"""Methods of the old site's ``_methoden/`` collection: post fields plus the Steckbrief.

The front matter names the facts in German or English: ``dauer``/``duration`` (``45``,
``"45 Minuten"``, ``"1,5 Stunden"``), ``teilnehmende``/``participants`` (``12``, ``"4-12"``,
``"ab 3"``, ``"bis 20"``), ``material``/``materials`` (a list or one line) and
``schwierigkeit``/``difficulty`` (einfach, mittel, anspruchsvoll and their synonyms).
"""

import re
from dataclasses import dataclass

from methods.facts import LONGEST_DURATION, MAX_PARTICIPANTS, SHORTEST_DURATION

from .pages import apply_post_fields, page_to_import, save_imported_page
from .posts import read_post

FACT_KEYS = {
    "duration": ("dauer", "duration"),
    "participants": ("teilnehmende", "participants", "gruppengroesse", "group_size"),
    "materials": ("material", "materials"),
    "difficulty": ("schwierigkeit", "difficulty"),
}
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
HOURS = re.compile(r"\b(?:h|std|stunden?|hours?)\b", re.IGNORECASE)
DIFFICULTIES = {
    "einfach": "einfach",
    "leicht": "einfach",
    "easy": "einfach",
    "mittel": "mittel",
    "medium": "mittel",
    "anspruchsvoll": "anspruchsvoll",
    "schwer": "anspruchsvoll",
    "schwierig": "anspruchsvoll",
    "fortgeschritten": "anspruchsvoll",
    "hard": "anspruchsvoll",
}


@dataclass
class MethodFacts:
    """The Steckbrief; today's site has none, so every fact may be empty."""

    duration_minutes: int | None
    min_participants: int | None
    max_participants: int | None
    materials: str
    difficulty: str


def read_method(path, warn):
    """The method's post fields and facts; a fact that is missing stays empty, one that cannot
    be read is left empty with a warning naming its line (editors fill it in later)."""
    post = read_post(path, require_date=False)
    return post, method_facts(post, warn)


def fact(post, name):
    """The value and line of a fact, under whichever of its keys the file uses."""
    for key in FACT_KEYS[name]:
        if key in post.front_matter and post.front_matter[key] not in (None, ""):
            return post.front_matter[key], post.line_of(key)
    return None, post.line_of(FACT_KEYS[name][0])


def optional_fact(post, name, parse, unreadable, warn):
    """``parse`` of a fact, or ``None`` if the file has none or ``unreadable`` (with ``{!r}``
    for the value) was warned."""
    value, line = fact(post, name)
    if value is None:
        return None
    parsed = parse(value)
    if parsed is None:
        warn(f"{unreadable.format(value)}; left empty", line)
    return parsed


def method_facts(post, warn):
    minutes = optional_fact(
        post, "duration", duration_minutes, "duration {!r} is no number of minutes or hours", warn
    )
    group = optional_fact(
        post, "participants", group_size, "group size {!r} is no number or range like 4-12", warn
    )
    fewest, most = group or (None, None)

    difficulty, line = fact(post, "difficulty")
    level = ""
    if difficulty is not None:
        level = DIFFICULTIES.get(str(difficulty).strip().lower(), "")
        if not level:
            choices = ", ".join(sorted(set(DIFFICULTIES.values())))
            warn(f"difficulty {difficulty!r} is none of {choices}; left empty", line)

    materials, _ = fact(post, "materials")
    if isinstance(materials, list):
        materials = "\n".join(" ".join(str(item).split()) for item in materials if item)
    return MethodFacts(minutes, fewest, most, str(materials or "").strip(), level)


def duration_minutes(value):
    """``45``, ``"45 Minuten"``, ``"1,5 Stunden"``; of a range (``"30-45 min"``) the longest;
    ``None`` outside what the CMS accepts."""
    numbers = [float(number.replace(",", ".")) for number in NUMBER.findall(str(value))]
    if not numbers:
        return None
    factor = 60 if HOURS.search(str(value)) else 1
    minutes = round(max(numbers) * factor)
    return minutes if SHORTEST_DURATION <= minutes <= LONGEST_DURATION else None


def group_size(value):
    """``(fewest, most)`` of ``12``, ``"4-12"``, ``"4 bis 12"``, ``"ab 3"`` or ``"bis 20"``."""
    text = str(value).strip().lower()
    numbers = [int(float(number.replace(",", "."))) for number in NUMBER.findall(text)]
    if not numbers:
        return None
    if len(numbers) >= 2:
        fewest, most = min(numbers[:2]), max(numbers[:2])
    elif text.startswith(("ab", "mind", "from")):
        fewest, most = numbers[0], MAX_PARTICIPANTS
    elif text.startswith(("bis", "max", "up to")):
        fewest, most = 1, numbers[0]
    else:
        fewest, most = numbers[0], numbers[0]
    return (fewest, most) if 1 <= fewest <= most <= MAX_PARTICIPANTS else None


def import_method(post, facts, parent, assets, warn, slug=None):
    """Create or update the method's page below the method index ``parent``."""
    from methods.models import MethodPage, MethodPageAuthor

    page, stored_state = page_to_import(MethodPage, parent, post.path, slug)
    apply_post_fields(page, post, assets, warn, MethodPageAuthor)
    page.duration_minutes = facts.duration_minutes
    page.min_participants = facts.min_participants
    page.max_participants = facts.max_participants
    page.materials = facts.materials
    page.difficulty = facts.difficulty
    return page, save_imported_page(page, stored_state, parent)
