from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from editorial.page_permissions import EditorialPagePermissionsMixin
from home.models.mixins import SearchEngineVisibilityMixin
from home.models.page_queries import PrivacyInOneQueryMixin
from home.wagtail_overrides import SectionRoutingMixin

from .authors import AuthorIndexPage
from .sections import HomePageStreamBlock

__all__ = ["AuthorIndexPage", "HomePage"]


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
    search_fields = [*Page.search_fields, index.SearchField("body")]

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
