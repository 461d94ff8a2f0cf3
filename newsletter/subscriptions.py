"""What happens to a subscriber on sign-up, confirmation and unsubscription."""

import datetime
import enum

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import ConsentText, Subscriber, normalise_email
from .tokens import confirmation_token_hash, email_fingerprint, read_unsubscribe_token


class Outcome(enum.Enum):
    DONE = "done"
    EXPIRED = "expired"
    INVALID = "invalid"


def request_subscription(*, email, first_name, consent_text, page_url, ip_address=None):
    """Record a sign-up, unless nothing may change, and queue the confirmation task either way.

    A confirmed address is left alone; a pending one gets a new e-mail at most every few
    minutes. The request does the same work and queues one task in every case (the task sends
    only where a confirmation is due), so neither the answer nor its timing tells who is
    subscribed.
    """
    email = normalise_email(email)
    now = timezone.now()
    resend_after = datetime.timedelta(minutes=settings.NEWSLETTER_RESEND_MINUTES)
    consent = ConsentText.version_for(consent_text)
    stored_ip = ip_address if settings.NEWSLETTER_STORE_IP_ADDRESS else None
    try:
        with transaction.atomic():
            subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
            may_change = subscriber is None or not (
                subscriber.status == Subscriber.Status.CONFIRMED
                or (
                    subscriber.status == Subscriber.Status.PENDING
                    and subscriber.confirmation_sent_at
                    and now - subscriber.confirmation_sent_at < resend_after
                )
            )
            if may_change:
                subscriber = subscriber or Subscriber(email=email)
                subscriber.status = Subscriber.Status.PENDING
                subscriber.first_name = first_name
                subscriber.consent_text = consent
                subscriber.consent_page_url = page_url
                subscriber.signed_up_at = now
                subscriber.confirmation_sent_at = now
                # An empty hash tells the task that a confirmation is due; the old link dies.
                subscriber.confirmation_token_hash = ""
                subscriber.confirmed_at = None
                subscriber.unsubscribed_at = None
                subscriber.signup_ip_address = stored_ip
                subscriber.save()
            subscriber_id = subscriber.pk
            transaction.on_commit(lambda: enqueue_confirmation_email(subscriber_id))
    except IntegrityError:
        # The same address signed up in a parallel request; that request queues the task.
        return


def enqueue_confirmation_email(subscriber_id):
    from .tasks import send_confirmation_email

    send_confirmation_email.enqueue(subscriber_id)


def confirmation_is_open(token):
    """Whether a confirmation link still waits to be used (expired links included)."""
    return Subscriber.objects.filter(
        confirmation_token_hash=confirmation_token_hash(token),
        status=Subscriber.Status.PENDING,
    ).exists()


def confirm_subscription(token):
    valid_for = datetime.timedelta(hours=settings.NEWSLETTER_CONFIRMATION_VALID_HOURS)
    with transaction.atomic():
        subscriber = (
            Subscriber.objects.select_for_update()
            .filter(
                confirmation_token_hash=confirmation_token_hash(token),
                status=Subscriber.Status.PENDING,
            )
            .first()
        )
        if subscriber is None:
            return Outcome.INVALID
        if timezone.now() - subscriber.confirmation_sent_at > valid_for:
            return Outcome.EXPIRED
        subscriber.status = Subscriber.Status.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.confirmation_token_hash = ""
        subscriber.save()
    return Outcome.DONE


def subscriber_for_unsubscribe_token(token):
    """The subscriber a token belongs to; ``None`` if gone; ``Outcome.INVALID`` if forged."""
    identity = read_unsubscribe_token(token)
    if identity is None:
        return Outcome.INVALID
    subscriber_id, fingerprint = identity
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or email_fingerprint(subscriber.email) != fingerprint:
        return None
    return subscriber


def unsubscribe(token):
    """Unsubscribe the token's owner; repeating it, or an already erased entry, is fine."""
    subscriber = subscriber_for_unsubscribe_token(token)
    if subscriber is Outcome.INVALID:
        return Outcome.INVALID
    if subscriber is not None and subscriber.status != Subscriber.Status.UNSUBSCRIBED:
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.confirmation_token_hash = ""
        subscriber.save(update_fields=["status", "unsubscribed_at", "confirmation_token_hash"])
    return Outcome.DONE
