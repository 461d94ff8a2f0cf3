"""Every public page type answers within a fixed SQL query budget, whatever the number of posts.

A site with every page type and every home section is built once with 10 posts and then with
200; each page is requested once to warm what the site caches by design (renditions,
navigation, footer) and then counted. The page cache, if configured, is off: the count is the
work a page really does.
"""

import datetime

import pytest
from django.db import connection
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext

from blog.models import BlogPage, BlogPageAuthor
from events.models import EventPage
from events.schedule import local_today
from formats.models import DownloadsPage, FormatPage
from home.models import CreditedImage, CreditedImageRendition, SiteSettings
from home.renditions import prepare_renditions
from methods.models import MethodPage
from pagecache.store import purge_everything
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import (
    CategoryFactory,
    DownloadFactory,
    FormatPageFactory,
    ImageFactory,
    PersonFactory,
    StandardPageFactory,
)
from tests.methods.factories import MethodIndexPageFactory, MethodPageFactory
from tests.projects.conftest import ProjectFactory
from website.authors import ensure_author_index

QUERY_BUDGET = 15
POSTS_PER_CATEGORY_FILTER = 3  # every third post is in the filtered category


def paragraph(text):
    return ("paragraph", f"<p>{text}</p>")


def home_sections(hero_image, linked_page, format_page):
    return [
        (
            "hero",
            {
                "heading": "Open Innovation City Bielefeld",
                "intro": "Gemeinsam Bielefelds Zukunft gestalten.",
                "image": hero_image,
                "actions": [],
            },
        ),
        (
            "what_we_do",
            {
                "heading": "Was wir tun",
                "cards": [
                    {
                        "title": "Vernetzen",
                        "text": "Menschen zusammenbringen.",
                        "link_page": linked_page,
                    },
                    {"title": "Ausprobieren", "text": "Formate testen.", "link_page": None},
                ],
            },
        ),
        ("team", {"heading": "Team", "people": []}),
        ("projects", {"heading": "Projekte", "statuses": [], "projects": []}),
        (
            "upcoming_events",
            {
                "heading": "Kommende Veranstaltungen",
                "count": 3,
                "format_page": format_page,
                "featured_only": False,
                "fallback_text": "Nichts geplant.",
                "show_newsletter": True,
            },
        ),
        ("latest_posts", {"heading": "Neueste Beiträge", "number": 3}),
        ("formats", {"heading": "Unsere Formate"}),
        ("contact", {"heading": "Kontakt", "intro": "Besuch uns."}),
    ]


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def add_posts(blog_index, count, *, first_number, categories, authors, images, kit):
    """Live posts without revisions: each ``add_child`` is one insert per table, which keeps
    200 posts fast; listings and post pages read only the live fields."""
    for number in range(first_number, first_number + count):
        post = BlogPage(
            title=f"Beitrag {number}",
            slug=f"beitrag-{number}",
            teaser=f"Teaser des Beitrags {number}.",
            date=datetime.date(2025, 1, 1) + datetime.timedelta(days=number),
            header_image=images[number % len(images)],
            body=[
                paragraph("Ein Absatz."),
                (
                    "image",
                    {"image": {"image": images[0], "alt_text": "Ein Bild"}, "caption": "Bild"},
                ),
                ("download", {"document": kit, "label": ""}),
                ("contact_person", {"person": authors[0]}),
            ],
            live=True,
            first_published_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC),
        )
        post.authors = [BlogPageAuthor(person=authors[number % len(authors)])]
        topic = categories[1 + number % (len(categories) - 1)]
        in_filter = number % POSTS_PER_CATEGORY_FILTER == 0
        post.categories = [categories[0], topic] if in_filter else [topic]
        blog_index.add_child(instance=post)


@pytest.fixture
def full_site(site_tree):
    """Every public page type, the home page with all its sections, and 10 posts."""
    home, blog_index, format_index = site_tree.home, site_tree.blog_index, site_tree.format_index
    images = [ImageFactory() for _ in range(4)]
    people = [PersonFactory(photo=images[n], show_in_team=True) for n in range(3)]
    categories = [CategoryFactory(name=name) for name in ("Formate", "KI", "Stadt", "Labore")]
    kit = DownloadFactory()
    formats = [
        FormatPageFactory(
            parent=format_index,
            title=title,
            header_image=images[n],
            contact_person=people[0],
            category=categories[n + 1],
            kits=[kit],
        )
        for n, title in enumerate(("Community of Practice", "Open Innovation Hour"))
    ]
    event_index = EventIndexPageFactory(parent=home)
    today = local_today()
    for n in range(4):
        EventPageFactory(
            parent=event_index,
            format=formats[n % 2],
            header_image=images[n],
            date=today + datetime.timedelta(days=(n - 2) * 14 + 1),
        )
    method_index = MethodIndexPageFactory(parent=home)
    for n in range(3):
        MethodPageFactory(
            parent=method_index,
            authors=[people[n]],
            categories=[categories[1]],
            header_image=images[n],
        )
    publish_child(home, DownloadsPage(title="Downloads", slug="downloads", intro="Alle Kits."))
    ensure_author_index(home)
    StandardPageFactory(parent=home, title="Impressum", slug="impressum", body=[paragraph("Text")])
    for n in range(3):
        ProjectFactory(title=f"Projekt {n}", responsible_person=people[n])
    home.body = home_sections(images[3], blog_index, formats[0])
    home.save_revision().publish()
    settings_for_site = SiteSettings.for_site(site_tree.site)
    settings_for_site.contact_email = "innovationen@bielefeld.de"
    settings_for_site.save()
    posts = {"categories": categories, "authors": people, "images": images, "kit": kit}
    add_posts(blog_index, 10, first_number=0, **posts)
    return {"posts": posts, "blog_index": blog_index, "person": people[0]}


def public_urls(person):
    first_post = BlogPage.objects.live().order_by("path").first()
    format_page = FormatPage.objects.live().order_by("path").first()
    event_page = EventPage.objects.live().order_by("path").first()
    method = MethodPage.objects.live().order_by("path").first()
    return {
        "home": "/",
        "post listing": "/beitraege/",
        "filtered listing": "/beitraege/?filter=formate",
        "post": first_post.url,
        "feed": "/beitraege/feed/",
        "format index": "/formate/",
        "format page": format_page.url,
        "event index": "/veranstaltungen/",
        "event page": event_page.url,
        "method index": "/methoden/",
        "method page": method.url,
        "downloads": "/downloads/",
        "author index": "/autoren/",
        "author page": f"/autoren/{person.slug}/",
        "search": "/suche/?q=Beitrag",
        "standard page": "/impressum/",
        "not found": "/gibt-es-nicht/",
    }


def query_counts(client, urls):
    counts = {}
    for name, url in urls.items():
        client.get(url)  # renditions, navigation and footer are made once, then cached
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        expected_status = 404 if name == "not found" else 200
        assert response.status_code == expected_status, (name, url, response.status_code)
        counts[name] = len(queries)
    return counts


@pytest.fixture
def page_cache_off(settings):
    if hasattr(settings, "PAGE_CACHE_SECONDS"):
        settings.PAGE_CACHE_SECONDS = 0


def test_public_pages_stay_within_query_budget_whatever_the_number_of_posts(
    client, full_site, page_cache_off
):
    urls = public_urls(full_site["person"])
    with_10_posts = query_counts(client, urls)
    add_posts(full_site["blog_index"], 190, first_number=10, **full_site["posts"])
    purge_everything()  # as a bulk import does once afterwards: the posts bypassed publishing
    assert BlogPage.objects.live().count() == 200
    # Page 5 exists only now; it must cost what the first page cost with 10 posts.
    urls["listing page 5"] = "/beitraege/?page=5"
    with_10_posts["listing page 5"] = with_10_posts["post listing"]
    with_200_posts = query_counts(client, urls)

    report = "\n".join(
        f"{name:18} {with_10_posts[name]:3} {with_200_posts[name]:3}  {urls[name]}" for name in urls
    )
    print(f"SQL queries per request (10 posts, 200 posts):\n{report}")
    over_budget = [name for name in urls if with_200_posts[name] > QUERY_BUDGET]
    growing = [name for name in urls if with_200_posts[name] != with_10_posts[name]]
    assert not over_budget, f"over {QUERY_BUDGET} queries:\n{report}"
    assert not growing, f"query count depends on the number of posts:\n{report}"


def test_renditions_made_ahead_are_all_the_pages_show(client, full_site, page_cache_off):
    """A size a template asks for but ``TEMPLATE_RENDITION_SPECS`` misses would be encoded by
    the web worker of the first visitor again."""
    for image in CreditedImage.objects.all():
        prepare_renditions(image)
    made_ahead = set(CreditedImageRendition.objects.values_list("pk", flat=True))
    for name, url in public_urls(full_site["person"]).items():
        assert client.get(url).status_code == (404 if name == "not found" else 200), url
    made_by_views = CreditedImageRendition.objects.exclude(pk__in=made_ahead)
    assert list(made_by_views.values_list("filter_spec", flat=True)) == []


def test_pages_load_only_the_renditions_they_show(client, full_site, page_cache_off):
    """With every size made ahead an image has 34 renditions; a page of cards that loaded them
    all would build hundreds of rows to show a few. A page that prefetches too few sizes is
    worse: Wagtail takes the prefetched ones for all there are and encodes the missing sizes
    again on every request (then fails to insert them, as they exist)."""
    for image in CreditedImage.objects.all():
        prepare_renditions(image)
    rendition_table = CreditedImageRendition._meta.db_table
    loaded = []

    def note_loaded(sender, instance, **kwargs):
        loaded.append(instance)

    post_init.connect(note_loaded, sender=CreditedImageRendition)
    try:
        for name, url in public_urls(full_site["person"]).items():
            loaded.clear()
            with CaptureQueriesContext(connection) as queries:
                html = client.get(url).content.decode()
            unshown = {r.filter_spec for r in loaded if r.file.name.rsplit("/", 1)[-1] not in html}
            assert not unshown, f"{name} ({url}) loads renditions it does not show: {unshown}"
            encoded_again = [
                query["sql"]
                for query in queries.captured_queries
                if query["sql"].startswith("INSERT") and rendition_table in query["sql"]
            ]
            assert not encoded_again, f"{name} ({url}) makes renditions that exist: {encoded_again}"
    finally:
        post_init.disconnect(note_loaded, sender=CreditedImageRendition)
