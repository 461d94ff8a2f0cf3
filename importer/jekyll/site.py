"""Importing the whole folder of the old Jekyll site: data, posts, methods, files, redirects.

The order matters: persons before the posts that name them as authors, posts before the
links between them (resolved once every post exists) and redirects last.
"""

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from urllib.parse import quote, unquote

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Page

from home.categories import category_slug

from .assets import SiteAssets
from .data_files import (
    EntryError,
    import_author_page,
    import_event,
    import_project,
    import_team_member,
    read_data_file,
)
from .methods import import_method, read_method
from .pages import find_blog_index, import_post
from .posts import NotADocument, PostError, jekyll_url_name, read_document, read_post
from .redirects import Redirects, site_path
from .site_pages import SitePageImport, site_page_files, site_page_permalink

POSTS_FOLDER = "_beitraege"
METHODS_FOLDER = "_methoden"
AUTHORS_FOLDER = "autoren"
DOWNLOADS_FOLDER = "assets/downloads"
DATA_FILES = {
    "person": "_data/team.yml",
    "event": "_data/events.yml",
    "project": "_data/projects.yml",
}
LINK_KEYS = ("related_post", "retrospective_post")
OLD_FEED_PATH = "/feed.xml"
OUTSIDE_LINK_REFUSAL = "refused: a link to a file outside the site's folder"


@dataclass
class PendingLink:
    page: Page
    target_name: str
    label: str
    line: int | None


@dataclass
class Parents:
    blog: Page
    methods: Page | None = None
    events: Page | None = None
    authors: Page | None = None


def find_parents(blog_index_id=None):
    from events.models import EventIndexPage
    from methods.models import MethodIndexPage
    from website.authors import AuthorIndexPage

    blog = find_blog_index(blog_index_id)
    site_pages = Page.objects.descendant_of(blog.get_parent(), inclusive=True)
    return Parents(
        blog=blog,
        methods=MethodIndexPage.objects.filter(pk__in=site_pages).first(),
        events=EventIndexPage.objects.filter(pk__in=site_pages).first(),
        authors=AuthorIndexPage.objects.filter(pk__in=site_pages).first(),
    )


def source_files(folder):
    """The files of a collection folder, by name; hidden files (``.DS_Store``) are no source."""
    if not folder.is_dir():
        return []
    return sorted(
        (path for path in folder.rglob("*") if path.is_file() and not path.name.startswith(".")),
        key=lambda path: str(path),
    )


def numbered_names(paths):
    """Each file's URL name, made unique: when two files map to one address (``Dup-Post.md``
    and ``dup_post.md``), the first by name keeps it and the next gets ``dup-post-2``, so that
    neither overwrites the other. Returns ``{path: name}`` and ``{path: warning}``."""
    names, warnings, owner = {}, {}, {}
    for path in paths:
        name = base = jekyll_url_name(path)
        number = 1
        while name in owner:
            number += 1
            name = f"{base}-{number}"
        owner[name] = path
        names[path] = name
        if name != base:
            first = owner[base]
            warnings[path] = (
                f"{first.name} has the same address ({base}); this file is imported as "
                f"{name}, without a redirect from the old address"
            )
            warnings.setdefault(
                first, f"{path.name} has the same address ({base}); it is imported as {name}"
            )
    return names, warnings


def leaves_folder(path, root):
    """A symbolic link (or a path through one) that points outside the site's folder."""
    return not Path(path).resolve().is_relative_to(Path(root).resolve())


def old_url_names(path):
    """The names the old site gave a file in URLs: of its name as stored and composed (NFC)."""
    stem = Path(path).stem
    return {category_slug(stem), jekyll_url_name(path)} - {""}


class SiteImport:
    def __init__(self, root, report, site_url, blog_index_id=None):
        self.root = Path(root)
        self.report = report
        self.parents = find_parents(blog_index_id)
        self.site = self.parents.blog.get_site()
        self.assets = SiteAssets(self.root / "assets", site_url)
        self.redirects = Redirects(self.site, report)
        self.posts_by_name = {}
        self.pending_links = []
        self.pages_with_header_image = []

    def label(self, path):
        return (
            str(Path(path).relative_to(self.root))
            if Path(path).is_relative_to(self.root)
            else str(path)
        )

    def run(self):
        data = {kind: self.data_records(kind, relative) for kind, relative in DATA_FILES.items()}
        post_files = source_files(self.root / POSTS_FOLDER)
        method_files = source_files(self.root / METHODS_FOLDER)
        author_files = [
            path
            for path in source_files(self.root / AUTHORS_FOLDER)
            if path.suffix in {".md", ".html"}
        ]
        download_files = source_files(self.root / DOWNLOADS_FOLDER)
        page_files = site_page_files(self.root)
        self.url_names, self.collisions = numbered_names(post_files)
        method_names, method_collisions = numbered_names(method_files)
        self.url_names.update(method_names)
        self.collisions.update(method_collisions)
        total = (
            sum(len(records) for records in data.values())
            + len(post_files)
            + len(method_files)
            + len(author_files)
            + len(download_files)
            + len(page_files)
        )
        self.report.start(total)

        for position, record in enumerate(data["person"]):
            self.import_entry("person", record, import_team_member, position)
        for path in author_files:
            self.step(path, "author page", self.import_author_page)
        for position, record in enumerate(data["project"]):
            self.import_entry("project", record, import_project, position)
        for path in post_files:
            self.step(path, "post", self.import_post)
        self.link_related_posts()
        for path in method_files:
            self.step(path, "method", self.import_method)
        self.describe_header_images()
        for position, record in enumerate(data["event"]):
            self.import_entry("event", record, self.import_event, position)
        for path in download_files:
            self.step(path, "document", self.import_download)
        site_pages = SitePageImport(
            self.parents.blog.get_parent(), self.assets, self.redirects, page_files
        )
        for path in sorted(page_files, key=lambda path: len(path.relative_to(self.root).parts)):
            self.step(path, "page", partial(self.import_site_page, site_pages))
        self.add_site_redirects()

    def data_records(self, kind, relative):
        path = self.root / relative
        if not path.is_file():
            return []
        if leaves_folder(path, self.root):
            self.report.write_problem(relative, OUTSIDE_LINK_REFUSAL, kind=kind, outcome="skipped")
            return []
        try:
            records, warnings = read_data_file(path)
        except PostError as error:
            self.report.write_problem(relative, error.message, error.line, kind=kind)
            return []
        warn = self.report.warner(relative)
        for message, line in warnings:
            warn(message, line)
        return records

    def step(self, path, kind, action, label=None):
        """Run ``action(path, warn)`` in its own transaction; report and count what happened."""
        label = label or self.label(path)
        warn = self.report.warner(label)
        if leaves_folder(path, self.root):
            self.report.write_problem(label, OUTSIDE_LINK_REFUSAL, kind=kind, outcome="skipped")
            self.report.progress.advance(label)
            return
        if path in self.collisions:
            warn(self.collisions[path])
        try:
            with transaction.atomic():
                outcome = action(path, warn)
        except NotADocument as error:
            self.report.write_problem(
                label, f"skipped: {error.message}", error.line, kind=kind, outcome="skipped"
            )
        except PostError as error:
            self.report.write_problem(label, error.message, error.line, kind=kind)
        except ValidationError as error:
            self.report.write_problem(
                label, f"the page is not valid: {' '.join(error.messages)}", kind=kind
            )
        except Exception as error:  # noqa: BLE001 - one broken file must not end the migration
            self.report.write_problem(
                label, f"unexpected error, please report it: {error!r}", kind=kind
            )
        else:
            if outcome:
                self.report.count(kind, outcome)
        warn.close()
        self.report.progress.advance(label)

    def import_entry(self, kind, record, action, position):
        relative = DATA_FILES[kind]

        def import_record(path, warn):
            if not record.data:
                raise EntryError("the entry is not a set of key: value lines", record.line)
            return action(record, position, self.assets, warn).outcome

        self.step(self.root / relative, kind, import_record, label=relative)

    def import_event(self, record, position, assets, warn):
        if self.parents.events is None:
            raise EntryError("there is no events index page (EventIndexPage) to import into")
        return import_event(record, position, self.parents.events, assets, warn, self.post_at)

    def post_at(self, path):
        """The imported post at ``/beitraege/<name>/`` (or ``/<collection>/<name>/``)."""
        parts = [part for part in path.split("/") if part]
        if len(parts) != 2 or parts[0] != POSTS_FOLDER.strip("_"):
            return None
        return self.post_named(jekyll_url_name(Path(unquote(parts[1])).name + ".md"))

    def import_author_page(self, path, warn):
        document = read_document(path)
        person, permalink, outcome = import_author_page(document, warn)
        if self.parents.authors is None:
            warn("there is no author index page (/autoren/); no redirect for this author page")
        elif permalink:
            self.redirects.to_page(permalink, self.parents.authors, f"{person.slug}/")
        return outcome

    def import_post(self, path, warn):
        post = read_post(path)
        related, pending = self.related_post(post)
        name = self.url_names[path]
        imported = import_post(post, self.parents.blog, self.assets, warn, related, name)
        self.posts_by_name[name] = imported.page
        self.pages_with_header_image.append(imported.page)
        if pending:
            self.pending_links.append(
                PendingLink(
                    imported.page, pending, self.label(path), post.line_of(pending_key(post))
                )
            )
        for old_name in self.old_url_names(path):
            self.redirects.to_page(site_path(POSTS_FOLDER.strip("_"), old_name), imported.page)
        return imported.outcome

    def old_url_names(self, path):
        """The file's old URL names, unless the file lost its address to a namesake."""
        if self.url_names[path] != jekyll_url_name(path):
            return set()
        return old_url_names(path)

    def related_post(self, post):
        """The post the front matter links to if it exists already, else its name for later."""
        key = pending_key(post)
        if key is None:
            return None, None
        name = jekyll_url_name(Path(str(post.front_matter[key]).strip()).name)
        page = self.post_named(name)
        return (page, None) if page else (None, name)

    def post_named(self, name):
        """The post of that URL name, imported in this run or before."""
        from blog.models import BlogPage

        return self.posts_by_name.get(name) or (
            BlogPage.objects.child_of(self.parents.blog).filter(slug=name).first()
        )

    def describe_header_images(self):
        """A header image without alt text counts as decorative, until a later post's body
        gives the same file its description; those earlier pages take it now, so that the
        next run finds nothing to change."""
        for page in self.pages_with_header_image:
            if not (page.pk and page.header_image_is_decorative and page.header_image_id):
                continue
            page.header_image.refresh_from_db(fields=["description"])
            if not page.header_image.description:
                continue
            with transaction.atomic():
                latest = page.get_latest_revision_as_object()
                latest.header_image_is_decorative = False
                latest.save_revision().publish()

    def link_related_posts(self):
        """Second pass: links to posts that did not exist when the linking post was imported."""
        for link in self.pending_links:
            target = self.posts_by_name.get(link.target_name)
            warn = self.report.warner(link.label)
            if target is None:
                warn(f"the linked post {link.target_name!r} is not among the posts", link.line)
                continue
            with transaction.atomic():
                page = link.page.get_latest_revision_as_object()
                page.related_post = target
                page.save_revision().publish()

    def import_method(self, path, warn):
        if self.parents.methods is None:
            raise PostError("there is no method index page (MethodIndexPage) to import into")
        post, facts = read_method(path, warn)
        page, outcome = import_method(
            post, facts, self.parents.methods, self.assets, warn, self.url_names[path]
        )
        self.pages_with_header_image.append(page)
        for old_name in self.old_url_names(path):
            self.redirects.to_page(site_path(METHODS_FOLDER.strip("_"), old_name), page)
        return outcome

    def import_download(self, path, warn):
        """Every file of the old downloads folder, linked or not; counted with the assets."""
        url = "/" + path.relative_to(self.root).as_posix()
        document = self.assets.document(url, warn)
        if document is None:
            raise PostError("not imported as a document (see the warning above)")
        self.redirects.to_url(quote(url), document.url)

    def import_site_page(self, site_pages, path, warn):
        try:
            document = read_document(path)
        except NotADocument:
            return None  # Jekyll publishes it as a file, not as a page (a README.md)
        return site_pages.run(path, document, site_page_permalink(self.root, path, document), warn)

    def add_site_redirects(self):
        blog = self.parents.blog
        self.redirects.to_page(OLD_FEED_PATH, blog, "feed/")
        self.redirects.to_page("/beitraege/", blog)
        if self.parents.methods is not None:
            self.redirects.to_page("/methoden/", self.parents.methods)
        if self.parents.authors is not None:
            self.redirects.to_page("/autoren/", self.parents.authors)
        for path, image in self.assets.images_by_path.items():
            self.redirects.to_url(quote(path), image.file.url)


def pending_key(post):
    for key in LINK_KEYS:
        if str(post.front_matter.get(key) or "").strip():
            return key
    return None
