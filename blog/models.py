import datetime
import math
from urllib.parse import quote
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.paginator import InvalidPage
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

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
from pagecache.query_parameters import PAGE_NUMBER, SLUG

from .blocks import PostBodyStreamBlock
from .post_counts import CountedPaginator, count_posts, listing_post_counts

POSTS_PER_PAGE = 12


class BlogPageQuerySet(SitePageQuerySet):
    def newest_public(self):
        """Live public posts, newest first, without their bodies."""
        return self.live().public().order_by("-date", "-pk").defer_streamfields()

    def for_listing(self):
        """``newest_public`` with what a card shows fetched in constant queries."""
        posts = self.newest_public()
        return with_image_renditions(
            posts.prefetch_related("categories"), "header_image", CARD_IMAGE_SPECS
        )

    def in_category(self, category):
        """The posts of ``category``; all of them without one."""
        return self.filter(categories=category) if category else self

    def with_authors(self):
        """The posts with their live authors (a person awaiting approval is not named yet)."""
        authors = BlogPageAuthor.objects.filter(person__live=True).select_related("person")
        return self.prefetch_related(Prefetch("authors", queryset=authors))


BlogPageManager = PageManager.from_queryset(BlogPageQuerySet)


def paged_paths(path, post_count, query=""):
    """``path?query``, ``path?query&page=2`` … as the pagination links them, up to one page past
    the last, which disappears when a post goes."""
    last_page = max(1, math.ceil((post_count + 1) / POSTS_PER_PAGE))
    prefix = f"{query}&" if query else ""
    first = f"{path}?{query}" if query else path
    return [first, *(f"{path}?{prefix}page={number}" for number in range(2, last_page + 1))]


class BlogIndexPage(
    EditorialPagePermissionsMixin,
    PrivacyInOneQueryMixin,
    SearchEngineVisibilityMixin,
    IntroMixin,
    RoutablePageMixin,
    TypedChildRoutingMixin,
    Page,
):
    """``/beitraege/``: every post, newest first, filterable by category, with RSS feeds."""

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["blog.BlogPage"]
    max_count = 1
    template = "blog/blog_index_page.html"
    # The feed has no pages: ``/beitraege/feed/?page=7`` is answered, never cached.
    cache_query_parameters_by_route = {
        "listing": {"filter": SLUG, "page": PAGE_NUMBER},
        "feed": {"filter": SLUG},
    }

    class Meta:
        verbose_name = "Beitragsübersicht"
        verbose_name_plural = "Beitragsübersichten"

    def posts(self):
        return BlogPage.objects.child_of(self).for_listing()

    def child_pages_for_routing(self):
        return BlogPage.objects.child_of(self).select_related("header_image", "related_format")

    def categories_with_post_counts(self, counts):
        """Every category, each with the ``post_count`` of its live public posts here."""
        categories = list(Category.objects.all())
        for category in categories:
            category.post_count = counts.by_category_id.get(category.pk, 0)
        return categories

    def selected_category(self, request, categories):
        """The category named by ``?filter=``; ``None`` without filter; 404 for an unknown one."""
        value = request.GET.get("filter", "").strip().lower()
        if not value:
            return None
        for category in categories:
            if category.matches_filter(value):
                return category
        raise Http404("Unbekannte Kategorie")

    def posts_in_category(self, category):
        return self.posts().in_category(category)

    def get_cached_paths(self):
        """Every address the listing answers, for purging caches that store each query string
        apart (a CDN): unfiltered and per category, each page, the feeds. The category counts
        in the filter change with every post, so one post touches all of them."""
        counts = count_posts(self.posts())
        paths = [*paged_paths("/", counts.total), "/feed/"]
        for category in self.categories_with_post_counts(counts):
            category_query = f"filter={quote(category.slug, safe='/')}"
            paths += paged_paths("/", category.post_count, category_query)
            paths.append(f"/feed/?{category_query}")
        return paths

    @path("")
    def listing(self, request):
        counts = listing_post_counts(self, self.posts(), request)
        categories = self.categories_with_post_counts(counts)
        category = self.selected_category(request, categories)
        paginator = CountedPaginator(
            self.posts_in_category(category),
            POSTS_PER_PAGE,
            count=category.post_count if category else counts.total,
        )
        try:
            page_of_posts = paginator.page(request.GET.get("page") or 1)
        except InvalidPage as error:
            raise Http404("Diese Seite gibt es nicht.") from error
        return self.render(
            request,
            context_overrides={
                "categories": categories,
                "selected_category": category,
                "posts": page_of_posts,
                "paginator": paginator,
            },
        )

    @path("feed/")
    def feed(self, request):
        from .feeds import BlogFeed

        categories = list(Category.objects.all())
        category = self.selected_category(request, categories)
        return BlogFeed(self, category)(request)


class BlogPage(
    EditorialPagePermissionsMixin,
    PrivacyInOneQueryMixin,
    SearchEngineVisibilityMixin,
    AuthoredPageMixin,
    TeaserMixin,
    HeaderImageMixin,
    Page,
):
    """A post: teaser, authors, categories, date, header image and a composed body."""

    date = models.DateField(
        "Veröffentlichungsdatum",
        default=datetime.date.today,
        help_text="Liegt das Datum in der Zukunft, geht der Beitrag an diesem Tag online.",
    )
    categories = ParentalManyToManyField(
        Category, verbose_name="Kategorien", related_name="blog_pages"
    )
    body = StreamField(PostBodyStreamBlock(), verbose_name="Inhalt", blank=True)
    related_post = models.ForeignKey(
        "blog.BlogPage",
        verbose_name="Verknüpfter Beitrag",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="linked_from",
        help_text="Z. B. der Rückblick zu einer Ankündigung; beide Beiträge verweisen "
        "dann aufeinander.",
    )
    related_format = models.ForeignKey(
        "formats.FormatPage",
        verbose_name="Format",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posts",
    )

    celebrate = models.BooleanField(
        "Konfetti am Ende",
        default=False,
        help_text="Zeigt am Ende des Beitrags einen kurzen Konfetti-Effekt; nicht bei "
        "Besucher*innen, die reduzierte Bewegung eingestellt haben.",
    )

    objects = BlogPageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("teaser"),
        InlinePanel("authors", label="Autor*in", heading="Autor*innen", min_num=1),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        FieldPanel("date"),
        HeaderImageMixin.header_image_panel,
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("related_post"), FieldPanel("related_format")],
            heading="Verknüpfungen",
        ),
        FieldPanel("celebrate"),
    ]
    search_fields = [
        *Page.search_fields,
        *text_search_fields("teaser", "body"),
        index.RelatedFields("categories", text_search_fields("name")),
        index.FilterField("date"),
    ]

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []
    template = "blog/blog_page.html"

    class Meta:
        verbose_name = "Beitrag"
        verbose_name_plural = "Beiträge"
        # The listing's order: with thousands of posts the first page is read off the index
        # instead of sorting every post.
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="blog_post_newest_first")]

    def clean(self):
        super().clean()
        self.schedule_for_publication_date()

    def schedule_for_publication_date(self):
        """A future publication date makes Wagtail publish the post at the start of that day."""
        if self.date and self.date > timezone.localdate() and not self.go_live_at:
            start_of_day = datetime.datetime.combine(self.date, datetime.time.min)
            self.go_live_at = start_of_day.replace(tzinfo=ZoneInfo(settings.TIME_ZONE))

    @cached_property
    def companion_post(self):
        """The post linked to this one in either direction, if it is live."""
        if self.related_post_id:
            related = BlogPage.objects.live().public().filter(pk=self.related_post_id).first()
            if related:
                return related
        return self.linked_from.live().public().order_by("date").first()

    @property
    def companion_label(self):
        companion = self.companion_post
        if companion is None:
            return ""
        return "Zum Rückblick" if companion.date >= self.date else "Zur Ankündigung"


class BlogPageAuthor(AuthorRow):
    page = ParentalKey(BlogPage, on_delete=models.CASCADE, related_name="authors")
