"""The old site's top-level pages (``impressum.md``, ``ki.md``, ``workshops/index.html``).

Each takes the page of the new site that already answers its address (the demo's Impressum,
a format page), else the format page of its name; only a page the new site has nothing for
becomes a new content page, at its old address where the page tree allows.
"""

from urllib.parse import unquote

from wagtail.models import Page

from home.models import StandardPage

from .body import markdown_to_blocks
from .inline import front_matter_text, plain_text
from .pages import CREATED, page_state, save_imported_page
from .posts import jekyll_url_name

# Top-level pages whose address a page type or a view of the new site answers by itself.
ANSWERED_PATHS = {"/", "/index/", "/suche/"}


def site_page_files(root):
    """``ki.md`` and ``ki/index.html`` at the top of the site; not collections or assets."""
    pages = [*root.glob("*.md"), *root.glob("*.html")]
    for folder in root.iterdir():
        if folder.is_dir() and not folder.name.startswith(("_", ".")) and folder.name != "assets":
            pages += [*folder.glob("index.md"), *folder.glob("index.html")]
    return sorted(page for page in pages if not page.name.startswith("."))


def file_url_name(path):
    """``ki.md`` and ``ki/index.html`` are both ``ki``."""
    return jekyll_url_name(path.parent if path.stem == "index" else path)


def site_page_permalink(root, path, document):
    """The page's address on the old site: its ``permalink``, else Jekyll's ``/ki/``."""
    name_source = path.parent if path.stem == "index" else path
    default = "/" if name_source == root else f"/{jekyll_url_name(name_source)}/"
    permalink = str(document.data.get("permalink") or default).strip()
    permalink = "/" + permalink.strip("/") + "/" if permalink.strip("/") else "/"
    return permalink.removesuffix("index.html").removesuffix("index/") or "/"


class SitePageImport:
    """Imports one top-level page below ``home``; ``redirects`` gets the addresses that moved."""

    def __init__(self, home, assets, redirects, files):
        self.home = home
        self.assets = assets
        self.redirects = redirects
        # A format page takes the text of one file only: the one of its name, else the first
        # whose title names it; a second file stays a page at its own address.
        self.file_names = {file_url_name(path) for path in files}
        self.claimed_by = {}

    def page_at(self, permalink):
        url_path = self.home.url_path + unquote(permalink).strip("/") + "/"
        page = Page.objects.filter(url_path=url_path).first()
        return page.specific if page else None

    def run(self, path, document, permalink, warn):
        if permalink in ANSWERED_PATHS:
            return None
        if str(document.data.get("redirect_to") or "").strip():
            self.redirects.to_url(permalink, self.assets.relative_url(document.data["redirect_to"]))
            return None
        title, removed_tags = front_matter_text(document.data.get("title") or "")
        if removed_tags:
            warn(f"HTML in the title removed: {', '.join(removed_tags)}", document.line_of("title"))
        existing = self.page_at(permalink)
        if existing is not None and not hasattr(existing, "body"):
            return None  # an index or listing of the new site answers the address
        target = existing or self.format_page_named(path, title)
        if target is not None and self.claimed_by.setdefault(target.pk, path) != path:
            warn(
                f"{self.claimed_by[target.pk].name} has already given its text to the page "
                f"{target.title!r}; this file stays a page of its own"
            )
            target = None
        if target is not None:
            outcome = self.update(target, document, title, warn)
            self.redirects.to_page(permalink, target)
            return outcome
        return self.create(permalink, document, title, warn)

    def format_page_named(self, path, title):
        """The format page of the file's name, its title or its category."""
        from formats.models import FormatPage

        formats = FormatPage.objects.descendant_of(self.home)
        named = formats.filter(slug=file_url_name(path)).first()
        if named or not title:
            return named
        unnamed = formats.exclude(slug__in=self.file_names)
        return (
            unnamed.filter(title__iexact=title).first()
            or unnamed.filter(category__name__iexact=title).first()
        )

    def update(self, page, document, title, warn):
        """The old page's text becomes the body; a content page also takes its title and intro.
        A format page keeps its own title, teaser and contact."""
        stored_state = page_state(page.get_latest_revision_as_object())
        page = page.get_latest_revision_as_object()
        page.body = markdown_to_blocks(document.body, self.assets, warn, document.body_first_line)
        if isinstance(page, StandardPage):
            page.title = title or page.title
            page.intro = self.intro(document) or page.intro
        return save_imported_page(page, stored_state, page.get_parent())

    def create(self, permalink, document, title, warn):
        parts = [part for part in unquote(permalink).split("/") if part]
        parent = self.page_at("/" + "/".join(parts[:-1]) + "/") if len(parts) > 1 else self.home
        if parent is None or type(parent) not in StandardPage.allowed_parent_page_models():
            parent = self.home
        page = StandardPage(
            title=title or parts[-1],
            slug=jekyll_url_name(parts[-1] + ".md") or "seite",
            intro=self.intro(document),
            body=markdown_to_blocks(document.body, self.assets, warn, document.body_first_line),
            live=False,
        )
        existing = StandardPage.objects.child_of(parent).filter(slug=page.slug).first()
        if existing is not None:
            return self.update(existing, document, title, warn)
        save_imported_page(page, None, parent)
        self.redirects.to_page(permalink, page)
        return CREATED

    def intro(self, document):
        text = plain_text(document.data.get("description") or document.data.get("teaser") or "")
        return text[: StandardPage._meta.get_field("intro").max_length]
