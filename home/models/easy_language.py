from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from editorial.page_permissions import EditorialPagePermissionsMixin
from home.blocks import EasyLanguageStreamBlock
from home.search_fields import text_search_fields

from .mixins import SearchEngineVisibilityMixin
from .page_queries import PrivacyInOneQueryMixin


class EasyLanguagePage(
    EditorialPagePermissionsMixin, PrivacyInOneQueryMixin, SearchEngineVisibilityMixin, Page
):
    """A page in Leichte Sprache, which NRW asks public bodies to offer.

    The one directly below the home page is the site's start page in Leichte Sprache; the
    others sit below it and each explains one page of the site (``original_page``). Every
    page's header links to its own version, else to the start page.
    """

    original_page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name="Seite in Alltagssprache",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="easy_language_version",
        error_messages={"unique": "Diese Seite hat schon eine Fassung in Leichter Sprache."},
        help_text="Die Seite, die diese Seite in Leichter Sprache erklärt. Sie verlinkt dann "
        "im Kopf hierher, und diese Seite verlinkt zurück. Jede Seite hat höchstens eine "
        "Fassung in Leichter Sprache.",
    )
    body = StreamField(EasyLanguageStreamBlock(), verbose_name="Inhalt", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("original_page"), FieldPanel("body")]
    search_fields = [*Page.search_fields, *text_search_fields("body")]

    parent_page_types = ["website.HomePage", "home.EasyLanguagePage"]
    subpage_types = ["home.EasyLanguagePage"]
    template = "home/easy_language_page.html"

    class Meta:
        verbose_name = "Seite in Leichter Sprache"
        verbose_name_plural = "Seiten in Leichter Sprache"

    @classmethod
    def can_create_at(cls, parent):
        """One start page per home page; every other page in Leichte Sprache goes below it."""
        if not super().can_create_at(parent):
            return False
        if parent.specific_class is EasyLanguagePage:
            return True
        return not parent.get_children().type(EasyLanguagePage).exists()

    def clean(self):
        super().clean()
        if self.original_page_id and self.original_page_id == self.pk:
            raise ValidationError(
                {"original_page": "Eine Seite kann nicht ihre eigene Fassung sein."}
            )
        if self.original_page and self.original_page.specific_class is EasyLanguagePage:
            raise ValidationError(
                {
                    "original_page": "Bitte eine Seite in Alltagssprache wählen, "
                    "keine Seite in Leichter Sprache."
                }
            )

    @property
    def everyday_language_page(self):
        """Where „Zur Seite in Alltagssprache“ leads: the original if live, else the home page."""
        original = self.original_page
        if original is not None and original.live:
            return original
        site = self.get_site()
        return site.root_page if site else None
