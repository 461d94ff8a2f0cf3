"""The projects block: cards with tag, title, status, start, description, responsible, link."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse

from projects.blocks import ProjectsBlock
from projects.status import ProjectStatus
from tests.factories import BlogPageFactory, PersonFactory
from website.authors import ensure_author_index

pytestmark = pytest.mark.django_db

CARD_TITLE = re.compile(r'<h3 class="card__title">([^<]*)</h3>')


def titles_in(html):
    return CARD_TITLE.findall(html)


def render(value, request=None):
    block = ProjectsBlock()
    value = {"heading": "Projekte", "statuses": [], "projects": [], **value}
    return block.render(block.to_python(value), {"request": request} if request else {})


def card_of(html, title):
    return html.split(f">{title}</h3>")[1].split("</article>")[0]


@pytest.fixture
def projects(project_factory):
    return {
        "meetups": project_factory(
            title="Meetup-Reihe „KI und Zivilgesellschaft“",
            status=ProjectStatus.COMPLETED,
            start_date=datetime.date(2025, 4, 1),
        ),
        "cop": project_factory(
            title="Community of Practice „KI und Zivilgesellschaft“",
            status=ProjectStatus.RUNNING,
            start_date=datetime.date(2025, 10, 1),
        ),
        "office": project_factory(
            title="Innovation Office am Alter Markt",
            tag="Ort",
            status=ProjectStatus.LIVE,
            start_date=None,
        ),
    }


def test_block_shows_every_project_in_list_order(projects):
    html = render({})

    assert '<section class="section projects" aria-label="Projekte">' in html
    assert "<h2>Projekte</h2>" in html
    assert titles_in(html) == [
        "Meetup-Reihe „KI und Zivilgesellschaft“",
        "Community of Practice „KI und Zivilgesellschaft“",
        "Innovation Office am Alter Markt",
    ]


def test_card_shows_tag_status_as_text_and_start_month(projects):
    html = render({})

    cop = html.split('<article class="card project-card">')[2]
    assert '<p class="project-card__tag">KI</p>' in cop
    assert ">Läuft</span>" in cop
    assert '<time datetime="2025-10">seit Oktober 2025</time>' in cop
    meetups = html.split('<article class="card project-card">')[1]
    assert ">Abgeschlossen</span>" in meetups
    assert '<time datetime="2025-04">gestartet im April 2025</time>' in meetups
    office = card_of(html, "Innovation Office am Alter Markt")
    assert ">Im Live-Betrieb</span>" in office
    assert "<time" not in office


def test_card_shows_rich_text_description(project_factory):
    project_factory(
        title="CoP Starter Kit",
        description="<p>Eine <b>Anleitung</b>:</p><ul><li>Struktur</li><li>Ablauf</li></ul>",
    )

    card = card_of(render({}), "CoP Starter Kit")

    assert "<p>Eine <b>Anleitung</b>:</p><ul><li>Struktur</li><li>Ablauf</li></ul>" in card


def test_responsible_person_links_to_their_author_page(site_tree, project_factory):
    ensure_author_index(site_tree.home)
    maria = PersonFactory(name="Maria Gonçalves")
    BlogPageFactory(parent=site_tree.blog_index, authors=[maria])
    project_factory(title="Mit Person", responsible_person=maria)
    project_factory(title="Mit Freitext", responsible_text="Die Community selbst")
    request = RequestFactory().get("/", SERVER_NAME="localhost")

    html = render({}, request)

    person_card = card_of(html, "Mit Person")
    assert "Verantwortlich:" in person_card
    assert '<a href="/autoren/maria-goncalves/">Maria Gonçalves</a>' in person_card
    text_card = card_of(html, "Mit Freitext")
    assert "Die Community selbst" in text_card
    assert "<a" not in text_card.split("Verantwortlich:")[1]


def test_link_to_a_page_or_an_address_with_its_text(site_tree, project_factory):
    post = BlogPageFactory(parent=site_tree.blog_index, title="Rückblick")
    project_factory(title="Mit Seite", link_page=post, link_text="Zum Rückblick")
    project_factory(
        title="Mit Adresse", link_url="mailto:innovationen@bielefeld.de", link_text="Schreib uns"
    )
    draft = BlogPageFactory(parent=site_tree.blog_index)
    draft.unpublish()
    project_factory(title="Mit Entwurf", link_page=draft, link_text="Zum Entwurf")
    request = RequestFactory().get("/", SERVER_NAME="localhost")

    html = render({}, request)

    assert f'<a href="{post.url}">Zum Rückblick</a>' in card_of(html, "Mit Seite")
    assert '<a href="mailto:innovationen@bielefeld.de">Schreib uns</a>' in card_of(
        html, "Mit Adresse"
    )
    assert "Zum Entwurf" not in card_of(html, "Mit Entwurf")


def test_status_filter_shows_only_those_projects(projects):
    html = render({"statuses": [ProjectStatus.RUNNING, ProjectStatus.LIVE]})

    assert titles_in(html) == [
        "Community of Practice „KI und Zivilgesellschaft“",
        "Innovation Office am Alter Markt",
    ]


def test_chosen_projects_in_the_editors_order(projects):
    chosen = [projects["office"].pk, projects["meetups"].pk, projects["office"].pk]

    assert titles_in(render({"projects": chosen})) == [
        "Innovation Office am Alter Markt",
        "Meetup-Reihe „KI und Zivilgesellschaft“",
    ]


def test_no_matching_projects_render_nothing(projects):
    assert render({"statuses": [ProjectStatus.STARTED]}).strip() == ""


def test_filter_and_chosen_projects_together_are_refused(projects):
    block = ProjectsBlock()
    value = block.to_python(
        {"heading": "Projekte", "statuses": ["laeuft"], "projects": [projects["cop"].pk]}
    )

    with pytest.raises(ValidationError) as error:
        block.clean(value)

    assert set(error.value.block_errors) == {"statuses", "projects"}


def test_projects_block_speaks_german_to_editors():
    block = ProjectsBlock()
    assert block.meta.label == "Projekte"
    assert block.meta.icon == "clipboard-list"
    assert block.meta.help_text
    assert block.get_description()
    assert block.is_previewable
    assert block.child_blocks["heading"].meta.default == "Projekte"
    statuses = dict(block.child_blocks["statuses"].field.choices)
    assert list(statuses.values()) == [
        "Gestartet",
        "Läuft",
        "Im Live-Betrieb",
        "Umgesetzt",
        "Abgeschlossen",
    ]


def test_admin_preview_renders_the_projects(admin_client, projects):
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": ProjectsBlock().definition_prefix}
    )

    assert response.status_code == 200
    assert "Innovation Office am Alter Markt" in response.content.decode()
