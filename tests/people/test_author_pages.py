"""``/autoren/`` and ``/autoren/<slug>/``: who wrote what, as visitors see it."""

import datetime
import re
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from methods.models import MethodIndexPage, MethodPage
from tests.factories import BlogPageFactory, CategoryFactory, ImageFactory, PersonFactory
from website.authors import AuthorIndexPage, ensure_author_index

pytestmark = pytest.mark.django_db

CARD_TITLE = re.compile(r'class="card__title"><a href="[^"]*">([^<]*)</a>')


def card_titles(response):
    return CARD_TITLE.findall(response.content.decode())


def main_of(response):
    return response.content.decode().split("<main")[1].split("</main>")[0]


def test_author_page_shows_the_person_and_only_their_live_posts_newest_first(
    client, site_tree, author_index, maria
):
    other = PersonFactory(name="Jonas Becker")
    BlogPageFactory(
        parent=site_tree.blog_index, title="Älter", date=datetime.date(2025, 5, 1), authors=[maria]
    )
    BlogPageFactory(
        parent=site_tree.blog_index,
        title="Neuer",
        date=datetime.date(2026, 2, 1),
        authors=[maria, other],
    )
    BlogPageFactory(parent=site_tree.blog_index, title="Von Jonas", authors=[other])
    BlogPageFactory(parent=site_tree.blog_index, title="Entwurf", authors=[maria]).unpublish()
    private = BlogPageFactory(parent=site_tree.blog_index, title="Intern", authors=[maria])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    response = client.get("/autoren/maria-goncalves/")

    assert response.status_code == 200
    assert card_titles(response) == ["Neuer", "Älter"]
    main = main_of(response)
    assert "<h1>Maria Gonçalves</h1>" in main
    assert "Open Innovation City Bielefeld" in main
    assert "<li>Communities of Practice</li><li>KI und Zivilgesellschaft</li>" in main
    assert '<a href="mailto:maria.goncalves@bielefeld.de">' in main
    html = response.content.decode()
    assert '<link rel="canonical" href="http://localhost/autoren/maria-goncalves/">' in html
    assert "<title>Maria Gonçalves · Autor*innen · " in html


def test_author_page_shows_the_photo_as_responsive_picture(client, site_tree, author_index):
    person = PersonFactory(name="Leonie Schäfer", photo=ImageFactory())
    BlogPageFactory(parent=site_tree.blog_index, authors=[person])

    main = main_of(client.get("/autoren/leonie-schaefer/"))

    picture = main.split("<picture>")[1].split("</picture>")[0]
    assert 'type="image/avif"' in picture
    assert 'sizes="10rem"' in picture
    assert 'class="author__photo"' in picture


def test_author_pages_are_paginated_twelve_a_page(client, site_tree, author_index, maria):
    for day in range(1, 15):
        BlogPageFactory(
            parent=site_tree.blog_index,
            title=f"Beitrag vom {day}.",
            date=datetime.date(2026, 1, day),
            authors=[maria],
        )

    first = client.get("/autoren/maria-goncalves/")
    second = client.get("/autoren/maria-goncalves/?page=2")

    assert len(card_titles(first)) == 12
    assert 'href="?page=2" rel="next"' in first.content.decode()
    assert card_titles(second) == ["Beitrag vom 2.", "Beitrag vom 1."]
    assert 'href="http://localhost/autoren/maria-goncalves/?page=2"' in second.content.decode()


@pytest.mark.parametrize(
    "query", ["page=3", "page=0", "page=-1", "page=abc", "page=1.5", "page=99999999999999999999"]
)
def test_bad_page_numbers_give_404(client, site_tree, author_index, maria, query):
    BlogPageFactory(parent=site_tree.blog_index, authors=[maria])
    for _ in range(12):
        BlogPageFactory(parent=site_tree.blog_index, authors=[maria])
    assert client.get(f"/autoren/maria-goncalves/?{query}").status_code == 404


def test_people_without_live_posts_have_a_page_saying_so_unknown_people_none(
    client, site_tree, author_index, maria
):
    """Today's site has a page for every person, also before their first post."""
    draft = BlogPageFactory(parent=site_tree.blog_index, authors=[maria])
    draft.unpublish()
    PersonFactory(name="Jonas Becker")

    maria_page = client.get("/autoren/maria-goncalves/")
    assert maria_page.status_code == 200
    assert draft.title not in maria_page.content.decode()
    assert "Von Maria Gonçalves gibt es noch keine Beiträge." in maria_page.content.decode()
    assert client.get("/autoren/jonas-becker/").status_code == 200
    assert client.get("/autoren/gibt-es-nicht/").status_code == 404
    assert client.get("/autoren/M%C3%BCller/").status_code == 404


def test_author_index_lists_everyone_with_a_live_post_and_links_them(
    client, site_tree, author_index, maria
):
    jonas = PersonFactory(name="Jonas Becker")
    PersonFactory(name="Ohne Beiträge")
    BlogPageFactory(parent=site_tree.blog_index, authors=[maria])
    BlogPageFactory(parent=site_tree.blog_index, authors=[jonas])
    BlogPageFactory(
        parent=site_tree.blog_index, authors=[PersonFactory(name="Nur Entwurf")]
    ).unpublish()

    response = client.get("/autoren/")

    assert response.status_code == 200
    main = main_of(response)
    assert "<h1>Autor*innen</h1>" in main
    names = re.findall(r'class="person-card__name"><a href="([^"]*)">([^<]*)</a>', main)
    assert names == [
        ("/autoren/jonas-becker/", "Jonas Becker"),
        ("/autoren/maria-goncalves/", "Maria Gonçalves"),
    ]


def test_author_card_on_a_post_links_to_the_author_page(client, site_tree, author_index, maria):
    post = BlogPageFactory(parent=site_tree.blog_index, authors=[maria])

    html = client.get(post.url).content.decode()

    authors = html.split('<section class="authors"')[1].split("</section>")[0]
    assert '<a href="/autoren/maria-goncalves/">Maria Gonçalves</a>' in authors


def test_author_card_has_no_link_without_author_index(client, site_tree, maria):
    post = BlogPageFactory(parent=site_tree.blog_index, authors=[maria])

    html = client.get(post.url).content.decode()

    assert '<p class="person-card__name">Maria Gonçalves</p>' in html
    assert "/autoren/" not in html


def test_contact_person_without_posts_is_not_linked(client, site_tree, author_index, maria):
    from tests.factories import FormatPageFactory

    contact = PersonFactory(name="Jonas Becker")
    BlogPageFactory(parent=site_tree.blog_index, authors=[maria])
    format_page = FormatPageFactory(parent=site_tree.format_index, contact_person=contact)

    html = client.get(format_page.url).content.decode()

    assert '<p class="person-card__name">Jonas Becker</p>' in html


def page_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_author_page_queries_do_not_grow_with_the_number_of_posts(client, site_tree, author_index):
    image = ImageFactory()
    categories = [CategoryFactory(name="Formate"), CategoryFactory(name="Rückblick")]
    person = PersonFactory(name="Maria Gonçalves", photo=ImageFactory())
    co_author = PersonFactory(name="Jonas Becker")

    def add_posts(count):
        for _ in range(count):
            BlogPageFactory(
                parent=site_tree.blog_index,
                authors=[person, co_author],
                categories=categories,
                header_image=image,
            )

    add_posts(3)
    client.get("/autoren/maria-goncalves/")  # renditions are created on the first view
    few = page_queries(client, "/autoren/maria-goncalves/")
    add_posts(17)
    client.get("/autoren/maria-goncalves/?page=2")
    many = page_queries(client, "/autoren/maria-goncalves/")
    later_page = page_queries(client, "/autoren/maria-goncalves/?page=2")

    assert few == many
    assert later_page <= many


def test_post_queries_do_not_grow_with_the_number_of_author_cards(client, site_tree, author_index):
    one = BlogPageFactory(parent=site_tree.blog_index, authors=[PersonFactory()])
    three = BlogPageFactory(
        parent=site_tree.blog_index, authors=[PersonFactory(), PersonFactory(), PersonFactory()]
    )
    client.get(one.url)
    client.get(three.url)

    assert page_queries(client, one.url) == page_queries(client, three.url)


def test_sitemap_lists_the_author_pages(client, site_tree, author_index, maria):
    BlogPageFactory(parent=site_tree.blog_index, authors=[maria])
    PersonFactory(name="Ohne Beiträge")

    response = client.get("/sitemap.xml")

    locations = [
        element.text
        for element in ElementTree.fromstring(response.content).iter(
            "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
        )
    ]
    assert "http://localhost/autoren/" in locations
    assert "http://localhost/autoren/maria-goncalves/" in locations
    assert "http://localhost/autoren/ohne-beitraege/" not in locations


def test_hidden_author_index_keeps_author_pages_out_of_search_engines(
    client, site_tree, author_index, maria
):
    BlogPageFactory(parent=site_tree.blog_index, authors=[maria])
    author_index.hide_from_search_engines = True
    author_index.save_revision().publish()

    assert (
        '<meta name="robots" content="noindex">'
        in client.get("/autoren/maria-goncalves/").content.decode()
    )
    assert b"/autoren/" not in client.get("/sitemap.xml").content


def test_ensure_author_index_creates_one_live_page_once(site_tree):
    first = ensure_author_index(site_tree.home)
    second = ensure_author_index(site_tree.home)

    assert first.pk == second.pk
    assert AuthorIndexPage.objects.count() == 1
    assert first.live
    assert first.url == "/autoren/"
    assert first.title == "Autor*innen"


def test_author_index_page_type_rules():
    assert AuthorIndexPage.max_count == 1
    assert AuthorIndexPage.parent_page_types == ["website.HomePage"]
    assert AuthorIndexPage.subpage_types == []
    assert AuthorIndexPage._meta.verbose_name == "Autor*innen"


# Methods, from the methods app, when it exists.


def add_method(parent, title, authors, teaser="Eine Methode für Workshops."):
    author_model = MethodPage._meta.get_field("authors").related_model
    method = MethodPage(
        title=title,
        teaser=teaser,
        duration_minutes=45,
        min_participants=3,
        max_participants=20,
        authors=[author_model(person=person) for person in authors],
    )
    parent.add_child(instance=method)
    method.save_revision().publish()
    return method


@pytest.fixture
def method_index(site_tree):
    index = MethodIndexPage(title="Methoden", slug="methoden")
    site_tree.home.add_child(instance=index)
    index.save_revision().publish()
    return index


def test_author_page_lists_the_persons_live_methods(
    client, site_tree, author_index, maria, method_index
):
    BlogPageFactory(parent=site_tree.blog_index, authors=[maria])
    add_method(method_index, "Kopfstand", [maria], teaser="Das Problem auf den Kopf stellen.")
    add_method(method_index, "WOOP", [PersonFactory(name="Jonas Becker")])
    add_method(method_index, "Entwurf", [maria]).unpublish()

    main = main_of(client.get("/autoren/maria-goncalves/"))

    methods = main.split('<ul class="author__methods">')[1].split("</ul>")[0]
    assert '<a href="/methoden/kopfstand/">Kopfstand</a>' in methods
    assert "Das Problem auf den Kopf stellen." in methods
    assert "WOOP" not in methods
    assert "Entwurf" not in methods


def test_a_person_with_only_methods_has_an_author_page(
    client, site_tree, author_index, method_index
):
    jonas = PersonFactory(name="Jonas Becker")
    add_method(method_index, "Kopfstand", [jonas])

    response = client.get("/autoren/jonas-becker/")

    assert response.status_code == 200
    assert card_titles(response) == []
    assert "Kopfstand" in main_of(response)
    assert (
        '<a href="/autoren/jonas-becker/">Jonas Becker</a>'
        in client.get("/autoren/").content.decode()
    )


def test_author_page_queries_do_not_grow_with_the_number_of_methods(
    client, site_tree, author_index, method_index, maria
):
    BlogPageFactory(parent=site_tree.blog_index, authors=[maria])
    add_method(method_index, "Methode 1", [maria])
    client.get("/autoren/maria-goncalves/")
    few = page_queries(client, "/autoren/maria-goncalves/")
    for number in range(2, 8):
        add_method(method_index, f"Methode {number}", [maria])
    client.get("/autoren/maria-goncalves/")
    assert page_queries(client, "/autoren/maria-goncalves/") == few
