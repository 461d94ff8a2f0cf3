from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.models.mixins import SearchEngineVisibilityMixin
from home.models.page_queries import PrivacyInOneQueryMixin

from .authors import AuthorIndexPage
from .sections import HomePageStreamBlock

__all__ = ["AuthorIndexPage", "HomePage"]


class HomePage(PrivacyInOneQueryMixin, SearchEngineVisibilityMixin, Page):
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

    def route(self, request, path_components):
        """Finds the section among the cached section pages (``home.section_pages``). A section
        that is only passed through (``/beitraege/<post>/``) routes from that cached copy; one
        that is served itself is loaded with its own fields in one query, where Wagtail's
        routing needs two (the page, then its specific type). Sections that are not there
        (private, unpublished) go Wagtail's way."""
        if path_components and request is not None:
            from home.section_pages import section_pages

            section = next(
                (
                    page
                    for page in section_pages(request)
                    if page.slug == path_components[0] and page.is_child_of(self)
                ),
                None,
            )
            if section is not None:
                section._cached_parent_obj = self
                result = section.route(request, path_components[1:])
                if result[0] is not section:
                    return result
                served = type(section).objects.filter(pk=section.pk).first()
                if served is not None:
                    served._cached_parent_obj = self
                    return served.route(request, path_components[1:])
        if not path_components and self.get_deferred_fields():
            # The cached site's copy (``home.site_cache``) has only the fields every page has.
            return type(self).objects.get(pk=self.pk).route(request, path_components)
        return super().route(request, path_components)

    @cached_property
    def hero(self):
        return next((block.value for block in self.body if block.block_type == "hero"), None)

    @property
    def meta_description(self):
        return self.search_description or (self.hero["intro"] if self.hero else "")

    @property
    def social_image(self):
        return self.hero["image"] if self.hero else None
