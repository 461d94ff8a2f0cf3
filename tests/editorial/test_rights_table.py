"""The README's table of rights is what the migrations give the groups: every right, no more.

Each row names its permissions: ``app.codename`` on the model, ``pages:`` on the page tree's
root, ``collections:`` on the root collection, or a ``rule:`` module that decides (deletion).
A group marked "yes" has all the row's permissions, one marked "–" none of them, and the rows a
group is marked in add up to all of its permissions.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from tests.editorial.accounts import make_user
from tests.factories import StandardPageFactory, draft_page

pytestmark = pytest.mark.django_db

README = Path(settings.BASE_DIR) / "README.md"
GROUPS = ["Redaktion", "Moderation", "Newsletter"]
CODE = re.compile(r"`([^`]+)`")
SCOPED = re.compile(r"(\w+):\s*(.*)")
YES, NO = "yes", "–"


def rights_table():
    """The rows of the table under "Editors' accounts": (right, scope, codes, cells by group)."""
    section = README.read_text().split("## Editors' accounts", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    assert header == ["right", "permissions", *GROUPS]
    rows = []
    for line in lines[2:]:
        right, permissions, *cells = [cell.strip() for cell in line.strip("|").split("|")]
        scoped = SCOPED.match(permissions)
        scope, listed = scoped.groups() if scoped else ("", permissions)
        rows.append((right, scope, CODE.findall(listed), dict(zip(GROUPS, cells, strict=True))))
    return rows


def granted(group):
    """Everything the group holds, in the table's spelling: ``("", "app.codename")``,
    ``("pages", codename)`` or ``("collections", codename)``."""
    model = {
        ("", f"{app}.{codename}")
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }
    pages = GroupPagePermission.objects.filter(group=group)
    collections = GroupCollectionPermission.objects.filter(group=group)
    on_index = pages.filter(page__content_type__model="newsletterindexpage")
    pages = pages.exclude(pk__in=on_index)
    # Rights on some page or collection further down would be missed by "on the root".
    assert not pages.exclude(page__depth=1).exists()
    assert not collections.exclude(collection__depth=1).exists()
    return (
        model
        | {("pages", codename) for codename in pages.values_list("permission__codename", flat=True)}
        | {
            ("index", codename)
            for codename in on_index.values_list("permission__codename", flat=True)
        }
        | {
            ("collections", codename)
            for codename in collections.values_list("permission__codename", flat=True)
        }
    )


def test_the_groups_are_the_tables_columns():
    assert set(Group.objects.values_list("name", flat=True)) == set(GROUPS)


def test_every_row_names_its_permissions_and_marks_every_group():
    rows = rights_table()

    assert len(rows) >= 10
    for right, scope, codes, cells in rows:
        assert scope in {"", "pages", "collections", "index", "rule"}, right
        assert codes, right
        assert set(cells) == set(GROUPS), right
        if scope != "rule":
            assert set(cells.values()) <= {YES, NO}, right


@pytest.fixture(params=[False, True], ids=["without newsletter index", "with newsletter index"])
def newsletter_index(request, site_tree):
    if request.param:
        from tests.newsletter_issues.helpers import NewsletterIndexPageFactory

        NewsletterIndexPageFactory(parent=site_tree.home)
    return request.param


@pytest.mark.parametrize("group_name", GROUPS)
def test_each_group_holds_exactly_the_permissions_the_table_gives_it(group_name, newsletter_index):
    group = Group.objects.get(name=group_name)
    promised = set()
    for right, scope, codes, cells in rights_table():
        if scope == "rule" or (scope == "index" and not newsletter_index):
            continue
        rights = {(scope, code) for code in codes}
        if cells[group_name] == YES:
            promised |= rights
        else:
            assert not rights & granted(group), f"{group_name} must not: {right}"

    assert granted(group) == promised


def test_the_deletion_rule_row_is_the_rule_the_admin_applies(site_tree):
    """``rule:`` rows are checked by asking the rule as the admin does, for each group."""
    (row,) = [row for row in rights_table() if row[1] == "rule"]
    right, _, (module,), cells = row
    assert right == "delete pages"
    assert Path(settings.BASE_DIR, module).is_file()
    draft = draft_page(site_tree.home)
    live = StandardPageFactory(parent=site_tree.home)
    may_delete = {}
    for name in GROUPS:
        user = make_user(f"user-{name.lower()}", name)
        may_delete[name] = (
            draft.permissions_for_user(user).can_delete(),
            live.permissions_for_user(user).can_delete(),
        )

    meanings = {NO: (False, False), "only pages that are not live": (True, False)}
    assert may_delete == {name: meanings[cells[name]] for name in GROUPS}
