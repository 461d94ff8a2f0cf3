"""The page cache and CDN headers, through HTTP: what is cached, for whom, what a change purges."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import PageViewRestriction

from blog.models import BlogPageAuthor
from events.schedule import local_today
from newsletter.blocks import DEFAULT_CONSENT_HTML
from newsletter.models import Subscriber
from oic_cms.settings.frontend_cache import frontend_cache_backends
from pagecache.signals import purged_once_afterwards
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import (
    BlogPageFactory,
    CategoryFactory,
    FormatPageFactory,
    PersonFactory,
    StandardPageFactory,
)
from website.authors import ensure_author_index

pytestmark = pytest.mark.django_db


class RecordingBackend(BaseBackend):
    """Stands in for Varnish or Cloudflare: remembers what it was asked to purge."""

    purged = []

    def purge(self, url):
        RecordingBackend.purged.append(url)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.CDN_CACHE_SECONDS = 300
    settings.CDN_STALE_WHILE_REVALIDATE_SECONDS = 60
    settings.WAGTAILFRONTENDCACHE = {}


@pytest.fixture
def recording_cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": f"{__name__}.RecordingBackend"}}
    RecordingBackend.purged = []
    return RecordingBackend.purged


@pytest.fixture
def blog(site_tree, monkeypatch):
    """A category with two pages of posts, an unrelated post, a format page, an author page.

    Pages of three posts instead of twelve keep the fixture quick.
    """
    monkeypatch.setattr("blog.models.POSTS_PER_PAGE", 3)
    monkeypatch.setattr("website.authors.POSTS_PER_PAGE", 3)
    site_tree.author_index = ensure_author_index(site_tree.home)
    site_tree.maria = PersonFactory(name="Maria Gonçalves")
    site_tree.stadt = CategoryFactory(name="Stadtentwicklung")
    site_tree.other_category = CategoryFactory(name="Rückblick")
    for number in range(3):
        BlogPageFactory(
            parent=site_tree.blog_index,
            title=f"Älterer Beitrag {number}",
            categories=[site_tree.stadt],
        )
    site_tree.post = BlogPageFactory(
        parent=site_tree.blog_index,
        title="Neuer Beitrag",
        slug="neuer-beitrag",
        categories=[site_tree.stadt],
        authors=[site_tree.maria],
    )
    site_tree.unrelated_post = BlogPageFactory(
        parent=site_tree.blog_index,
        title="Anderes Thema",
        slug="anderes-thema",
        categories=[site_tree.other_category],
    )
    site_tree.format_page = FormatPageFactory(
        parent=site_tree.format_index, title="Open Innovation Hour", slug="open-innovation-hour"
    )
    return site_tree


POST = "/beitraege/neuer-beitrag/"
LISTING = "/beitraege/"
FILTERED = "/beitraege/?filter=stadtentwicklung"
FILTERED_PAGE_2 = "/beitraege/?filter=stadtentwicklung&page=2"
FEED = "/beitraege/feed/"
CATEGORY_FEED = "/beitraege/feed/?filter=stadtentwicklung"
HOME = "/"
AUTHOR_PAGE = "/autoren/maria-goncalves/"
FORMAT_PAGE = "/formate/open-innovation-hour/"
UNRELATED_POST = "/beitraege/anderes-thema/"
SEARCH = "/suche/?q=Beitrag"
AFFECTED_BY_POST = [
    POST,
    LISTING,
    FILTERED,
    FILTERED_PAGE_2,
    FEED,
    CATEGORY_FEED,
    HOME,
    AUTHOR_PAGE,
    SEARCH,
]
UNAFFECTED_BY_POST = [FORMAT_PAGE, UNRELATED_POST]


def cache_state(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response["X-Cache"]


def prime(client, urls):
    for url in urls:
        cache_state(client, url)
    assert {url: cache_state(client, url) for url in urls} == dict.fromkeys(urls, "HIT")


def states(client, urls):
    return {url: cache_state(client, url) for url in urls}


def test_second_anonymous_visit_is_a_hit_without_any_query(client, blog, django_assert_num_queries):
    for url in [POST, LISTING, FILTERED, FILTERED_PAGE_2, FEED, HOME, AUTHOR_PAGE]:
        first = client.get(url)
        assert first["X-Cache"] == "MISS"
        with django_assert_num_queries(0):
            second = client.get(url)
        assert second["X-Cache"] == "HIT", url
        assert second.content == first.content
        assert second["Content-Type"] == first["Content-Type"]


def test_query_parameters_are_one_page_in_any_order(client, blog):
    assert cache_state(client, FILTERED_PAGE_2) == "MISS"
    assert cache_state(client, "/beitraege/?page=2&filter=stadtentwicklung") == "HIT"


def test_unknown_query_parameters_are_never_cached(client, blog):
    """Otherwise anyone could fill the cache with copies of one page (?utm_source=1, 2, …)."""
    assert cache_state(client, f"{POST}?utm_source=newsletter") == "BYPASS"
    assert cache_state(client, f"{LISTING}?q=stadt") == "BYPASS"
    assert cache_state(client, f"{LISTING}?q=stadt") == "BYPASS"


def test_each_search_is_cached_until_any_page_changes(client, blog):
    assert cache_state(client, "/suche/?q=stadt") == "MISS"
    assert cache_state(client, "/suche/?q=stadt") == "HIT"
    assert cache_state(client, "/suche/?q=stadt&page=1") == "MISS"
    assert cache_state(client, "/suche/?q=Beitrag") == "MISS"


def test_overlong_query_strings_are_never_cached(client, blog):
    """A search of 300 characters is answered, but not copied into the cache."""
    long_search = "/suche/?q=" + "stadt+" * 50
    assert cache_state(client, long_search) == "BYPASS"
    assert cache_state(client, long_search) == "BYPASS"


def test_cdns_keep_search_results_only_a_minute(client, blog):
    """A CDN purges URLs one by one, and the search's URLs cannot all be named."""
    response = client.get("/suche/?q=stadt")
    assert "s-maxage=60" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]


def test_signed_in_editor_is_never_served_nor_stored(client, blog):
    editor = get_user_model().objects.create_superuser("redaktion", "r@bielefeld.de", "pw")
    prime(client, [POST])
    editor_client = Client()
    editor_client.force_login(editor)
    response = editor_client.get(POST)
    assert response["X-Cache"] == "BYPASS"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]

    cold = Client()
    cold.force_login(editor)
    cold.get(LISTING)
    assert cache_state(client, LISTING) == "MISS"  # the editor's listing was not stored


def test_preview_and_admin_are_never_cached(client, blog):
    editor = get_user_model().objects.create_superuser("redaktion", "r@bielefeld.de", "pw")
    client.force_login(editor)
    for url in [
        f"/admin/pages/{blog.post.pk}/view_draft/",
        f"/admin/pages/{blog.post.pk}/edit/",
        "/admin/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Cache"] == "BYPASS"
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]


def test_response_setting_a_cookie_is_not_cached_and_stays_private(client, blog):
    """A password-protected page shows a form with a CSRF token, which sets a cookie."""
    PageViewRestriction.objects.create(
        page=blog.unrelated_post, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    for _ in range(2):
        response = client.get(UNRELATED_POST)
        assert response.cookies
        assert response["X-Cache"] == "MISS"
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_making_a_page_private_takes_it_out_of_the_cache_at_once(
    client, blog, django_capture_on_commit_callbacks
):
    prime(client, [UNRELATED_POST, LISTING, "/suche/?q=Thema"])
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=blog.unrelated_post,
            restriction_type=PageViewRestriction.PASSWORD,
            password="geheim",
        )
    protected = client.get(UNRELATED_POST)
    assert "Anderes Thema" not in protected.content.decode()
    assert protected["X-Cache"] == "MISS"
    assert "Anderes Thema" not in client.get(LISTING).content.decode()
    assert "Anderes Thema" not in client.get("/suche/?q=Thema").content.decode()


def test_post_is_never_cached(client, blog):
    response = client.post(POST, {})
    assert response["X-Cache"] == "BYPASS"
    assert "no-store" in response["Cache-Control"]
    assert cache_state(client, POST) == "MISS"


def test_public_pages_tell_cdns_how_long_to_keep_them(client, blog, settings):
    response = client.get(POST)
    directives = set(response["Cache-Control"].split(", "))
    assert directives == {"public", "max-age=0", "s-maxage=300", "stale-while-revalidate=60"}

    settings.CDN_CACHE_SECONDS = 3600
    settings.CDN_STALE_WHILE_REVALIDATE_SECONDS = 120
    fresh = client.get(LISTING)
    assert "s-maxage=3600" in fresh["Cache-Control"]
    assert "stale-while-revalidate=120" in fresh["Cache-Control"]


def test_page_cache_off_still_sends_cdn_headers(client, blog, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(POST)
    second = client.get(POST)
    assert "X-Cache" not in second
    assert "s-maxage=300" in second["Cache-Control"]


def test_publishing_a_post_retires_every_cached_page(
    client, blog, django_capture_on_commit_callbacks
):
    prime(client, AFFECTED_BY_POST + UNAFFECTED_BY_POST)
    blog.post.title = "Neuer Titel"
    with django_capture_on_commit_callbacks(execute=True):
        blog.post.save_revision().publish()

    after = states(client, AFFECTED_BY_POST + UNAFFECTED_BY_POST)
    assert after == {
        **dict.fromkeys(AFFECTED_BY_POST, "MISS"),
        **dict.fromkeys(UNAFFECTED_BY_POST, "MISS"),
    }
    assert "Neuer Titel" in client.get(LISTING).content.decode()


def test_unpublishing_a_post_retires_every_cached_page(
    client, blog, django_capture_on_commit_callbacks
):
    listings = [p for p in AFFECTED_BY_POST if p != POST]
    prime(client, [POST, *listings, *UNAFFECTED_BY_POST])
    with django_capture_on_commit_callbacks(execute=True):
        blog.post.unpublish()

    listings_left = [p for p in listings if p not in (FILTERED_PAGE_2, AUTHOR_PAGE)]
    assert states(client, listings_left) == dict.fromkeys(listings_left, "MISS")
    assert "Neuer Beitrag" not in client.get(LISTING).content.decode()
    assert client.get(POST).status_code == 404
    # Three posts left in the category: one page; Maria's page no longer lists the post.
    assert client.get(FILTERED_PAGE_2).status_code == 404
    author_page = client.get(AUTHOR_PAGE)
    assert author_page["X-Cache"] == "MISS" and "Neuer Beitrag" not in author_page.content.decode()
    assert states(client, UNAFFECTED_BY_POST) == dict.fromkeys(UNAFFECTED_BY_POST, "MISS")


def test_moving_a_page_retires_every_cached_page(
    client, site_tree, django_capture_on_commit_callbacks
):
    team = StandardPageFactory(parent=site_tree.home, title="Team", slug="team")
    about = StandardPageFactory(parent=site_tree.home, title="Über uns", slug="ueber-uns")
    history = StandardPageFactory(parent=team, title="Geschichte", slug="geschichte")
    bystander = StandardPageFactory(parent=about, title="Presse", slug="presse")
    prime(client, ["/team/", "/ueber-uns/", "/team/geschichte/", "/ueber-uns/presse/"])

    with django_capture_on_commit_callbacks(execute=True):
        history.move(about, pos="last-child")

    moved_away = client.get("/team/geschichte/")
    assert moved_away.status_code == 301  # Wagtail's automatic redirect, not the cached page
    assert moved_away["Location"] == "/ueber-uns/geschichte/"
    assert states(client, ["/team/", "/ueber-uns/", "/ueber-uns/geschichte/"]) == {
        "/team/": "MISS",
        "/ueber-uns/": "MISS",
        "/ueber-uns/geschichte/": "MISS",
    }
    assert bystander.live and cache_state(client, "/ueber-uns/presse/") == "MISS"


def test_editing_a_category_retires_every_cached_page(
    admin_client, client, blog, django_capture_on_commit_callbacks
):
    prime(client, [POST, LISTING, FILTERED, HOME, UNRELATED_POST, FORMAT_PAGE])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/snippets/home/category/edit/{blog.stadt.pk}/",
            {"name": "Stadt und Quartier", "slug": "stadtentwicklung"},
        )
    assert response.status_code == 302

    assert states(client, [POST, LISTING, FILTERED, HOME]) == dict.fromkeys(
        [POST, LISTING, FILTERED, HOME], "MISS"
    )
    assert "Stadt und Quartier" in client.get(POST).content.decode()
    assert states(client, [UNRELATED_POST, FORMAT_PAGE]) == {
        UNRELATED_POST: "MISS",
        FORMAT_PAGE: "MISS",
    }


def test_a_persons_draft_keeps_the_cache_and_its_publish_retires_every_cached_page(
    admin_client, client, blog, django_capture_on_commit_callbacks
):
    prime(client, [POST, AUTHOR_PAGE, UNRELATED_POST, FORMAT_PAGE])
    edit_url = reverse("wagtailsnippets_home_person:edit", args=[blog.maria.pk])
    form = {
        "name": "Maria Gonçalves-Weber",
        "slug": "maria-goncalves",
        "role": "Projektleitung",
        "expertise": "",
        "email": "",
        "sort_order": "0",
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(edit_url, form).status_code == 302
    assert states(client, [POST, AUTHOR_PAGE]) == {POST: "HIT", AUTHOR_PAGE: "HIT"}

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(edit_url, {**form, "action-publish": "action-publish"})
    assert response.status_code == 302

    assert states(client, [POST, AUTHOR_PAGE]) == {POST: "MISS", AUTHOR_PAGE: "MISS"}
    assert "Maria Gonçalves-Weber" in client.get(POST).content.decode()
    assert states(client, [UNRELATED_POST, FORMAT_PAGE]) == {
        UNRELATED_POST: "MISS",
        FORMAT_PAGE: "MISS",
    }


def test_site_settings_change_purges_every_page(
    admin_client, client, blog, django_capture_on_commit_callbacks
):
    from home.models import SiteSettings

    prime(client, [POST, FORMAT_PAGE, UNRELATED_POST])
    with django_capture_on_commit_callbacks(execute=True):
        site_settings = SiteSettings.for_site(blog.site)
        site_settings.organisation_name = "OIC Bielefeld"
        site_settings.save()
    assert states(client, [POST, FORMAT_PAGE, UNRELATED_POST]) == dict.fromkeys(
        [POST, FORMAT_PAGE, UNRELATED_POST], "MISS"
    )


def test_cdn_is_asked_to_purge_the_published_page_listings_expire(
    site_tree, recording_cdn, django_capture_on_commit_callbacks
):
    stadt = CategoryFactory(name="Stadtentwicklung")
    post = BlogPageFactory(parent=site_tree.blog_index, slug="neuer-beitrag", categories=[stadt])
    recording_cdn.clear()

    with django_capture_on_commit_callbacks(execute=True):
        post.save_revision().publish()

    root = site_tree.site.root_url
    assert recording_cdn == [f"{root}/beitraege/neuer-beitrag/"]


def publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()


def fresh_page(client, url):
    """The page as the next anonymous visitor gets it, asserting it was rendered anew."""
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["X-Cache"] == "MISS", url
    return response.content.decode()


def test_changing_a_posts_author_retires_the_old_authors_page(
    client, blog, django_capture_on_commit_callbacks
):
    """A removed relation: the old author's page no longer lists the post, the new one does."""
    jonas = PersonFactory(name="Jonas Beispiel")
    prime(client, [AUTHOR_PAGE])
    assert blog.post.title in client.get(AUTHOR_PAGE).content.decode()
    blog.post.authors = [BlogPageAuthor(person=jonas)]
    publish(blog.post, django_capture_on_commit_callbacks)

    response = client.get(AUTHOR_PAGE)
    assert response.status_code == 200
    assert blog.post.title not in response.content.decode()
    assert blog.post.title in fresh_page(client, "/autoren/jonas-beispiel/")


def test_taking_a_post_out_of_a_category_retires_its_format_page_and_filtered_listing(
    client, blog, django_capture_on_commit_callbacks
):
    blog.format_page.category = blog.stadt
    publish(blog.format_page, django_capture_on_commit_callbacks)
    prime(client, [FORMAT_PAGE, FILTERED])
    assert blog.post.title in client.get(FORMAT_PAGE).content.decode()
    assert blog.post.title in client.get(FILTERED).content.decode()

    blog.post.categories = [blog.other_category]
    publish(blog.post, django_capture_on_commit_callbacks)

    assert blog.post.title not in fresh_page(client, FORMAT_PAGE)
    assert blog.post.title not in fresh_page(client, FILTERED)


def test_clearing_a_related_post_retires_the_page_it_pointed_to(
    client, blog, django_capture_on_commit_callbacks
):
    """The related post shows „Zur Ankündigung“ back to the post; clearing the link on the
    post must take that link off the other page too."""
    blog.post.related_post = blog.unrelated_post
    publish(blog.post, django_capture_on_commit_callbacks)
    prime(client, [UNRELATED_POST])
    assert blog.post.title in client.get(UNRELATED_POST).content.decode()

    blog.post.related_post = None
    publish(blog.post, django_capture_on_commit_callbacks)

    assert blog.post.title not in fresh_page(client, UNRELATED_POST)


def test_changing_an_events_retrospective_retires_the_former_retrospective(
    client, blog, django_capture_on_commit_callbacks
):
    """A past event links to its retrospective post and the post back to the event; pointing
    the event at another post takes the link off the former one."""
    events = EventIndexPageFactory(parent=blog.home)
    event = EventPageFactory(
        parent=events,
        title="Sommerfest der Innovation",
        date=local_today() - datetime.timedelta(days=10),
        retrospective=blog.unrelated_post,
    )
    publish(event, django_capture_on_commit_callbacks)
    prime(client, [UNRELATED_POST])
    assert event.title in client.get(UNRELATED_POST).content.decode()

    event.retrospective = blog.post
    publish(event, django_capture_on_commit_callbacks)

    assert event.title not in fresh_page(client, UNRELATED_POST)
    assert event.title in fresh_page(client, POST)


def test_cdn_is_asked_to_purge_a_moved_section_with_every_page_below_it(
    blog, recording_cdn, django_capture_on_commit_callbacks
):
    root = blog.site.root_url
    with django_capture_on_commit_callbacks(execute=True):
        blog.blog_index.move(blog.format_index, pos="last-child")

    old_address, new_address = f"{root}/beitraege/", f"{root}/formate/beitraege/"
    assert {old_address, f"{old_address}neuer-beitrag/"} <= set(recording_cdn)
    assert {new_address, f"{new_address}neuer-beitrag/"} <= set(recording_cdn)


def test_no_cdn_configured_means_nothing_is_sent(
    site_tree, settings, django_capture_on_commit_callbacks
):
    RecordingBackend.purged = []
    post = BlogPageFactory(parent=site_tree.blog_index)
    with django_capture_on_commit_callbacks(execute=True):
        post.save_revision().publish()
    assert RecordingBackend.purged == []


def test_cached_page_carries_a_newsletter_form_that_signs_up(client, blog, settings):
    from home.models import SiteSettings

    settings.FORM_MIN_FILL_SECONDS = 0
    site_settings = SiteSettings.for_site(blog.site)
    site_settings.footer_newsletter = [
        (
            "newsletter",
            {
                "heading": "Newsletter",
                "text": "",
                "button_label": "Anmelden",
                "consent_text": DEFAULT_CONSENT_HTML,
            },
        )
    ]
    site_settings.save()
    client.get(POST)
    cached = client.get(POST)
    assert cached["X-Cache"] == "HIT"
    html = cached.content.decode()
    assert "csrfmiddlewaretoken" not in html
    signed_context = re.search(r'name="context" value="([^"]+)"', html).group(1)

    assert 'name="form_token" value=""' in html  # the page's script fetches one per view

    browser = Client(enforce_csrf_checks=True)
    form_token = browser.get("/newsletter/formular-token/").json()["token"]
    response = browser.post(
        "/newsletter/anmelden/",
        {
            "email": "lea@example.org",
            "consent": "on",
            "website": "",
            "context": signed_context,
            "form_token": form_token,
        },
        headers={"Sec-Fetch-Site": "same-origin"},
    )
    assert response.status_code == 302
    assert Subscriber.objects.get().email == "lea@example.org"


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, {}),
        (
            {
                "FRONTEND_CACHE_BACKEND": "varnish",
                "FRONTEND_CACHE_LOCATION": "http://127.0.0.1:6081",
            },
            {
                "varnish": {
                    "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                    "LOCATION": "http://127.0.0.1:6081",
                }
            },
        ),
        (
            {
                "FRONTEND_CACHE_BACKEND": "Cloudflare",
                "CLOUDFLARE_ZONE_ID": "zone",
                "CLOUDFLARE_API_TOKEN": "token",
                "FRONTEND_CACHE_HOSTNAMES": "www.example.org, example.org",
            },
            {
                "cloudflare": {
                    "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
                    "ZONEID": "zone",
                    "BEARER_TOKEN": "token",
                    "HOSTNAMES": ["www.example.org", "example.org"],
                }
            },
        ),
    ],
)
def test_frontend_cache_is_configured_from_the_environment(monkeypatch, environment, expected):
    for name in ["FRONTEND_CACHE_BACKEND", "FRONTEND_CACHE_LOCATION", "FRONTEND_CACHE_HOSTNAMES"]:
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert frontend_cache_backends() == expected


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"FRONTEND_CACHE_BACKEND": "fastly"}, "must be one of varnish, cloudflare, cloudfront"),
        ({"FRONTEND_CACHE_BACKEND": "varnish"}, "needs FRONTEND_CACHE_LOCATION"),
        ({"FRONTEND_CACHE_BACKEND": "cloudflare"}, "needs CLOUDFLARE_ZONE_ID"),
    ],
)
def test_incomplete_frontend_cache_settings_are_explained(monkeypatch, environment, message):
    for name in ["FRONTEND_CACHE_LOCATION", "CLOUDFLARE_ZONE_ID", "CLOUDFLARE_API_TOKEN"]:
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ImproperlyConfigured, match=message):
        frontend_cache_backends()


def test_a_bulk_change_purges_everything_once_afterwards(
    client, blog, django_capture_on_commit_callbacks
):
    pages = AFFECTED_BY_POST + UNAFFECTED_BY_POST
    prime(client, pages)

    with purged_once_afterwards():
        with django_capture_on_commit_callbacks(execute=True):
            blog.post.title = "Neuer Titel"
            blog.post.save_revision().publish()
        assert states(client, pages) == dict.fromkeys(pages, "HIT")

    assert states(client, pages) == dict.fromkeys(pages, "MISS")
    assert "Neuer Titel" in client.get(LISTING).content.decode()


def test_a_bulk_run_without_changes_purges_nothing(client, blog):
    prime(client, [POST, FORMAT_PAGE])
    with purged_once_afterwards():
        pass
    assert states(client, [POST, FORMAT_PAGE]) == {POST: "HIT", FORMAT_PAGE: "HIT"}
