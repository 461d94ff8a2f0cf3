"""`make demo` on a fresh database: posts go through approval, the local admin can sign in."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from blog.models import BlogIndexPage, BlogPage
from home.models import Person
from projects.models import Project
from website.management.commands.load_demo_content import LOCAL_ADMIN_PASSWORD, LOCAL_ADMIN_USERNAME

pytestmark = pytest.mark.django_db


def test_demo_blog_uses_beitragsfreigabe_and_its_posts_are_published(shared_demo_site):
    assert BlogIndexPage.objects.get().get_workflow().name == "Beitragsfreigabe"
    posts = BlogPage.objects.all()
    assert posts.exists()
    assert all(post.live for post in posts)


def test_demo_people_and_projects_are_live_and_go_through_eintragsfreigabe(shared_demo_site):
    for model in (Person, Project):
        assert model.objects.exists()
        assert not model.objects.filter(live=False).exists()
        assert model.objects.first().get_workflow().name == "Eintragsfreigabe"


def test_local_demo_admin_is_not_held_at_two_factor_in_development(client, settings):
    settings.DEBUG = True
    call_command("load_demo_content", "--with-local-admin", verbosity=0)

    client.post(
        reverse("wagtailadmin_login"),
        {"username": LOCAL_ADMIN_USERNAME, "password": LOCAL_ADMIN_PASSWORD},
    )

    assert client.get(reverse("wagtailadmin_home")).status_code == 200
