"""An existing database: people and projects stay on the site, the approval rules take over."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from home.models import Person
from projects.models import Project

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [
    ("editorial", "0002_newsletter_least_privilege"),
    ("home", "0003_rich_text_quotes_and_heading_links"),
    ("projects", "0001_initial"),
]


def test_existing_people_and_projects_stay_live_and_the_rights_follow_the_table():
    for app_label, migration in BEFORE:
        call_command("migrate", app_label, migration, verbosity=0)
    old = MigrationExecutor(connection).loader.project_state(BEFORE).apps
    old.get_model("home", "Person").objects.create(name="Maria Gonçalves", slug="maria")
    old.get_model("projects", "Project").objects.create(
        title="KoSI-Lab", description="<p>Ein Lab.</p>", status="laeuft"
    )
    # As editorial 0001 left the Redaktion: allowed to add and rename categories.
    Group.objects.get(name="Redaktion").permissions.add(
        *Permission.objects.filter(codename__in=["add_category", "change_category"])
    )

    call_command("migrate", verbosity=0)

    maria, project = Person.objects.get(), Project.objects.get()
    assert maria.live and not maria.has_unpublished_changes
    assert project.live
    assert maria.get_workflow().name == "Eintragsfreigabe"
    assert project.get_workflow().name == "Eintragsfreigabe"
    editors = Group.objects.get(name="Redaktion").permissions
    moderators = Group.objects.get(name="Moderation").permissions
    assert not editors.filter(codename__in=["add_category", "change_category"]).exists()
    assert set(
        moderators.filter(codename__regex=r"^(publish|lock|unlock)_").values_list(
            "codename", flat=True
        )
    ) == {
        "publish_person",
        "lock_person",
        "unlock_person",
        "publish_project",
        "lock_project",
        "unlock_project",
    }
