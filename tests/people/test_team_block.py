"""The team block as visitors see it and as editors find it in the block picker."""

import re

import pytest
from django.test import RequestFactory
from django.urls import reverse

from tests.factories import BlogPageFactory, ImageFactory, PersonFactory
from website.team_block import TeamBlock

pytestmark = pytest.mark.django_db

CARD_NAME = re.compile(r'class="person-card__name">(?:<a href="[^"]*">)?([^<]*)')


def names_in(html):
    return CARD_NAME.findall(html)


def render(value, request=None):
    block = TeamBlock()
    context = {"request": request} if request else {}
    return block.render(block.to_python(value), context)


@pytest.fixture
def team(db):
    return {
        "maria": PersonFactory(
            name="Maria Gonçalves",
            role="Open Innovation City Bielefeld",
            expertise="Communities of Practice\nKI und Zivilgesellschaft\n\nMeetups",
            email="maria.goncalves@bielefeld.de",
            show_in_team=True,
            sort_order=1,
            photo=ImageFactory(),
        ),
        "jonas": PersonFactory(name="Jonas Becker", show_in_team=True, sort_order=2),
        "anna": PersonFactory(name="Anna Albers", show_in_team=True, sort_order=2),
        "guest": PersonFactory(name="CitizenLab", role="Gastbeitrag", show_in_team=False),
    }


def test_team_shows_team_members_only_by_order_then_name(admin_client, team):
    # The block picker's preview renders the block with its preview value: the whole team.
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": TeamBlock().definition_prefix}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert names_in(html) == ["Maria Gonçalves", "Anna Albers", "Jonas Becker"]
    assert "<h2>Team</h2>" in html


def test_team_card_shows_photo_role_expertise_and_email(team):
    html = render({"heading": "Unser Team", "intro": "Wir sind für euch da.", "people": []})

    assert '<section class="section team" aria-label="Unser Team">' in html
    assert "<h2>Unser Team</h2>" in html
    assert '<p class="lead">Wir sind für euch da.</p>' in html
    maria = html.split('<div class="person-card">')[1]
    assert '<h3 class="person-card__name">Maria Gonçalves</h3>' in maria
    assert '<p class="person-card__role">Open Innovation City Bielefeld</p>' in maria
    assert (
        '<ul class="person-card__expertise" aria-label="Fachgebiete">'
        "<li>Communities of Practice</li><li>KI und Zivilgesellschaft</li><li>Meetups</li></ul>"
    ) in maria
    assert '<a href="mailto:maria.goncalves@bielefeld.de">maria.goncalves@bielefeld.de</a>' in maria
    picture = maria.split("<picture>")[1].split("</picture>")[0]
    assert 'type="image/avif"' in picture
    # The team card's large portrait: as wide as a card in the grid, not the 6 rem round photo.
    assert 'sizes="(min-width: 60rem) 22rem, (min-width: 40rem) 45vw, 100vw"' in picture
    assert "fill-800x600" in picture
    assert 'loading="lazy"' in picture


def test_chosen_people_appear_in_the_editors_order_even_outside_the_team(team):
    value = {
        "heading": "Ansprechpersonen",
        "people": [team["guest"].pk, team["jonas"].pk, team["guest"].pk],
    }
    assert names_in(render(value)) == ["CitizenLab", "Jonas Becker"]


def test_deleted_chosen_person_is_left_out(team):
    jonas_pk = team["jonas"].pk
    team["jonas"].delete()
    assert names_in(render({"heading": "Team", "people": [jonas_pk, team["maria"].pk]})) == [
        "Maria Gonçalves"
    ]


def test_no_team_members_render_nothing(db):
    PersonFactory(show_in_team=False)
    assert render({"heading": "Team", "people": []}).strip() == ""


def test_team_member_with_posts_links_to_the_author_page(site_tree, team):
    from website.authors import ensure_author_index

    ensure_author_index(site_tree.home)
    BlogPageFactory(parent=site_tree.blog_index, authors=[team["maria"]])
    request = RequestFactory().get("/", SERVER_NAME="localhost")

    html = render({"heading": "Team", "people": []}, request)

    assert '<a href="/autoren/maria-goncalves/">Maria Gonçalves</a>' in html
    assert '<h3 class="person-card__name">Jonas Becker</h3>' in html


def test_team_block_speaks_german_to_editors():
    block = TeamBlock()
    assert block.meta.label == "Team"
    assert block.meta.icon == "group"
    assert block.meta.help_text
    assert block.get_description()
    assert block.is_previewable
    assert block.child_blocks["heading"].meta.default == "Team"
    assert block.child_blocks["heading"].label == "Überschrift"
    assert block.child_blocks["intro"].label == "Einleitung"
    assert not block.child_blocks["intro"].required
    assert block.child_blocks["people"].label == "Bestimmte Personen (optional)"
