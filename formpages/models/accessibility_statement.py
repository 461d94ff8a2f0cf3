"""The accessibility statement (§ 10b BGG NRW, § 5 BITV NRW) after the EU model statement of
Implementing Decision (EU) 2018/1523, with its feedback form built in (the form builder)."""

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm
from wagtail.fields import StreamField

from .built_form import BuiltFormPage, VisitorFormField, form_page_edit_handler

# § 10b BGG NRW asks for a review at least once a year.
REVIEW_INTERVAL = datetime.timedelta(days=365)
# The longest time the law allows before a person who reported a barrier hears back.
LONGEST_ANSWER_WEEKS = 6
STANDARD = (
    "der Barrierefreie-Informationstechnik-Verordnung Nordrhein-Westfalen (BITV NRW), die auf "
    "die Norm EN 301 549 und die Web Content Accessibility Guidelines (WCAG) 2.1 auf Stufe AA "
    "verweist"
)


class NonAccessibleReason(models.TextChoices):
    NON_COMPLIANCE = "non_compliance", "Unvereinbarkeit mit den Anforderungen"
    DISPROPORTIONATE_BURDEN = "disproportionate_burden", "Unverhältnismäßige Belastung"
    OUT_OF_SCOPE = "out_of_scope", "Fällt nicht in den Anwendungsbereich der Vorschriften"


class NonAccessiblePartValue(blocks.StructValue):
    @property
    def reason_label(self):
        return dict(NonAccessibleReason.choices).get(self.get("reason"), "")


class NonAccessiblePartBlock(blocks.StructBlock):
    part = blocks.CharBlock(
        label="Was ist nicht barrierefrei?", help_text="z. B. „Ältere PDF-Dokumente“"
    )
    reason = blocks.ChoiceBlock(
        label="Begründung nach dem EU-Muster", choices=NonAccessibleReason.choices
    )
    explanation = blocks.TextBlock(
        label="Erläuterung", help_text="Warum, und bis wann es behoben wird."
    )
    alternative = blocks.TextBlock(
        label="Barrierefreie Alternative",
        required=False,
        help_text="Wie Besucher*innen den Inhalt trotzdem bekommen, z. B. auf Anfrage per E-Mail.",
    )

    class Meta:
        icon = "warning"
        label = "Nicht barrierefreier Inhalt"
        value_class = NonAccessiblePartValue
        template = "formpages/blocks/non_accessible_part_block.html"


class AccessibilityStatementPage(BuiltFormPage):
    class Conformance(models.TextChoices):
        FULL = "full", "vollständig vereinbar"
        PARTIAL = "partial", "teilweise vereinbar"
        NONE = "none", "nicht vereinbar"

    class Method(models.TextChoices):
        SELF_ASSESSMENT = "self_assessment", "Selbstbewertung"
        THIRD_PARTY = "third_party", "Bewertung durch Dritte"

    public_body = models.CharField("Öffentliche Stelle", max_length=200, default="Stadt Bielefeld")
    website_name = models.CharField(
        "Geltungsbereich",
        max_length=200,
        help_text="Für welche Website die Erklärung gilt, z. B. „die Website der Open Innovation "
        "City Bielefeld (oic-bielefeld.de)“.",
    )
    conformance = models.CharField(
        "Stand der Vereinbarkeit", max_length=20, choices=Conformance.choices
    )
    non_accessible_parts = StreamField(
        [("part", NonAccessiblePartBlock())],
        verbose_name="Nicht barrierefreie Inhalte",
        blank=True,
        help_text="Jeder Inhalt, der die Anforderungen nicht erfüllt, mit Begründung und "
        "Alternative.",
    )
    method = models.CharField(
        "Wie die Erklärung erstellt wurde", max_length=20, choices=Method.choices
    )
    method_details = models.TextField(
        "Einzelheiten zur Bewertung",
        blank=True,
        help_text="Was geprüft wurde und womit, z. B. Prüfschritte, Werkzeuge, Seitenauswahl.",
    )
    prepared_on = models.DateField("Erstellt am")
    reviewed_on = models.DateField(
        "Zuletzt überprüft am",
        help_text="Die Erklärung muss mindestens einmal im Jahr überprüft werden; ist dieses "
        "Datum älter als ein Jahr, weist das Dashboard darauf hin.",
    )
    contact_name = models.CharField("Kontakt: Stelle oder Person", max_length=200)
    contact_email = models.EmailField("Kontakt: E-Mail")
    contact_phone = models.CharField("Kontakt: Telefon", max_length=50, blank=True)
    contact_address = models.TextField("Kontakt: Postanschrift", blank=True)
    answer_weeks = models.PositiveSmallIntegerField(
        "Antwort spätestens nach (Wochen)",
        default=LONGEST_ANSWER_WEEKS,
        validators=[MinValueValidator(1), MaxValueValidator(LONGEST_ANSWER_WEEKS)],
        help_text="Höchstens sechs Wochen; bis dahin bekommt jede Rückmeldung mindestens eine "
        "Zwischennachricht.",
    )
    ombuds_name = models.CharField(
        "Durchsetzungsverfahren: Stelle",
        max_length=300,
        default="Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen",
    )
    ombuds_address = models.TextField(
        "Durchsetzungsverfahren: Postanschrift",
        blank=True,
        default="bei der Beauftragten der Landesregierung für Menschen mit Behinderung sowie für "
        "Patientinnen und Patienten in Nordrhein-Westfalen\nFürstenwall 25\n40219 Düsseldorf",
    )
    ombuds_email = models.EmailField(
        "Durchsetzungsverfahren: E-Mail", default="ombudsstelle-barrierefreie-it@mags.nrw.de"
    )
    ombuds_url = models.URLField(
        "Durchsetzungsverfahren: Website", default="https://www.lbbp.nrw.de/ombudsstelle"
    )

    content_panels = [
        *AbstractEmailForm.content_panels,
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("public_body"), FieldPanel("website_name")]),
        FieldPanel("conformance"),
        FieldPanel("non_accessible_parts"),
        MultiFieldPanel(
            [
                FieldPanel("method"),
                FieldPanel("method_details"),
                FieldRowPanel([FieldPanel("prepared_on"), FieldPanel("reviewed_on")]),
            ],
            heading="Erstellung dieser Erklärung",
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                FieldPanel("contact_address"),
                FieldPanel("answer_weeks"),
            ],
            heading="Feedback und Kontaktangaben",
        ),
        MultiFieldPanel(
            [
                FieldPanel("ombuds_name"),
                FieldPanel("ombuds_address"),
                FieldRowPanel([FieldPanel("ombuds_email"), FieldPanel("ombuds_url")]),
            ],
            heading="Durchsetzungsverfahren",
        ),
    ]
    form_panels = [
        InlinePanel("form_fields", label="Formularfeld", heading="Felder des Feedback-Formulars"),
        *BuiltFormPage.form_panels[1:],
    ]
    edit_handler = form_page_edit_handler(content_panels, form_panels)

    max_count = 1
    parent_page_types = ["website.HomePage"]
    subpage_types = []
    template = "formpages/accessibility_statement_page.html"
    landing_page_template = "formpages/form_page_landing.html"

    class Meta:
        verbose_name = "Erklärung zur Barrierefreiheit"
        verbose_name_plural = "Erklärungen zur Barrierefreiheit"

    @property
    def review_is_overdue(self):
        return self.reviewed_on is not None and (
            timezone.localdate() - self.reviewed_on > REVIEW_INTERVAL
        )

    @property
    def standard(self):
        return STANDARD


class StatementFeedbackField(VisitorFormField):
    page = ParentalKey(
        AccessibilityStatementPage, on_delete=models.CASCADE, related_name="form_fields"
    )
