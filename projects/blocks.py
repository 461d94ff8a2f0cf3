"""The projects block: project cards, all of them, those with chosen statuses, or hand-picked."""

from django import forms
from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from .status import ProjectStatus


def block_projects(chosen=(), statuses=()):
    """The chosen projects in the editor's order (each once), else every project whose status
    is among ``statuses`` (all when empty) in the order of the project list; live projects
    only; one query."""
    from .models import Project

    projects = Project.objects.live().select_related("responsible_person", "link_page")
    chosen_ids = [project.pk for project in chosen if project]
    if not chosen_ids:
        return list(projects.filter(status__in=statuses) if statuses else projects)
    by_id = {project.pk: project for project in projects.filter(pk__in=chosen_ids)}
    return [by_id[pk] for pk in dict.fromkeys(chosen_ids) if pk in by_id]


class ProjectsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Überschrift", default="Projekte", max_length=120)
    intro = blocks.TextBlock(label="Einleitung", required=False, max_length=600)
    statuses = blocks.MultipleChoiceBlock(
        label="Nur Projekte mit diesem Status",
        choices=ProjectStatus.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Nichts ankreuzen, um alle Projekte zu zeigen.",
    )
    projects = blocks.ListBlock(
        SnippetChooserBlock("projects.Project", label="Projekt"),
        label="Bestimmte Projekte (optional)",
        min_num=0,
        default=[],
        help_text="Statt eines Status-Filters: nur diese Projekte, in dieser Reihenfolge.",
    )

    class Meta:
        icon = "clipboard-list"
        label = "Projekte"
        template = "blocks/projects_block.html"
        help_text = (
            "Zeigt Projekte als Karten mit Schlagwort, Status, Start, Beschreibung, "
            "Verantwortlichen und Link; die Projekte selbst stehen unter „Projekte“."
        )
        description = "Projekte der Open Innovation City, z. B. nur die laufenden."
        preview_value = {"heading": "Projekte", "statuses": [], "projects": []}

    def clean(self, value):
        value = super().clean(value)
        if value["statuses"] and any(value["projects"]):
            message = "Bitte entweder nach Status filtern oder Projekte auswählen, nicht beides."
            raise StructBlockValidationError(
                block_errors={
                    "statuses": ValidationError(message),
                    "projects": ListBlockValidationError(non_block_errors=[message]),
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["projects"] = block_projects(value["projects"], value["statuses"])
        return context
