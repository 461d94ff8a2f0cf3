"""The team block: the people of the OIC as cards, in the order editors give them."""

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


def team_people(chosen=()):
    """The chosen people in the editor's order (each once), else everyone marked "Im Team
    zeigen"; live people only.

    One query for the people and one for their photos with renditions, however many there are.
    """
    from home.models import Person
    from home.models.images import TEAM_PORTRAIT_SPECS, with_image_renditions

    people = with_image_renditions(Person.objects.live(), "photo", TEAM_PORTRAIT_SPECS)
    chosen_ids = [person.pk for person in chosen if person]
    if not chosen_ids:
        return list(people.filter(show_in_team=True).order_by("sort_order", "name"))
    by_id = {person.pk: person for person in people.filter(pk__in=chosen_ids)}
    return [by_id[pk] for pk in dict.fromkeys(chosen_ids) if pk in by_id]


class TeamBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Überschrift", default="Team", max_length=120)
    intro = blocks.TextBlock(label="Einleitung", required=False, max_length=600)
    people = blocks.ListBlock(
        SnippetChooserBlock("home.Person", label="Person"),
        label="Bestimmte Personen (optional)",
        min_num=0,
        default=[],
        help_text="Leer lassen, um alle Personen mit „Im Team zeigen“ in ihrer Reihenfolge zu "
        "zeigen. Oder hier Personen wählen: Dann erscheinen nur sie, in dieser Reihenfolge.",
    )

    class Meta:
        icon = "group"
        label = "Team"
        template = "blocks/team_block.html"
        help_text = (
            "Zeigt Foto, Name, Rolle, Fachgebiete und E-Mail der Personen; wer im Team "
            "erscheint und in welcher Reihenfolge, steht bei der Person unter „Personen“."
        )
        description = "Das Team der Open Innovation City als Karten mit Kontakt."
        preview_value = {
            "heading": "Team",
            "intro": "Wir bringen Stadtgesellschaft, Verwaltung, Wissenschaft und Wirtschaft "
            "zusammen.",
            "people": [],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["people"] = team_people(value["people"])
        return context
