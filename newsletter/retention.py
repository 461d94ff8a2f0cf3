"""How long sign-ups are kept: unconfirmed ones briefly, opt-outs only as a keyed hash."""

import dataclasses
import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import OptOutProof, Subscriber, opt_out_hash


@dataclasses.dataclass(frozen=True)
class CleanupResult:
    pending_deleted: int
    unsubscribed_anonymised: int


def expired_pending(days, now):
    """Sign-ups never confirmed within ``days``: no consent, so no reason to keep them."""
    return Subscriber.objects.filter(
        status=Subscriber.Status.PENDING,
        signed_up_at__lt=now - datetime.timedelta(days=days),
    )


def expired_unsubscribed(days, now):
    """Opt-outs, and addresses that bounced (no mailbox to send to), after ``days``."""
    cutoff = now - datetime.timedelta(days=days)
    return Subscriber.objects.filter(
        Q(status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at__lt=cutoff)
        | Q(status=Subscriber.Status.BOUNCED, bounced_at__lt=cutoff)
    )


def clean_up_subscribers(*, pending_days, unsubscribed_days, dry_run=False):
    """Delete old unconfirmed sign-ups; replace old opt-outs by an ``OptOutProof``.

    Confirmed subscribers are never touched. Everything happens in one transaction, with the
    rows locked, so a confirmation arriving meanwhile is not lost.
    """
    if pending_days < 0 or unsubscribed_days < 0:
        raise ValueError("Retention periods cannot be negative.")
    now = timezone.now()
    if dry_run:
        return CleanupResult(
            pending_deleted=expired_pending(pending_days, now).count(),
            unsubscribed_anonymised=expired_unsubscribed(unsubscribed_days, now).count(),
        )
    with transaction.atomic():
        pending_ids = list(
            expired_pending(pending_days, now).select_for_update().values_list("pk", flat=True)
        )
        Subscriber.objects.filter(pk__in=pending_ids).delete()

        unsubscribed = list(
            expired_unsubscribed(unsubscribed_days, now)
            .select_for_update()
            .only("email", "signed_up_at", "unsubscribed_at", "bounced_at")
        )
        OptOutProof.objects.bulk_create(
            OptOutProof(
                email_hash=opt_out_hash(subscriber.email),
                signed_up_at=subscriber.signed_up_at,
                unsubscribed_at=subscriber.unsubscribed_at or subscriber.bounced_at,
                anonymised_at=now,
            )
            for subscriber in unsubscribed
        )
        Subscriber.objects.filter(pk__in=[subscriber.pk for subscriber in unsubscribed]).delete()
    return CleanupResult(
        pending_deleted=len(pending_ids), unsubscribed_anonymised=len(unsubscribed)
    )
