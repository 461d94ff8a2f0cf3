from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

# Letters that Unicode does not decompose into an ASCII base letter, spelled as German readers
# expect: "Jürgen Weiß" → "juergen-weiss", "Emre Yılmaz" → "emre-yilmaz" (not "jurgen-wei").
TRANSLITERATIONS = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "Ä": "Ae",
        "Ö": "Oe",
        "Ü": "Ue",
        "ß": "ss",
        "ẞ": "SS",
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "đ": "d",
        "Đ": "D",
    }
)
SLUG_MAX_LENGTH = 100
FALLBACK_SLUG = "person"


def person_slug(name):
    """The ASCII slug of a name: "Maria Gonçalves" → "maria-goncalves"."""
    return slugify(name.translate(TRANSLITERATIONS))[:SLUG_MAX_LENGTH].strip("-") or FALLBACK_SLUG


class PersonQuerySet(models.QuerySet):
    def live(self):
        """The people visitors may see: published, not a draft awaiting approval."""
        return self.filter(live=True)


class Person(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model
):
    """Someone of the OIC team or a guest author: shown as author card and contact person.

    Changes go through drafts and "Eintragsfreigabe" like pages: a saved change is a revision
    until the Moderation publishes it, and the site shows only live people (``live``), with
    their published fields. Rows created in code (import, demo) are live at once.
    """

    name = models.CharField("Name", max_length=255)
    slug = models.SlugField(
        "Kurzname für Links",
        max_length=SLUG_MAX_LENGTH,
        unique=True,
        blank=True,
        help_text="Wird beim ersten Speichern aus dem Namen gebildet, wenn leer, z. B. "
        "„maria-goncalves“; erscheint in der Adresse der Autorenseite "
        "(/autoren/maria-goncalves/). Ändert sich nicht mit dem Namen, damit Links gültig "
        "bleiben.",
    )
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
    show_in_team = models.BooleanField(
        "Im Team zeigen",
        default=False,
        help_text="Zeigt die Person im Team-Block, z. B. auf der Startseite.",
    )
    sort_order = models.IntegerField(
        "Reihenfolge im Team",
        default=0,
        help_text="Kleinere Zahlen stehen im Team-Block weiter vorn; bei gleicher Zahl "
        "entscheidet der Name.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("expertise"),
        FieldPanel("email"),
        MultiFieldPanel(
            [FieldPanel("show_in_team"), FieldPanel("sort_order")],
            heading="Team",
        ),
        FieldPanel("slug"),
    ]
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="person")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="person",
        for_concrete_model=False,
    )

    objects = PersonQuerySet.as_manager()

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

    def save(self, *args, **kwargs):
        """Gives a new person a slug from the name; later renames keep it, so links stay valid.

        A save of some fields only (a draft revision noting itself on the live row) leaves the
        slug alone: a cleared slug of a draft gets its new value when the draft is published.
        """
        update_fields = kwargs.get("update_fields")
        if not self.slug and (update_fields is None or "slug" in update_fields):
            self.slug = self.unique_slug()
        super().save(*args, **kwargs)

    @property
    def revisions(self):
        return self._revisions

    def unique_slug(self):
        """The name's slug, with ``-2``, ``-3``, … when another person already has it."""
        base = person_slug(self.name)
        taken = set(
            Person.objects.filter(slug__startswith=base[: SLUG_MAX_LENGTH - 8])
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
        )
        slug, number = base, 1
        while slug in taken:
            number += 1
            suffix = f"-{number}"
            slug = base[: SLUG_MAX_LENGTH - len(suffix)].rstrip("-") + suffix
        return slug

    @property
    def expertise_areas(self):
        return [line.strip() for line in self.expertise.splitlines() if line.strip()]

    @property
    def initials(self):
        """What a team card shows where a person has no photo: "Maria Gonçalves" → "MG"."""
        words = self.name.split()
        return "".join(word[0] for word in words[:1] + words[1:][-1:]).upper()


class AuthorRow(Orderable):
    """One author of a page, in the order the editor sorted them; a feature's page model
    subclasses it with its own ``page = ParentalKey(…, related_name="authors")``."""

    person = models.ForeignKey(
        Person, verbose_name="Person", on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = "Autor*in"
        verbose_name_plural = "Autor*innen"
