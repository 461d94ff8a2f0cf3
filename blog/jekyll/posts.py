"""Reading a Jekyll post file: its YAML front matter and its Markdown body."""

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from django.utils import timezone
from frontmatter import YAMLHandler

from blog.categories import category_slug
from home.models.mixins import TEASER_MAX_LENGTH

DATE_PATTERN = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\S.*)?$")
FRONT_MATTER = YAMLHandler()


class PostError(Exception):
    """Why a post file cannot be imported; ``line`` is the file's line number where known."""

    def __init__(self, message, line=None):
        super().__init__(message)
        self.message = message
        self.line = line

    def __str__(self):
        return f"line {self.line}: {self.message}" if self.line else self.message


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


def jekyll_url_name(path):
    """The name Jekyll gives the post in its URL: ``Foo_Bar-EU.md`` → ``foo-bar-eu``."""
    return category_slug(Path(path).stem)


def read_post(path):
    """Read and check one post file; raises ``PostError`` saying what is wrong with it."""
    path = Path(path)
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        raise PostError("file not found") from None
    except OSError as error:
        raise PostError(f"cannot read the file ({error.strerror})") from None
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        line = content.count(b"\n", 0, error.start) + 1
        raise PostError("not UTF-8 encoded text", line) from None
    text = text.removeprefix("\ufeff")

    boundaries = list(FRONT_MATTER.FM_BOUNDARY.finditer(text))
    if not boundaries or boundaries[0].start() != 0:
        raise PostError("no YAML front matter (the file must start with a --- line)", 1)
    if len(boundaries) < 2:
        raise PostError("the front matter is not closed by a --- line", 1)
    opening, closing = boundaries[:2]
    front_matter = text[opening.end() : closing.start()]
    front_matter_first_line = text.count("\n", 0, opening.end()) + 1
    try:
        data = FRONT_MATTER.load(front_matter)
    except yaml.YAMLError as error:
        raise PostError(*yaml_problem(error, front_matter_first_line)) from None
    except ValueError:
        # PyYAML builds dates while loading, so an impossible one such as 2026-02-30 fails
        # there; read as text, it fails the date check below with its line number.
        data = yaml.load(front_matter, Loader=yaml.BaseLoader)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise PostError(
            "the front matter is not a set of key: value lines", front_matter_first_line + 1
        )

    def line_of(key):
        match = re.search(rf"^{re.escape(key)}\s*:", front_matter, re.MULTILINE)
        return (
            front_matter_first_line + front_matter.count("\n", 0, match.start()) if match else None
        )

    title = " ".join(str(data.get("title") or "").split())
    if not title:
        raise PostError("the front matter has no title", line_of("title"))
    teaser = str(data.get("teaser") or "").strip()
    if not teaser:
        raise PostError("the front matter has no teaser", line_of("teaser"))
    if len(teaser) > TEASER_MAX_LENGTH:
        raise PostError(
            f"the teaser has {len(teaser)} characters, at most {TEASER_MAX_LENGTH} are allowed",
            line_of("teaser"),
        )
    if data.get("date") in (None, ""):
        raise PostError("the front matter has no date", line_of("date"))
    date = parse_date(data["date"])
    if date is None:
        raise PostError(f"invalid date {data['date']!r}, expected YYYY-MM-DD", line_of("date"))

    return JekyllPost(
        path=path,
        title=title,
        teaser=teaser,
        authors=names(data.get("authors", data.get("author"))),
        categories=names(data.get("categories", data.get("category"))),
        date=date,
        header_image=str(data.get("header_image") or "").strip(),
        body=text[closing.end() :],
        body_first_line=text.count("\n", 0, closing.end()) + 1,
    )


def yaml_problem(error, first_line):
    """A YAML error as a message and the file's line number where the parser gave up."""
    problem = getattr(error, "problem", None) or "cannot be parsed"
    mark = getattr(error, "problem_mark", None)
    context, context_mark = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context and context_mark and (not mark or context_mark.line != mark.line):
        problem += f" ({context} on line {first_line + context_mark.line})"
    return f"invalid YAML front matter: {problem}", first_line + mark.line if mark else None


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


def names(value):
    """A front matter value that is one name or a list of names, as a list without repeats."""
    values = value if isinstance(value, list) else [value]
    result = []
    for item in values:
        name = " ".join(str(item).split()) if item is not None else ""
        if name and name not in result:
            result.append(name)
    return result
