from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Person(index.Indexed, models.Model):
    """Someone of the OIC team or a guest author: shown as author card and contact person."""

    name = models.CharField("Name", max_length=255)
    role = models.CharField("Rolle", max_length=255, blank=True, help_text="z. B. „Projektleitung“")
    photo = models.ForeignKey(
        "home.CreditedImage",
        verbose_name="Foto",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    expertise = models.TextField(
        "Fachgebiete",
        blank=True,
        help_text="Ein Fachgebiet pro Zeile.",
    )
    email = models.EmailField("E-Mail", blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("expertise"),
        FieldPanel("email"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "Person"
        verbose_name_plural = "Personen"

    def __str__(self):
        return self.name

    @property
    def expertise_areas(self):
        return [line.strip() for line in self.expertise.splitlines() if line.strip()]
