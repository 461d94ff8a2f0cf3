import datetime
import math
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import InvalidPage, Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, F, Q
from django.db.models.functions import Lower
from django.http import Http404
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from blog.blocks import PostBodyStreamBlock
from editorial.page_permissions import EditorialPagePermissionsMixin
from home.models import AuthorRow, Category
from home.models.images import CARD_IMAGE_SPECS, with_image_renditions
from home.models.mixins import (
    AuthoredPageMixin,
    HeaderImageMixin,
    IntroMixin,
    SearchEngineVisibilityMixin,
    TeaserMixin,
)
from home.models.page_queries import PrivacyInOneQueryMixin, SitePageQuerySet
from home.search_fields import text_search_fields
from home.wagtail_overrides import TypedChildRoutingMixin
from pagecache.query_parameters import NUMBER, PAGE_NUMBER, SLUG, optional

from .facts import (
    LONGEST_DURATION,
    MAX_PARTICIPANTS,
    SHORTEST_DURATION,
    Difficulty,
    participants_label,
)
from .filters import (
    CATEGORY_PARAM,
    DIFFICULTY_PARAM,
    DURATION_PARAM,
    GROUP_SIZE_PARAM,
    PAGE_PARAM,
    MethodFilterSet,
    single_value,
)

METHODS_PER_PAGE = 12
RESULTS_TEMPLATE = "methods/includes/method_results.html"
PARTICIPANTS_ORDER_MESSAGE = (
    "Die höchste Zahl an Teilnehmenden darf nicht kleiner sein als die niedrigste."
)


class MethodIndexPage(
    EditorialPagePermissionsMixin,
    PrivacyInOneQueryMixin,
    SearchEngineVisibilityMixin,
    IntroMixin,
    TypedChildRoutingMixin,
    Page,
):
    """``/methoden/``, the Methodenkoffer: every method, filterable by its facts and category.

    With ``?partial=1`` (sent by ``method-filter.js``) the page answers with the results
    fragment only; the address without it always gives the whole page.
    """

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, *text_search_fields("intro")]

    parent_page_types = ["website.HomePage"]
    subpage_types = ["methods.MethodPage"]
    max_count = 1
    template = "methods/method_index_page.html"
    # The form without JavaScript sends every filter, the unused ones empty.
    cache_query_parameters = {
        DURATION_PARAM: optional(SLUG),
        GROUP_SIZE_PARAM: optional(NUMBER),
        DIFFICULTY_PARAM: optional(SLUG),
        CATEGORY_PARAM: optional(SLUG),
        PAGE_PARAM: PAGE_NUMBER,
        "partial": "1",
    }

    class Meta:
        verbose_name = "Methodenkoffer"
        verbose_name_plural = "Methodenkoffer"

    def methods(self):
        return MethodPage.objects.child_of(self).for_listing()

    def child_pages_for_routing(self):
        return MethodPage.objects.child_of(self).select_related("header_image")

    def categories_with_method_counts(self):
        live_methods_here = Q(method_pages__live=True, method_pages__path__startswith=self.path)
        return Category.objects.annotate(
            method_count=Count("method_pages", filter=live_methods_here, distinct=True)
        )

    def get_cached_paths(self):
        """The Methodenkoffer unfiltered and per category, each page, for purging a CDN that
        stores each query string apart. Combinations with the other filters are too many to
        name; they expire after ``CDN_CACHE_SECONDS``."""
        per_category = [
            ([(CATEGORY_PARAM, category.slug)], category.method_count)
            for category in self.categories_with_method_counts()
        ]
        paths = []
        for params, count in [([], self.methods().count()), *per_category]:
            last_page = max(1, math.ceil((count + 1) / METHODS_PER_PAGE))
            for number in range(1, last_page + 1):
                page_params = params + ([(PAGE_PARAM, str(number))] if number > 1 else [])
                paths.append(f"/?{urlencode(page_params)}" if page_params else "/")
        return paths

    @staticmethod
    def wants_results_fragment(request):
        value = single_value(request.GET, "partial")
        if value not in {"", "1"}:
            raise Http404("Unbekannter Parameter")
        return value == "1"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        method_filter = MethodFilterSet(
            request.GET,
            self.methods(),
            base_url=self.get_url(request) or "",
            categories=self.categories_with_method_counts(),
        )
        if not method_filter.is_valid():
            raise Http404("Unbekannter Filter")
        paginator = Paginator(method_filter.qs, METHODS_PER_PAGE)
        try:
            page_of_methods = paginator.page(single_value(request.GET, PAGE_PARAM) or 1)
        except InvalidPage as error:
            raise Http404("Diese Seite gibt es nicht.") from error
        context.update(
            method_filter=method_filter,
            methods=page_of_methods,
            paginator=paginator,
            canonical_query=method_filter.query_string(page=page_of_methods.number),
        )
        return context

    def get_template(self, request, *args, **kwargs):
        if self.wants_results_fragment(request):
            return RESULTS_TEMPLATE
        return super().get_template(request, *args, **kwargs)

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.wants_results_fragment(request):
            response["X-Robots-Tag"] = "noindex"
        return response


class MethodPageQuerySet(SitePageQuerySet):
    def for_listing(self):
        """Live public methods A–Z, with what a card shows fetched in constant queries."""
        methods = (
            self.live()
            .public()
            .order_by(Lower("title"), "pk")
            .defer_streamfields()
            .prefetch_related("categories")
        )
        return with_image_renditions(methods, "header_image", CARD_IMAGE_SPECS)


MethodPageManager = PageManager.from_queryset(MethodPageQuerySet)


class MethodPage(
    EditorialPagePermissionsMixin,
    PrivacyInOneQueryMixin,
    SearchEngineVisibilityMixin,
    AuthoredPageMixin,
    TeaserMixin,
    HeaderImageMixin,
    Page,
):
    """A creativity method: its Steckbrief (duration, group size, material, difficulty) and
    a composed description."""

    date = models.DateField(
        "Veröffentlichungsdatum",
        default=datetime.date.today,
        help_text="Erscheint auf der Seite der Methode.",
    )
    categories = ParentalManyToManyField(
        Category,
        verbose_name="Kategorien",
        related_name="method_pages",
        blank=True,
        help_text="Die Methode lässt sich im Methodenkoffer nach diesen Kategorien filtern.",
    )
    duration_minutes = models.PositiveIntegerField(
        "Dauer in Minuten",
        null=True,
        blank=True,
        validators=[MinValueValidator(SHORTEST_DURATION), MaxValueValidator(LONGEST_DURATION)],
        help_text=f"Wie lange die Methode ungefähr dauert, z. B. 45 "
        f"({SHORTEST_DURATION} bis {LONGEST_DURATION} Minuten); leer lassen, wenn unbekannt.",
    )
    min_participants = models.PositiveIntegerField(
        "Mindestens",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PARTICIPANTS)],
        help_text="Kleinste sinnvolle Zahl an Teilnehmenden.",
    )
    max_participants = models.PositiveIntegerField(
        "Höchstens",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PARTICIPANTS)],
        help_text="Größte sinnvolle Zahl an Teilnehmenden.",
    )
    materials = models.TextField(
        "Material",
        blank=True,
        help_text="Ein Material pro Zeile, z. B. „Haftnotizen“; leer lassen, wenn nichts "
        "gebraucht wird.",
    )
    difficulty = models.CharField(
        "Schwierigkeit",
        max_length=20,
        choices=Difficulty.choices,
        default=Difficulty.MEDIUM,
        blank=True,
        help_text="Wie viel Erfahrung die Moderation braucht; leer lassen, wenn unbekannt.",
    )
    body = StreamField(PostBodyStreamBlock(), verbose_name="Beschreibung und Ablauf", blank=True)

    objects = MethodPageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("teaser"),
        InlinePanel("authors", label="Autor*in", heading="Autor*innen", min_num=1),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        FieldPanel("date"),
        HeaderImageMixin.header_image_panel,
        MultiFieldPanel(
            [
                FieldPanel("duration_minutes"),
                FieldRowPanel(
                    [FieldPanel("min_participants"), FieldPanel("max_participants")],
                    heading="Gruppengröße (Teilnehmende)",
                ),
                FieldPanel("difficulty"),
                FieldPanel("materials"),
            ],
            heading="Steckbrief",
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        *text_search_fields("teaser", "materials", "body"),
        index.RelatedFields("categories", text_search_fields("name")),
        index.FilterField("difficulty"),
        index.FilterField("duration_minutes"),
    ]

    parent_page_types = ["methods.MethodIndexPage"]
    subpage_types = []
    template = "methods/method_page.html"

    class Meta:
        verbose_name = "Methode"
        verbose_name_plural = "Methoden"
        constraints = [
            models.CheckConstraint(
                # An empty side (a method imported without its group size) is no conflict.
                condition=Q(min_participants__isnull=True)
                | Q(max_participants__isnull=True)
                | Q(min_participants__lte=F("max_participants")),
                name="method_participants_in_order",
                violation_error_message=PARTICIPANTS_ORDER_MESSAGE,
            )
        ]

    def clean(self):
        super().clean()
        if (
            self.min_participants is not None
            and self.max_participants is not None
            and self.min_participants > self.max_participants
        ):
            raise ValidationError({"max_participants": PARTICIPANTS_ORDER_MESSAGE})

    @property
    def duration_label(self):
        return f"{self.duration_minutes} Minuten" if self.duration_minutes else ""

    @property
    def participants_label(self):
        """Empty unless both ends are known: "ab 4" would claim an upper end nobody gave."""
        if self.min_participants is None or self.max_participants is None:
            return ""
        return participants_label(self.min_participants, self.max_participants)

    @property
    def has_facts(self):
        return bool(
            self.duration_label or self.participants_label or self.difficulty or self.materials
        )

    @property
    def material_list(self):
        return [line.strip() for line in self.materials.splitlines() if line.strip()]


class MethodPageAuthor(AuthorRow):
    page = ParentalKey(MethodPage, on_delete=models.CASCADE, related_name="authors")
