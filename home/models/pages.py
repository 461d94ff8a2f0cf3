from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyStreamBlock

from .mixins import SearchEngineVisibilityMixin


class HomePage(SearchEngineVisibilityMixin, Page):
    """The site root: hero, free content, the newest posts and the formats."""

    hero_heading = models.CharField("Überschrift", max_length=200)
    hero_intro = models.TextField("Einleitung", blank=True, max_length=600)
    hero_image = models.ForeignKey(
        "home.CreditedImage",
        verbose_name="Bild",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyStreamBlock(), verbose_name="Inhalt", blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_intro"), FieldPanel("hero_image")],
            heading="Bühne",
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "blog.BlogIndexPage",
        "formats.FormatIndexPage",
        "downloads.DownloadsPage",
        "home.StandardPage",
    ]
    max_count = 1
    template = "home/home_page.html"

    class Meta:
        verbose_name = "Startseite"
        verbose_name_plural = "Startseiten"

    @property
    def meta_description(self):
        return self.search_description or self.hero_intro

    @property
    def social_image(self):
        return self.hero_image

    def get_context(self, request, *args, **kwargs):
        from blog.models import BlogPage
        from formats.models import FormatPage

        context = super().get_context(request, *args, **kwargs)
        context["latest_posts"] = BlogPage.objects.for_listing()[:3]
        context["formats"] = FormatPage.objects.live().public().select_related("header_image")
        return context


class StandardPage(SearchEngineVisibilityMixin, Page):
    """Plain content pages such as Impressum, Datenschutz and Barrierefreiheit."""

    intro = models.TextField("Einleitung", blank=True, max_length=600)
    body = StreamField(BodyStreamBlock(), verbose_name="Inhalt", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    template = "home/standard_page.html"

    class Meta:
        verbose_name = "Inhaltsseite"
        verbose_name_plural = "Inhaltsseiten"

    @property
    def meta_description(self):
        return self.search_description or self.intro
