"""What the tests of ``import_jekyll_site`` share: the corpus tests/importer/jekyll_site, a small
copy of the old site with the mistakes its editors really commit, the new site's skeleton and
ways to read the command's output and the pages it made."""

import re
from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command

from blog.models import BlogPage
from tests.events.factories import EventIndexPageFactory
from tests.factories import AuthorIndexPageFactory, CategoryFactory, FormatPageFactory
from tests.methods.factories import MethodIndexPageFactory

CORPUS = Path(__file__).parent / "jekyll_site"
RETROSPECTIVE = "/beitraege/ki-meetup-rueckblick/"


def add_sections(site_tree):
    format_index = site_tree.format_index
    site_tree.open_innovation_hour = FormatPageFactory(
        parent=format_index,
        title="Open Innovation Hour",
        slug="open-innovation-hour",
        category=CategoryFactory(name="Open Innovation Hour"),
    )
    site_tree.meetups = FormatPageFactory(
        parent=format_index,
        title="MeetUps",
        slug="meetups",
        category=CategoryFactory(name="KI und Zivilgesellschaft"),
    )
    site_tree.methods = MethodIndexPageFactory(parent=site_tree.home)
    site_tree.events = EventIndexPageFactory(parent=site_tree.home)
    site_tree.authors = AuthorIndexPageFactory(parent=site_tree.home)
    return site_tree


def run_import(root, *options):
    """Run the command; return stdout, stderr and the CommandError it raised, if any."""
    stdout, stderr = StringIO(), StringIO()
    error = None
    try:
        call_command("import_jekyll_site", str(root), *options, stdout=stdout, stderr=stderr)
    except CommandError as raised:
        error = raised
    return stdout.getvalue(), stderr.getvalue(), error


def summary_row(stdout, kind):
    """``{"created": 3, …}`` from the summary's row for ``kind`` (``posts``, ``images`` …)."""
    lines = stdout.splitlines()
    header = lines[lines.index("Summary:") + 1].split()
    row = next(line for line in lines if line.startswith(kind + " "))
    return dict(zip(header, map(int, row[len(kind) :].split()), strict=True))


def post(slug):
    return BlogPage.objects.get(slug=slug)


def blocks_of(page, block_type):
    return [block.value for block in page.body if block.block_type == block_type]


def rich_text_of(page):
    """The page's text blocks without Draftail's random ``data-block-key`` attributes."""
    html = "".join(block.value.source for block in page.body if block.block_type == "paragraph")
    return re.sub(r' data-block-key="[^"]*"', "", html)
