from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Max
from django.utils.formats import date_format
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from home.blocks import SAFE_URL_PATTERN

from .status import ONGOING_STATUSES, ProjectStatus

DESCRIPTION_FEATURES = ["bold", "italic", "link", "ul"]


class ProjectQuerySet(models.QuerySet):
    def live(self):
        """The projects visitors may see: published, not a draft awaiting approval."""
        return self.filter(live=True)


class Project(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model
):
    """A project of the OIC, shown as a card wherever editors place the projects block.

    Changes go through drafts and "Eintragsfreigabe": the card shows the published fields of
    live projects only. Rows created in code (import, demo) are live at once.
    """

    title = models.CharField("Titel", max_length=200)
    tag = models.CharField(
        "Schlagwort",
        max_length=40,
        blank=True,
        help_text="Kurzes Etikett über dem Titel, z. B. „KI“ oder „Ort“.",
    )
    description = RichTextField(
        "Beschreibung",
        features=DESCRIPTION_FEATURES,
        help_text="Worum geht es? Zwei, drei Sätze; Fett, Kursiv, Links und Listen sind möglich.",
    )
    status = models.CharField(
        "Status", max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.STARTED
    )
    start_date = models.DateField(
        "Start",
        null=True,
        blank=True,
        help_text="Auf der Karte stehen nur Monat und Jahr, z. B. „seit März 2025“.",
    )
    responsible_person = models.ForeignKey(
        "home.Person",
        verbose_name="Verantwortliche Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
        help_text="Jemand aus dem Team; Name und Link zur Autorenseite bleiben so aktuell.",
    )
    responsible_text = models.CharField(
        "Verantwortlich (Freitext)",
        max_length=200,
        blank=True,
        help_text="Stattdessen für Partner oder Gruppen ohne Personeneintrag, "
        "z. B. „Die Community selbst“.",
    )
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Link auf eine Seite",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link_url = models.CharField(
        "Link auf eine Adresse",
        max_length=500,
        blank=True,
        validators=[
            RegexValidator(
                SAFE_URL_PATTERN,
                "Bitte eine Adresse wie „https://…“, „/beitraege/“ oder „mailto:…“ eingeben.",
            )
        ],
        help_text="Stattdessen eine Adresse, z. B. „https://…“ oder „mailto:…“.",
    )
    link_text = models.CharField(
        "Linktext",
        max_length=80,
        blank=True,
        help_text="Sagt, wohin der Link führt, z. B. „Zum Rückblick“; nicht „hier“.",
    )
    sort_order = models.IntegerField("Reihenfolge", null=True, blank=True, editable=False)

    sort_order_field = "sort_order"

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="project")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="project",
        for_concrete_model=False,
    )

    objects = ProjectQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("tag"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("start_date")]),
        MultiFieldPanel(
            [FieldPanel("responsible_person"), FieldPanel("responsible_text")],
            heading="Verantwortlich",
            help_text="Eine Person wählen oder einen Namen eintragen, nicht beides.",
        ),
        MultiFieldPanel(
            [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("link_text")],
            heading="Link",
            help_text="Optional: eine Seite oder eine Adresse, jeweils mit Linktext.",
        ),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("tag"),
        index.SearchField("description"),
        index.FilterField("status"),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = "Projekt"
        verbose_name_plural = "Projekte"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """New projects go to the end of the list; editors reorder them by drag and drop."""
        if self.sort_order is None:
            highest = Project.objects.aggregate(highest=Max("sort_order"))["highest"]
            self.sort_order = 0 if highest is None else highest + 1
        super().save(*args, **kwargs)

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        super().clean()
        errors = {}
        if self.responsible_person_id and self.responsible_text.strip():
            message = "Bitte entweder eine Person wählen oder einen Namen eintragen."
            errors["responsible_person"] = errors["responsible_text"] = message
        if self.link_page_id and self.link_url:
            message = "Bitte nur ein Ziel angeben: eine Seite oder eine Adresse."
            errors["link_page"] = errors["link_url"] = message
        has_target = bool(self.link_page_id or self.link_url)
        if has_target and not self.link_text.strip():
            errors["link_text"] = "Bitte einen Linktext angeben."
        if self.link_text.strip() and not has_target:
            errors["link_text"] = "Bitte eine Seite oder eine Adresse für den Link angeben."
        if errors:
            raise ValidationError(errors)

    @property
    def start_label(self):
        """ "seit März 2025" while the project runs, "gestartet im März 2025" once it is done."""
        if self.start_date is None:
            return ""
        month_and_year = date_format(self.start_date, "F Y")
        if self.status in ONGOING_STATUSES:
            return f"seit {month_and_year}"
        return f"gestartet im {month_and_year}"

    @property
    def responsible_name(self):
        """The responsible person's name while they are live (a draft person is not named
        yet), else the free text."""
        if self.responsible_person_id:
            person = self.responsible_person
            return person.name if person.live else ""
        return self.responsible_text.strip()

    @property
    def link_target_page(self):
        """The linked page while it is live; a draft or deleted page gives no link."""
        page = self.link_page
        return page if page is not None and page.live else None

    @property
    def has_link(self):
        return bool(self.link_text and (self.link_target_page or self.link_url))
