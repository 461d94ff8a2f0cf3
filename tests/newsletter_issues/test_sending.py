"""Sending an issue: the confirmed addresses of the moment, each exactly once, with headers."""

import datetime
import re
from unittest import mock

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from newsletter import mailings
from newsletter.models import Delivery, Mailing, Subscriber
from newsletter_issues.models import NewsletterIssuePage
from tests.newsletter.test_admin import subscriber
from tests.newsletter_issues.helpers import NewsletterIndexPageFactory, publish_issue, subscribers

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue(site_tree):
    index = NewsletterIndexPageFactory(parent=site_tree.home)
    return publish_issue(index)


def send(issue, **kwargs):
    with mock.patch("django.db.transaction.on_commit", lambda callback, **kw: callback()):
        return mailings.start_mailing(
            page=issue,
            rendered=issue.render_newsletter(),
            issue_url=issue.full_url,
            revision=issue.live_revision,
            **kwargs,
        )


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_only_addresses_confirmed_when_the_send_begins_get_the_issue(issue):
    subscribers(
        confirmed=2,
        pending="offen@example.org",
        unsubscribed="weg@example.org",
        bounced="kaputt@example.org",
    )

    mailing = send(issue)

    assert recipients() == ["leser0@example.org", "leser1@example.org"]
    mailing.refresh_from_db()
    assert mailing.state == Mailing.State.FINISHED
    assert mailings.progress(mailing)[Delivery.State.SENT] == 2
    assert Delivery.objects.count() == 2


def test_an_address_that_unsubscribes_during_the_send_gets_nothing(issue):
    first, second = subscribers(confirmed=2)
    real_claim = mailings.claim_next

    def unsubscribe_second_meanwhile(*args):
        Subscriber.objects.filter(pk=second.pk).update(status=Subscriber.Status.UNSUBSCRIBED)
        return real_claim(*args)

    with mock.patch.object(mailings, "claim_next", unsubscribe_second_meanwhile):
        mailing = send(issue)

    assert recipients() == [first.email]
    assert mailing.deliveries.get(subscriber=second).state == Delivery.State.SKIPPED


def test_every_message_is_personal_with_list_headers_and_a_link_to_the_archive(issue):
    (anna,) = subscribers(confirmed=1)

    send(issue)

    (message,) = mail.outbox
    headers = message.extra_headers
    one_click, mailto = re.fullmatch(r"<(.+)>, <(.+)>", headers["List-Unsubscribe"]).groups()
    assert one_click.startswith("http://testserver/newsletter/abmelden/")
    assert one_click.endswith("/sofort/")
    assert mailto.startswith("mailto:innovationen@bielefeld.de?subject=Abmelden%20")
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert headers["List-Id"] == (
        "Newsletter der Open Innovation City Bielefeld <oic-newsletter.bielefeld.de>"
    )
    assert re.fullmatch(r"<newsletter\.\d+\.\d+@bielefeld\.de>", headers["Message-ID"])
    html = message.alternatives[0].content
    personal_page = one_click.removesuffix("sofort/")
    assert f'href="{personal_page}"' in html
    assert personal_page in message.body
    assert issue.full_url in html and issue.full_url in message.body
    assert "unsubscribe.invalid" not in html + message.body
    assert 'src="http://testserver/static/images/logo-email.png"' in html
    assert "<script" not in html

    response = Client().post(one_click, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    anna.refresh_from_db()
    assert anna.status == Subscriber.Status.UNSUBSCRIBED


def test_two_recipients_get_two_different_unsubscribe_links(issue):
    subscribers(confirmed=2)

    send(issue)

    links = {message.extra_headers["List-Unsubscribe"] for message in mail.outbox}
    assert len(links) == 2


def test_a_crash_before_the_server_accepted_loses_nobody_and_doubles_nobody(issue, settings):
    subscribers(confirmed=4)
    settings.NEWSLETTER_STALE_CLAIM_SECONDS = 60
    real_message = mailings.issue_message
    calls = []

    def die_on_third(mailing, delivery):
        calls.append(delivery.pk)
        if len(calls) == 3:
            raise SystemExit("worker killed")
        return real_message(mailing, delivery)

    # The immediate task backend records the task as failed, as a worker's death leaves it.
    with mock.patch.object(mailings, "issue_message", die_on_third):
        send(issue)
    mailing = Mailing.objects.get()
    assert len(mail.outbox) == 2
    assert mailing.deliveries.filter(state=Delivery.State.SENDING).count() == 1

    later = timezone.now() + datetime.timedelta(seconds=61)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert mailings.resume_all() == 1

    assert recipients() == [f"leser{number}@example.org" for number in range(4)]
    mailing.refresh_from_db()
    assert mailing.state == Mailing.State.FINISHED
    assert mailings.progress(mailing)[Delivery.State.SENT] == 4


def test_a_claim_of_a_worker_process_that_is_gone_is_resent_at_once(issue):
    subscribers(confirmed=2)
    mailing = send(issue)
    delivery = mailing.deliveries.first()
    Delivery.objects.filter(pk=delivery.pk).update(
        state=Delivery.State.SENDING, claimed_by=f"{mailings.socket.gethostname()}:999999"
    )

    assert mailings.requeue_stale_claims() == 1
    assert Delivery.objects.get(pk=delivery.pk).state == Delivery.State.QUEUED


def test_a_claim_of_a_running_worker_is_left_alone(issue):
    subscribers(confirmed=1)
    mailing = send(issue)
    Delivery.objects.filter(mailing=mailing).update(
        state=Delivery.State.SENDING, claimed_by=mailings.worker_identity()
    )

    assert mailings.requeue_stale_claims() == 0


def test_two_chains_never_send_one_delivery_twice(issue):
    subscribers(confirmed=3)
    mailing = send(issue)
    Delivery.objects.update(state=Delivery.State.QUEUED)
    Mailing.objects.update(state=Mailing.State.SENDING)
    mail.outbox.clear()
    old_token = mailing.chain_token
    with mock.patch.object(mailings, "enqueue_batch"):
        mailings.resume(mailing)
    mailing.refresh_from_db()

    mailings.run_batch(mailing.pk, old_token)
    assert mail.outbox == []

    mailings.run_batch(mailing.pk, mailing.chain_token)
    assert len(mail.outbox) == 3


def test_a_stopped_send_sends_no_more_until_it_is_resumed(issue):
    subscribers(confirmed=3)
    real_claim = mailings.claim_next
    claimed = []

    def stop_after_first(mailing, *args):
        if claimed:
            mailings.stop(mailing)
        delivery = real_claim(mailing, *args)
        claimed.append(delivery)
        return delivery

    with mock.patch.object(mailings, "claim_next", stop_after_first):
        mailing = send(issue)
    mailing.refresh_from_db()
    assert mailing.state == Mailing.State.STOPPED
    assert len(mail.outbox) == 1

    with mock.patch("django.db.transaction.on_commit", lambda callback, **kw: callback()):
        mailings.resume(mailing)

    assert len(recipients()) == 3
    mailing.refresh_from_db()
    assert mailing.state == Mailing.State.FINISHED


def test_one_mailing_per_issue_and_one_delivery_per_subscriber(issue):
    (anna,) = subscribers(confirmed=1)
    mailing = send(issue)

    with pytest.raises(Exception):  # noqa: B017 - the database's unique constraint
        Delivery.objects.create(mailing=mailing, subscriber=anna)


def test_posts_since_the_last_issue_are_frozen_at_sending(issue, site_tree):
    from tests.factories import BlogPageFactory

    today = timezone.localdate()
    BlogPageFactory(parent=site_tree.blog_index, title="Frischer Beitrag", date=today)
    subscribers(confirmed=1)

    send(issue)

    (message,) = mail.outbox
    assert "Frischer Beitrag" in message.body
    assert "Frischer Beitrag" in message.alternatives[0].content
    assert NewsletterIssuePage.objects.get(pk=issue.pk).sent_mailing().state == "finished"


def test_a_subscriber_in_the_bounced_state_signs_up_again_as_anyone(issue):
    subscriber("kaputt@example.org", Subscriber.Status.BOUNCED)

    send(issue)

    assert mail.outbox == []
