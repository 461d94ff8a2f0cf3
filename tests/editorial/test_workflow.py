"""Posts go through "Beitragsfreigabe": the Redaktion submits, the Moderation approves."""

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from blog.models import BlogPage
from newsletter.wagtail_hooks import subscriber_admin
from tests.editorial.accounts import add_authenticator, make_user, sign_in_with_app
from tests.factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    CategoryFactory,
    PersonFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db

SLUG = "offene-werkstatt-im-maerz"


def post_form(action):
    category, person = CategoryFactory(), PersonFactory()
    data = nested_form_data(
        {
            "title": "Offene Werkstatt im März",
            "slug": SLUG,
            "teaser": "Drei Stunden, ein Problem, viele Ideen.",
            "date": timezone.localdate().isoformat(),
            "authors": inline_formset([{"person": person.pk}], min=1),
            "body": streamfield([]),
            "comment_notifications": "",
            action: action,
        }
    )
    data["categories"] = [category.pk]
    return data


def add_post_url(blog_index):
    return reverse("wagtailadmin_pages:add", args=("blog", "blogpage", blog_index.pk))


@pytest.fixture
def editor_client(client):
    client.force_login(make_user("redakteurin", "Redaktion"))
    return client


@pytest.fixture
def moderator_client(client):
    moderator = make_user("moderatorin", "Moderation")
    return sign_in_with_app(client, moderator, add_authenticator(moderator))


def submitted_post(client, site_tree):
    response = client.post(add_post_url(site_tree.blog_index), post_form("action-submit"))
    assert response.status_code == 302
    return BlogPage.objects.get(slug=SLUG)


def test_blog_indexes_send_their_posts_through_beitragsfreigabe(site_tree):
    other_blog = BlogIndexPageFactory(parent=site_tree.home, title="Presse", slug="presse")
    post = BlogPageFactory(parent=site_tree.blog_index)
    standard_page = StandardPageFactory(parent=site_tree.home)

    assert post.get_workflow().name == "Beitragsfreigabe"
    assert BlogPageFactory(parent=other_blog).get_workflow().name == "Beitragsfreigabe"
    assert standard_page.get_workflow().name == "Seitenfreigabe"
    assert [group.name for group in post.get_workflow().tasks[0].specific.groups.all()] == [
        "Moderation"
    ]


def test_editor_is_offered_submission_but_no_publish_button(editor_client, site_tree):
    html = editor_client.get(add_post_url(site_tree.blog_index)).content.decode()

    assert 'name="action-submit"' in html
    assert "Beitragsfreigabe" in html
    assert 'name="action-publish"' not in html


def test_editor_cannot_publish_a_post_even_by_posting_the_publish_action(
    editor_client, site_tree, client
):
    response = editor_client.post(add_post_url(site_tree.blog_index), post_form("action-publish"))

    assert response.status_code == 302
    post = BlogPage.objects.get(slug=SLUG)
    assert not post.live
    assert post.live_revision is None
    edit_html = editor_client.get(reverse("wagtailadmin_pages:edit", args=[post.pk])).content
    assert b'name="action-publish"' not in edit_html


def test_editor_submits_a_post_for_moderation(editor_client, site_tree):
    post = submitted_post(editor_client, site_tree)

    assert not post.live
    assert post.workflow_in_progress
    assert post.current_workflow_state.workflow.name == "Beitragsfreigabe"
    assert post.current_workflow_task.name == "Freigabe durch die Moderation"


def test_editor_cannot_approve_their_own_post(editor_client, site_tree):
    post = submitted_post(editor_client, site_tree)
    task_state = post.current_workflow_task_state

    editor_client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(post.pk, "approve", task_state.pk))
    )

    post.refresh_from_db()
    assert not post.live
    assert post.workflow_in_progress


def test_moderator_sees_the_submission_and_approving_publishes_it(client, site_tree):
    client.force_login(make_user("redakteurin", "Redaktion"))
    post = submitted_post(client, site_tree)
    client.post(reverse("wagtailadmin_logout"))
    moderator = make_user("moderatorin", "Moderation")
    sign_in_with_app(client, moderator, add_authenticator(moderator))

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Offene Werkstatt im März" in dashboard
    task_state = post.current_workflow_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(post.pk, "approve", task_state.pk))
    )

    assert response.status_code == 302
    post.refresh_from_db()
    assert post.live
    assert not post.workflow_in_progress
    assert client.get(post.url).status_code == 200


def test_moderator_can_lock_a_page(moderator_client, site_tree):
    post = BlogPageFactory(parent=site_tree.blog_index)

    moderator_client.post(reverse("wagtailadmin_pages:lock", args=[post.pk]))

    assert Page.objects.get(pk=post.pk).locked


def test_newsletter_manager_reaches_subscribers_but_no_pages(client, site_tree):
    client.force_login(make_user("newsletter", "Newsletter"))
    post = BlogPageFactory(parent=site_tree.blog_index, title="Unverändert")

    assert client.get(subscriber_admin.url_helper.index_url).status_code == 200
    assert client.get(reverse("wagtailadmin_explore", args=[site_tree.home.pk])).status_code in (
        302,
        403,
    )
    edit_url = reverse("wagtailadmin_pages:edit", args=[post.pk])
    assert client.get(edit_url).status_code in (302, 403)
    client.post(edit_url, {"title": "Geändert", "action-publish": "action-publish"})
    assert Page.objects.get(pk=post.pk).title == "Unverändert"
    assert client.get(add_post_url(site_tree.blog_index)).status_code in (302, 403)
