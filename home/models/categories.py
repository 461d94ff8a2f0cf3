from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel

from home.categories import category_slug, transliterate


class Category(models.Model):
    """A topic posts are filed under; its slug is the value of the listing filter."""

    name = models.CharField("Name", max_length=100, unique=True)
    slug = models.SlugField(
        "Kurzname für Links",
        max_length=100,
        unique=True,
        allow_unicode=True,
        blank=True,
        help_text="Wird aus dem Namen gebildet, wenn leer, z. B. „ki-und-zivilgesellschaft“; "
        "erscheint in Links wie /beitraege/?filter=ki-und-zivilgesellschaft.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = "Kategorie"
        verbose_name_plural = "Kategorien"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = category_slug(self.slug or self.name)
        super().save(*args, **kwargs)

    def clean(self):
        self.slug = category_slug(self.slug or self.name)
        if not self.slug:
            raise ValidationError({"name": "Der Name muss mindestens einen Buchstaben enthalten."})

    def matches_filter(self, value):
        return value in {self.slug, transliterate(self.slug)}
