"""A person or project not yet approved (``live`` false, as the Redaktion's new entries are)
appears nowhere a visitor looks, while the live ones beside them do."""

import pytest

from projects.models import Project
from projects.status import ProjectStatus
from tests.factories import BlogPageFactory, FormatPageFactory, PersonFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

DRAFT_NAME = "Noch Nicht Freigegeben"


@pytest.fixture
def draft_person(db):
    return PersonFactory(name=DRAFT_NAME, email="entwurf@bielefeld.de", live=False)


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_post_byline_author_cards_and_feed_name_only_the_live_authors(
    client, site_tree, author_index, maria, draft_person
):
    post = BlogPageFactory(parent=site_tree.blog_index, authors=[maria, draft_person])

    post_html = page_text(client, post.url)
    feed = page_text(client, site_tree.blog_index.url + "feed/")
    authors = page_text(client, author_index.url)

    assert "Maria Gonçalves" in post_html and DRAFT_NAME not in post_html
    assert "Maria Gonçalves" in feed and DRAFT_NAME not in feed
    assert "Maria Gonçalves" in authors and DRAFT_NAME not in authors
    draft_page = author_index.url + author_index.author_path(draft_person.slug)
    assert client.get(draft_page).status_code == 404


def test_contact_persons_team_and_project_responsible_leave_out_a_draft_person(
    client, site_tree, draft_person
):
    format_page = FormatPageFactory(parent=site_tree.format_index, contact_person=draft_person)
    standard_page = StandardPageFactory(
        parent=site_tree.home,
        body=[
            (
                "contact_person",
                {"heading": "Fragen?", "intro": "Melde dich", "person": draft_person},
            )
        ],
    )
    project = Project.objects.create(
        title="Reallabor", description="<p>Ideen.</p>", responsible_person=draft_person
    )
    home = site_tree.home
    home.body = [
        ("team", {"heading": "Team", "intro": "", "people": [draft_person]}),
        ("projects", {"heading": "Projekte", "intro": "", "statuses": [], "projects": []}),
    ]
    home.save_revision().publish()

    for url in (format_page.url, standard_page.url, home.url):
        html = page_text(client, url)
        assert DRAFT_NAME not in html, url
        assert "entwurf@bielefeld.de" not in html, url
    assert project.title in page_text(client, home.url)


def test_projects_block_leaves_out_a_draft_project_chosen_or_not(client, site_tree):
    live = Project.objects.create(title="Innovation Office", description="<p>Ort.</p>")
    draft = Project.objects.create(
        title="Geheimes Vorhaben", description="<p>Später.</p>", live=False
    )
    home = site_tree.home
    home.body = [
        ("projects", {"heading": "Alle", "intro": "", "statuses": [], "projects": []}),
        (
            "projects",
            {"heading": "Gewählt", "intro": "", "statuses": [], "projects": [draft, live]},
        ),
        (
            "projects",
            {
                "heading": "Laufend",
                "intro": "",
                "statuses": [ProjectStatus.STARTED],
                "projects": [],
            },
        ),
    ]
    home.save_revision().publish()

    html = page_text(client, home.url)

    assert html.count("Innovation Office") == 3
    assert "Geheimes Vorhaben" not in html
