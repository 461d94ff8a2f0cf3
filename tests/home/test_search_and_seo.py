from xml.etree import ElementTree

import pytest

from tests.factories import BlogPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.search_index
def test_search_finds_live_posts_only(client, site_tree):
    BlogPageFactory(parent=site_tree.blog_index, title="Communities of Practice gründen")
    hidden = BlogPageFactory(parent=site_tree.blog_index, title="Communities im Entwurf")
    hidden.unpublish()

    response = client.get("/suche/?q=Communities")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Communities of Practice gründen" in html
    assert "Communities im Entwurf" not in html
    assert "1 Ergebnis für „Communities“" in html


@pytest.mark.parametrize(
    "query",
    ["", "q=", "q=%3Cscript%3Ealert(1)%3C/script%3E", "q=' OR 1=1 --", "q=" + "a" * 3000],
)
def test_search_handles_odd_queries(client, site_tree, query):
    response = client.get(f"/suche/?{query}")
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.content.decode()


def test_search_bad_page_is_404(client, site_tree):
    BlogPageFactory(parent=site_tree.blog_index, title="Meetup")
    assert client.get("/suche/?q=Meetup&page=x").status_code == 404
    assert client.get("/suche/?q=Meetup&page=7").status_code == 404


def test_sitemap_lists_live_pages(client, site_tree):
    post = BlogPageFactory(parent=site_tree.blog_index, title="Im Sitemap")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = [
        element.text
        for element in ElementTree.fromstring(response.content).iter(
            "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
        )
    ]
    assert post.full_url in locations
    assert site_tree.blog_index.full_url in locations


def test_robots_txt_points_to_the_sitemap(client, site_tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_standard_page_meta_description_falls_back_to_intro(client, site_tree):
    page = StandardPageFactory(
        parent=site_tree.home,
        title="Datenschutz",
        slug="datenschutz",
        intro="So gehen wir mit Daten um.",
    )
    html = client.get(page.url).content.decode()
    assert '<meta name="description" content="So gehen wir mit Daten um.">' in html
    page.search_description = "Eigene Beschreibung"
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert '<meta name="description" content="Eigene Beschreibung">' in html


def test_favicon_ico_answers_with_the_icon(client, site_tree):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"
    assert client.post("/favicon.ico").status_code == 405
