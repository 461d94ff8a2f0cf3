from itertools import product

from django.db import models
from django.db.models import Prefetch
from wagtail.images.models import AbstractImage, AbstractRendition

PICTURE_FORMATS = ("avif", "webp", "jpeg")


def picture_specs(*sizes):
    """The filter specs ``{% picture img format-{avif,webp,jpeg} <sizes> %}`` asks for."""
    return [
        f"format-{image_format}|{size}" for image_format, size in product(PICTURE_FORMATS, sizes)
    ]


CARD_IMAGE_SPECS = picture_specs("fill-400x225", "fill-800x450")  # post, format, method cards
PERSON_CARD_SPECS = picture_specs("fill-96x96", "fill-192x192")
AUTHOR_PHOTO_SPECS = picture_specs("fill-160x160", "fill-320x320")  # an author's own page
TEAM_PORTRAIT_SPECS = picture_specs("fill-400x300", "fill-800x600")  # team cards, galleries
# The home hero and a page's tinted hero: the picture covers the band at any width.
HERO_SPECS = picture_specs("fill-800x600", "fill-1400x700", "fill-1920x900")
# Every size the templates show an image in; a test views every page type and fails when a
# view makes a rendition missing here.
TEMPLATE_RENDITION_SPECS = [
    *CARD_IMAGE_SPECS,
    *picture_specs("width-480", "width-800", "width-1200"),  # header and content images
    *TEAM_PORTRAIT_SPECS,
    *HERO_SPECS,
    *PERSON_CARD_SPECS,
    *AUTHOR_PHOTO_SPECS,
    "fill-1200x630|format-jpeg",  # social media preview and structured data
]


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

    @property
    def default_alt_text(self):
        """The alt text the admin suggests when an editor chooses the image: its description.
        Wagtail would fall back to the title, which is often a file name; an image without a
        description gets no suggestion, so the editor describes it or marks it decorative."""
        return self.description

    class Meta(AbstractImage.Meta):
        verbose_name = "Bild"
        verbose_name_plural = "Bilder"
        permissions = [("choose_image", "Can choose image")]


class CreditedImageRendition(AbstractRendition):
    image = models.ForeignKey(CreditedImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


def with_image_renditions(queryset, field_name, specs):
    """Each row with its image in ``field_name`` joined, and the image's renditions of
    ``specs`` (the sizes the template shows) in one more query. Wagtail's own
    ``prefetch_renditions`` would fetch the images separately. Every rendition of an image
    would be 34 (``TEMPLATE_RENDITION_SPECS``): 408 rows for a page of 12 cards that shows 72."""
    renditions = CreditedImageRendition.objects.filter(filter_spec__in=specs)
    return queryset.select_related(field_name).prefetch_related(
        Prefetch(f"{field_name}__renditions", queryset=renditions)
    )
