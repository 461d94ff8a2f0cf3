"""The demo team and projects: loaded from the seed documents, again without duplicates."""

import pytest

from home.models import Person
from projects.blocks import ProjectsBlock
from projects.models import Project
from projects.status import ProjectStatus
from website.authors import AuthorIndexPage
from website.demo_content.team_and_projects import load_demo_team_and_projects

pytestmark = pytest.mark.django_db


def counts():
    return {
        "people": Person.objects.count(),
        "team": Person.objects.filter(show_in_team=True).count(),
        "projects": Project.objects.count(),
        "author_indexes": AuthorIndexPage.objects.count(),
    }


def test_demo_team_and_projects_load_again_without_duplicates(site_tree):
    messages = []
    load_demo_team_and_projects(messages.append)
    first = counts()
    load_demo_team_and_projects(messages.append)

    assert counts() == first == {"people": 4, "team": 4, "projects": 4, "author_indexes": 1}
    assert any("Jonas Becker" in message for message in messages)
    team = list(Person.objects.filter(show_in_team=True).order_by("sort_order", "name"))
    assert [(person.name, person.sort_order) for person in team] == [
        ("Maria Gonçalves", 1),
        ("Jonas Becker", 2),
        ("Leonie Schäfer", 3),
        ("Emre Yılmaz", 4),
    ]
    assert all("(Demo)" in person.role for person in team[1:])
    assert [person.slug for person in team] == [
        "maria-goncalves",
        "jonas-becker",
        "leonie-schaefer",
        "emre-yilmaz",
    ]
    assert list(Project.objects.values_list("title", "status")) == [
        ("Meetup-Reihe „KI und Zivilgesellschaft“", ProjectStatus.COMPLETED),
        ("Community of Practice „KI und Zivilgesellschaft“", ProjectStatus.RUNNING),
        ("Innovation Office am Alter Markt", ProjectStatus.LIVE),
        ("CoP Starter Kit", ProjectStatus.IMPLEMENTED),
    ]


def test_demo_on_the_demo_site_links_authors_and_projects(client, shared_demo_site):
    load_demo_team_and_projects(lambda message: None)

    maria = Person.objects.get(name="Maria Gonçalves")
    assert maria.show_in_team and maria.sort_order == 1
    response = client.get("/autoren/maria-goncalves/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Das Community of Practice Starter Kit" in html
    assert "Ein Rückblick auf 10 inspirierende Meetups" in html
    assert client.get("/autoren/").status_code == 200
    post = client.get("/beitraege/community-of-practice-starter-kit/").content.decode()
    assert '<a href="/autoren/maria-goncalves/">Maria Gonçalves</a>' in post

    block = ProjectsBlock()
    cards = block.render(block.to_python({"heading": "Projekte", "statuses": [], "projects": []}))
    assert '<a href="/beitraege/ki-und-zivilgesellschaft-rueckblick/">' in cards
    assert '<a href="/formate/community-of-practice/">' in cards
    assert '<time datetime="2025-10">seit Oktober 2025</time>' in cards
    assert '<time datetime="2026-02">gestartet im Februar 2026</time>' in cards
