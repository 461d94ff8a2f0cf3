"""The BlogPage a Jekyll post becomes: created once, updated on every further import."""

from dataclasses import dataclass

from django.utils import timezone

from blog.categories import category_slug, transliterate
from blog.models import BlogIndexPage, BlogPage, BlogPageAuthor, Category
from home.models import Person

from .body import markdown_to_blocks
from .posts import PostError, jekyll_url_name, name_key


@dataclass
class ImportedPost:
    page: BlogPage
    created: bool

    @property
    def url(self):
        return self.page.get_url() or self.page.url_path


def find_blog_index(page_id=None):
    """The blog index posts are imported into; ``LookupError`` says why there is none."""
    if page_id is not None:
        index = BlogIndexPage.objects.filter(pk=page_id).first()
        if index is None:
            raise LookupError(f"Page {page_id} is not a blog index page (BlogIndexPage).")
        return index
    indexes = list(BlogIndexPage.objects.all()[:2])
    if not indexes:
        raise LookupError(
            "There is no blog index page (BlogIndexPage) to import into; create one first."
        )
    if len(indexes) > 1:
        raise LookupError("There is more than one blog index page; choose one with --parent.")
    return indexes[0]


def import_post(post, parent, assets, warn):
    """Create the post's page below ``parent``, or update the one with the same slug.

    Every import publishes a new revision; a future date leaves the page scheduled, not live.
    """
    slug = jekyll_url_name(post.path)
    if not slug:
        raise PostError("the file name has no letters or digits to form the page's URL")
    page = BlogPage.objects.child_of(parent).filter(slug=slug).first()
    created = page is None
    if created:
        page = BlogPage(slug=slug, live=False)
    elif page.live and post.date > timezone.localdate():
        page.unpublish()

    for message, line in post.warnings:
        warn(message, line)
    page.title = post.title
    page.teaser = post.teaser
    page.date = post.date
    page.header_image = assets.image(post.header_image, warn) if post.header_image else None
    if not post.authors:
        warn("the front matter names no author")
    page.authors = [BlogPageAuthor(person=person_named(name, warn)) for name in post.authors]
    page.categories = categories_named(post.categories, warn)
    page.body = markdown_to_blocks(post.body, assets, warn, post.body_first_line)
    page.go_live_at = None
    page.schedule_for_publication_date()

    if created:
        parent.add_child(instance=page)
    page.save_revision().publish()
    return ImportedPost(page=page, created=created)


def person_named(name, warn):
    """The person of that name, also spelled without accents or in other case; else a new one."""
    person = Person.objects.filter(name=name).order_by("pk").first()
    if person is None:
        key = name_key(name)
        namesakes = [
            other for other in Person.objects.order_by("pk") if name_key(other.name) == key
        ]
        if len(namesakes) > 1:
            spellings = ", ".join(other.name for other in namesakes)
            warn(f"author {name!r} could be any of {spellings}; taken as {namesakes[0].name!r}")
        person = namesakes[0] if namesakes else None
    if person is None:
        person = Person(name=name)
        person.full_clean()
        person.save()
    return person


def categories_named(names, warn):
    categories = []
    for name in names:
        category = category_named(name)
        if category is None:
            warn(f"category {name!r} has no letters or digits; left out")
        elif category not in categories:
            categories.append(category)
    return categories


def category_named(name):
    """The category whose slug is the name's (as the old site's filter links spell it)."""
    slug = category_slug(name)
    if not slug:
        return None
    category = (
        Category.objects.filter(slug__in=[slug, transliterate(slug)]).order_by("pk").first()
        or Category.objects.filter(name__iexact=name).first()
    )
    if category is None:
        category = Category(name=name)
        category.full_clean()
        category.save()
    return category
