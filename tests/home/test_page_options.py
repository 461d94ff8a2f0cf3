"""Per-page options editors have: search-engine visibility, credit links, confetti."""

from xml.etree import ElementTree

import pytest

from tests.factories import BlogPageFactory, ImageFactory

pytestmark = pytest.mark.django_db

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"


def sitemap_locations(client):
    tree = ElementTree.fromstring(client.get("/sitemap.xml").content)
    return [element.text for element in tree.iter(SITEMAP_NS)]


def test_page_hidden_from_search_engines_gets_noindex_and_leaves_the_sitemap(client, site_tree):
    hidden = BlogPageFactory(parent=site_tree.blog_index, hide_from_search_engines=True)
    visible = BlogPageFactory(parent=site_tree.blog_index)

    assert '<meta name="robots" content="noindex">' in client.get(hidden.url).content.decode()
    assert 'name="robots"' not in client.get(visible.url).content.decode()
    locations = sitemap_locations(client)
    assert visible.full_url in locations
    assert hidden.full_url not in locations
    assert client.get(hidden.url).status_code == 200


def test_image_credit_can_link_to_its_source(client, site_tree):
    image = ImageFactory(credit="© Jana Foto / Unsplash", credit_url="https://unsplash.com/@jana")
    post = BlogPageFactory(parent=site_tree.blog_index, header_image=image)
    link = '<a href="https://unsplash.com/@jana" rel="noopener">© Jana Foto / Unsplash</a>'
    assert link in client.get(post.url).content.decode()
    assert link in client.get("/beitraege/").content.decode()


def test_confetti_only_where_the_editor_asked_for_it(client, site_tree):
    festive = BlogPageFactory(parent=site_tree.blog_index, celebrate=True)
    plain = BlogPageFactory(parent=site_tree.blog_index)
    festive_html = client.get(festive.url).content.decode()
    assert "data-confetti" in festive_html
    assert "/static/js/confetti.js" in festive_html
    plain_html = client.get(plain.url).content.decode()
    assert "confetti" not in plain_html
