"""A receiving server's permanent refusal marks the address bounced; later sends skip it."""

import pytest
from django.utils import timezone

from benchmarks.smtp_sink import SmtpSink
from newsletter.models import Delivery, Subscriber
from newsletter.retention import clean_up_subscribers
from tests.newsletter.test_admin import subscriber
from tests.newsletter_issues.helpers import NewsletterIndexPageFactory, publish_issue, subscribers
from tests.newsletter_issues.test_sending import send
from tests.services import free_port

pytestmark = pytest.mark.django_db

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


@pytest.fixture
def sink(settings):
    port = free_port()
    settings.MAILERS = {
        **settings.MAILERS,
        "bulk": {"BACKEND": SMTP_BACKEND, "OPTIONS": {"host": "127.0.0.1", "port": port}},
    }
    with SmtpSink(port, refuse=["kaputt@example.org"]) as running:
        yield running


@pytest.fixture
def index(site_tree):
    return NewsletterIndexPageFactory(parent=site_tree.home)


def test_a_refused_mailbox_is_marked_bounced_and_shown_in_the_subscriber_admin(
    index, sink, admin_client
):
    subscribers(confirmed=2)
    subscriber("kaputt@example.org")

    mailing = send(publish_issue(index))

    received = sorted(address for recipients, _ in sink.messages for address in recipients)
    assert received == ["leser0@example.org", "leser1@example.org"]
    refused = mailing.deliveries.get(subscriber__email="kaputt@example.org")
    assert refused.state == Delivery.State.BOUNCED
    assert refused.error.startswith("550")
    broken = Subscriber.objects.get(email="kaputt@example.org")
    assert broken.status == Subscriber.Status.BOUNCED
    assert broken.bounce_reason.startswith("550 5.1.1")

    listing = admin_client.get("/admin/newsletter/subscriber/?status__exact=bounced")
    assert "kaputt@example.org" in listing.content.decode()
    assert "Unzustellbar: <strong data-status-count>1</strong>" in listing.content.decode()
    proof = admin_client.get(f"/admin/newsletter/subscriber/inspect/{broken.pk}/")
    assert "550 5.1.1 Mailbox unavailable" in proof.content.decode()

    sink.messages.clear()
    send(publish_issue(index, title="Ausgabe Februar", slug="februar"))
    assert len(sink.messages) == 2


def test_bounced_addresses_are_anonymised_like_opt_outs(index):
    (broken,) = subscribers(confirmed=0, bounced="kaputt@example.org")
    Subscriber.objects.filter(pk=broken.pk).update(
        bounced_at=timezone.now() - timezone.timedelta(days=400)
    )

    result = clean_up_subscribers(pending_days=30, unsubscribed_days=365)

    assert result.unsubscribed_anonymised == 1
    assert not Subscriber.objects.exists()


def test_an_unreachable_mail_server_leaves_the_send_to_be_continued(index, settings):
    settings.MAILERS = {
        **settings.MAILERS,
        "bulk": {"BACKEND": SMTP_BACKEND, "OPTIONS": {"host": "127.0.0.1", "port": free_port()}},
    }
    subscribers(confirmed=2)

    mailing = send(publish_issue(index))

    mailing.refresh_from_db()
    assert mailing.state == "sending"
    assert sorted(mailing.deliveries.values_list("state", flat=True)) == ["queued", "queued"]
