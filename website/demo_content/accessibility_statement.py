"""The demo's accessibility statement, with its feedback form, and a contact form page.

What the statement says is what this code base checks (tests/browser/test_accessibility.py,
test_keyboard_only.py, the editors' content checker): a self-assessment, no test by a third
party yet, so "teilweise vereinbar" with the parts known not to be accessible.
"""

from django.utils import timezone

from formpages.models import (
    AccessibilityStatementPage,
    FormPage,
    FormPageField,
    StatementFeedbackField,
)
from home.models import FooterLink, SiteSettings

from .records import demo_child_page, is_recorded, page_key, record

STATEMENT_SLUG = "barrierefreiheit"
CONTACT_SLUG = "kontakt"
OFFICE_EMAIL = "innovationen@bielefeld.de"
FOOTER_ORDER = 2

METHOD_DETAILS = (
    "Jede Seitenart der Website wird bei jeder Änderung am Programm automatisch mit dem "
    "Prüfwerkzeug axe auf die Kriterien der WCAG 2.1 Stufe AA geprüft und ausschließlich mit "
    "der Tastatur bedient; Formulare werden auch mit ihren Fehlermeldungen geprüft. Beim "
    "Bearbeiten weist eine Prüfung im Editor auf fehlende Alternativtexte und ungeordnete "
    "Überschriften hin. Ein Test durch eine externe Prüfstelle (BITV-Test) steht noch aus."
)

NON_ACCESSIBLE_PARTS = [
    {
        "part": "PDF-Dokumente (Kits der Formate)",
        "reason": "non_compliance",
        "explanation": "Die Kits sind nicht auf die Anforderungen an barrierefreie PDF-Dokumente "
        "(PDF/UA) geprüft; manche haben keine Struktur-Auszeichnung für Screenreader. Wir "
        "überarbeiten sie nach und nach.",
        "alternative": "Den Inhalt jedes Kits schicken wir dir auf Anfrage als barrierefreies "
        "Word-Dokument oder als Text in einer E-Mail.",
    },
    {
        "part": "Videos auf YouTube oder Vimeo in älteren Beiträgen",
        "reason": "non_compliance",
        "explanation": "Nicht alle Videos haben Untertitel, eine Audiodeskription oder eine "
        "Übersetzung in Deutsche Gebärdensprache.",
        "alternative": "Den Inhalt eines Videos beschreiben wir dir auf Anfrage in Textform.",
    },
    {
        "part": "Inhalte in Deutscher Gebärdensprache",
        "reason": "non_compliance",
        "explanation": "In Deutscher Gebärdensprache gibt es bisher nur die Erklärung der "
        "Website auf der Seite „Gebärdensprache“, nicht die einzelnen Beiträge.",
        "alternative": "Die wichtigsten Inhalte gibt es auch in Leichter Sprache.",
    },
]

FEEDBACK_FIELDS = [
    ("Name", "singleline", False, "Freiwillig: wie wir dich ansprechen dürfen."),
    ("E-Mail", "email", True, "Damit wir dir antworten können."),
    ("Seite", "url", False, "Freiwillig: die Adresse der Seite, auf der die Barriere ist."),
    ("Beschreibung der Barriere", "multiline", True, "Was hat nicht funktioniert?"),
]
CONTACT_FIELDS = [
    ("Name", "singleline", True, ""),
    ("E-Mail", "email", True, "Damit wir dir antworten können."),
    ("Nachricht", "multiline", True, ""),
]


def form_fields(field_model, fields):
    """The fields as the page's child rows, so its first revision holds them too."""
    return [
        field_model(
            sort_order=order,
            label=label,
            field_type=field_type,
            required=required,
            help_text=help_text,
        )
        for order, (label, field_type, required, help_text) in enumerate(fields)
    ]


def load_accessibility_statement(home, log):
    """The statement once, linked in the footer; never made where an editor's page has the
    slug already (the earlier demo made it as a plain page: editors replace that one)."""
    key = page_key(AccessibilityStatementPage, STATEMENT_SLUG)
    if is_recorded(key):
        return
    existing = AccessibilityStatementPage.objects.first()
    if existing is not None:
        record(key, existing)  # there is only one; an editor made it
        return
    if home.get_children().filter(slug=STATEMENT_SLUG).exists():
        log(f"skipped the accessibility statement: /{STATEMENT_SLUG}/ is another page")
        return
    today = timezone.localdate()
    statement = demo_child_page(
        home,
        AccessibilityStatementPage,
        STATEMENT_SLUG,
        log,
        title="Erklärung zur Barrierefreiheit",
        intro="Die Stadt Bielefeld möchte diese Website für alle Menschen zugänglich machen.",
        website_name="die Website der Open Innovation City Bielefeld",
        conformance=AccessibilityStatementPage.Conformance.PARTIAL,
        non_accessible_parts=[("part", part) for part in NON_ACCESSIBLE_PARTS],
        method=AccessibilityStatementPage.Method.SELF_ASSESSMENT,
        method_details=METHOD_DETAILS,
        prepared_on=today,
        reviewed_on=today,
        contact_name="Open Innovation City Bielefeld, Innovation Office",
        contact_email=OFFICE_EMAIL,
        contact_address="Alter Markt 13\n33602 Bielefeld",
        answer_weeks=2,
        to_address=OFFICE_EMAIL,
        subject="Barriere gemeldet über die Erklärung zur Barrierefreiheit",
        submit_label="Barriere melden",
        thank_you_text="<p>Danke für deine Rückmeldung! Wir melden uns innerhalb von zwei "
        "Wochen bei dir.</p>",
        form_fields=form_fields(StatementFeedbackField, FEEDBACK_FIELDS),
    )
    if statement is None:
        return
    site = home.get_site()
    if site is not None:
        FooterLink.objects.create(
            settings=SiteSettings.for_site(site), page=statement, sort_order=FOOTER_ORDER
        )


def load_contact_form(home, log):
    if is_recorded(page_key(FormPage, CONTACT_SLUG)):
        return
    demo_child_page(
        home,
        FormPage,
        CONTACT_SLUG,
        log,
        title="Kontakt",
        intro="Fragen, Ideen, Kritik? Schreib uns, wir antworten in der Regel innerhalb einer "
        "Woche.",
        to_address=OFFICE_EMAIL,
        form_fields=form_fields(FormPageField, CONTACT_FIELDS),
    )
