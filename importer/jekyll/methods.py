"""Methods of the old site's ``_methoden/`` collection: post fields plus the Steckbrief.

The front matter names the facts in German or English: ``dauer``/``duration`` (``45``,
``"45 Minuten"``, ``"1,5 Stunden"``), ``teilnehmende``/``participants`` (``12``, ``"4-12"``,
``"ab 3"``, ``"bis 20"``), ``material``/``materials`` (a list or one line) and
``schwierigkeit``/``difficulty`` (einfach, mittel, anspruchsvoll and their synonyms).
"""

import re
from dataclasses import dataclass

from .pages import apply_post_fields, page_to_import, save_imported_page
from .posts import PostError, read_post

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
FEWEST, MOST = 1, 999


@dataclass
class MethodFacts:
    duration_minutes: int
    min_participants: int
    max_participants: int
    materials: str
    difficulty: str


def read_method(path):
    """The method's post fields and facts; ``PostError`` names the line of a bad fact."""
    post = read_post(path, require_date=False)
    return post, method_facts(post)


def fact(post, name):
    """The value and line of a fact, under whichever of its keys the file uses."""
    for key in FACT_KEYS[name]:
        if key in post.front_matter and post.front_matter[key] not in (None, ""):
            return post.front_matter[key], post.line_of(key)
    return None, post.line_of(FACT_KEYS[name][0])


def required_fact(post, name, parse, missing, unreadable):
    """``parse`` of a fact that must be there; ``missing`` and ``unreadable`` (with ``{!r}``
    for the value) say what is wrong."""
    value, line = fact(post, name)
    if value is None:
        raise PostError(missing)
    parsed = parse(value)
    if parsed is None:
        raise PostError(unreadable.format(value), line)
    return parsed


def method_facts(post):
    minutes = required_fact(
        post,
        "duration",
        duration_minutes,
        "the method has no duration (dauer: 45, in minutes)",
        "duration {!r} is no number of minutes or hours",
    )
    group = required_fact(
        post,
        "participants",
        group_size,
        "the method has no group size (teilnehmende: 4-12)",
        "group size {!r} is no number or range like 4-12",
    )

    difficulty, line = fact(post, "difficulty")
    level = DIFFICULTIES.get(str(difficulty or "mittel").strip().lower())
    if level is None:
        choices = ", ".join(sorted(set(DIFFICULTIES.values())))
        raise PostError(f"difficulty {difficulty!r} is none of {choices}", line)

    materials, _ = fact(post, "materials")
    if isinstance(materials, list):
        materials = "\n".join(" ".join(str(item).split()) for item in materials if item)
    return MethodFacts(minutes, *group, str(materials or "").strip(), level)


def duration_minutes(value):
    """``45``, ``"45 Minuten"``, ``"1,5 Stunden"``; of a range (``"30-45 min"``) the longest."""
    numbers = [float(number.replace(",", ".")) for number in NUMBER.findall(str(value))]
    if not numbers:
        return None
    factor = 60 if HOURS.search(str(value)) else 1
    return round(max(numbers) * factor)


def group_size(value):
    """``(fewest, most)`` of ``12``, ``"4-12"``, ``"4 bis 12"``, ``"ab 3"`` or ``"bis 20"``."""
    text = str(value).strip().lower()
    numbers = [int(float(number.replace(",", "."))) for number in NUMBER.findall(text)]
    if not numbers:
        return None
    if len(numbers) >= 2:
        return min(numbers[:2]), max(numbers[:2])
    if text.startswith(("ab", "mind", "from")):
        return numbers[0], MOST
    if text.startswith(("bis", "max", "up to")):
        return FEWEST, numbers[0]
    return numbers[0], numbers[0]


def import_method(post, facts, parent, assets, warn):
    """Create or update the method's page below the method index ``parent``."""
    from methods.models import MethodPage, MethodPageAuthor

    page, stored_state = page_to_import(MethodPage, parent, post.path)
    apply_post_fields(page, post, assets, warn, MethodPageAuthor)
    page.duration_minutes = facts.duration_minutes
    page.min_participants = facts.min_participants
    page.max_participants = facts.max_participants
    page.materials = facts.materials
    page.difficulty = facts.difficulty
    return page, save_imported_page(page, stored_state, parent)
