"""Sending an issue to every confirmed subscriber: each exactly once, resumable, throttled.

Every recipient has a ``Delivery`` (unique per mailing and subscriber), made in one transaction
when the send begins, from the addresses confirmed at that moment. A worker *claims* one
delivery with a conditional update (``queued`` → ``sending``, only while the mailing is sending
and the worker's chain is the current one) before it hands the message to SMTP, and marks it
``sent`` right after the server accepted it. Two workers can never send the same delivery, and a
stopped worker leaves behind at most the one delivery it was handling.

That one delivery is the unavoidable gap of SMTP: the server may have accepted the message just
before the worker died, without the state being written. We send it again (``requeue_stale_claims``)
rather than risk that someone gets nothing: the window is the time between the server's "250"
and the next database write, well under a millisecond, while the time a claim spends before the
server accepts is the whole SMTP exchange. The second copy carries the same Message-ID, which
mail clients use to show it once.
"""

import dataclasses
import os
import smtplib
import socket
import time
import uuid

from django.conf import settings
from django.core import mail
from django.db import transaction
from django.db.models import Count, F
from django.utils import timezone

from pagecache.signals import page_urls, retire_on_commit

from .issue_emails import issue_message
from .models import Delivery, Mailing, Subscriber

PERMANENT_SMTP_FAILURE = 500
MAX_ATTEMPTS = 3


def worker_identity():
    return f"{socket.gethostname()}:{os.getpid()}"


def new_chain_token():
    return uuid.uuid4().hex


def start_mailing(*, page, rendered, issue_url, revision=None, user=None, send_after=None):
    """Create the mailing for ``page`` and queue its first batch; recipients are fixed when
    the send begins (at ``send_after``)."""
    with transaction.atomic():
        mailing = Mailing.objects.create(
            page=page,
            revision=revision,
            subject=rendered.subject,
            html_body=rendered.html,
            text_body=rendered.text,
            issue_url=issue_url,
            created_by=user,
            send_after=send_after or timezone.now(),
            chain_token=new_chain_token(),
        )
        transaction.on_commit(lambda: enqueue_batch(mailing))
    return mailing


def enqueue_batch(mailing, run_after=None):
    from .tasks import send_mailing_batch

    task = send_mailing_batch
    if run_after is not None and task.get_backend().supports_defer:
        task = task.using(run_after=run_after)
    task.enqueue(mailing.pk, mailing.chain_token)


def send_mailing_can_wait():
    """Whether the task backend can hold a task until a time (the database worker can)."""
    from .tasks import send_mailing_batch

    return send_mailing_batch.get_backend().supports_defer


def begin(mailing):
    """Scheduled → sending, with a delivery for every address confirmed now (once)."""
    with transaction.atomic():
        began = Mailing.objects.filter(pk=mailing.pk, state=Mailing.State.SCHEDULED).update(
            state=Mailing.State.SENDING, started_at=timezone.now()
        )
        if began:
            recipients = Subscriber.objects.confirmed().values_list("pk", flat=True)
            Delivery.objects.bulk_create(
                (Delivery(mailing=mailing, subscriber_id=pk) for pk in recipients.iterator()),
                batch_size=1000,
                ignore_conflicts=True,
            )
            # The archive lists an issue once its send began.
            if mailing.page is not None:
                retire_on_commit(page_urls(mailing.page.get_parent()))
    mailing.refresh_from_db()


def claim_next(mailing, chain_token, worker):
    """The next queued delivery, claimed for ``worker``; ``None`` when there is none or the
    mailing was stopped or taken over by another chain."""
    queued = Delivery.objects.filter(mailing=mailing, state=Delivery.State.QUEUED)
    while True:
        candidate = queued.order_by("attempts", "pk").values_list("pk", flat=True).first()
        if candidate is None:
            return None
        claimed = Delivery.objects.filter(
            pk=candidate,
            state=Delivery.State.QUEUED,
            mailing__state=Mailing.State.SENDING,
            mailing__chain_token=chain_token,
        ).update(
            state=Delivery.State.SENDING,
            claimed_by=worker,
            claimed_at=timezone.now(),
            attempts=F("attempts") + 1,
        )
        if claimed:
            return Delivery.objects.select_related("subscriber").get(pk=candidate)
        if not Mailing.objects.filter(
            pk=mailing.pk, state=Mailing.State.SENDING, chain_token=chain_token
        ).exists():
            return None


def settle(delivery, state, **fields):
    Delivery.objects.filter(pk=delivery.pk, state=Delivery.State.SENDING).update(
        state=state, claimed_by="", **fields
    )


def bounce(delivery, code, reason):
    reason = f"{code} {reason.decode(errors='replace') if isinstance(reason, bytes) else reason}"
    with transaction.atomic():
        settle(delivery, Delivery.State.BOUNCED, error=reason[:500])
        Subscriber.objects.filter(pk=delivery.subscriber_id).exclude(
            status=Subscriber.Status.UNSUBSCRIBED
        ).update(
            status=Subscriber.Status.BOUNCED, bounced_at=timezone.now(), bounce_reason=reason[:500]
        )


def retry_later(delivery, error):
    state = Delivery.State.FAILED if delivery.attempts >= MAX_ATTEMPTS else Delivery.State.QUEUED
    settle(delivery, state, error=str(error)[:500])


@dataclasses.dataclass
class BatchResult:
    sent: int = 0
    connection_failed: bool = False


def send_one(connection, mailing, delivery):
    """Hand one message to the mailer; ``False`` when the connection is unusable."""
    if delivery.subscriber.status != Subscriber.Status.CONFIRMED:
        # Unsubscribed or bounced since the send began.
        settle(delivery, Delivery.State.SKIPPED)
        return True
    try:
        connection.send_messages([issue_message(mailing, delivery)])
    except smtplib.SMTPRecipientsRefused as refusal:
        code, reason = next(iter(refusal.recipients.values()))
        if code >= PERMANENT_SMTP_FAILURE:
            bounce(delivery, code, reason)
        else:
            retry_later(delivery, f"{code} {reason!r}")
        return True
    except (smtplib.SMTPException, OSError) as error:
        retry_later(delivery, error)
        return False
    settle(delivery, Delivery.State.SENT, sent_at=timezone.now())
    return True


def send_batch(mailing, chain_token):
    """Send up to ``NEWSLETTER_BATCH_SIZE`` messages at ``NEWSLETTER_MESSAGES_PER_MINUTE``."""
    per_minute = settings.NEWSLETTER_MESSAGES_PER_MINUTE
    interval = 60 / per_minute if per_minute > 0 else 0
    worker = worker_identity()
    result = BatchResult()
    connection = mail.mailers[settings.NEWSLETTER_MAILER]
    try:
        connection.open()
    except (smtplib.SMTPException, OSError):
        result.connection_failed = True
        return result
    try:
        next_at = time.monotonic()
        while result.sent < settings.NEWSLETTER_BATCH_SIZE:
            delivery = claim_next(mailing, chain_token, worker)
            if delivery is None:
                break
            pause = next_at - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            next_at = max(next_at + interval, time.monotonic())
            if not send_one(connection, mailing, delivery):
                result.connection_failed = True
                break
            result.sent += 1
    finally:
        connection.close()
    return result


def pid_is_running(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def requeue_stale_claims(mailing=None):
    """Put back deliveries claimed by a worker that is gone: one of this machine whose process
    no longer runs, or any whose claim is older than ``NEWSLETTER_STALE_CLAIM_SECONDS``."""
    claims = Delivery.objects.filter(state=Delivery.State.SENDING)
    if mailing is not None:
        claims = claims.filter(mailing=mailing)
    host = socket.gethostname()
    stale_before = timezone.now() - timezone.timedelta(
        seconds=settings.NEWSLETTER_STALE_CLAIM_SECONDS
    )
    stale = []
    for pk, claimed_by, claimed_at in claims.values_list("pk", "claimed_by", "claimed_at"):
        claim_host, _, pid = claimed_by.rpartition(":")
        gone = claim_host == host and pid.isdigit() and not pid_is_running(int(pid))
        if gone or (claimed_at and claimed_at < stale_before):
            stale.append(pk)
    return Delivery.objects.filter(pk__in=stale, state=Delivery.State.SENDING).update(
        state=Delivery.State.QUEUED, claimed_by=""
    )


def run_batch(mailing_id, chain_token):
    """One batch task: begin if due, send a batch, queue the next or finish."""
    mailing = Mailing.objects.filter(pk=mailing_id, chain_token=chain_token).first()
    if mailing is None or mailing.state not in (Mailing.State.SCHEDULED, Mailing.State.SENDING):
        return
    if mailing.state == Mailing.State.SCHEDULED:
        if mailing.send_after > timezone.now():
            enqueue_batch(mailing, run_after=mailing.send_after)
            return
        begin(mailing)
    requeue_stale_claims(mailing)
    result = send_batch(mailing, chain_token)
    mailing.refresh_from_db()
    if mailing.state != Mailing.State.SENDING or mailing.chain_token != chain_token:
        return
    open_deliveries = mailing.deliveries.filter(
        state__in=[Delivery.State.QUEUED, Delivery.State.SENDING]
    )
    if result.connection_failed:
        # The mail server is unreachable: try again in a minute where tasks can wait; without a
        # worker (tasks run in the request) the send rests until an editor continues it.
        if send_mailing_can_wait():
            enqueue_batch(mailing, run_after=timezone.now() + timezone.timedelta(minutes=1))
    elif open_deliveries.filter(state=Delivery.State.QUEUED).exists():
        enqueue_batch(mailing)
    elif open_deliveries.exists():
        # Claimed by a worker that may still be at it; look again once such a claim is stale.
        enqueue_batch(
            mailing,
            run_after=timezone.now()
            + timezone.timedelta(seconds=settings.NEWSLETTER_STALE_CLAIM_SECONDS),
        )
    else:
        Mailing.objects.filter(pk=mailing.pk, state=Mailing.State.SENDING).update(
            state=Mailing.State.FINISHED, finished_at=timezone.now()
        )


def stop(mailing):
    """Stop a running or scheduled send; the message in hand still goes out."""
    return Mailing.objects.filter(
        pk=mailing.pk, state__in=[Mailing.State.SCHEDULED, Mailing.State.SENDING]
    ).update(state=Mailing.State.STOPPED)


def resume(mailing):
    """Continue a stopped or stalled send in a new chain of batches; the old chain, if any
    worker still runs it, ends at its next claim."""
    requeue_stale_claims(mailing)
    state = Mailing.State.SENDING if mailing.started_at else Mailing.State.SCHEDULED
    token = new_chain_token()
    resumed = Mailing.objects.filter(
        pk=mailing.pk,
        state__in=[Mailing.State.STOPPED, Mailing.State.SENDING, Mailing.State.SCHEDULED],
    ).update(state=state, chain_token=token)
    if resumed:
        mailing.refresh_from_db()
        enqueue_batch(mailing)
    return resumed


def resume_all():
    """For a worker's start: every send that was running goes on."""
    mailings = list(Mailing.objects.filter(state=Mailing.State.SENDING))
    for mailing in mailings:
        resume(mailing)
    return len(mailings)


def progress(mailing):
    counts = dict(
        mailing.deliveries.order_by()
        .values("state")
        .annotate(count=Count("pk"))
        .values_list("state", "count")
    )
    return {state: counts.get(state.value, 0) for state in Delivery.State}
