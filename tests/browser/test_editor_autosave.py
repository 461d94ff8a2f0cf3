"""Wagtail's autosave in the real editor: a revision only for a real change (the "add page"
side, a page only autosave started, is tested through the admin in
tests/editorial/test_autosave.py)."""

import time

import pytest
from django.db import OperationalError
from playwright.sync_api import expect

from blog.models import BlogPage
from tests.browser import test_editor_publishes_post as publishing

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# The demo site with an editor, and signing in, as for publishing a post.
demo_site = publishing.demo_site
log_in = publishing.log_in


def read(query):
    """``query()``, retried while the live server writes: the test database is SQLite in shared
    memory, where a reader meets a writer's table lock at once (no busy timeout applies)."""
    for _ in range(50):
        try:
            return query()
        except OperationalError:
            time.sleep(0.1)
    return query()


# Autosave waits for the editor to pause; with two test workers and Chromium on two cores the
# second save once took longer than 10 s (the full suite on SQLite).
def eventually(condition, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if read(condition):
            return True
        time.sleep(0.2)
    return read(condition)


def open_editor(page, url):
    """Opens the editor as a person does: Wagtail's change tracker takes the form as loaded
    two seconds after the page appears (``initialDelayValue``); typing starts after that."""
    page.goto(url)
    time.sleep(2.5)


def revisions(post):
    return read(post.revisions.count)


def test_autosave_saves_changes_only(page, demo_site):
    post = BlogPage.objects.get(slug="community-of-practice-starter-kit")
    before = revisions(post)
    log_in(page, demo_site)

    open_editor(page, f"{demo_site}/admin/pages/{post.pk}/edit/")
    teaser = page.locator("#id_teaser")
    original = teaser.input_value()
    # Opening the editor and looking saves nothing.
    time.sleep(2)
    assert revisions(post) == before

    teaser.fill(original + " Jetzt mit Terminen.")
    assert eventually(lambda: revisions(post) == before + 1)
    # The revision is in the database before the editor's script has read the answer; a change
    # typed while a save is in flight waits for the next one. A person types on a little later.
    time.sleep(2)
    teaser.fill(original + " Jetzt mit Terminen für 2026.")

    def latest_teaser():
        post.refresh_from_db()
        return post.get_latest_revision_as_object().teaser

    assert eventually(lambda: latest_teaser().endswith("für 2026."))
    assert revisions(post) == before + 1

    # The next session: opened and left alone, no revision.
    open_editor(page, f"{demo_site}/admin/pages/{post.pk}/edit/")
    expect(page.locator("#id_teaser")).to_have_value(original + " Jetzt mit Terminen für 2026.")
    time.sleep(2)
    assert revisions(post) == before + 1
