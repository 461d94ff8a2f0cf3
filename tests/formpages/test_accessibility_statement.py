"""The accessibility statement: the EU model's parts, its feedback form, the yearly review."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from formpages.models import AccessibilityStatementPage, StatementFeedbackField, Submission
from tests.factories import PageFactory

from .factories import earlier_form_token

pytestmark = pytest.mark.django_db


class StatementFactory(PageFactory):
    class Meta:
        model = AccessibilityStatementPage

    title = "Erklärung zur Barrierefreiheit"
    slug = "barrierefreiheit"
    website_name = "die Website der Open Innovation City Bielefeld"
    conformance = AccessibilityStatementPage.Conformance.PARTIAL
    method = AccessibilityStatementPage.Method.SELF_ASSESSMENT
    prepared_on = datetime.date(2026, 3, 1)
    reviewed_on = datetime.date(2026, 3, 1)
    contact_name = "Innovation Office"
    contact_email = "innovationen@bielefeld.de"
    answer_weeks = 2
    to_address = "innovationen@bielefeld.de"
    non_accessible_parts = [
        (
            "part",
            {
                "part": "PDF-Dokumente",
                "reason": "non_compliance",
                "explanation": "Nicht auf PDF/UA geprüft.",
                "alternative": "Auf Anfrage als Text.",
            },
        )
    ]


@pytest.fixture
def statement(site_tree):
    page = StatementFactory(parent=site_tree.home)
    StatementFeedbackField.objects.create(
        page=page, label="E-Mail", field_type="email", required=True, sort_order=0
    )
    StatementFeedbackField.objects.create(
        page=page, label="Beschreibung der Barriere", field_type="multiline", sort_order=1
    )
    return AccessibilityStatementPage.objects.get(pk=page.pk)


def test_the_statement_reads_as_the_eu_model_in_german(client, statement):
    html = client.get(statement.url).content.decode()

    for heading in (
        "Stand der Vereinbarkeit mit den Anforderungen",
        "Nicht barrierefreie Inhalte",
        "Erstellung dieser Erklärung zur Barrierefreiheit",
        "Feedback und Kontaktangaben",
        "Durchsetzungsverfahren",
    ):
        assert f"<h2>{heading}</h2>" in html
    assert "<strong>teilweise vereinbar</strong>" in html
    assert "Unvereinbarkeit mit den Anforderungen" in html
    assert "Auf Anfrage als Text." in html
    assert "beruhen auf einer Selbstbewertung" in html
    assert 'zuletzt am <time datetime="2026-03-01">1. März 2026</time> überprüft' in html
    assert "spätestens nach 2 Wochen" in html
    assert "Zwischennachricht" in html
    assert "ombudsstelle-barrierefreie-it@mags.nrw.de" in html
    assert 'action="/formulare/' in html


def test_the_feedback_form_stores_and_mails_a_report(client, statement):
    response = client.post(
        f"/formulare/{statement.pk}/senden/",
        {
            "e_mail": "maria@example.org",
            "beschreibung_der_barriere": "Der Kalender ist nicht mit der Tastatur bedienbar.",
            "einwilligung": "on",
            "form_token": earlier_form_token(),
        },
    )

    assert response.status_code == 200
    assert Submission.objects.get().page_id == statement.pk
    assert "Der Kalender ist nicht" in mail.outbox[0].body


def test_answer_time_is_at_most_six_weeks(statement):
    statement.answer_weeks = 7
    with pytest.raises(ValidationError) as error:
        statement.full_clean()
    assert "answer_weeks" in error.value.message_dict


def test_there_is_only_one_statement(statement, site_tree):
    assert not AccessibilityStatementPage.can_create_at(site_tree.home)


def test_the_dashboard_warns_once_the_review_is_over_a_year_old(client, statement, admin_user):
    client.force_login(admin_user)
    statement.reviewed_on = timezone.localdate() - datetime.timedelta(days=200)
    statement.save_revision().publish()
    assert "Erklärung zur Barrierefreiheit überprüfen" not in client.get("/admin/").content.decode()

    statement.reviewed_on = timezone.localdate() - datetime.timedelta(days=400)
    statement.save_revision().publish()
    html = client.get("/admin/").content.decode()
    assert "Erklärung zur Barrierefreiheit überprüfen" in html
    assert f"/admin/pages/{statement.pk}/edit/" in html


def footer_of(client, path="/"):
    return client.get(path).text.split('<footer class="site-footer">', 1)[1]


def test_every_page_links_the_statement_in_its_footer_without_a_footer_link(client, statement):
    assert '<a href="/barrierefreiheit/">Erklärung zur Barrierefreiheit</a>' in footer_of(client)
    assert '<a href="/barrierefreiheit/">' in footer_of(client, "/beitraege/")


def test_a_footer_link_to_the_statement_is_not_shown_twice(client, statement, site_tree):
    from home.models import FooterLink, SiteSettings

    site_settings = SiteSettings.for_site(site_tree.site)
    FooterLink.objects.create(settings=site_settings, page=statement, label="Barrierefreiheit")
    footer = footer_of(client)
    assert footer.count('href="/barrierefreiheit/"') == 1
    assert '<a href="/barrierefreiheit/">Barrierefreiheit</a>' in footer


def test_an_unpublished_statement_is_not_linked(client, statement):
    statement.unpublish()
    assert "/barrierefreiheit/" not in footer_of(client)
