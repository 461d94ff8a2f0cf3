"""The German editors' guide: in the admin's help menu, readable by every editor, nobody else."""

import re

import pytest
from django.urls import reverse

from tests.editorial.accounts import make_user

pytestmark = pytest.mark.django_db

GUIDE_URL = reverse("editorial_guide")
SECTIONS = [
    "Rollen und Anmeldung",
    "Einen Beitrag schreiben",
    "Die Blöcke im Inhalt",
    "Bilder und Alternativtexte",
    "Vorschau",
    "Freigabe durch die Moderation",
    "Zeitgesteuert veröffentlichen",
    "Kategorien und Filterlinks",
    "Newsletter",
    "Die Suche auf der Website",
]


@pytest.fixture
def editor_client(client):
    client.force_login(make_user("redakteurin", "Redaktion"))
    return client


def test_help_menu_leads_to_the_german_guide_first(editor_client):
    """The sidebar is drawn from JSON in the page; Wagtail's guide stays, named as English."""
    html = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    german = html.index('"Redaktionshandbuch"')
    english = html.index('"Wagtail-Handbuch (englisch)"')
    assert german < english
    assert f'"{GUIDE_URL}"' in html


def test_guide_shows_its_sections_to_an_editor(editor_client):
    response = editor_client.get(GUIDE_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Redaktionshandbuch" in html
    contents, *sections = re.findall(r'<h2 id="([^"]+)">([^<]+)</h2>', html)
    assert contents[1] == "Inhalt"
    assert [text for _anchor, text in sections] == SECTIONS
    for anchor, heading in sections:
        assert f'<a href="#{anchor}">{heading}</a>' in html
    assert "<table>" in html
    assert "In Beitragsfreigabe einreichen" in html


def test_links_inside_the_guide_reach_its_sections(editor_client):
    html = editor_client.get(GUIDE_URL).content.decode()
    ids = set(re.findall(r' id="([^"]+)"', html))
    targets = set(re.findall(r'<a href="#([^"]+)"', html))
    assert targets and targets <= ids


def test_guide_asks_anonymous_visitors_to_sign_in(client):
    response = client.get(GUIDE_URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))
    assert "next=" in response.url
