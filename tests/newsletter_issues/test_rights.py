"""Redaktion composes, tests and submits; the Newsletter group approves and sends; only it and
superusers see delivery records."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowPage
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from newsletter.models import Mailing
from newsletter_issues.models import NewsletterIssuePage
from tests.editorial.accounts import add_authenticator, make_user, sign_in_with_app
from tests.newsletter_issues.helpers import (
    INTRO,
    NewsletterIndexPageFactory,
    publish_issue,
    subscribers,
)

pytestmark = pytest.mark.django_db

SLUG = "ausgabe-maerz"


@pytest.fixture
def index(site_tree):
    return NewsletterIndexPageFactory(parent=site_tree.home)


def issue_form(action):
    return nested_form_data(
        {
            "title": "Ausgabe März",
            "slug": SLUG,
            "subject": "Neues aus der Open Innovation City",
            "preheader": "Werkstatt, Meetup und ein neues Kit",
            "body": streamfield(
                [
                    ("intro", rich_text(INTRO)),
                    (
                        "posts",
                        {
                            "heading": "Neu",
                            "selection": "since_last_issue",
                            "posts": {"count": 0},
                            "count": 5,
                        },
                    ),
                    ("events", {"heading": "Termine", "count": 4}),
                ]
            ),
            "comment_notifications": "",
            action: action,
        }
    )


def add_issue_url(index):
    return reverse(
        "wagtailadmin_pages:add", args=("newsletter_issues", "newsletterissuepage", index.pk)
    )


def view_url(name, page):
    return reverse(name, args=[page.pk])


def submit_issue(client, index):
    response = client.post(add_issue_url(index), issue_form("action-submit"))
    assert response.status_code == 302, response.content.decode()[:2000]
    return NewsletterIssuePage.objects.get(slug=SLUG)


def test_the_newsletter_index_sends_its_issues_through_newsletterfreigabe(index):
    assert WorkflowPage.objects.get(page=index).workflow.name == "Newsletterfreigabe"


def test_redaktion_composes_previews_tests_and_submits_but_cannot_send(client, index):
    client.force_login(make_user("redakteurin", "Redaktion"))
    issue = submit_issue(client, index)
    assert issue.current_workflow_state.workflow.name == "Newsletterfreigabe"
    assert not issue.live

    edit = client.get(view_url("wagtailadmin_pages:edit", issue)).content.decode()
    assert "Test-E-Mail senden" in edit
    assert "An Abonnent*innen versenden" not in edit
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[issue.pk])
    assert client.post(preview_url, issue_form("preview")).json()["is_valid"]
    preview = client.get(preview_url + "?mode=email")
    assert preview.status_code == 200
    assert "Neues aus der Open Innovation City" in preview.content.decode()

    mail.outbox.clear()
    response = client.post(view_url("newsletter_issue_test", issue), {"email": "test@example.org"})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.subject == "[Test] Neues aus der Open Innovation City"
    assert message.to == ["test@example.org"]

    assert client.get(view_url("newsletter_issue_send", issue)).status_code in (302, 403)
    assert client.post(view_url("newsletter_issue_send", issue)).status_code in (302, 403)
    assert client.get(view_url("newsletter_issue_progress", issue)).status_code in (302, 403)
    assert client.get(reverse("newsletter_issues")).status_code in (302, 403)
    assert not Mailing.objects.exists()


def test_a_bad_test_address_gets_a_german_message_next_to_the_field(client, index):
    client.force_login(make_user("redakteurin", "Redaktion"))
    issue = submit_issue(client, index)

    response = client.post(view_url("newsletter_issue_test", issue), {"email": "kein-at"})

    assert response.status_code == 400
    assert "Bitte eine gültige E-Mail-Adresse eingeben." in response.content.decode()


def test_newsletter_group_approves_sends_and_follows_the_progress(client, index):
    client.force_login(make_user("redakteurin", "Redaktion"))
    issue = submit_issue(client, index)
    subscribers(confirmed=2, pending="offen@example.org")
    client.force_login(make_user("versand", "Newsletter"))

    assert client.get(view_url("newsletter_issue_send", issue)).status_code == 200
    assert (
        "noch nicht freigegeben"
        in client.get(view_url("newsletter_issue_send", issue)).content.decode()
    )
    task_state = issue.current_workflow_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(issue.pk, "approve", task_state.pk))
    )
    assert response.status_code == 302
    issue.refresh_from_db()
    assert issue.live

    mail.outbox.clear()
    confirm = client.get(view_url("newsletter_issue_send", issue)).content.decode()
    assert "<strong data-recipient-count>2</strong>" in confirm
    with django_capture_on_commit():
        response = client.post(view_url("newsletter_issue_send", issue))
    assert response.status_code == 302
    assert sorted(message.to[0] for message in mail.outbox) == [
        "leser0@example.org",
        "leser1@example.org",
    ]

    progress = client.get(view_url("newsletter_issue_progress", issue)).content.decode()
    assert 'data-count="Gesendet">2<' in progress
    assert "Versendet" in progress
    listing = client.get(reverse("newsletter_issues")).content.decode()
    assert "Ausgabe März" in listing

    again = client.post(view_url("newsletter_issue_send", issue))
    assert again.status_code == 400
    assert len(mail.outbox) == 2


def test_a_scheduled_time_in_the_past_is_refused_in_german(client, index, worker_queue):
    issue = publish_issue(index)
    client.force_login(make_user("versand", "Newsletter"))

    response = client.post(
        view_url("newsletter_issue_send", issue),
        {"send_after_0": "2020-01-01", "send_after_1": "10:00", "send_after": "2020-01-01 10:00"},
    )

    assert response.status_code == 400
    assert "Der Zeitpunkt muss in der Zukunft liegen." in response.content.decode()
    assert not Mailing.objects.exists()


def test_the_stop_button_stops_a_running_send(client, index, worker_queue):
    issue = publish_issue(index)
    subscribers(confirmed=2)
    client.force_login(make_user("versand", "Newsletter"))
    with django_capture_on_commit():
        client.post(view_url("newsletter_issue_send", issue))
    mailing = Mailing.objects.get()
    assert mailing.state == Mailing.State.SCHEDULED

    client.post(view_url("newsletter_issue_progress", issue), {"stop": ""})

    mailing.refresh_from_db()
    assert mailing.state == Mailing.State.STOPPED
    assert mailing.send_after <= timezone.now()


def test_moderation_publishes_pages_but_neither_sends_nor_sees_deliveries(client, index):
    issue = publish_issue(index)
    moderator = make_user("moderatorin", "Moderation")
    sign_in_with_app(client, moderator, add_authenticator(moderator))

    assert client.get(view_url("newsletter_issue_send", issue)).status_code in (302, 403)
    assert client.get(view_url("newsletter_issue_progress", issue)).status_code in (302, 403)
    assert client.get(reverse("newsletter_issues")).status_code in (302, 403)


@pytest.fixture
def worker_queue():
    """As with the database worker: sends can be scheduled, and queued batches wait."""
    from unittest import mock

    from newsletter import mailings

    with (
        mock.patch.object(mailings, "send_mailing_can_wait", return_value=True),
        mock.patch.object(mailings, "enqueue_batch") as enqueued,
    ):
        yield enqueued


def django_capture_on_commit():
    from unittest import mock

    return mock.patch("django.db.transaction.on_commit", lambda callback, **kw: callback())
