from django.db import models
from django.db.models import Prefetch
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager

from editorial.page_permissions import EditorialPagePermissionsMixin
from home.blocks import BodyStreamBlock
from home.models.images import CARD_IMAGE_SPECS, with_image_renditions
from home.models.mixins import (
    HeaderImageMixin,
    IntroMixin,
    SearchEngineVisibilityMixin,
    TeaserMixin,
)
from home.models.page_queries import PrivacyInOneQueryMixin, SitePageQuerySet
from home.search_fields import text_search_fields
from home.wagtail_overrides import TypedChildRoutingMixin


class FormatIndexPage(
    EditorialPagePermissionsMixin,
    PrivacyInOneQueryMixin,
    SearchEngineVisibilityMixin,
    IntroMixin,
    TypedChildRoutingMixin,
    Page,
):
    """``/formate/``: the OIC formats such as Community of Practice and Open Innovation Hour."""

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["formats.FormatPage"]
    max_count = 1
    template = "formats/format_index_page.html"

    class Meta:
        verbose_name = "Formatübersicht"
        verbose_name_plural = "Formatübersichten"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["formats"] = FormatPage.objects.child_of(self).for_listing()
        return context

    def child_pages_for_routing(self):
        return FormatPage.objects.child_of(self).select_related(
            "header_image", "category", "contact_person__photo"
        )


class FormatPageQuerySet(SitePageQuerySet):
    def for_listing(self):
        """Live, public formats in tree order, with header image renditions prefetched."""
        return with_image_renditions(
            self.live().public().defer_streamfields(), "header_image", CARD_IMAGE_SPECS
        )

    def with_kits(self):
        return (
            self.prefetch_related(
                Prefetch("kits", queryset=FormatKit.objects.select_related("document"))
            )
            .filter(kits__isnull=False)
            .distinct()
        )


class FormatPage(
    EditorialPagePermissionsMixin,
    PrivacyInOneQueryMixin,
    SearchEngineVisibilityMixin,
    TeaserMixin,
    HeaderImageMixin,
    Page,
):
    """One format, its kits to download, a contact person and the newest posts about it."""

    body = StreamField(BodyStreamBlock(), verbose_name="Inhalt", blank=True)
    category = models.ForeignKey(
        "home.Category",
        verbose_name="Kategorie der Beiträge",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Beiträge dieser Kategorie erscheinen unter „Weitere Beiträge zu diesem Format“.",
    )
    contact_person = models.ForeignKey(
        "home.Person",
        verbose_name="Ansprechperson",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = PageManager.from_queryset(FormatPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("teaser"),
        HeaderImageMixin.header_image_panel,
        FieldPanel("body"),
        InlinePanel("kits", label="Kit", heading="Kits zum Herunterladen"),
        MultiFieldPanel(
            [FieldPanel("contact_person"), FieldPanel("category")], heading="Kontakt und Beiträge"
        ),
    ]
    search_fields = [*Page.search_fields, *text_search_fields("teaser", "body")]

    parent_page_types = ["formats.FormatIndexPage"]
    subpage_types = []
    template = "formats/format_page.html"

    class Meta:
        verbose_name = "Format"
        verbose_name_plural = "Formate"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["kits"] = [kit.document for kit in self.kits.select_related("document")]
        return context


class FormatKit(Orderable):
    page = ParentalKey(FormatPage, on_delete=models.CASCADE, related_name="kits")
    document = models.ForeignKey(
        "downloads.Download", verbose_name="Dokument", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = "Kit"
        verbose_name_plural = "Kits"


class DownloadsPage(
    EditorialPagePermissionsMixin,
    PrivacyInOneQueryMixin,
    SearchEngineVisibilityMixin,
    IntroMixin,
    Page,
):
    """``/downloads/``: every format's kits in one place."""

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count = 1
    template = "formats/downloads_page.html"

    class Meta:
        verbose_name = "Download-Übersicht"
        verbose_name_plural = "Download-Übersichten"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["formats_with_kits"] = FormatPage.objects.with_kits().live().public()
        return context
