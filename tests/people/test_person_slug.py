"""A person's slug names their author page: ASCII, unique, and stable when the name changes."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from home.models import Person
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Maria Gonçalves", "maria-goncalves"),
        ("Jürgen Weiß", "juergen-weiss"),
        ("Emre Yılmaz", "emre-yilmaz"),
        ("KoSI-Lab Projektteam", "kosi-lab-projektteam"),
        ("Dr. Anna-Lena Ötztürk", "dr-anna-lena-oetztuerk"),
        ("李", "person"),
    ],
)
def test_slug_is_the_name_in_ascii(name, slug):
    assert PersonFactory(name=name).slug == slug


def test_same_name_gets_numbered_slugs():
    slugs = [PersonFactory(name="Maria Gonçalves").slug for _ in range(3)]
    assert slugs == ["maria-goncalves", "maria-goncalves-2", "maria-goncalves-3"]


def test_a_name_that_spells_like_another_gets_a_free_slug():
    PersonFactory(name="Maria Goncalves")
    assert PersonFactory(name="Maria Gonçalves").slug == "maria-goncalves-2"


def test_slug_stays_when_the_name_changes():
    person = PersonFactory(name="Maria Gonçalves")
    person.name = "Maria Gonçalves-Schmidt"
    person.save()
    person.refresh_from_db()
    assert person.slug == "maria-goncalves"


def test_saving_with_update_fields_still_stores_a_new_slug():
    person = PersonFactory(name="Maria Gonçalves")
    Person.objects.filter(pk=person.pk).update(slug="")
    person.refresh_from_db()
    person.role = "Projektleitung"
    person.save(update_fields=["role"])
    person.refresh_from_db()
    assert person.slug == "maria-goncalves"


def test_editor_adds_a_person_without_slug_and_gets_one(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_home_person:add"),
        {"name": "Jürgen Weiß", "role": "", "expertise": "", "email": "", "sort_order": "0"},
    )
    assert response.status_code == 302
    assert Person.objects.get(name="Jürgen Weiß").slug == "juergen-weiss"


def test_editor_cannot_take_a_slug_someone_else_has(admin_client):
    PersonFactory(name="Maria Gonçalves")
    response = admin_client.post(
        reverse("wagtailsnippets_home_person:add"),
        {"name": "Maria G.", "slug": "maria-goncalves", "sort_order": "0"},
    )
    assert response.status_code == 200
    assert "Kurzname für Links existiert bereits" in response.content.decode()
    assert not Person.objects.filter(name="Maria G.").exists()


BEFORE_SLUGS = ("home", "0004_person_show_in_team_person_slug_person_sort_order")
WITH_SLUGS = ("home", "0006_person_slug_unique")


@pytest.mark.django_db(transaction=True)
def test_migration_gives_existing_people_unique_slugs():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    try:
        executor.migrate([BEFORE_SLUGS])
        old_apps = executor.loader.project_state([BEFORE_SLUGS]).apps
        OldPerson = old_apps.get_model("home", "Person")
        for name in ("Maria Gonçalves", "Maria Gonçalves", "Jürgen Weiß", "CitizenLab"):
            OldPerson.objects.create(name=name)

        executor = MigrationExecutor(connection)
        executor.migrate([WITH_SLUGS])
        new_apps = executor.loader.project_state([WITH_SLUGS]).apps
        slugs = list(
            new_apps.get_model("home", "Person")
            .objects.order_by("pk")
            .values_list("slug", flat=True)
        )
        assert slugs == ["maria-goncalves", "maria-goncalves-2", "juergen-weiss", "citizenlab"]
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(latest)
