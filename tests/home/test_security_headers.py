import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories import BlogPageFactory

pytestmark = pytest.mark.django_db


def directives(header):
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


def test_public_pages_get_a_strict_policy(client, site_tree):
    post = BlogPageFactory(parent=site_tree.blog_index)
    for url in ("/", post.url, "/beitraege/", "/newsletter/", "/gibt-es-nicht/"):
        response = client.get(url)
        policy = directives(response["Content-Security-Policy"])
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], url
        assert "'unsafe-eval'" not in response["Content-Security-Policy"], url
        assert policy["default-src"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert response["X-Frame-Options"] == "DENY"
        assert policy["object-src"] == ["'none'"]
        assert "camera=()" in response["Permissions-Policy"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_admin_gets_the_relaxed_policy_it_needs(client, site_tree):
    client.force_login(get_user_model().objects.create_superuser("r", "r@bielefeld.de", "pw"))
    response = client.get("/admin/")
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


FRAMING_PAIRS = {"DENY": ["'none'"], "SAMEORIGIN": ["'self'"]}


def test_frame_ancestors_and_x_frame_options_say_the_same_everywhere(client, site_tree):
    """Was: ``frame-ancestors 'self'`` beside ``X-Frame-Options: DENY`` on every page. Public
    pages are framed by no one; the admin frames its own preview of a page being edited."""
    post = BlogPageFactory(parent=site_tree.blog_index)
    public = ["/", post.url, "/beitraege/", "/newsletter/", "/suche/?q=x", "/gibt-es-nicht/"]
    for url in public + ["/admin/login/"]:
        response = client.get(url)
        policy = directives(response["Content-Security-Policy"])
        assert FRAMING_PAIRS[response["X-Frame-Options"]] == policy["frame-ancestors"], url

    client.force_login(get_user_model().objects.create_superuser("r", "r@bielefeld.de", "pw"))
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[post.pk])
    edit_url = reverse("wagtailadmin_pages:edit", args=[post.pk])
    for url in ("/admin/", edit_url, preview_url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Frame-Options"] == "SAMEORIGIN", url
        assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]


def admin_script_sources(response):
    return directives(response["Content-Security-Policy"])["script-src"]


def test_every_admin_view_gets_the_relaxed_policy_signed_in_or_not(client, site_tree):
    # The sign-in page and its password reset (an included URLconf) are admin views that
    # need the relaxed policy before anyone is signed in; the admin's own 404 page is one too.
    for url in ("/admin/login/", "/admin/password_reset/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "'unsafe-inline'" in admin_script_sources(response), url
    client.force_login(get_user_model().objects.create_superuser("r", "r@bielefeld.de", "pw"))
    missing = client.get("/admin/gibt-es-nicht/")
    assert missing.status_code == 404
    assert "'unsafe-inline'" in admin_script_sources(missing)
    assert "'unsafe-inline'" not in admin_script_sources(client.get("/suche/"))
