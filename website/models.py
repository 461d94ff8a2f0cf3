from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from editorial.page_permissions import EditorialPagePermissionsMixin
from home.models.mixins import SearchEngineVisibilityMixin
from home.models.page_queries import PrivacyInOneQueryMixin
from home.search_fields import text_search_fields
from home.wagtail_overrides import SectionRoutingMixin

from .authors import AuthorIndexPage
from .sections import HomePageStreamBlock

__all__ = ["AuthorIndexPage", "DemoContentItem", "HomePage"]


class HomePage(
    EditorialPagePermissionsMixin,
    SectionRoutingMixin,
    PrivacyInOneQueryMixin,
    SearchEngineVisibilityMixin,
    Page,
):
    """The site root: one page of sections (hero, about, team, events, …) editors arrange."""

    body = StreamField(HomePageStreamBlock(), verbose_name="Abschnitte", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, *text_search_fields("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "blog.BlogIndexPage",
        "website.AuthorIndexPage",
        "formats.FormatIndexPage",
        "events.EventIndexPage",
        "methods.MethodIndexPage",
        "formats.DownloadsPage",
        "home.StandardPage",
        "home.EasyLanguagePage",
        "home.SignLanguagePage",
        "formpages.FormPage",
        "formpages.AccessibilityStatementPage",
        "newsletter_issues.NewsletterIndexPage",
    ]
    max_count = 1
    template = "website/home_page.html"

    class Meta:
        verbose_name = "Startseite"
        verbose_name_plural = "Startseiten"

    @cached_property
    def hero(self):
        return next((block.value for block in self.body if block.block_type == "hero"), None)

    @property
    def meta_description(self):
        return self.search_description or (self.hero["intro"] if self.hero else "")

    @property
    def social_image(self):
        return self.hero["image"] if self.hero else None


class DemoContentItem(models.Model):
    """One thing ``load_demo_content`` made, under a key that stays when editors rename it.

    The loader makes a thing only while its key is unrecorded: a later run (every ``make run``)
    leaves what editors edited, renamed, unpublished or deleted as it is, and adds only demo
    content it never made before. ``content_object`` is ``None`` once an editor deleted it.
    """

    key = models.CharField(max_length=200, unique=True)
    content_type = models.ForeignKey(ContentType, null=True, on_delete=models.SET_NULL)
    object_id = models.CharField(max_length=64, blank=True)
    content_object = GenericForeignKey("content_type", "object_id")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Demo-Inhalt"
        verbose_name_plural = "Demo-Inhalte"

    def __str__(self):
        return self.key
