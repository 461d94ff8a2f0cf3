from django.db.models.signals import post_save
from django.dispatch import receiver

from editorial.workflows import set_up_newsletter_index

from .models import NewsletterIndexPage


@receiver(post_save, sender=NewsletterIndexPage, dispatch_uid="editorial_newsletter_workflow")
def send_new_issues_through_approval(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        set_up_newsletter_index(instance)
