from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .emails import confirmation_email
from .models import Subscriber
from .tokens import new_confirmation_token


@task()
def send_confirmation_email(subscriber_id):
    """Mail a fresh single-use token where a confirmation is due; only its hash is kept.

    Every sign-up queues this task. It sends only to a pending subscriber whose sign-up left
    the token hash empty, so a confirmed address, or one mailed a moment ago, gets nothing, and
    two tasks for one sign-up send one e-mail.
    """
    with transaction.atomic():
        subscriber = (
            Subscriber.objects.select_for_update()
            .filter(pk=subscriber_id, status=Subscriber.Status.PENDING, confirmation_token_hash="")
            .first()
        )
        if subscriber is None:
            return
        token, token_hash = new_confirmation_token()
        subscriber.confirmation_token_hash = token_hash
        subscriber.confirmation_sent_at = timezone.now()
        subscriber.save(update_fields=["confirmation_token_hash", "confirmation_sent_at"])
    confirmation_email(subscriber, token).send()


@task()
def send_mailing_batch(mailing_id, chain_token):
    """One batch of a newsletter issue's messages (newsletter/mailings.py)."""
    from .mailings import run_batch

    run_batch(mailing_id, chain_token)
