from django.utils import timezone
from django_tasks import task

from .emails import confirmation_email
from .models import Subscriber
from .tokens import new_confirmation_token


@task()
def send_confirmation_email(subscriber_id):
    """Create a fresh single-use token and mail it; only its hash is kept."""
    subscriber = Subscriber.objects.filter(
        pk=subscriber_id, status=Subscriber.Status.PENDING
    ).first()
    if subscriber is None:
        return
    token, token_hash = new_confirmation_token()
    subscriber.confirmation_token_hash = token_hash
    subscriber.confirmation_sent_at = timezone.now()
    subscriber.save(update_fields=["confirmation_token_hash", "confirmation_sent_at"])
    confirmation_email(subscriber, token).send()
