"""Renditions made ahead by the task worker when an image is saved, instead of by the web
worker that serves the first visitor to see them.

Encoding an image's sizes and formats takes the web worker 0.5 to 1 s and 35 to 65 MB of
memory (AVIF encoding of the larger sizes), memory a worker keeps after it; made ahead, web
workers only read renditions from the database. ``PREPARE_IMAGE_RENDITIONS`` turns this on
(production); without it, or for a size ``TEMPLATE_RENDITION_SPECS`` misses, Wagtail makes the
rendition on the first view as usual.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django_tasks import task
from wagtail.images import get_image_model

from home.models.images import TEMPLATE_RENDITION_SPECS


def prepare_renditions(image):
    """Makes the renditions of ``image`` that do not exist yet, reading the original once."""
    return image.get_renditions(*TEMPLATE_RENDITION_SPECS)


@task()
def prepare_image_renditions(image_id):
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is not None:
        prepare_renditions(image)


@receiver(post_save, sender=settings.WAGTAILIMAGES_IMAGE_MODEL)
def prepare_renditions_after_save(sender, instance, **kwargs):
    """Uploads and changed focal points (fill renditions depend on them) get their renditions
    once the change is committed."""
    if settings.PREPARE_IMAGE_RENDITIONS:
        image_id = instance.pk
        transaction.on_commit(lambda: prepare_image_renditions.enqueue(image_id), robust=True)
