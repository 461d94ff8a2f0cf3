from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable

from newsletter.blocks import NewsletterBlock


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """Contact details and footer content that editors maintain without a developer."""

    organisation_name = models.CharField(
        "Name der Organisation", max_length=200, default="Open Innovation City Bielefeld"
    )
    contact_email = models.EmailField("Kontakt-E-Mail", blank=True)
    contact_phone = models.CharField("Telefon", max_length=50, blank=True)
    office_address = models.TextField("Büroadresse", blank=True)
    postal_address = models.TextField("Postanschrift", blank=True)
    opening_hours = models.TextField("Öffnungszeiten", blank=True)
    pretix_shop_url = models.URLField(
        "pretix-Shop des Veranstalters",
        blank=True,
        help_text="Adresse des pretix-Veranstalters, z. B. https://pretix.eu/oic-bielefeld/; "
        "Veranstaltungen hängen daran nur noch ihren Kurznamen an.",
    )
    footer_newsletter = StreamField(
        [("newsletter", NewsletterBlock())],
        verbose_name="Newsletter-Anmeldung im Footer",
        blank=True,
        max_num=1,
        help_text="Erscheint auf jeder Seite; Links mit ?newsletter=true springen hierher, "
        "wenn die Seite selbst kein Anmeldeformular hat.",
    )

    newsletter_bar_text = models.CharField(
        "Hinweis in der Newsletter-Leiste",
        max_length=250,
        blank=True,
        default="Bleib auf dem Laufenden! Neuigkeiten, Termine und Rückblicke der Open "
        "Innovation City etwa einmal im Monat per E-Mail.",
        help_text="Erscheint ganz oben auf jeder Seite mit einem Knopf zur Newsletter-Anmeldung; "
        "Besucher*innen können die Leiste schließen. Leer lassen, um sie auszublenden.",
    )

    panels = [
        FieldPanel("organisation_name"),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("office_address"),
                FieldPanel("postal_address"),
                FieldPanel("opening_hours"),
            ],
            heading="Kontakt",
        ),
        MultiFieldPanel(
            [FieldPanel("newsletter_bar_text"), FieldPanel("footer_newsletter")],
            heading="Newsletter",
        ),
        FieldPanel("pretix_shop_url"),
        InlinePanel("social_links", label="Social-Media-Link", heading="Social Media"),
        InlinePanel("footer_links", label="Footer-Link", heading="Links im Footer"),
    ]

    class Meta:
        verbose_name = "Website-Einstellungen"

    @classmethod
    def for_site(cls, site):
        """From the shared cache: every page shows these settings (see ``home.site_cache``)."""
        from home.site_cache import cached_site_settings

        if site is None:
            return super().for_site(site)
        return cached_site_settings(cls, site, lambda: super(SiteSettings, cls).for_site(site))


class SocialLink(Orderable):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="social_links")
    label = models.CharField("Plattform", max_length=50, help_text="z. B. „LinkedIn“")
    url = models.URLField("Adresse")

    panels = [FieldPanel("label"), FieldPanel("url")]

    def __str__(self):
        return self.label


class FooterLink(Orderable):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="footer_links")
    label = models.CharField("Linktext", max_length=100, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Seite",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    url = models.URLField("Adresse", blank=True)

    panels = [FieldPanel("label"), FieldPanel("page"), FieldPanel("url")]

    def clean(self):
        if bool(self.page) == bool(self.url):
            raise ValidationError("Bitte entweder eine Seite oder eine Adresse angeben.")
        if self.url and not self.label:
            raise ValidationError({"label": "Für eine Adresse wird ein Linktext benötigt."})

    def __str__(self):
        return self.text

    @property
    def text(self):
        return self.label or (self.page.title if self.page else self.url)

    @property
    def href(self):
        return self.page.url if self.page else self.url
