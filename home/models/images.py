from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition


class CreditedImage(AbstractImage):
    """The site's image model: every image carries the credit that must be shown with it."""

    credit = models.CharField(
        "Bildnachweis",
        max_length=255,
        blank=True,
        help_text="Wird überall angezeigt, wo das Bild erscheint, "
        "z. B. „© Maria Muster / Unsplash“.",
    )

    credit_url = models.URLField(
        "Link zum Bildnachweis",
        blank=True,
        help_text="Optional, z. B. das Profil der Fotografin oder die Bildquelle.",
    )

    admin_form_fields = (
        "title",
        "file",
        "description",
        "credit",
        "credit_url",
        "collection",
        "tags",
        "focal_point_x",
        "focal_point_y",
        "focal_point_width",
        "focal_point_height",
    )

    class Meta(AbstractImage.Meta):
        verbose_name = "Bild"
        verbose_name_plural = "Bilder"
        permissions = [("choose_image", "Can choose image")]


class CreditedImageRendition(AbstractRendition):
    image = models.ForeignKey(CreditedImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


def with_image_renditions(queryset, field_name):
    """Each row with its image in ``field_name`` joined, and all their renditions in one more
    query (Wagtail's own ``prefetch_renditions`` would fetch the images separately)."""
    return queryset.select_related(field_name).prefetch_related(f"{field_name}__renditions")
