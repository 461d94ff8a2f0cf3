from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .content_checker import use_wcag_content_checker
from .models import Category, Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "Personen"
    menu_order = 200
    add_to_admin_menu = True
    list_display = [
        "name",
        "role",
        "email",
        BooleanColumn("show_in_team", label="Im Team", sort_key="show_in_team"),
        "sort_order",
    ]
    list_filter = ["show_in_team"]
    # A plain database search: it finds parts of words in every field named here, and the
    # search backend with named fields fails on SQLite (wagtail#10217).
    search_backend_name = None
    search_fields = ["name", "role", "email"]

    def get_queryset(self, request):
        """Team order first, so the list reads like the team block; people A–Z within it."""
        return Person.objects.order_by("sort_order", "name")


register_snippet(PersonViewSet)


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    menu_label = "Kategorien"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(CategoryViewSet)


@hooks.register("construct_wagtail_userbar")
def check_content_against_wcag_21_aa(request, items, page):
    use_wcag_content_checker(items)
