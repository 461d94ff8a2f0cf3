from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Project


class ProjectViewSet(SnippetViewSet):
    """Projekte in the admin menu; the list can be sorted by drag and drop (``sort_order``)."""

    model = Project
    icon = "clipboard-list"
    menu_label = "Projekte"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["title", "tag", "status", "start_date"]
    list_filter = ["status"]
    # A plain database search: it finds parts of words in every field named here, and the
    # search backend with named fields fails on SQLite (wagtail#10217).
    search_backend_name = None
    search_fields = ["title", "tag", "description"]


register_snippet(ProjectViewSet)
