"""Wagtail's autosave, driven as its script does: the edit form posted with
``Accept: application/json`` (``w-autosave`` in wagtailadmin/js/core.js), the revision of the
session's first autosave sent back as ``overwrite_revision_id``."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import StandardPage
from tests.editorial.accounts import make_user

pytestmark = pytest.mark.django_db

AUTOSAVE = {"HTTP_ACCEPT": "application/json"}


PARAGRAPH = "<p>Wir bauen <b>gemeinsam</b> Prototypen.</p>"


def page_form(intro="Drei Stunden, viele Ideen.", stored=None):
    """The editor's form. For a page opened again (``stored``: its newest revision) the body
    goes back as the editor's browser sends it: each block with its id, the paragraph as the
    contentstate Draftail made from the stored HTML (keeping its block keys)."""
    paragraph = stored.body[0] if stored else None
    data = nested_form_data(
        {
            "title": "Offene Werkstatt",
            "slug": "offene-werkstatt",
            "intro": intro,
            "body": streamfield(
                [("paragraph", rich_text(paragraph.value.source if paragraph else PARAGRAPH))]
            ),
            "comment_notifications": "",
        }
    )
    if paragraph:
        data["body-0-id"] = paragraph.id
    return data


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("home", "standardpage", parent.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


@pytest.fixture
def editor_client(client):
    client.force_login(make_user("redakteurin", "Redaktion"))
    return client


def autosave(client, url, data, revision_id=None):
    if revision_id:
        data = {**data, "overwrite_revision_id": str(revision_id)}
    response = client.post(url, data, **AUTOSAVE)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["success"], body
    return body


def test_autosave_without_a_change_writes_no_revision(editor_client, site_tree):
    response = editor_client.post(add_url(site_tree.home), page_form())
    assert response.status_code == 302
    page = StandardPage.objects.get(slug="offene-werkstatt")
    assert page.revisions.count() == 1

    # The editor opens the page again; the script autosaves though nothing changed.
    loaded = page.get_latest_revision()
    form = {
        **page_form(stored=loaded.as_object()),
        "loaded_revision_id": str(loaded.pk),
        "loaded_revision_created_at": loaded.created_at.isoformat(),
    }
    first = autosave(editor_client, edit_url(page), form)
    autosave(editor_client, edit_url(page), form, first.get("revision_id"))
    assert page.revisions.count() == 1

    # A real change is saved, once per editing session, as Wagtail's autosave does.
    changed = {**form, "intro": "Vier Stunden, noch mehr Ideen."}
    saved = autosave(editor_client, edit_url(page), changed, first.get("revision_id"))
    assert page.revisions.count() == 2
    again = {**changed, "intro": "Fünf Stunden."}
    autosave(editor_client, edit_url(page), again, saved["revision_id"])
    assert page.revisions.count() == 2
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().intro == "Fünf Stunden."


def test_a_page_only_autosave_created_does_not_keep_its_slug(editor_client, site_tree):
    # The editor starts a page, autosave creates it, the editor leaves without saving.
    autosave(editor_client, add_url(site_tree.home), page_form())
    abandoned = StandardPage.objects.get(slug="offene-werkstatt")
    assert not abandoned.live

    # Starting the page again under the same title works, and leaves one page of that slug.
    response = editor_client.post(add_url(site_tree.home), page_form(intro="Neuer Anlauf."))
    assert response.status_code == 302, response.content.decode()[:2000]
    pages = StandardPage.objects.filter(slug="offene-werkstatt")
    assert [page.intro for page in pages] == ["Neuer Anlauf."]


def test_a_page_the_editor_saved_keeps_its_slug(editor_client, site_tree):
    autosave(editor_client, add_url(site_tree.home), page_form())
    page = StandardPage.objects.get(slug="offene-werkstatt")
    # The editor saves the draft with the button: from now on it is the editor's page.
    response = editor_client.post(edit_url(page), page_form())
    assert response.status_code == 302

    response = editor_client.post(add_url(site_tree.home), page_form(intro="Zweite Seite."))
    assert response.status_code == 200
    assert (
        "wird innerhalb der übergeordneten Seite bereits verwendet"
        in (response.context["form"].errors["slug"][0])
    )
    assert StandardPage.objects.filter(slug="offene-werkstatt").get().pk == page.pk
