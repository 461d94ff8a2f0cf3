from django.db.models.signals import post_save
from django.dispatch import receiver

from editorial.workflows import assign_post_workflow

from .models import BlogIndexPage


@receiver(post_save, sender=BlogIndexPage, dispatch_uid="editorial_post_workflow")
def send_new_blog_index_posts_through_approval(sender, instance, created, raw=False, **kwargs):
    """Blog indexes made after the migration (demo loader, admin) get the post workflow too."""
    if created and not raw:
        assign_post_workflow(instance)
