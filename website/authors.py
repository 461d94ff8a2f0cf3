"""Author pages: ``/autoren/`` lists everyone who wrote for the site, ``/autoren/<slug>/`` shows
one person with their posts and methods.

Methods come from the ``methods`` app, which this module does not import: it looks
``methods.MethodPage`` up at run time, so author pages work with and without that app.
"""

from django.core.cache import cache
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Q
from django.dispatch import receiver
from django.http import Http404
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from blog.models import POSTS_PER_PAGE, BlogPage, BlogPageAuthor
from editorial.page_permissions import EditorialPagePermissionsMixin
from home.models import Person
from home.models.images import AUTHOR_PHOTO_SPECS, PERSON_CARD_SPECS, with_image_renditions
from home.models.mixins import IntroMixin, SearchEngineVisibilityMixin
from home.models.page_queries import PrivacyInOneQueryMixin
from home.section_pages import section_page
from methods.models import MethodPage, MethodPageAuthor
from pagecache.query_parameters import PAGE_NUMBER

AUTHOR_INDEX_SLUG = "autoren"
AUTHOR_IDS_CACHE_TIMEOUT = 24 * 60 * 60
AUTHOR_INDEX_TITLE = "Autor*innen"


class AuthorIndexPage(
    EditorialPagePermissionsMixin,
    PrivacyInOneQueryMixin,
    SearchEngineVisibilityMixin,
    IntroMixin,
    RoutablePageMixin,
    Page,
):
    """``/autoren/``: everyone with a live post or method; ``/autoren/<slug>/`` per person."""

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count = 1
    template = "website/author_index_page.html"
    cache_query_parameters_by_route = {"author": {"page": PAGE_NUMBER}}

    class Meta:
        verbose_name = "Autor*innen"
        verbose_name_plural = "Autor*innen-Übersichten"

    @property
    def site_path(self):
        """The tree path of the home page above this page: posts and methods of this site."""
        return self.path[: -self.steplen]

    def posts(self):
        return BlogPage.objects.for_listing().filter(path__startswith=self.site_path)

    def methods(self):
        """Live public methods of this site."""
        return MethodPage.objects.for_listing().filter(path__startswith=self.site_path)

    def people(self):
        """Everyone who is an author of a live public post or method here."""
        method_authors = MethodPageAuthor
        authored = Q(
            pk__in=BlogPageAuthor.objects.filter(page__in=self.posts()).values("person")
        ) | Q(pk__in=method_authors.objects.filter(page__in=self.methods()).values("person"))
        return Person.objects.live().filter(authored)

    def posts_by(self, person):
        return self.posts().filter(
            pk__in=BlogPageAuthor.objects.filter(person=person).values("page")
        )

    def methods_by(self, person):
        method_authors = MethodPageAuthor
        return list(
            self.methods().filter(
                pk__in=method_authors.objects.filter(person=person).values("page")
            )
        )

    def author_path(self, person_slug):
        """``maria-goncalves/``: the author page's address relative to this page."""
        return self.reverse_subpage("author", kwargs={"person_slug": person_slug})

    def author_url(self, person, request=None):
        return self.get_url(request) + self.author_path(person.slug)

    @path("")
    def listing(self, request):
        people = with_image_renditions(self.people().order_by("name"), "photo", PERSON_CARD_SPECS)
        return self.render(request, context_overrides={"people": people})

    @path("<slug:person_slug>/", name="author")
    def author(self, request, person_slug):
        person = with_image_renditions(
            Person.objects.live().filter(slug=person_slug), "photo", AUTHOR_PHOTO_SPECS
        ).first()
        if person is None:
            raise Http404("Diese Person gibt es nicht.")
        # Every person has a page, as on today's site, also before their first post.
        paginator = Paginator(self.posts_by(person), POSTS_PER_PAGE)
        methods = self.methods_by(person)
        try:
            page_of_posts = paginator.page(request.GET.get("page") or 1)
        except InvalidPage as error:
            raise Http404("Diese Seite gibt es nicht.") from error
        return self.render(
            request,
            template="website/author_page.html",
            context_overrides={
                "person": person,
                "canonical_url": self.get_full_url(request) + self.author_path(person.slug),
                "posts": page_of_posts,
                "paginator": paginator,
                "methods": methods,
            },
        )

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        if not urls:
            return urls
        base_url = self.get_full_url(request)
        for slug in self.people().order_by("slug").values_list("slug", flat=True):
            urls.append({"location": base_url + self.author_path(slug)})
        return urls


class AuthorLinks:
    """Which people have an author page, and its address; looked up once per request."""

    def __init__(self, index=None, person_ids=frozenset(), request=None):
        self.index = index
        self.person_ids = person_ids
        self.request = request

    @classmethod
    def lookup(cls, request=None):
        index = section_page(request, AuthorIndexPage)
        if index is None:
            return cls()
        key = author_ids_cache_key(index.pk)
        person_ids = cache.get(key)
        if person_ids is None:
            person_ids = frozenset(index.people().values_list("pk", flat=True))
            cache.set(key, person_ids, AUTHOR_IDS_CACHE_TIMEOUT)
        return cls(index, person_ids, request)

    def url_for(self, person):
        if self.index is None or not person.slug or person.pk not in self.person_ids:
            return ""
        return self.index.author_url(person, self.request)


def author_ids_cache_key(index_id):
    return f"author-ids:{index_id}"


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(published, sender=Person)
@receiver(unpublished, sender=Person)
def forget_author_ids(sender, **kwargs):
    """Who has an author page changes only when a post, a method or a person goes on- or
    offline."""
    index_ids = AuthorIndexPage.objects.values_list("pk", flat=True)
    cache.delete_many([author_ids_cache_key(index_id) for index_id in index_ids])


def author_page_url(request, person):
    """The address of the person's author page, or ``""`` when they have none.

    With a request, the author index and its people are looked up once for all person cards.
    """
    if person is None:
        return ""
    if request is None:
        return AuthorLinks.lookup().url_for(person)
    links = getattr(request, "_author_links", None)
    if links is None:
        links = request._author_links = AuthorLinks.lookup(request)
    return links.url_for(person)


def ensure_author_index(home_page):
    """The author index below ``home_page`` (``/autoren/``); created and published if missing,
    an existing one is left as editors keep it."""
    index = AuthorIndexPage.objects.child_of(home_page).first()
    if index is None:
        index = AuthorIndexPage(
            title=AUTHOR_INDEX_TITLE,
            slug=AUTHOR_INDEX_SLUG,
            intro="Wer bei der Open Innovation City Bielefeld schreibt: alle Autor*innen "
            "mit ihren Beiträgen und Methoden.",
        )
        home_page.add_child(instance=index)
        index.save_revision().publish()
        index = AuthorIndexPage.objects.get(pk=index.pk)
    return index
