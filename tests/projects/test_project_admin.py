"""Editors keep the projects under Projekte in the admin."""

import datetime
import json
import re

import pytest
from django.urls import reverse

from projects.models import Project
from projects.status import ProjectStatus
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def listed_titles(html):
    return re.findall(r'<span id="snippet_\d+_title">([^<]*)</span>', html)


def draftail(text):
    """A rich text value as the admin's editor sends it."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "text": text,
                    "type": "unstyled",
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [],
                }
            ],
            "entityMap": {},
        }
    )


def form_data(**fields):
    return {
        "title": "Reallabor Alter Markt",
        "tag": "Stadt",
        "description": draftail("Wir probieren Ideen für den Alter Markt aus."),
        "status": "gestartet",
        "start_date": "2026-03-01",
        "responsible_text": "",
        "link_url": "",
        "link_text": "",
        **fields,
    }


def test_projects_have_their_own_admin_menu_item(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Projekte" in html
    assert reverse("wagtailsnippets_projects_project:list") in html


def test_project_list_shows_status_and_start(admin_client, project_factory):
    project_factory(
        title="CoP", status=ProjectStatus.RUNNING, start_date=datetime.date(2025, 10, 1)
    )
    project_factory(title="Meetups", status=ProjectStatus.COMPLETED)

    response = admin_client.get(reverse("wagtailsnippets_projects_project:list"))

    assert response.status_code == 200
    html = response.content.decode()
    for heading in ("Titel", "Schlagwort", "Status", "Start"):
        assert heading in html, heading
    assert "Läuft" in html
    assert "Abgeschlossen" in html
    assert "1. Oktober 2025" in html
    assert listed_titles(html) == ["CoP", "Meetups"]


def test_project_list_filters_by_status_and_searches(admin_client, project_factory):
    project_factory(title="CoP", status=ProjectStatus.RUNNING)
    project_factory(title="Meetups", status=ProjectStatus.COMPLETED)
    url = reverse("wagtailsnippets_projects_project:list")

    filtered = admin_client.get(url, {"status": "abgeschlossen"}).content.decode()
    searched = admin_client.get(url, {"q": "Meetups"}).content.decode()

    assert listed_titles(filtered) == ["Meetups"]
    assert listed_titles(searched) == ["Meetups"]


def test_add_form_speaks_german(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_projects_project:add"))

    assert response.status_code == 200
    html = response.content.decode()
    for label in (
        "Titel",
        "Schlagwort",
        "Beschreibung",
        "Status",
        "Im Live-Betrieb",
        "Start",
        "Verantwortliche Person",
        "Verantwortlich (Freitext)",
        "Link auf eine Seite",
        "Link auf eine Adresse",
        "Linktext",
    ):
        assert label in html, label


def test_editor_adds_a_project_at_the_end_of_the_list(admin_client, project_factory):
    project_factory(title="Vorhanden")
    response = admin_client.post(reverse("wagtailsnippets_projects_project:add"), form_data())

    assert response.status_code == 302
    project = Project.objects.get(title="Reallabor Alter Markt")
    assert "Wir probieren Ideen für den Alter Markt aus.</p>" in project.description
    assert project.start_label == "seit März 2026"
    assert list(Project.objects.values_list("title", flat=True)) == [
        "Vorhanden",
        "Reallabor Alter Markt",
    ]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"responsible_text": "Die Community"}, "entweder eine Person wählen"),
        ({"link_url": "https://example.org/"}, "Bitte einen Linktext angeben."),
        ({"link_text": "Mehr erfahren"}, "Bitte eine Seite oder eine Adresse"),
        ({"link_url": "javascript:alert(1)", "link_text": "Los"}, "Bitte eine Adresse wie"),
    ],
)
def test_editor_is_told_what_is_missing_or_contradicts(admin_client, fields, message):
    if "responsible_text" in fields:
        fields["responsible_person"] = PersonFactory().pk
    response = admin_client.post(
        reverse("wagtailsnippets_projects_project:add"), form_data(**fields)
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Project.objects.exists()
