from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from editorial.page_permissions import EditorialPagePermissionsMixin
from home.blocks import BodyStreamBlock
from home.search_fields import text_search_fields

from .mixins import IntroMixin, SearchEngineVisibilityMixin
from .page_queries import PrivacyInOneQueryMixin


class StandardPage(
    EditorialPagePermissionsMixin,
    PrivacyInOneQueryMixin,
    SearchEngineVisibilityMixin,
    IntroMixin,
    Page,
):
    """Plain content pages such as Impressum, Datenschutz and Barrierefreiheit."""

    body = StreamField(BodyStreamBlock(), verbose_name="Inhalt", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, *text_search_fields("intro", "body")]

    parent_page_types = ["website.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    template = "home/standard_page.html"

    class Meta:
        verbose_name = "Inhaltsseite"
        verbose_name_plural = "Inhaltsseiten"
