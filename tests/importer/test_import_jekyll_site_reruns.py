"""``import_jekyll_site`` run again, on an edited folder, as a dry run and on a terminal."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Revision

from blog.models import BlogPage
from downloads.models import Download
from events.models import EventPage
from home.models import CreditedImage, Person
from methods.models import MethodPage
from projects.models import Project
from tests.importer.jekyll_site_import import (
    CORPUS,
    add_sections,
    post,
    rich_text_of,
    run_import,
    summary_row,
)


@pytest.fixture
def old_site(tmp_path):
    """A copy of the corpus, so a test may edit it."""
    return Path(shutil.copytree(CORPUS, tmp_path / "site"))


@pytest.fixture
def new_site(site_tree):
    """The new site's skeleton as editors set it up before the switch."""
    return add_sections(site_tree)


def test_second_run_creates_nothing_and_no_revision(new_site, old_site):
    run_import(old_site)
    counts = [
        model.objects.count()
        for model in (BlogPage, MethodPage, EventPage, Person, Project, CreditedImage, Download)
    ]
    revisions, redirects = Revision.objects.count(), Redirect.objects.count()
    last_revision = Revision.objects.order_by("pk").last()

    stdout, _, _ = run_import(old_site)

    new_revisions = [
        str(revision.content_object)
        for revision in Revision.objects.filter(pk__gt=last_revision.pk).order_by("pk")
    ]
    assert new_revisions == [], stdout

    assert counts == [
        model.objects.count()
        for model in (BlogPage, MethodPage, EventPage, Person, Project, CreditedImage, Download)
    ]
    assert (Revision.objects.count(), Redirect.objects.count()) == (revisions, redirects)
    for kind, number in [("posts", 8), ("methods", 3), ("events", 2), ("persons", 2)]:
        row = summary_row(stdout, kind)
        assert (row["created"], row["updated"], row["unchanged"]) == (0, 0, number), kind
    assert summary_row(stdout, "images")["created"] == 0
    assert summary_row(stdout, "redirects") == {
        "created": 0,
        "updated": 0,
        "unchanged": redirects,
        "skipped": 0,
        "failed": 0,
    }


def test_an_edited_source_file_updates_only_its_page(new_site, old_site):
    run_import(old_site)
    source = old_site / "_beitraege" / "Foo_Bar-EU.md"
    source.write_text(source.read_text().replace("Ein Absatz", "Ein neuer Absatz"))
    revisions = {page.slug: page.revisions.count() for page in BlogPage.objects.all()}

    stdout, _, _ = run_import(old_site)

    after = {page.slug: page.revisions.count() for page in BlogPage.objects.all()}
    assert {slug for slug in after if after[slug] != revisions[slug]} == {"foo-bar-eu"}
    assert "Ein neuer Absatz" in rich_text_of(post("foo-bar-eu"))
    row = summary_row(stdout, "posts")
    assert (row["updated"], row["unchanged"]) == (1, 7)


def test_dry_run_changes_nothing_and_prints_the_same_summary(new_site, old_site, settings):
    media = Path(settings.MEDIA_ROOT)
    files_before = {path for path in media.rglob("*") if path.is_file()}

    dry_stdout, dry_stderr, dry_error = run_import(old_site, "--dry-run")

    assert BlogPage.objects.count() == 0 and Person.objects.count() == 0
    assert not CreditedImage.objects.exists() and not Redirect.objects.exists()
    assert {path for path in media.rglob("*") if path.is_file()} == files_before
    assert dry_stdout.startswith("Dry run, nothing was changed. Summary:")
    stdout, stderr, error = run_import(old_site)
    assert without_image_sizes(dry_stdout)[1:] == without_image_sizes(stdout)[1:]
    assert "image sizes: made for 9 of 9 images" in stdout
    assert "image sizes" not in dry_stdout
    assert (str(dry_error), dry_stderr) == (str(error), stderr)


def without_image_sizes(stdout):
    return [line for line in stdout.splitlines() if not line.startswith("image sizes:")]


def test_the_command_names_a_missing_folder(new_site, tmp_path):
    _, _, error = run_import(tmp_path / "gibt-es-nicht")

    assert str(error) == f"{tmp_path / 'gibt-es-nicht'} is not a folder."


class Terminal(StringIO):
    def isatty(self):
        return True


def test_a_terminal_sees_a_progress_bar_and_a_log_does_not(new_site, old_site):
    terminal = Terminal()
    with pytest.raises(CommandError):
        call_command(
            "import_jekyll_site", str(old_site), "--dry-run", stdout=StringIO(), stderr=terminal
        )
    _, log, _ = run_import(old_site, "--dry-run")

    assert "\r\x1b[K[" + "#" * 30 + "] 34/34 " in terminal.getvalue()
    assert "\r" not in log and "####" not in log


def test_a_data_file_that_is_no_list_is_one_failure_and_the_rest_goes_on(new_site, old_site):
    (old_site / "_data" / "projects.yml").write_text("title: KoSI-Lab\nstatus: Läuft\n")

    stdout, stderr, error = run_import(old_site)

    assert (
        "_data/projects.yml: line 1: the data file is not a list of entries (each starting "
        "with “- ”)" in stderr.splitlines()
    )
    assert summary_row(stdout, "projects")["failed"] == 1 and not Project.objects.exists()
    assert summary_row(stdout, "posts")["created"] == 8
    assert str(error) == "5 of the site's files or entries failed to import."
