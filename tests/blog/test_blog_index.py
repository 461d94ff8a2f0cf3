import datetime
import re
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import BlogPageFactory, CategoryFactory, ImageFactory

pytestmark = pytest.mark.django_db


def titles_in(response):
    html = response.content.decode()
    return [
        line.split(">", 2)[2].split("<")[0]
        for line in html.splitlines()
        if 'class="card__title"' in line
    ]


@pytest.fixture
def categorised_posts(site_tree):
    hour = CategoryFactory(name="Open Innovation Hour")
    review = CategoryFactory(name="Rückblick")
    ki = CategoryFactory(name="KI und Zivilgesellschaft")
    posts = {
        "hour": BlogPageFactory(
            parent=site_tree.blog_index,
            title="Hour im März",
            date=datetime.date(2026, 3, 1),
            categories=[hour],
        ),
        "review": BlogPageFactory(
            parent=site_tree.blog_index,
            title="Rückblick 2025",
            date=datetime.date(2026, 1, 2),
            categories=[review, ki],
        ),
        "ki": BlogPageFactory(
            parent=site_tree.blog_index,
            title="KI Meetup",
            date=datetime.date(2026, 2, 1),
            categories=[ki],
        ),
    }
    return {"hour": hour, "review": review, "ki": ki, "posts": posts}


def test_listing_shows_posts_newest_first(client, categorised_posts):
    response = client.get("/beitraege/")
    assert response.status_code == 200
    assert titles_in(response) == ["Hour im März", "KI Meetup", "Rückblick 2025"]


def test_todays_filter_links_keep_working(client, categorised_posts):
    response = client.get("/beitraege/?filter=open-innovation-hour")
    assert response.status_code == 200
    assert titles_in(response) == ["Hour im März"]

    response = client.get("/beitraege/?filter=ki-und-zivilgesellschaft")
    assert titles_in(response) == ["KI Meetup", "Rückblick 2025"]


def test_umlaut_slug_and_its_transliteration_both_filter(client, categorised_posts):
    assert categorised_posts["review"].slug == "rückblick"
    for value in ("rückblick", "r%C3%BCckblick", "rueckblick", "RUECKBLICK"):
        response = client.get(f"/beitraege/?filter={value}")
        assert response.status_code == 200, value
        assert titles_in(response) == ["Rückblick 2025"]


def test_filter_links_show_counts_and_mark_the_active_one(client, categorised_posts):
    html = client.get("/beitraege/?filter=ki-und-zivilgesellschaft").content.decode()
    assert (
        '<a href="/beitraege/?filter=ki-und-zivilgesellschaft" aria-current="page">'
        "KI und Zivilgesellschaft" in html
    )
    assert 'KI und Zivilgesellschaft <span class="filter__count">(2' in html
    assert 'Open Innovation Hour <span class="filter__count">(1' in html
    filter_nav = html.split('<nav class="filter"')[1].split("</nav>")[0]
    assert filter_nav.count("aria-current") == 1


def test_unpublished_posts_are_neither_listed_nor_counted(client, categorised_posts):
    categorised_posts["posts"]["hour"].unpublish()
    html = client.get("/beitraege/").content.decode()
    assert "Hour im März" not in html
    assert "Open Innovation Hour <span" not in html  # no filter link to an empty category
    selected = client.get("/beitraege/?filter=open-innovation-hour").content.decode()
    assert 'Open Innovation Hour <span class="filter__count">(0' in selected


@pytest.mark.parametrize(
    "query",
    [
        "filter=gibt-es-nicht",
        "filter=%3Cscript%3E",
        "filter=" + "x" * 5000,
        "page=abc",
        "page=0",
        "page=-1",
        "page=2",
        "page=99999999999999999999",
        "page=1.5",
        "filter=rückblick&page=2",
        "filter=%00",
    ],
)
def test_bad_parameters_give_404_not_500(client, categorised_posts, query):
    assert client.get(f"/beitraege/?{query}").status_code == 404


def test_empty_filter_and_first_page_are_fine(client, categorised_posts):
    assert client.get("/beitraege/?filter=").status_code == 200
    assert client.get("/beitraege/?page=1").status_code == 200


def test_pagination_twelve_a_page_with_accessible_links(client, site_tree):
    category = CategoryFactory(name="Formate")
    for day in range(1, 15):
        BlogPageFactory(
            parent=site_tree.blog_index,
            title=f"Beitrag vom {day}.",
            date=datetime.date(2026, 1, day),
            categories=[category],
        )
    first = client.get("/beitraege/")
    assert len(titles_in(first)) == 12
    html = first.content.decode()
    assert '<nav class="pagination" aria-label="Seiten">' in html
    assert 'href="?page=2" rel="next"' in html
    assert 'aria-current="page"><span class="visually-hidden">Seite </span>1</a>' in html

    second = client.get("/beitraege/?page=2")
    assert titles_in(second) == ["Beitrag vom 2.", "Beitrag vom 1."]
    # The first page is linked by its canonical address, without ?page=1.
    assert 'href="/beitraege/" rel="prev"' in second.content.decode()
    filtered = client.get("/beitraege/?filter=formate&page=2").content.decode()
    assert 'href="?filter=formate" rel="prev"' in filtered
    assert 'href="?filter=formate"><span class="visually-hidden">Seite </span>1</a>' in filtered


def page_numbers_linked(html):
    return re.findall(r'<span class="visually-hidden">Seite </span>(\d+)</a>', html)


def test_long_listings_link_the_ends_and_the_pages_around_the_current_one(
    client, site_tree, monkeypatch
):
    monkeypatch.setattr("blog.models.POSTS_PER_PAGE", 1)
    for day in range(1, 12):
        BlogPageFactory(parent=site_tree.blog_index, date=datetime.date(2026, 1, day))

    middle = client.get("/beitraege/?page=6").content.decode()
    assert page_numbers_linked(middle) == ["1", "4", "5", "6", "7", "8", "11"]
    assert middle.count('<span class="pagination__gap">…</span>') == 2
    first = client.get("/beitraege/").content.decode()
    assert page_numbers_linked(first) == ["1", "2", "3", "11"]
    assert first.count('<span class="pagination__gap">…</span>') == 1


def test_rss_feed_lists_posts_and_filters_by_category(client, categorised_posts):
    response = client.get("/beitraege/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ElementTree.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        "Hour im März",
        "KI Meetup",
        "Rückblick 2025",
    ]
    assert items[0].findtext("link") == categorised_posts["posts"]["hour"].full_url
    assert items[0].findtext("description") == "Ein kurzer Teaser für den Beitrag."

    filtered = client.get("/beitraege/feed/?filter=rueckblick")
    titles = [
        item.findtext("title") for item in ElementTree.fromstring(filtered.content).iter("item")
    ]
    assert titles == ["Rückblick 2025"]
    assert client.get("/beitraege/feed/?filter=unbekannt").status_code == 404


def test_listing_links_its_feeds(client, categorised_posts):
    html = client.get("/beitraege/?filter=open-innovation-hour").content.decode()
    assert 'type="application/rss+xml"' in html
    assert 'href="/beitraege/feed/?filter=open-innovation-hour"' in html


def listing_query_count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_listing_queries_do_not_grow_with_the_number_of_posts(
    client, site_tree, django_capture_on_commit_callbacks
):
    categories = [CategoryFactory(name="Formate"), CategoryFactory(name="Rückblick")]
    image = ImageFactory()

    def add_posts(count):
        with django_capture_on_commit_callbacks(execute=True):  # the publishes' purges
            for _ in range(count):
                BlogPageFactory(
                    parent=site_tree.blog_index, categories=categories, header_image=image
                )

    add_posts(12)
    client.get("/beitraege/")  # renditions are created on the first view
    few = listing_query_count(client, "/beitraege/")
    few_filtered = listing_query_count(client, "/beitraege/?filter=formate")
    add_posts(30)
    client.get("/beitraege/?page=3")
    many = listing_query_count(client, "/beitraege/")
    many_filtered = listing_query_count(client, "/beitraege/?filter=formate")
    later_page = listing_query_count(client, "/beitraege/?page=3")
    assert few == many
    assert few_filtered == many_filtered
    assert later_page <= many


def filter_counts(client):
    html = client.get("/beitraege/").content.decode()
    return dict(re.findall(r'\?filter=([^"]+)">[^<]+ <span class="filter__count">\((\d+)<', html))


def test_filter_counts_follow_publishing_and_unpublishing(
    client, categorised_posts, django_capture_on_commit_callbacks, site_tree
):
    assert filter_counts(client) == {
        "open-innovation-hour": "1",
        "ki-und-zivilgesellschaft": "2",
        "r%C3%BCckblick": "1",
    }
    with django_capture_on_commit_callbacks(execute=True):
        added = BlogPageFactory(parent=site_tree.blog_index, categories=[categorised_posts["hour"]])
    assert filter_counts(client)["open-innovation-hour"] == "2"
    with django_capture_on_commit_callbacks(execute=True):
        added.unpublish()
        categorised_posts["posts"]["review"].unpublish()
    assert filter_counts(client) == {"open-innovation-hour": "1", "ki-und-zivilgesellschaft": "1"}
