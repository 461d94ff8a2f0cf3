"""Editors manage people, their team flag and order under Personen."""

import re

import pytest
from django.urls import reverse

from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def listed_names(html):
    return re.findall(r'<span id="snippet_\d+_title">([^<]*)</span>', html)


@pytest.fixture
def people(db):
    PersonFactory(name="Zoe Zimmermann", show_in_team=True, sort_order=1)
    PersonFactory(name="Jonas Becker", show_in_team=True, sort_order=2)
    PersonFactory(name="Anna Albers", show_in_team=True, sort_order=2)
    PersonFactory(name="CitizenLab", role="Gastbeitrag")


def test_person_list_shows_team_order_and_flag(admin_client, people):
    response = admin_client.get(reverse("wagtailsnippets_home_person:list"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Reihenfolge im Team" in html
    assert "Im Team" in html
    assert listed_names(html) == ["CitizenLab", "Zoe Zimmermann", "Anna Albers", "Jonas Becker"]


def test_person_list_filters_the_team(admin_client, people):
    response = admin_client.get(
        reverse("wagtailsnippets_home_person:list"), {"show_in_team": "true"}
    )

    assert listed_names(response.content.decode()) == [
        "Zoe Zimmermann",
        "Anna Albers",
        "Jonas Becker",
    ]


def test_person_form_has_german_labels_for_team_and_slug(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_home_person:add"))

    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Im Team zeigen", "Reihenfolge im Team", "Kurzname für Links", "Fachgebiete"):
        assert label in html, label


def test_editor_puts_a_person_into_the_team(admin_client):
    person = PersonFactory(name="Leonie Schäfer")
    response = admin_client.post(
        reverse("wagtailsnippets_home_person:edit", args=[person.pk]),
        {
            "name": "Leonie Schäfer",
            "slug": person.slug,
            "role": "Kommunikation",
            "expertise": "",
            "email": "",
            "show_in_team": "on",
            "sort_order": "3",
            "action-publish": "action-publish",
        },
    )

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.show_in_team
    assert person.sort_order == 3
    assert person.slug == "leonie-schaefer"


def test_person_list_search_finds_people_by_name_and_role(admin_client, people):
    url = reverse("wagtailsnippets_home_person:list")

    by_name = admin_client.get(url, {"q": "Zoe"})
    by_role = admin_client.get(url, {"q": "Gastbeitrag"})

    assert by_name.status_code == 200
    assert listed_names(by_name.content.decode()) == ["Zoe Zimmermann"]
    assert listed_names(by_role.content.decode()) == ["CitizenLab"]
