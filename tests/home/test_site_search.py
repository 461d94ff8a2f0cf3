"""The site search forgives endings: singular and plural of loanwords, German inflections and
word beginnings find the same posts, on SQLite (development) and on PostgreSQL."""

import re

import pytest
from django.db import connection

from tests.factories import BlogPageFactory
from tests.services import service_missing

pytestmark = [pytest.mark.django_db, pytest.mark.search_index]


@pytest.fixture
def posts(site_tree):
    def post(title, teaser="Ein kurzer Teaser für den Beitrag."):
        return BlogPageFactory(parent=site_tree.blog_index, title=title, teaser=teaser)

    return {
        "plural_title": post("Drei Meetups zu KI im Ehrenamt"),
        "singular_teaser": post("Rückblick auf den Abend", "Beim Meetup ging es um offene Daten."),
        "long_word": post(
            "Erfolgreiche Fortbildungsveranstaltung", "Labore sozialer Innovation für Kommunen."
        ),
        "inflected": post("Veranstaltungen im Sommer"),
        "unrelated": post("Meeting der Arbeitsgruppe", "Protokoll der Sitzung in der Stadt."),
    }


def found_titles(client, query):
    response = client.get("/suche/", {"q": query})
    assert response.status_code == 200
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', response.content.decode())


@pytest.mark.parametrize("query", ["Meetup", "Meetups", "meetup", "MEETUPS"])
def test_singular_and_plural_of_a_loanword_find_the_same_posts(client, posts, query):
    assert sorted(found_titles(client, query)) == [
        "Drei Meetups zu KI im Ehrenamt",
        "Rückblick auf den Abend",
    ]


@pytest.mark.parametrize("query", ["Veranstaltung", "Veranstaltungen"])
def test_german_inflections_find_the_same_posts(client, posts, query):
    assert found_titles(client, query) == ["Veranstaltungen im Sommer"]


@pytest.mark.parametrize(
    "query", ["Kommune", "Kommunen", "Fortbild", "Fortbildungsveranstaltungen"]
)
def test_word_beginnings_find_longer_words(client, posts, query):
    assert found_titles(client, query) == ["Erfolgreiche Fortbildungsveranstaltung"]


def test_every_word_must_match(client, posts):
    assert found_titles(client, "Meetups Ehrenamt") == ["Drei Meetups zu KI im Ehrenamt"]
    assert found_titles(client, "Meetup Sommer") == []


def test_exact_matches_come_before_the_ones_only_the_stem_finds(client, posts):
    assert found_titles(client, "Meetups") == [
        "Drei Meetups zu KI im Ehrenamt",
        "Rückblick auf den Abend",
    ]


def test_unpublished_posts_stay_hidden(client, posts):
    posts["plural_title"].unpublish()
    assert found_titles(client, "Meetup") == ["Rückblick auf den Abend"]


def test_umlaut_plurals_find_their_singular_on_postgresql(client, posts):
    """German stemming ("Städte" → "stadt") is PostgreSQL's; SQLite finds by prefix only."""
    if connection.vendor != "postgresql":
        service_missing("German stemming needs PostgreSQL (DATABASE_URL=postgres://…)")
    assert found_titles(client, "Städte") == ["Meeting der Arbeitsgruppe"]


VISITORS_QUERY_SYNTAX = [
    "'\";--",
    '"Meetup',
    "Meetup*",
    "NEAR(Meetup)",
    "Meetup OR 1=1",
    "ä " * 150,
    "Meetup\x07",
]


@pytest.mark.parametrize("query", VISITORS_QUERY_SYNTAX)
def test_query_syntax_from_visitors_is_taken_as_words(client, posts, query):
    response = client.get("/suche/", {"q": query})
    assert response.status_code == 200


@pytest.mark.parametrize("page", ["x", "0", "2", "-1", "9" * 30])
def test_a_page_of_results_that_does_not_exist_is_404(client, posts, page):
    assert client.get("/suche/", {"q": "Meetup", "page": page}).status_code == 404
