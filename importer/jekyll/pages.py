"""The pages Jekyll posts and methods become: created once, updated when their source changed.

An import that would change nothing leaves the page alone: no revision, no publishing.
"""

import re
from dataclasses import dataclass

from django.utils import timezone

from blog.models import BlogIndexPage, BlogPage, BlogPageAuthor
from home.categories import category_slug, transliterate
from home.models import Category, Person

from .body import markdown_to_blocks
from .includes import is_true
from .inline import plain_text
from .posts import PostError, jekyll_url_name, name_key

MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\(\s*<?(?P<url>[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
RICH_TEXT_BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')
CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


@dataclass
class ImportedPost:
    page: BlogPage
    outcome: str

    @property
    def created(self):
        return self.outcome == CREATED

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


def import_post(post, parent, assets, warn, related_post=None, slug=None):
    """Create the post's page below ``parent``, or update the one with the same slug.

    ``related_post`` is the page the front matter's ``related_post`` names, where known;
    ``slug`` replaces the file's URL name. A future date leaves the page scheduled, not live.
    """
    page, stored_state = page_to_import(BlogPage, parent, post.path, slug)
    apply_post_fields(page, post, assets, warn, BlogPageAuthor)
    page.celebrate = is_true(post.front_matter.get("confetti"))
    if related_post is not None:
        page.related_post = related_post
    page.go_live_at = None
    page.schedule_for_publication_date()
    outcome = save_imported_page(page, stored_state, parent)
    return ImportedPost(page=page, outcome=outcome)


def page_to_import(page_class, parent, path, slug=None):
    """The page a source file becomes (new or found by slug, by default the file's URL name),
    and the state of its newest revision (``None`` for a new page)."""
    slug = slug or jekyll_url_name(path)
    if not slug:
        raise PostError("the file name has no letters or digits to form the page's URL")
    page = page_class.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        return page_class(slug=slug, live=False), None
    return page, page_state(page.get_latest_revision_as_object())


def apply_post_fields(page, post, assets, warn, author_model):
    """The fields posts and methods share: title, teaser, date, image, authors, categories, body."""
    for message, line in post.warnings:
        warn(message, line)
    page.title = post.title
    page.teaser = post.teaser
    if post.date is not None:
        page.date = post.date
    credit, credit_url = image_credit(post.front_matter.get("header_image_credit"))
    page.header_image = (
        assets.image(post.header_image, warn, post.line_of("header_image"), "", credit, credit_url)
        if post.header_image
        else None
    )
    # The old site showed header images beside the title, without alt text.
    page.header_image_is_decorative = bool(page.header_image and not page.header_image.description)
    if not post.authors:
        warn("the front matter names no author")
    page.authors = [author_model(person=person_named(name, warn)) for name in post.authors]
    page.categories = categories_named(post.categories, warn)
    page.body = markdown_to_blocks(post.body, assets, warn, post.body_first_line)


def save_imported_page(page, stored_state, parent):
    """Add or publish ``page`` if it differs from its ``stored_state``; returns what happened."""
    if stored_state is None:
        parent.add_child(instance=page)
        page.save_revision().publish()
        return CREATED
    if page_state(page) == stored_state:
        return UNCHANGED
    if page.live and page.go_live_at and page.go_live_at > timezone.now():
        page.unpublish()
    page.save_revision().publish()
    return UPDATED


def page_state(page):
    """What an import sets on a page, comparable between the stored page and a new import."""
    state = {
        field.name: comparable(getattr(page, field.attname))
        for field in page._meta.concrete_fields
        if field.name not in STATE_IGNORED_FIELDS and not field.name.endswith("_ptr")
    }
    if hasattr(page, "body"):
        state["body"] = comparable(page.body.get_prep_value()) if page.body else []
    if hasattr(page, "authors"):
        state["authors"] = [author.person_id for author in page.authors.all()]
    if hasattr(page, "categories"):
        state["categories"] = sorted(category.pk for category in page.categories.all())
    return state


STATE_IGNORED_FIELDS = {
    "id",
    "path",
    "depth",
    "numchild",
    "translation_key",
    "locale",
    "latest_revision",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "live_revision",
    "latest_revision_created_at",
    "draft_title",
    "locked",
    "locked_at",
    "locked_by",
    "owner",
    "url_path",
    "content_type",
    "body",
    "alias_of",
    "expired",
    "go_live_at",
}


def comparable(value):
    """A field's value without the block ids and rich text block keys that Wagtail and
    Draftail make anew on each import."""
    if isinstance(value, str):
        return RICH_TEXT_BLOCK_KEY.sub("", value)
    if isinstance(value, list):
        return [comparable(item) for item in value]
    if isinstance(value, dict):
        if "type" in value and "value" in value and set(value) <= {"type", "value", "id"}:
            return {"type": value["type"], "value": comparable(value["value"])}
        return {key: comparable(item) for key, item in value.items()}
    return value


def image_credit(markdown):
    """``Foto: [Jane Doe](https://…) / Unsplash`` → ``("Foto: Jane Doe / Unsplash", "https://…")``."""
    if not markdown or not str(markdown).strip():
        return "", ""
    markdown = str(markdown)
    link = MARKDOWN_LINK.search(markdown)
    url = link["url"] if link and link["url"].startswith(("http://", "https://")) else ""
    return plain_text(markdown), url


def person_by_name(name, warn=None):
    """The person of that name, also spelled without accents or in other case, or ``None``."""
    person = Person.objects.filter(name=name).order_by("pk").first()
    if person is not None:
        return person
    key = name_key(name)
    namesakes = [other for other in Person.objects.order_by("pk") if name_key(other.name) == key]
    if len(namesakes) > 1 and warn:
        spellings = ", ".join(other.name for other in namesakes)
        warn(f"author {name!r} could be any of {spellings}; taken as {namesakes[0].name!r}")
    return namesakes[0] if namesakes else None


def person_named(name, warn):
    """The person of that name (see ``person_by_name``), else a new one."""
    person = person_by_name(name, warn)
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
