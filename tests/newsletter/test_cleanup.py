"""`manage.py newsletter_cleanup` keeps sign-ups only as long as they are needed."""

import datetime
import io

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import timezone

from newsletter.models import ConsentText, OptOutProof, Subscriber, opt_out_hash

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 23, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen_now():
    with time_machine.travel(NOW, tick=False):
        yield


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def pending(email, signed_up_days_ago):
    return Subscriber.objects.create(
        email=email,
        consent_text=ConsentText.version_for("<p>Ich möchte den Newsletter erhalten.</p>"),
        signed_up_at=days_ago(signed_up_days_ago),
        confirmation_sent_at=days_ago(signed_up_days_ago),
    )


def confirmed(email, signed_up_days_ago):
    subscriber = pending(email, signed_up_days_ago)
    subscriber.status = Subscriber.Status.CONFIRMED
    subscriber.confirmed_at = subscriber.signed_up_at + datetime.timedelta(hours=1)
    subscriber.save()
    return subscriber


def unsubscribed(email, unsubscribed_days_ago):
    subscriber = confirmed(email, unsubscribed_days_ago + 100)
    subscriber.status = Subscriber.Status.UNSUBSCRIBED
    subscriber.unsubscribed_at = days_ago(unsubscribed_days_ago)
    subscriber.save()
    return subscriber


def cleanup(*args):
    output = io.StringIO()
    call_command("newsletter_cleanup", *args, stdout=output)
    return output.getvalue()


def remaining_emails():
    return set(Subscriber.objects.values_list("email", flat=True))


@pytest.fixture
def mixed():
    return {
        "old_pending": pending("alt@example.org", 31),
        "recent_pending": pending("neu@example.org", 29),
        "old_confirmed": confirmed("treu@example.org", 1000),
        "old_unsubscribed": unsubscribed("weg@example.org", 366),
        "recent_unsubscribed": unsubscribed("kuerzlich@example.org", 364),
    }


def test_cleanup_deletes_old_pending_and_anonymises_old_unsubscribed(mixed):
    output = cleanup()

    assert remaining_emails() == {
        "neu@example.org",
        "treu@example.org",
        "kuerzlich@example.org",
    }
    proof = OptOutProof.objects.get()
    old = mixed["old_unsubscribed"]
    assert proof.email_hash == opt_out_hash("weg@example.org")
    assert proof.signed_up_at == old.signed_up_at
    assert proof.unsubscribed_at == old.unsubscribed_at
    assert proof.anonymised_at == timezone.now()
    assert "Deleted 1 pending sign-ups older than 30 days." in output
    assert "Anonymised 1 unsubscribed entries older than 365 days." in output


def test_cleanup_never_touches_confirmed_subscribers(mixed):
    before = Subscriber.objects.get(email="treu@example.org")
    cleanup("--pending-days", "0", "--unsubscribed-days", "0")
    after = Subscriber.objects.get(email="treu@example.org")
    assert (after.status, after.confirmed_at, after.signed_up_at) == (
        before.status,
        before.confirmed_at,
        before.signed_up_at,
    )


def test_dry_run_reports_but_changes_nothing(mixed):
    output = cleanup("--dry-run")

    assert len(remaining_emails()) == 5
    assert not OptOutProof.objects.exists()
    assert "Would delete 1 pending sign-ups older than 30 days." in output
    assert "Would anonymise 1 unsubscribed entries older than 365 days." in output
    assert "nothing changed" in output


def test_custom_pending_days(mixed):
    output = cleanup("--pending-days", "10")
    assert "neu@example.org" not in remaining_emails()
    assert "alt@example.org" not in remaining_emails()
    assert "Deleted 2 pending sign-ups older than 10 days." in output


def test_custom_unsubscribed_days(mixed):
    output = cleanup("--unsubscribed-days", "100")
    assert remaining_emails().isdisjoint({"weg@example.org", "kuerzlich@example.org"})
    assert set(OptOutProof.objects.values_list("email_hash", flat=True)) == {
        opt_out_hash("weg@example.org"),
        opt_out_hash("kuerzlich@example.org"),
    }
    assert "Anonymised 2 unsubscribed entries older than 100 days." in output


def test_defaults_come_from_settings(settings, mixed):
    settings.NEWSLETTER_PENDING_RETENTION_DAYS = 60
    settings.NEWSLETTER_UNSUBSCRIBED_RETENTION_DAYS = 400
    output = cleanup()
    assert len(remaining_emails()) == 5
    assert "Deleted 0 pending sign-ups older than 60 days." in output
    assert "Anonymised 0 unsubscribed entries older than 400 days." in output


def test_rows_just_inside_the_period_are_kept():
    pending("grenze@example.org", 30)
    unsubscribed("grenze-ab@example.org", 365)
    cleanup()
    assert remaining_emails() == {"grenze@example.org", "grenze-ab@example.org"}


def test_consent_texts_stay_as_proof_texts(mixed):
    cleanup("--pending-days", "0", "--unsubscribed-days", "0")
    assert ConsentText.objects.count() == 1


@pytest.mark.parametrize("option", ["--pending-days", "--unsubscribed-days"])
def test_negative_days_are_refused(mixed, option):
    with pytest.raises(CommandError, match="0 or more"):
        cleanup(option, "-1")
    assert len(remaining_emails()) == 5
