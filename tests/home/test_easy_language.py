"""Leichte Sprache: every page's header links to its easy-language version or the start page."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import EasyLanguagePage
from tests.factories import StandardPageFactory
from tests.home.test_blocks import parse_html

pytestmark = pytest.mark.django_db


def add_easy_language_page(parent, slug, title, original_page=None, body=()):
    page = EasyLanguagePage(
        title=title,
        slug=slug,
        original_page=original_page,
        body=[{"type": block_type, "value": value} for block_type, value in body],
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return EasyLanguagePage.objects.get(pk=page.pk)


@pytest.fixture
def start_page(site_tree):
    return add_easy_language_page(
        site_tree.home,
        "leichte-sprache",
        "Informationen in Leichter Sprache",
        body=[("paragraph", "<p>Wir sind die Open Innovation City.</p>")],
    )


@pytest.fixture
def impressum(site_tree):
    page = StandardPageFactory(parent=site_tree.home, title="Impressum", slug="impressum")
    page.save_revision().publish()
    return page


def header_link(client, url):
    """The header's „Leichte Sprache“ link as parsed element, or ``None``."""
    response = client.get(url)
    assert response.status_code == 200
    header = parse_html(response.content.decode()).find("header", class_="site-header")
    links = header.find_all("a", class_="site-header__easy-language")
    assert len(links) <= 1
    return links[0] if links else None


def test_no_link_while_the_site_has_no_page_in_leichte_sprache(client, site_tree, impressum):
    assert header_link(client, "/") is None
    assert header_link(client, impressum.url) is None


def test_every_page_links_to_the_start_page_in_leichte_sprache(client, start_page, impressum):
    for url in ("/", impressum.url, "/beitraege/", "/suche/?q=Innovation"):
        link = header_link(client, url)
        assert link is not None, url
        assert link.attrs["href"] == "/leichte-sprache/"
        assert link.attrs["lang"] == "de"
        assert "aria-current" not in link.attrs
        assert " ".join(link.text.split()) == "Leichte Sprache"
        pictogram = link.find("img")
        assert pictogram.attrs["alt"] == ""
        assert pictogram.attrs["src"].endswith("leichte-sprache.svg")


def test_a_page_with_its_own_version_links_to_it(client, start_page, impressum):
    add_easy_language_page(
        start_page, "impressum", "Wer macht diese Internet-Seite?", original_page=impressum
    )

    assert header_link(client, impressum.url).attrs["href"] == "/leichte-sprache/impressum/"
    assert header_link(client, "/").attrs["href"] == "/leichte-sprache/"


def test_the_start_page_marks_the_link_as_current(client, start_page):
    link = header_link(client, start_page.url)
    assert link.attrs["href"] == "/leichte-sprache/"
    assert link.attrs["aria-current"] == "page"


def test_pages_in_leichte_sprache_link_back_to_everyday_language(client, start_page, impressum):
    version = add_easy_language_page(
        start_page, "impressum", "Wer macht diese Internet-Seite?", original_page=impressum
    )

    html = client.get(version.url).content.decode()
    document = parse_html(html)
    back = document.find("a", class_="easy-language__back")
    assert back.text.strip() == "Zur Seite in Alltagssprache"
    assert back.attrs["href"] == impressum.url
    assert document.find("h1").text == "Wer macht diese Internet-Seite?"
    # The start page explains no single page and leads back to the home page.
    start = parse_html(client.get(start_page.url).content.decode())
    assert start.find("a", class_="easy-language__back").attrs["href"] == "/"


def test_unpublishing_a_version_sends_the_header_back_to_the_start_page(
    client, start_page, impressum
):
    version = add_easy_language_page(
        start_page, "impressum", "Wer macht diese Internet-Seite?", original_page=impressum
    )
    assert header_link(client, impressum.url).attrs["href"] == version.url

    version.unpublish()

    assert header_link(client, impressum.url).attrs["href"] == "/leichte-sprache/"
    start_page.unpublish()
    assert header_link(client, impressum.url) is None


def test_the_header_link_costs_no_query_once_cached(client, start_page, impressum):
    client.get(impressum.url)
    with CaptureQueriesContext(connection) as queries:
        assert header_link(client, impressum.url) is not None
    assert not [query for query in queries if "easylanguagepage" in query["sql"].lower()]


@pytest.fixture
def editor_client(client):
    client.force_login(
        get_user_model().objects.create_superuser("redaktion", "r@bielefeld.de", "pw")
    )
    return client


def easy_language_form(title, slug, original_page=None, body=()):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "original_page": original_page.pk if original_page else "",
            "body": streamfield(list(body)),
            "comment_notifications": "",
            "action-publish": "action-publish",
        }
    )


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("home", "easylanguagepage", parent.pk))


def test_editor_creates_the_start_page_and_a_version_in_the_admin(
    editor_client, site_tree, impressum
):
    response = editor_client.post(
        add_url(site_tree.home),
        easy_language_form(
            "Leichte Sprache",
            "leichte-sprache",
            body=[("paragraph", rich_text("<p>Wir sind die Open Innovation City.</p>"))],
        ),
    )
    assert response.status_code == 302
    start_page = EasyLanguagePage.objects.get(slug="leichte-sprache")
    assert start_page.live

    response = editor_client.post(
        add_url(start_page),
        easy_language_form("Impressum", "impressum", original_page=impressum),
    )
    assert response.status_code == 302
    assert header_link(editor_client, impressum.url).attrs["href"] == "/leichte-sprache/impressum/"


def test_the_admin_offers_one_start_page_per_site(editor_client, start_page, site_tree):
    response = editor_client.get(
        reverse("wagtailadmin_pages:add_subpage", args=(site_tree.home.pk,))
    )
    assert "Seite in Leichter Sprache" not in response.content.decode()
    response = editor_client.get(reverse("wagtailadmin_pages:add_subpage", args=(start_page.pk,)))
    # The only page type allowed below the start page: Wagtail goes straight to its form.
    assert response.status_code == 302
    assert response["Location"] == add_url(start_page)
    response = editor_client.post(
        add_url(site_tree.home), easy_language_form("Noch eine", "noch-eine")
    )
    assert response.status_code == 302
    assert not EasyLanguagePage.objects.filter(slug="noch-eine").exists()


def test_a_page_gets_only_one_version_in_leichte_sprache(editor_client, start_page, impressum):
    add_easy_language_page(start_page, "impressum", "Impressum", original_page=impressum)

    response = editor_client.post(
        add_url(start_page),
        easy_language_form("Noch ein Impressum", "noch-ein-impressum", original_page=impressum),
    )

    assert response.status_code == 200
    assert response.context["form"].errors["original_page"] == [
        "Diese Seite hat schon eine Fassung in Leichter Sprache."
    ]
    assert not EasyLanguagePage.objects.filter(slug="noch-ein-impressum").exists()


def test_a_page_in_leichte_sprache_cannot_be_the_original(editor_client, start_page):
    response = editor_client.post(
        add_url(start_page),
        easy_language_form("Doppelt leicht", "doppelt-leicht", original_page=start_page),
    )

    assert response.status_code == 200
    assert response.context["form"].errors["original_page"] == [
        "Bitte eine Seite in Alltagssprache wählen, keine Seite in Leichter Sprache."
    ]


def test_demo_content_explains_the_oic_in_leichte_sprache(client, shared_demo_site):
    """One page of it: ``test_demo_content`` checks that reloading adds none."""
    assert EasyLanguagePage.objects.count() == 1
    assert header_link(client, "/").attrs["href"] == "/leichte-sprache/"
    assert header_link(client, "/impressum/").attrs["href"] == "/leichte-sprache/"
    document = parse_html(client.get("/leichte-sprache/").content.decode())
    text = " ".join(document.find("main").text.split())
    assert "Wir sind die Open Innovation City Bielefeld." in text
    assert document.find("a", class_="easy-language__back").attrs["href"] == "/"
    image = document.find("main").find("img")
    assert image.attrs["alt"].startswith("Bunte Kreise.")


def test_publishing_a_version_purges_the_cached_page_it_explains(
    client, start_page, impressum, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300
    client.get(impressum.url)
    assert client.get(impressum.url)["X-Cache"] == "HIT"

    with django_capture_on_commit_callbacks(execute=True):
        add_easy_language_page(
            start_page, "impressum", "Wer macht diese Internet-Seite?", original_page=impressum
        )

    response = client.get(impressum.url)
    assert response["X-Cache"] == "MISS"
    assert header_link(client, impressum.url).attrs["href"] == "/leichte-sprache/impressum/"
