from django.core.exceptions import ValidationError
from django.core.paginator import InvalidPage, Paginator
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.http import Http404
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager, Site
from wagtail.search import index

from editorial.page_permissions import EditorialPagePermissionsMixin
from home.admin_forms import HeaderImagePageForm
from home.models import SiteSettings
from home.models.mixins import (
    HeaderImageMixin,
    IntroMixin,
    SearchEngineVisibilityMixin,
    TeaserMixin,
)
from home.models.page_queries import PrivacyInOneQueryMixin
from home.pretix import PRETIX_ITEMS, PretixRegistration, RegistrationKind
from home.search_fields import text_search_fields
from home.wagtail_overrides import TypedChildRoutingMixin
from pagecache.query_parameters import PAGE_NUMBER, SLUG

from .choices import SCHEMA_ATTENDANCE_MODES, AttendanceMode, EventKind
from .querysets import EventPageQuerySet
from .schedule import Schedule, local_today

EVENTS_PER_PAGE = 12
CALENDAR_ROUTE = "kalender/"
CALENDAR_SLUG = "kalender"
DESCRIPTION_FEATURES = ["bold", "italic", "ol", "ul", "link"]
FREE_OF_CHARGE = {"kostenfrei", "kostenlos", "gratis", "frei", "0", "0 €", "0,00 €", "0 euro"}
MAX_DURATION_MINUTES = 7 * 24 * 60


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


class EventIndexPage(
    EditorialPagePermissionsMixin,
    PrivacyInOneQueryMixin,
    SearchEngineVisibilityMixin,
    IntroMixin,
    RoutablePageMixin,
    TypedChildRoutingMixin,
    Page,
):
    """``/veranstaltungen/``: upcoming and past events, filterable by format, as a calendar."""

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, *text_search_fields("intro")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1
    template = "events/event_index_page.html"
    cache_query_parameters_by_route = {
        "listing": {"format": SLUG, "page": PAGE_NUMBER},
        "calendar": {"format": SLUG},
    }

    class Meta:
        verbose_name = "Veranstaltungsübersicht"
        verbose_name_plural = "Veranstaltungsübersichten"

    def events(self):
        return EventPage.objects.child_of(self)

    def child_pages_for_routing(self):
        return self.events().select_related("header_image", "format")

    def formats_with_events(self):
        from formats.models import FormatPage

        format_ids = self.events().live().public().values("format_id")
        return FormatPage.objects.live().public().filter(pk__in=format_ids).order_by("title")

    def selected_format(self, request):
        """The format named by ``?format=<slug>``; ``None`` without; 404 for an unknown one."""
        from formats.models import FormatPage

        slug = request.GET.get("format", "").strip()
        if not slug:
            return None
        format_page = FormatPage.objects.live().public().filter(slug=slug).first()
        if format_page is None:
            raise Http404("Unbekanntes Format")
        return format_page

    @path("")
    def listing(self, request):
        format_page = self.selected_format(request)
        events = self.events().in_format(format_page)
        today = local_today()
        paginator = Paginator(events.past(today), EVENTS_PER_PAGE)
        try:
            past_events = paginator.page(request.GET.get("page") or 1)
        except InvalidPage as error:
            raise Http404("Diese Seite gibt es nicht.") from error
        upcoming_events = events.upcoming(today) if past_events.number == 1 else []
        return self.render(
            request,
            context_overrides={
                "formats": self.formats_with_events(),
                "selected_format": format_page,
                "upcoming_events": upcoming_events,
                "past_events": past_events,
                "paginator": paginator,
            },
        )

    @path(CALENDAR_ROUTE, name="calendar")
    def calendar_feed(self, request):
        from .calendar import feed_response

        format_page = self.selected_format(request)
        return feed_response(request, self, format_page)


class EventPageForm(HeaderImagePageForm):
    """Tells the page under which parent it is being created, so it can find its site."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        self.instance.admin_parent_page = parent_page


class EventPage(
    EditorialPagePermissionsMixin,
    PrivacyInOneQueryMixin,
    SearchEngineVisibilityMixin,
    TeaserMixin,
    HeaderImageMixin,
    RoutablePageMixin,
    Page,
):
    """One event: when and where, what it costs, how to register and, later, its review."""

    description = RichTextField(
        "Beschreibung",
        features=DESCRIPTION_FEATURES,
        blank=True,
        help_text="Was erwartet die Teilnehmenden? Programm, Referent*innen, Mitbringen.",
    )
    date = models.DateField("Datum")
    start_time = models.TimeField(
        "Beginn",
        null=True,
        blank=True,
        help_text="Ortszeit Bielefeld. Leer lassen für ganztägige Veranstaltungen.",
    )
    end_time = models.TimeField(
        "Ende",
        null=True,
        blank=True,
        help_text="Entweder das Ende oder die Dauer angeben, nicht beides.",
    )
    duration_minutes = models.PositiveIntegerField(
        "Dauer in Minuten",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_DURATION_MINUTES)],
        help_text="Statt des Endes, z. B. 90; nötig, wenn die Veranstaltung über Mitternacht geht.",
    )
    location = models.CharField(
        "Ort",
        max_length=255,
        help_text="z. B. „Innovation Office, Alter Markt 13, 33602 Bielefeld“ oder „Online“.",
    )
    attendance_mode = models.CharField(
        "Teilnahme",
        max_length=20,
        choices=AttendanceMode.choices,
        default=AttendanceMode.OFFLINE,
    )
    kind = models.CharField(
        "Art der Veranstaltung", max_length=30, choices=EventKind.choices, default=EventKind.MEETUP
    )
    target_audience = models.CharField(
        "Zielgruppe",
        max_length=255,
        blank=True,
        help_text="z. B. „Alle Interessierten, keine Vorkenntnisse nötig“.",
    )
    cost = models.CharField(
        "Kosten",
        max_length=100,
        default="kostenfrei",
        help_text="„kostenfrei“ oder der Preis, z. B. „10 €, ermäßigt 5 €“.",
    )
    format = models.ForeignKey(
        "formats.FormatPage",
        verbose_name="Format",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text="Die Veranstaltung erscheint dann auch auf der Seite des Formats.",
    )
    featured = models.BooleanField(
        "Hervorheben",
        default=False,
        help_text="Markiert die Veranstaltung in Übersichten als Empfehlung.",
    )
    registration_kind = models.CharField(
        "Anmeldung",
        max_length=20,
        choices=RegistrationKind.choices,
        default=RegistrationKind.NONE,
    )
    pretix_event_slug = models.CharField(
        "Kurzname in pretix",
        max_length=100,
        blank=True,
        validators=[
            RegexValidator(
                r"^[a-zA-Z0-9][a-zA-Z0-9.-]*$",
                "Bitte nur den Kurznamen angeben (Buchstaben, Ziffern, Punkt, Bindestrich), "
                "nicht die ganze Adresse.",
            )
        ],
        help_text="Der letzte Teil der Shop-Adresse, z. B. „meetup-ki“ aus "
        "https://pretix.eu/oic-bielefeld/meetup-ki/.",
    )
    pretix_items = models.CharField(
        "Nur diese pretix-Produkte",
        max_length=200,
        blank=True,
        validators=[
            RegexValidator(
                PRETIX_ITEMS.pattern,
                "Bitte die Produkt-Nummern mit Komma getrennt angeben, z. B. „12, 13“.",
            )
        ],
        help_text="Optional: Nummern der Produkte aus pretix, mit Komma getrennt; leer zeigt alle.",
    )
    pretix_voucher = models.CharField(
        "Gutscheincode",
        max_length=100,
        blank=True,
        validators=[
            RegexValidator(
                r"^[a-zA-Z0-9][a-zA-Z0-9._-]*$",
                "Ein Gutscheincode besteht aus Buchstaben, Ziffern, Punkt, Binde- und Unterstrich.",
            )
        ],
        help_text="Optional: wird bei der Anmeldung vorausgewählt.",
    )
    registration_url = models.URLField(
        "Adresse der Anmeldeseite",
        blank=True,
        help_text="Für die Anmeldung über eine andere Seite, z. B. ein Formular der Stadt.",
    )
    retrospective = models.ForeignKey(
        "blog.BlogPage",
        verbose_name="Rückblick",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="retrospective_of_events",
        help_text="Der Beitrag über die Veranstaltung. Nach dem Termin verweisen Veranstaltung "
        "und Beitrag aufeinander.",
    )

    objects = EventPageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("teaser"),
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("start_time"),
                FieldPanel("end_time"),
                FieldPanel("duration_minutes"),
            ],
            heading="Termin",
        ),
        MultiFieldPanel([FieldPanel("location"), FieldPanel("attendance_mode")], heading="Ort"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("format"),
                FieldPanel("target_audience"),
                FieldPanel("cost"),
                FieldPanel("featured"),
            ],
            heading="Einordnung",
        ),
        HeaderImageMixin.header_image_panel,
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("registration_kind"),
                FieldPanel("pretix_event_slug"),
                FieldPanel("pretix_items"),
                FieldPanel("pretix_voucher"),
                FieldPanel("registration_url"),
            ],
            heading="Anmeldung",
        ),
        FieldPanel("retrospective"),
    ]
    search_fields = [
        *Page.search_fields,
        *text_search_fields("teaser", "description", "location", "target_audience"),
        index.FilterField("date"),
    ]

    base_form_class = EventPageForm
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    template = "events/event_page.html"

    class Meta:
        verbose_name = "Veranstaltung"
        verbose_name_plural = "Veranstaltungen"

    @property
    def schedule(self):
        return Schedule(self.date, self.start_time, self.end_time, self.duration_minutes)

    @property
    def is_past(self):
        return self.date < local_today()

    @property
    def is_free(self):
        return self.cost.strip().lower() in FREE_OF_CHARGE

    @property
    def is_online(self):
        return self.attendance_mode in {AttendanceMode.ONLINE, AttendanceMode.MIXED}

    @property
    def is_on_site(self):
        return self.attendance_mode in {AttendanceMode.OFFLINE, AttendanceMode.MIXED}

    @property
    def schema_attendance_mode(self):
        return SCHEMA_ATTENDANCE_MODES[self.attendance_mode]

    def live_retrospective(self):
        """The review post once the event is over and the post is published, else ``None``."""
        from blog.models import BlogPage

        if self.retrospective_id is None or not self.is_past:
            return None
        return BlogPage.objects.live().public().filter(pk=self.retrospective_id).first()

    def pretix_registration(self, shop_url):
        if self.registration_kind != RegistrationKind.PRETIX or not shop_url:
            return None
        return PretixRegistration(
            shop_url, self.pretix_event_slug, self.pretix_items, self.pretix_voucher
        )

    def registration_link(self, shop_url):
        """Where visitors register without JavaScript; empty if no registration is needed."""
        pretix = self.pretix_registration(shop_url)
        if pretix is not None:
            return pretix.link_url
        if self.registration_kind == RegistrationKind.EXTERNAL:
            return self.registration_url
        return ""

    def site_for_validation(self):
        parent = self.get_parent() if self.path else getattr(self, "admin_parent_page", None)
        site = parent.get_site() if parent is not None else None
        return site or Site.objects.filter(is_default_site=True).first()

    def clean(self):
        super().clean()
        errors = {**self.schedule_errors(), **self.registration_errors()}
        if self.slug == CALENDAR_SLUG:
            errors["slug"] = "„kalender“ ist für den Kalender-Abonnement-Link reserviert."
        if errors:
            raise ValidationError(errors)

    def schedule_errors(self):
        if self.end_time is not None and self.duration_minutes is not None:
            message = "Bitte entweder das Ende oder die Dauer angeben, nicht beides."
            return {"end_time": message, "duration_minutes": message}
        ending_field = "end_time" if self.end_time is not None else "duration_minutes"
        if getattr(self, ending_field) is not None and self.start_time is None:
            return {ending_field: "Ein Ende ergibt nur zusammen mit einem Beginn Sinn."}
        if self.end_time is not None and self.end_time <= self.start_time:
            return {
                "end_time": "Das Ende muss nach dem Beginn liegen. Geht die Veranstaltung über "
                "Mitternacht, bitte stattdessen die Dauer angeben."
            }
        return {}

    def registration_errors(self):
        if self.registration_kind == RegistrationKind.EXTERNAL and not self.registration_url:
            return {"registration_url": "Bitte die Adresse der Anmeldeseite angeben."}
        if self.registration_kind != RegistrationKind.PRETIX:
            return {}
        errors = {}
        if not self.pretix_event_slug:
            errors["pretix_event_slug"] = "Bitte den Kurznamen der Veranstaltung in pretix angeben."
        site = self.site_for_validation()
        if site is None or not SiteSettings.for_site(site).pretix_shop_url:
            errors["registration_kind"] = (
                "Für die Anmeldung über pretix fehlt die Adresse des pretix-Shops: bitte zuerst "
                "unter „Einstellungen → Website-Einstellungen“ eintragen oder eine andere Art "
                "der Anmeldung wählen."
            )
        return errors

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        shop_url = SiteSettings.for_request(request).pretix_shop_url
        context["pretix"] = self.pretix_registration(shop_url)
        context["registration_link"] = self.registration_link(shop_url)
        context["retrospective_post"] = self.live_retrospective()
        return context

    @path(CALENDAR_ROUTE, name="calendar")
    def calendar_file(self, request):
        from .calendar import single_event_response

        return single_event_response(request, self)
