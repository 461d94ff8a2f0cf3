"""The filters of the Methodenkoffer: German GET parameters, parsed strictly by a FilterSet.

``?dauer=bis-30|30-60|ueber-60``, ``?gruppe=<Anzahl Teilnehmende>``,
``?schwierigkeit=einfach|mittel|anspruchsvoll`` and ``?filter=<Kategorie>`` combine freely.
An empty value means "no filter" (the form without JavaScript sends every field); anything
else that is not understood makes the filter set invalid, which the page answers with a 404,
so no address ever shows a silently unfiltered list.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404

from .facts import DURATION_RANGES, MAX_PARTICIPANTS, Difficulty, participants_label

DURATION_PARAM = "dauer"
GROUP_SIZE_PARAM = "gruppe"
DIFFICULTY_PARAM = "schwierigkeit"
CATEGORY_PARAM = "filter"
PAGE_PARAM = "page"

ASCII_NUMBER = re.compile(r"[0-9]{1,6}")


def single_value(query, name):
    """The stripped value of ``name`` in ``query``, for the parameters that are no filter
    (``page``, ``partial``); a parameter given twice is malformed."""
    values = query.getlist(name)
    if len(values) > 1:
        raise Http404("Parameter mehrfach angegeben")
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


class FoldedChoiceField(django_filters.fields.ChoiceField):
    """A choice read without surrounding spaces and in any case: links get retyped."""

    def to_python(self, value):
        return super().to_python(value).strip().lower()


class FoldedChoiceFilter(django_filters.ChoiceFilter):
    field_class = FoldedChoiceField


class GroupSizeField(forms.IntegerField):
    """A number of participants in ASCII digits: ``int()`` alone would also take ``１`` or
    ``1.0``."""

    def to_python(self, value):
        value = value.strip() if isinstance(value, str) else value
        if value and not ASCII_NUMBER.fullmatch(value):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class GroupSizeFilter(django_filters.Filter):
    field_class = GroupSizeField


class CategoryField(forms.Field):
    """A category of ``categories`` by its slug, in any case and with umlauts written out.
    The categories are the page's own list, so reading the value costs no query."""

    def __init__(self, *, categories=(), empty_label="", **kwargs):
        super().__init__(**kwargs)
        self.categories = list(categories)
        self.empty_label = empty_label

    def to_python(self, value):
        value = (value or "").strip().lower()
        if not value:
            return None
        for category in self.categories:
            if category.matches_filter(value):
                return category
        raise ValidationError("Diese Kategorie gibt es nicht.", code="invalid_choice")


class CategoryFilter(django_filters.Filter):
    field_class = CategoryField


class MethodFilterForm(forms.Form):
    def clean(self):
        # The widgets read the last of repeated values; an address naming a filter twice is
        # malformed rather than silently half-applied.
        for name in self.fields:
            if len(self.data.getlist(self.add_prefix(name))) > 1:
                self.add_error(name, "Bitte nur einen Wert angeben.")
        return super().clean()


class MethodFilterSet(django_filters.FilterSet):
    """The filters chosen in one request, and the links that keep or change them.

    Bound to the request's GET parameters; ``is_valid()`` is false for any value that is not
    understood. ``categories`` are the categories to offer, annotated with ``method_count``.
    """

    dauer = FoldedChoiceFilter(
        label="Dauer",
        choices=[(value, duration.label) for value, duration in DURATION_RANGES.items()],
        empty_label="beliebig",
        method="filter_duration",
    )
    gruppe = GroupSizeFilter(
        label="Gruppengröße",
        help_text="Anzahl der Teilnehmenden",
        min_value=1,
        max_value=MAX_PARTICIPANTS,
        method="filter_group_size",
    )
    schwierigkeit = FoldedChoiceFilter(
        label="Schwierigkeit",
        field_name="difficulty",
        choices=Difficulty.choices,
        empty_label="beliebig",
    )
    filter = CategoryFilter(label="Kategorie", field_name="categories", empty_label="alle")

    class Meta:
        form = MethodFilterForm

    def __init__(self, data, queryset, *, base_url, categories=()):
        super().__init__(data, queryset)
        self.base_url = base_url
        self.categories = list(categories)
        self.filters[CATEGORY_PARAM].extra["categories"] = self.categories

    def filter_duration(self, methods, name, value):
        duration_range = DURATION_RANGES[value]
        if duration_range.shortest is not None:
            methods = methods.filter(duration_minutes__gte=duration_range.shortest)
        if duration_range.longest is not None:
            methods = methods.filter(duration_minutes__lte=duration_range.longest)
        return methods

    def filter_group_size(self, methods, name, value):
        return methods.filter(min_participants__lte=value, max_participants__gte=value)

    def chosen(self, name):
        return self.form.cleaned_data.get(name) if self.is_valid() else None

    @property
    def duration(self):
        return self.chosen(DURATION_PARAM) or ""

    @property
    def group_size(self):
        return self.chosen(GROUP_SIZE_PARAM)

    @property
    def difficulty(self):
        return self.chosen(DIFFICULTY_PARAM) or ""

    @property
    def category(self):
        return self.chosen(CATEGORY_PARAM)

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
        field_label = self.form.fields[name].label
        if name == DURATION_PARAM:
            return f"{field_label}: {DURATION_RANGES[self.duration].label}"
        if name == GROUP_SIZE_PARAM:
            return f"{field_label}: {participants_label(self.group_size, self.group_size)}"
        if name == DIFFICULTY_PARAM:
            return f"{field_label}: {self.difficulty}"
        return f"{field_label}: {self.category.name}"

    def choice_options(self, name):
        chosen = self.chosen(name)
        return [
            Option(value, label, value == chosen)
            for value, label in self.form.fields[name].choices
            if value
        ]

    @property
    def duration_options(self):
        return self.choice_options(DURATION_PARAM)

    @property
    def difficulty_options(self):
        return self.choice_options(DIFFICULTY_PARAM)

    @property
    def category_options(self):
        """Categories that have methods here, and the chosen one even if it has none."""
        return [
            Option(category.slug, category.name, category == self.category)
            for category in self.categories
            if getattr(category, "method_count", 1) or category == self.category
        ]
