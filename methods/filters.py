"""The filters of the Methodenkoffer: German GET parameters, parsed strictly.

``?dauer=bis-30|30-60|ueber-60``, ``?gruppe=<Anzahl Teilnehmende>``,
``?schwierigkeit=einfach|mittel|anspruchsvoll`` and ``?filter=<Kategorie>`` combine freely.
An empty value means "no filter" (the form without JavaScript sends every field); anything
else that is not understood is a 404, so no address ever shows a silently unfiltered list.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import Http404

from .facts import DURATION_RANGES, MAX_PARTICIPANTS, Difficulty, participants_label

DURATION_PARAM = "dauer"
GROUP_SIZE_PARAM = "gruppe"
DIFFICULTY_PARAM = "schwierigkeit"
CATEGORY_PARAM = "filter"
PAGE_PARAM = "page"

GROUP_SIZE_PATTERN = re.compile(r"[1-9][0-9]{0,5}")


def single_value(query, name):
    """The stripped value of ``name``; a parameter given twice is malformed."""
    values = query.getlist(name)
    if len(values) > 1:
        raise Http404("Filter mehrfach angegeben")
    return values[0].strip() if values else ""


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    selected: bool


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    remove_url: str


class MethodFilter:
    """The filters chosen in one request, and the links that keep or change them."""

    def __init__(
        self,
        base_url,
        categories=(),
        duration="",
        group_size=None,
        difficulty="",
        category=None,
    ):
        self.base_url = base_url
        self.categories = list(categories)
        self.duration = duration
        self.group_size = group_size
        self.difficulty = difficulty
        self.category = category

    @classmethod
    def from_query(cls, query, base_url, categories):
        """Parse ``query`` (a QueryDict); raise Http404 for a value that is not understood."""
        categories = list(categories)
        duration = single_value(query, DURATION_PARAM).lower()
        if duration and duration not in DURATION_RANGES:
            raise Http404("Unbekannte Dauer")

        group_size = single_value(query, GROUP_SIZE_PARAM)
        if group_size and not (
            GROUP_SIZE_PATTERN.fullmatch(group_size) and int(group_size) <= MAX_PARTICIPANTS
        ):
            raise Http404("Ungültige Gruppengröße")

        difficulty = single_value(query, DIFFICULTY_PARAM).lower()
        if difficulty and difficulty not in Difficulty.values:
            raise Http404("Unbekannte Schwierigkeit")

        category_value = single_value(query, CATEGORY_PARAM).lower()
        category = None
        if category_value:
            category = next(
                (option for option in categories if option.matches_filter(category_value)),
                None,
            )
            if category is None:
                raise Http404("Unbekannte Kategorie")

        return cls(
            base_url,
            categories=categories,
            duration=duration,
            group_size=int(group_size) if group_size else None,
            difficulty=difficulty,
            category=category,
        )

    def apply(self, methods):
        if self.duration:
            duration_range = DURATION_RANGES[self.duration]
            if duration_range.shortest is not None:
                methods = methods.filter(duration_minutes__gte=duration_range.shortest)
            if duration_range.longest is not None:
                methods = methods.filter(duration_minutes__lte=duration_range.longest)
        if self.group_size:
            methods = methods.filter(
                min_participants__lte=self.group_size, max_participants__gte=self.group_size
            )
        if self.difficulty:
            methods = methods.filter(difficulty=self.difficulty)
        if self.category:
            methods = methods.filter(categories=self.category)
        return methods

    @property
    def params(self):
        """The chosen filters as ``(name, value)`` pairs, always in the same order."""
        params = []
        if self.duration:
            params.append((DURATION_PARAM, self.duration))
        if self.group_size:
            params.append((GROUP_SIZE_PARAM, str(self.group_size)))
        if self.difficulty:
            params.append((DIFFICULTY_PARAM, self.difficulty))
        if self.category:
            params.append((CATEGORY_PARAM, self.category.slug))
        return params

    @property
    def is_active(self):
        return bool(self.params)

    def query_string(self, page=1, without=None):
        """``"?dauer=bis-30&page=2"``, or ``""`` without filters on the first page."""
        params = [(name, value) for name, value in self.params if name != without]
        if page > 1:
            params.append((PAGE_PARAM, str(page)))
        return f"?{urlencode(params)}" if params else ""

    def url(self, page=1, without=None):
        return self.base_url + self.query_string(page=page, without=without)

    @property
    def active_filters(self):
        return [ActiveFilter(self.label(name), self.url(without=name)) for name, _ in self.params]

    def label(self, name):
        """How the chosen value of filter ``name`` reads, e.g. ``"Dauer: bis 30 Minuten"``."""
        if name == DURATION_PARAM:
            return f"Dauer: {DURATION_RANGES[self.duration].label}"
        if name == GROUP_SIZE_PARAM:
            return f"Gruppengröße: {participants_label(self.group_size, self.group_size)}"
        if name == DIFFICULTY_PARAM:
            return f"Schwierigkeit: {self.difficulty}"
        return f"Kategorie: {self.category.name}"

    @property
    def duration_options(self):
        return [
            Option(value, duration_range.label, value == self.duration)
            for value, duration_range in DURATION_RANGES.items()
        ]

    @property
    def difficulty_options(self):
        return [
            Option(value, label, value == self.difficulty) for value, label in Difficulty.choices
        ]

    @property
    def category_options(self):
        """Categories that have methods here, and the chosen one even if it has none."""
        return [
            Option(category.slug, category.name, category == self.category)
            for category in self.categories
            if getattr(category, "method_count", 1) or category == self.category
        ]
