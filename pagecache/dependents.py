"""Which addresses show a page or a snippet: what a publish, unpublish, move or snippet edit
has to purge from the page cache and the CDN.

A change yields a ``PurgePlan``: full URLs (with the query strings a CDN keys by), and whether
the change shows on every page (navigation, footer, the home page's title in breadcrumbs).
Page types describe their own variants through Wagtail's ``get_cached_paths()``; this module
adds the pages that list or link to the changed one.
"""

import math
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, ReferenceIndex, Site

SITEMAP_PATH = "sitemap.xml"
# Addresses beside those of ``get_cached_paths()`` for page types that do not name them: the
# calendar route and its ``.ics`` alias (see ``events.views.calendar_file``).
EXTRA_PATHS = {
    "events.EventIndexPage": ["kalender/", "kalender.ics"],
    "events.EventPage": ["kalender/", "kalender.ics"],
}


@dataclass
class PurgePlan:
    urls: set = field(default_factory=set)
    everything: bool = False

    def __or__(self, other):
        return PurgePlan(self.urls | other.urls, self.everything or other.everything)


class PlanBuilder:
    """Collects pages and URLs; one ``PurgeBatch`` so site root URLs are looked up once."""

    def __init__(self):
        self.batch = PurgeBatch()
        self.everything = False

    def add_page(self, page):
        if page is None:
            return
        self.batch.add_page(page)
        extra_paths = EXTRA_PATHS.get(page._meta.label, ())
        page_url = page.get_full_url(self.batch) if extra_paths else None
        if page_url:
            self.batch.add_urls(page_url + path for path in extra_paths)

    def add_pages(self, pages):
        for page in pages:
            self.add_page(page)

    def add_url(self, url):
        if url:
            self.batch.add_url(url)

    def plan(self):
        return PurgePlan(set(self.batch.urls), self.everything)


def model(label):
    return apps.get_model(label)


def live(queryset):
    return queryset.live().public().specific()


def paged_urls(base_url, item_count, per_page):
    """``base``, ``base?page=2`` … as the pagination links them, one page beyond the current last
    page (it disappears when an item goes away)."""
    last_page = max(1, math.ceil((item_count + 1) / per_page))
    return [base_url] + [f"{base_url}?page={n}" for n in range(2, last_page + 1)]


def shows_on_every_page(page):
    """Children of a site's root page make up the main navigation; the root page's title is in
    every breadcrumb; footer links show their page's title."""
    site_root_ids = set(Site.objects.values_list("root_page_id", flat=True))
    if page.pk in site_root_ids or page.get_parent().pk in site_root_ids:
        return True
    return model("home.FooterLink").objects.filter(page=page).exists()


def home_pages(page):
    site = page.get_site()
    return [site.root_page.specific] if site else []


def author_pages(builder, person_ids):
    """``/autoren/`` and each person's author page with its pages of posts."""
    author_index_model = model("website.AuthorIndexPage")
    person_model = model("home.Person")
    from blog.models import POSTS_PER_PAGE

    for index in live(author_index_model.objects.all()):
        builder.add_page(index)
        index_url = index.get_full_url()
        if not index_url:
            continue
        for person in person_model.objects.filter(pk__in=person_ids).exclude(slug=""):
            author_url = index_url + index.author_path(person.slug)
            post_count = index.posts_by(person).count()
            for url in paged_urls(author_url, post_count, POSTS_PER_PAGE):
                builder.add_url(url)


def author_person_ids(page):
    return list(page.authors.values_list("person_id", flat=True))


def add_blog_page_dependents(builder, post):
    builder.add_pages(home_pages(post))
    author_pages(builder, author_person_ids(post))
    category_ids = list(post.categories.values_list("pk", flat=True))
    format_model = model("formats.FormatPage")
    builder.add_pages(live(format_model.objects.filter(category_id__in=category_ids)))
    blog_page_model = model("blog.BlogPage")
    companions = blog_page_model.objects.filter(pk=post.related_post_id) | post.linked_from.all()
    builder.add_pages(live(companions))
    event_model = model("events.EventPage")
    builder.add_pages(live(event_model.objects.filter(retrospective=post)))


def add_method_page_dependents(builder, method):
    author_pages(builder, author_person_ids(method))


def add_event_page_dependents(builder, event):
    builder.add_pages(home_pages(event))
    for index in live(model("events.EventIndexPage").objects.filter(pk=event.get_parent().pk)):
        index_url = index.get_full_url()
        format_slugs = set(index.formats_with_events().values_list("slug", flat=True))
        if event.format_id:
            format_slugs.add(event.format.slug)
        for slug in sorted(format_slugs):
            builder.add_url(f"{index_url}?format={slug}")
            builder.add_url(f"{index_url}kalender/?format={slug}")
    if event.format_id:
        builder.add_pages(live(model("formats.FormatPage").objects.filter(pk=event.format_id)))
    if event.retrospective_id:
        builder.add_pages(live(model("blog.BlogPage").objects.filter(pk=event.retrospective_id)))


def add_format_page_dependents(builder, format_page):
    builder.add_pages(home_pages(format_page))
    builder.add_pages(live(model("events.EventIndexPage").objects.all()))
    builder.add_pages(live(model("events.EventPage").objects.filter(format=format_page)))
    builder.add_pages(live(model("blog.BlogPage").objects.filter(related_format=format_page)))


def add_easy_language_page_dependents(builder, easy_page):
    """The page it explains links to it from its header."""
    if easy_page.original_page_id:
        builder.add_pages(live(Page.objects.filter(pk=easy_page.original_page_id).specific()))


PAGE_DEPENDENTS = {
    "home.EasyLanguagePage": add_easy_language_page_dependents,
    "blog.BlogPage": add_blog_page_dependents,
    "methods.MethodPage": add_method_page_dependents,
    "events.EventPage": add_event_page_dependents,
    "formats.FormatPage": add_format_page_dependents,
}


def page_change_plan(page, *, content_only=False):
    """Addresses that show ``page``: itself (with its variants), the pages below it (their
    breadcrumbs), its parent listing and the pages that list or link to it.

    ``content_only`` is for changes to something the page shows (a snippet), not to the page's
    title or place, so navigation and breadcrumbs stay as they are.
    """
    page = page.specific
    builder = PlanBuilder()
    builder.add_page(page)
    if not content_only:
        if shows_on_every_page(page):
            builder.everything = True
        builder.add_pages(live(page.get_descendants()))
    parent = page.get_parent()
    if parent is not None and parent.depth > 1:
        builder.add_page(parent.specific)
    add_dependents = PAGE_DEPENDENTS.get(page._meta.label)
    if add_dependents is not None:
        add_dependents(builder, page)
    site = page.get_site()
    if site is not None:
        builder.add_url(site.root_url + "/" + SITEMAP_PATH)
        builder.add_url(site.root_url + reverse("search"))
    return builder.plan()


def pages_referencing(obj):
    """Pages whose fields, inline rows or StreamField blocks point at ``obj`` (Wagtail's
    reference index; many-to-many fields are not in it)."""
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return live(Page.objects.filter(pk__in=[int(pk) for pk in page_ids]))


def union(plans):
    result = PurgePlan()
    for plan in plans:
        result = result | plan
    return result


def pages_plan(pages):
    return union(page_change_plan(page, content_only=True) for page in pages)


def category_plan(category):
    """Posts and methods filed under it, listings and feeds (their filters show every
    category with its count), format pages collecting its posts."""
    pages = [
        *live(model("blog.BlogPage").objects.filter(categories=category)),
        *live(model("methods.MethodPage").objects.filter(categories=category)),
        *pages_referencing(category),
    ]
    builder = PlanBuilder()
    builder.add_pages(live(model("blog.BlogIndexPage").objects.all()))
    builder.add_pages(live(model("methods.MethodIndexPage").objects.all()))
    return pages_plan(pages) | builder.plan()


def person_plan(person, old_slug=""):
    """Their posts and methods (author cards), pages with their contact card, their author
    page (also under a slug it just lost) and the home pages' team section."""
    authored = [
        *live(model("blog.BlogPage").objects.filter(authors__person=person)),
        *live(model("methods.MethodPage").objects.filter(authors__person=person)),
    ]
    builder = PlanBuilder()
    author_pages(builder, [person.pk])
    if old_slug and old_slug != person.slug:
        for index in live(model("website.AuthorIndexPage").objects.all()):
            builder.add_url(index.get_full_url() + index.author_path(old_slug))
    for site in Site.objects.select_related("root_page"):
        builder.add_page(site.root_page.specific)
    return pages_plan([*authored, *pages_referencing(person)]) | builder.plan()


def project_plan(project):
    """The projects section on home pages and pages pointing at the project."""
    builder = PlanBuilder()
    for site in Site.objects.select_related("root_page"):
        builder.add_page(site.root_page.specific)
    return pages_plan(pages_referencing(project)) | builder.plan()


def referenced_object_plan(obj):
    """Images, documents: the pages that show them."""
    return pages_plan(pages_referencing(obj))


def everything_plan():
    """Every live page with its variants: for a CDN that cannot be told "purge all"."""
    builder = PlanBuilder()
    builder.everything = True
    builder.add_pages(live(Page.objects.filter(depth__gt=1)))
    for site in Site.objects.all():
        builder.add_url(site.root_url + "/" + SITEMAP_PATH)
        builder.add_url(site.root_url + reverse("search"))
    return builder.plan()
