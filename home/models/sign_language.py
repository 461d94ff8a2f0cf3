from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from editorial.page_permissions import EditorialPagePermissionsMixin
from home.sign_language_blocks import SignLanguageStreamBlock

from .mixins import IntroMixin, SearchEngineVisibilityMixin
from .page_queries import PrivacyInOneQueryMixin


class SignLanguagePage(
    EditorialPagePermissionsMixin,
    PrivacyInOneQueryMixin,
    SearchEngineVisibilityMixin,
    IntroMixin,
    Page,
):
    """The site's films in Deutsche Gebärdensprache, linked from every page's header beside
    „Leichte Sprache“ (BITV 2.0 § 4)."""

    body = StreamField(SignLanguageStreamBlock(), verbose_name="Inhalt", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    max_count = 1
    parent_page_types = ["website.HomePage"]
    subpage_types = []
    template = "home/standard_page.html"

    class Meta:
        verbose_name = "Seite in Gebärdensprache"
        verbose_name_plural = "Seiten in Gebärdensprache"
