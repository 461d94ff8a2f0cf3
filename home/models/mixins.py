from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.models import Page

from home.admin_forms import HeaderImagePageForm

# Editors look for the date of publication on the "Veröffentlichung" (promote) tab; Wagtail keeps
# it in the status side panel.
SCHEDULING_HELP = (
    "<p><strong>Zu einem späteren Zeitpunkt veröffentlichen:</strong> Oben rechts auf das "
    "Symbol „Status“ klicken, unter „Zeitplan festlegen“ Datum und Uhrzeit wählen und danach "
    "unten „Veröffentlichen“ drücken. Die Seite erscheint dann innerhalb einer Minute nach der "
    "gewählten Zeit von selbst; ebenso kann dort ein Ablaufdatum gesetzt werden, nach dem sie "
    "wieder verschwindet.</p>"
)

# Today's site has teasers of up to 420 characters.
TEASER_MAX_LENGTH = 500


class HeaderImageMixin(models.Model):
    """A page's header image, which editors may mark as decorative (empty alt text)."""

    header_image = models.ForeignKey(
        "home.CreditedImage",
        verbose_name="Titelbild",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    header_image_is_decorative = models.BooleanField(
        "Titelbild ist rein dekorativ",
        default=False,
        help_text="Ankreuzen, wenn das Bild nichts Inhaltliches zeigt; "
        "Screenreader überspringen es dann.",
    )

    header_image_panel = MultiFieldPanel(
        [FieldPanel("header_image"), FieldPanel("header_image_is_decorative")],
        heading="Titelbild",
    )

    base_form_class = HeaderImagePageForm

    class Meta:
        abstract = True

    @property
    def social_image(self):
        return self.header_image


class TeaserMixin(models.Model):
    """A short plain-text summary used in listings, the meta description and OpenGraph."""

    teaser = models.TextField(
        "Teaser",
        max_length=TEASER_MAX_LENGTH,
        validators=[MaxLengthValidator(TEASER_MAX_LENGTH)],
        help_text="Kurze Zusammenfassung ohne Formatierung (am besten unter 300, höchstens "
        f"{TEASER_MAX_LENGTH} Zeichen); erscheint in Übersichten und in Suchmaschinen.",
    )

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        return self.search_description or self.teaser


class SearchEngineVisibilityMixin(models.Model):
    """Lets editors keep a page out of search engines: ``noindex`` and no sitemap entry."""

    hide_from_search_engines = models.BooleanField(
        "Nicht in Suchmaschinen",
        default=False,
        help_text="Die Seite bleibt öffentlich, wird aber nicht in Suchmaschinen aufgenommen "
        "und fehlt in der Sitemap.",
    )

    promote_panels = [
        *Page.promote_panels,
        FieldPanel("hide_from_search_engines"),
        HelpPanel(content=SCHEDULING_HELP, heading="Zeitgesteuert veröffentlichen"),
    ]

    class Meta:
        abstract = True

    def get_sitemap_urls(self, request=None):
        if self.hide_from_search_engines:
            return []
        return super().get_sitemap_urls(request)


class IntroMixin(models.Model):
    """A short plain-text introduction that also serves as meta description unless one is set."""

    intro = models.TextField("Einleitung", blank=True, max_length=600)

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        return self.search_description or self.intro


class AuthoredPageMixin:
    """For pages with an ``authors`` inline of ``person`` rows (posts, methods)."""

    @cached_property
    def author_people(self):
        """The live people among the authors; one awaiting approval is not named yet."""
        authors = self.authors.select_related("person", "person__photo")
        return [author.person for author in authors if author.person.live]
