"""Each group tried in the admin: what visitors see changes only through the Moderation.

The Redaktion's change of a person or project is a draft the site does not show until the
Moderation approves it; categories are the Moderation's alone; the Redaktion deletes no page,
the Moderation no live page.
"""

import pytest
from django.urls import reverse
from wagtail.models import Page, get_page_models

from editorial.page_permissions import EditorialPagePermissionsMixin
from home.models import Category, Person
from projects.models import Project
from projects.status import ProjectStatus
from tests.editorial.accounts import add_authenticator, make_user, sign_in_with_app
from tests.factories import (
    CategoryFactory,
    FormatPageFactory,
    PersonFactory,
    StandardPageFactory,
    draft_page,
)
from tests.projects.test_project_admin import form_data as project_form
from website.authors import ensure_author_index

pytestmark = pytest.mark.django_db

OLD_EMAIL = "maria.goncalves@bielefeld.de"
NEW_EMAIL = "m.goncalves@example.org"
NO_ACCESS = "Sie haben leider keinen Zugang zu diesem Bereich."


@pytest.fixture
def editor(db):
    return make_user("redakteurin", "Redaktion")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def moderator_client(client):
    moderator = make_user("moderatorin", "Moderation")
    return sign_in_with_app(client, moderator, add_authenticator(moderator))


@pytest.fixture
def maria(db):
    return PersonFactory(name="Maria Gonçalves", email=OLD_EMAIL, show_in_team=True)


@pytest.fixture
def format_page(site_tree, maria):
    return FormatPageFactory(
        parent=site_tree.format_index, title="Open Innovation Hour", contact_person=maria
    )


@pytest.fixture
def home_with_team_and_projects(site_tree):
    home = site_tree.home
    home.body = [
        ("team", {"heading": "Team", "intro": "", "people": []}),
        ("projects", {"heading": "Projekte", "intro": "", "statuses": [], "projects": []}),
    ]
    home.save_revision().publish()
    return home


def person_form(person, **changes):
    return {
        "name": person.name,
        "slug": person.slug,
        "role": person.role,
        "expertise": person.expertise,
        "email": person.email,
        "show_in_team": "on" if person.show_in_team else "",
        "sort_order": str(person.sort_order),
        **changes,
    }


def edit_person_url(person):
    return reverse("wagtailsnippets_home_person:edit", args=[person.pk])


def approve(moderator_client, url_namespace, obj):
    obj.refresh_from_db()
    task_state = obj.current_workflow_task_state
    response = moderator_client.post(
        reverse(f"{url_namespace}:workflow_action", args=(obj.pk, "approve", task_state.pk))
    )
    assert response.status_code == 302
    obj.refresh_from_db()
    return obj


def visitor_sees(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_redaktion_change_of_a_contact_persons_email_waits_for_approval(
    editor_client, client, format_page, maria
):
    response = editor_client.post(
        edit_person_url(maria), person_form(maria, email=NEW_EMAIL, **{"action-submit": "1"})
    )

    assert response.status_code == 302
    maria.refresh_from_db()
    assert maria.email == OLD_EMAIL
    assert maria.live and maria.has_unpublished_changes
    assert maria.current_workflow_state.workflow.name == "Eintragsfreigabe"
    client.logout()
    html = visitor_sees(client, format_page.url)
    assert OLD_EMAIL in html
    assert NEW_EMAIL not in html


def test_redaktion_cannot_publish_a_person_by_posting_the_publish_action(
    editor_client, client, format_page, maria
):
    edit_html = editor_client.get(edit_person_url(maria)).content.decode()
    assert 'name="action-submit"' in edit_html
    assert 'name="action-publish"' not in edit_html

    editor_client.post(
        edit_person_url(maria), person_form(maria, email=NEW_EMAIL, **{"action-publish": "1"})
    )

    maria.refresh_from_db()
    assert maria.email == OLD_EMAIL
    client.logout()
    assert NEW_EMAIL not in visitor_sees(client, format_page.url)


def test_moderation_approves_the_change_and_the_site_shows_it(
    client, format_page, maria, django_capture_on_commit_callbacks
):
    client.force_login(make_user("redakteurin", "Redaktion"))
    client.post(
        edit_person_url(maria), person_form(maria, email=NEW_EMAIL, **{"action-submit": "1"})
    )
    client.logout()
    assert OLD_EMAIL in visitor_sees(client, format_page.url)
    moderator = make_user("moderatorin", "Moderation")
    sign_in_with_app(client, moderator, add_authenticator(moderator))

    assert "Maria Gonçalves" in client.get(reverse("wagtailadmin_home")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        maria = approve(client, "wagtailsnippets_home_person", maria)

    assert maria.email == NEW_EMAIL
    assert not maria.has_unpublished_changes
    client.logout()
    html = visitor_sees(client, format_page.url)
    assert NEW_EMAIL in html
    assert OLD_EMAIL not in html


def test_a_person_the_redaktion_adds_is_shown_nowhere_until_approved(
    editor_client, client, site_tree, home_with_team_and_projects
):
    author_index = ensure_author_index(site_tree.home)
    editor_client.post(
        reverse("wagtailsnippets_home_person:add"),
        {
            "name": "Jonas Becker",
            "slug": "",
            "role": "Stadtlabor",
            "expertise": "",
            "email": "jonas.becker@bielefeld.de",
            "show_in_team": "on",
            "sort_order": "0",
            "action-submit": "1",
        },
    )
    jonas = Person.objects.get(name="Jonas Becker")
    author_page = author_index.url + author_index.author_path(jonas.slug)
    editor_client.logout()

    assert not jonas.live
    assert jonas.current_workflow_state.requested_by.username == "redakteurin"
    assert "Jonas Becker" not in visitor_sees(client, site_tree.home.url)
    assert client.get(author_page).status_code == 404

    moderator = make_user("moderatorin", "Moderation")
    sign_in_with_app(client, moderator, add_authenticator(moderator))
    jonas = approve(client, "wagtailsnippets_home_person", jonas)
    client.logout()

    assert jonas.live
    assert "Jonas Becker" in visitor_sees(client, site_tree.home.url)
    assert client.get(author_page).status_code == 200


def test_redaktion_change_of_a_project_waits_for_approval(
    editor_client, client, home_with_team_and_projects
):
    project = Project.objects.create(
        title="Innovation Office",
        description="<p>Ein Ort am Alten Markt.</p>",
        status=ProjectStatus.LIVE,
        responsible_text="Das Team",
    )

    response = editor_client.post(
        reverse("wagtailsnippets_projects_project:edit", args=[project.pk]),
        project_form(title="Innovation Office (geschlossen)", **{"action-submit": "1"}),
    )
    added = editor_client.post(
        reverse("wagtailsnippets_projects_project:add"), project_form(title="Neues Projekt")
    )

    assert response.status_code == 302 and added.status_code == 302
    project.refresh_from_db()
    assert project.title == "Innovation Office"
    assert not Project.objects.get(title="Neues Projekt").live
    editor_client.logout()
    html = visitor_sees(client, home_with_team_and_projects.url)
    assert "Innovation Office" in html
    assert "geschlossen" not in html
    assert "Neues Projekt" not in html


def test_categories_are_added_and_renamed_by_the_moderation_only(client):
    category = CategoryFactory(name="Stadtentwicklung")
    edit_url = reverse("wagtailsnippets_home_category:edit", args=[category.pk])
    client.force_login(make_user("redakteurin", "Redaktion"))

    add = client.get(reverse("wagtailsnippets_home_category:add"))
    rename = client.post(edit_url, {"name": "Stadt und Quartier", "slug": category.slug})

    assert add.status_code == 302
    assert rename.status_code == 302
    assert NO_ACCESS in client.get(rename.url).content.decode()
    assert Category.objects.get(pk=category.pk).name == "Stadtentwicklung"
    client.logout()
    moderator = make_user("moderatorin", "Moderation")
    sign_in_with_app(client, moderator, add_authenticator(moderator))
    response = client.post(edit_url, {"name": "Stadt und Quartier", "slug": category.slug})
    assert response.status_code == 302
    assert Category.objects.get(pk=category.pk).name == "Stadt und Quartier"


def delete_url(page):
    return reverse("wagtailadmin_pages:delete", args=[page.pk])


def test_redaktion_deletes_no_page_not_even_its_own_draft(editor, editor_client, site_tree):
    others_draft = draft_page(site_tree.home, title="Entwurf der Kollegin", slug="entwurf-a")
    own_draft = draft_page(site_tree.home, owner=editor, title="Eigener Entwurf", slug="entwurf-b")

    for page in (others_draft, own_draft):
        edit_html = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert edit_html.status_code == 200
        assert delete_url(page) not in edit_html.content.decode()
        response = editor_client.post(delete_url(page))
        assert response.status_code == 302
        assert NO_ACCESS in editor_client.get(response.url).content.decode()
        assert Page.objects.filter(pk=page.pk).exists()
    explorer = editor_client.get(reverse("wagtailadmin_explore", args=[site_tree.home.pk]))
    assert delete_url(others_draft) not in explorer.content.decode()


def test_moderation_deletes_a_draft_but_not_a_live_page(moderator_client, site_tree):
    live = StandardPageFactory(parent=site_tree.home, title="Impressum", slug="impressum")
    draft = draft_page(site_tree.home, title="Verworfener Entwurf", slug="verworfen")

    explorer = moderator_client.get(reverse("wagtailadmin_explore", args=[site_tree.home.pk]))
    assert delete_url(draft) in explorer.content.decode()
    assert delete_url(live) not in explorer.content.decode()
    refused = moderator_client.post(delete_url(live))
    deleted = moderator_client.post(delete_url(draft))

    assert NO_ACCESS in moderator_client.get(refused.url).content.decode()
    assert Page.objects.filter(pk=live.pk, live=True).exists()
    assert deleted.status_code == 302
    assert not Page.objects.filter(pk=draft.pk).exists()
    # Taking a page offline first is a step of its own, which the Moderation may take.
    moderator_client.post(reverse("wagtailadmin_pages:unpublish", args=[live.pk]))
    moderator_client.post(delete_url(live))
    assert not Page.objects.filter(pk=live.pk).exists()


def test_moderation_cannot_bulk_delete_a_live_page(moderator_client, site_tree):
    live = StandardPageFactory(parent=site_tree.home, title="Impressum", slug="impressum")
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))

    moderator_client.post(f"{url}?id={live.pk}&childOf={site_tree.home.pk}")

    assert Page.objects.filter(pk=live.pk, live=True).exists()


def test_every_page_type_asks_the_editorial_deletion_rule():
    """A page type without it would fall back to Wagtail's rule, which lets both groups delete."""
    page_types = [model for model in get_page_models() if model is not Page]

    assert len(page_types) >= 13
    for model in page_types:
        assert issubclass(model, EditorialPagePermissionsMixin), model.__name__
