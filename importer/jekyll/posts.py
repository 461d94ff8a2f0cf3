"""Reading a Jekyll post file: its YAML front matter and its Markdown body."""

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import timezone

from home.categories import category_slug
from home.models.mixins import TEASER_MAX_LENGTH

from .front_matter import FrontMatterError, load_front_matter
from .inline import front_matter_text, plain_text

DATE_PATTERN = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\S.*)?$")
FRONT_MATTER_BOUNDARY = re.compile(r"-{3,}\s*")
MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]<>#|]")
RELATIVE_ASSETS_PATH = re.compile(r"^(?:\.{1,2}/)*(?=assets/)")


class PostError(Exception):
    """Why a post file cannot be imported; ``line`` is the file's line number where known."""

    def __init__(self, message, line=None):
        super().__init__(message)
        self.message = message
        self.line = line

    def __str__(self):
        return f"line {self.line}: {self.message}" if self.line else self.message


class NotADocument(PostError):
    """A file in a collection folder that Jekyll copies as it is instead of publishing it."""


@dataclass
class JekyllPost:
    path: Path
    title: str
    teaser: str
    authors: list
    categories: list
    date: datetime.date
    header_image: str
    body: str
    body_first_line: int
    front_matter: dict = field(default_factory=dict)
    """Every front matter value as read, also those the importer does not use."""
    key_lines: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    """``(message, line)`` for what was repaired in the front matter and could be wrong."""

    def line_of(self, key):
        return self.key_lines.get(key)


def jekyll_url_name(path):
    """The name Jekyll gives the post in its URL: ``Foo_Bar-EU.md`` → ``foo-bar-eu``.

    Composed Unicode (NFC), so a name a Mac wrote decomposed (NFD) gives the same URL.
    """
    return category_slug(unicodedata.normalize("NFC", Path(path).stem))


@dataclass
class JekyllDocument:
    """A file of a Jekyll collection: its front matter, read and repaired, and its body."""

    path: Path
    data: dict
    key_lines: dict
    body: str
    body_first_line: int
    warnings: list

    def line_of(self, key):
        return self.key_lines.get(key)


def read_document(path):
    """Read a collection file's front matter and body; ``PostError`` says why it is none."""
    path = Path(path)
    content = file_content(path)
    if not path.suffix:
        raise NotADocument(
            "not a post: the file name has no extension (Jekyll publishes posts named like NAME.md)"
        )
    lines = text_lines(content)
    if not lines or not FRONT_MATTER_BOUNDARY.fullmatch(lines[0]):
        raise NotADocument(
            "not a post: no YAML front matter (a post starts with a --- line; Jekyll copies "
            "other files as they are)",
            1,
        )
    closing = next(
        (index for index, line in enumerate(lines[1:], 1) if FRONT_MATTER_BOUNDARY.fullmatch(line)),
        None,
    )
    if closing is None:
        raise PostError("the front matter is not closed by a --- line", 1)
    try:
        front_matter = load_front_matter(lines[1:closing], first_line=2)
    except FrontMatterError as error:
        raise PostError(error.message, error.line) from None
    return JekyllDocument(
        path=path,
        data=front_matter.data,
        key_lines=front_matter.key_lines,
        body="\n".join(lines[closing + 1 :]),
        body_first_line=closing + 2,
        warnings=front_matter.warnings,
    )


def shortened(text, limit):
    """``text`` cut after its last whole word within ``limit`` characters, with "…"."""
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return f"{cut}…"


def escaped_markdown(text):
    """Plain ``text`` as a Markdown paragraph that reads as the same text."""
    return MARKDOWN_SPECIAL.sub(r"\\\g<0>", text)


def read_post(path, require_date=True):
    """Read and check one post file; raises ``PostError`` saying what is wrong with it.

    Methods share the post fields; their date may be left out (``require_date=False``).
    """
    document = read_document(path)
    data, line_of = document.data, document.line_of

    title, removed_tags = front_matter_text(markdown_text(data.get("title")))
    if not title:
        raise PostError("the front matter has no title", line_of("title"))
    teaser = plain_text(str(data.get("teaser") or ""))
    if not teaser:
        raise PostError("the front matter has no teaser", line_of("teaser"))
    body, body_first_line = document.body, document.body_first_line
    warnings = list(document.warnings)
    if removed_tags:
        tags = ", ".join(f"<{name}>" for name in removed_tags)
        warnings.append((f"HTML in the title removed: {tags}", line_of("title")))
    if len(teaser) > TEASER_MAX_LENGTH:
        warnings.append(
            (
                f"the teaser has {len(teaser)} characters, more than the {TEASER_MAX_LENGTH} "
                "the CMS allows: shortened, the whole teaser opens the body",
                line_of("teaser"),
            )
        )
        body = f"{escaped_markdown(teaser)}\n\n{body}"
        body_first_line -= 2  # the body's own lines keep their numbers in warnings
        teaser = shortened(teaser, TEASER_MAX_LENGTH)
    date = None
    if data.get("date") in (None, ""):
        if require_date:
            raise PostError("the front matter has no date", line_of("date"))
    else:
        date = parse_date(data["date"])
        if date is None:
            raise PostError(
                f"invalid date {data['date']!r}{date_problem(data['date'])}, expected YYYY-MM-DD",
                line_of("date"),
            )

    return JekyllPost(
        path=document.path,
        title=title,
        teaser=teaser,
        authors=names(data, "authors", "author", line_of),
        categories=names(data, "categories", "category", line_of),
        date=date,
        header_image=site_asset_url(str(data.get("header_image") or "")),
        body=body,
        body_first_line=body_first_line,
        front_matter=data,
        key_lines=document.key_lines,
        warnings=warnings,
    )


def file_content(path):
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise PostError("file not found") from None
    except OSError as error:
        raise PostError(f"cannot read the file ({error.strerror})") from None


def text_lines(content):
    """The lines of UTF-8 text, without byte order mark, any line endings, composed Unicode."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        line = content.count(b"\n", 0, error.start) + 1
        raise PostError("not UTF-8 encoded text", line) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).split("\n") if text else []


def markdown_text(value):
    """A front matter value shown as text, with Markdown's escapes read: ``Bürger\\*innen``."""
    return MARKDOWN_ESCAPE.sub(r"\1", str(value)) if value is not None else ""


def site_asset_url(url):
    """``assets/…`` and ``../assets/…`` as the site's ``/assets/…`` URL they meant."""
    return RELATIVE_ASSETS_PATH.sub("/", url.strip(), count=1)


def parse_date(value):
    """A YAML date or datetime, or a ``YYYY-MM-DD`` string (a time after it is ignored)."""
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    if isinstance(value, datetime.date):
        return value
    match = DATE_PATTERN.match(str(value).strip())
    if not match:
        return None
    try:
        return datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def date_problem(value):
    """Why a ``YYYY-MM-DD`` string is no date (`` (month must be in 1..12)``), else ``""``."""
    match = DATE_PATTERN.match(str(value).strip())
    try:
        if match:
            datetime.date(*(int(part) for part in match.groups()))
    except ValueError as error:
        return f" ({error})"
    return ""


def name_key(name):
    """A name without accents, case and extra spaces: how people's names are compared.

    ``"Maria Goncalves"`` and ``"maria  Gonçalves"`` give the key of ``"Maria Gonçalves"``.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def names(data, plural_key, singular_key, line_of):
    """The names under ``authors`` (or ``author``): one name or a list, without repeats."""
    key = plural_key if plural_key in data else singular_key
    value = data.get(key)
    result = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict | list):
            raise PostError(f"{key}: {item!r} is not a name", line_of(key))
        name = " ".join(str(item).split()) if item is not None else ""
        if name and name_key(name) not in map(name_key, result):
            result.append(name)
    return result
