"""Every redirect whose target comes from the request stays on the site.

Paths are handed to Django as a WSGI server does (``PATH_INFO`` already percent-decoded:
gunicorn turns ``/%2Fevil.example/`` into ``//evil.example/``); the test client would otherwise
read a leading ``//`` as a host name.
"""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories import BlogPageFactory, DownloadFactory

pytestmark = pytest.mark.django_db

# Decoded request paths, as the server hands them over: `//host`, `/%2Fhost` and `/%2F%2Fhost`,
# `/\host` and `/%5Chost`, `/\/host`, a tab browsers drop, and a scheme inside the path.
OFF_SITE_PATHS = [
    "//evil.example/",
    "///evil.example/",
    "/\\evil.example/",
    "/\\/evil.example/",
    "/\t/evil.example/",
    "//evil.example/beitraege/",
]
OFF_SITE_TARGETS = [
    "//evil.example/",
    "/\\evil.example/",
    "/\\/evil.example/",
    "\\\\evil.example",
    "https://evil.example/",
    "https:evil.example",
    "/\t/evil.example/",
    "javascript:alert(1)",
]


def stays_on_site(response):
    """No redirect, or one whose target a browser resolves to this host."""
    if response.status_code not in (301, 302, 303, 307, 308):
        return True
    location = response["Location"].replace("\\", "/")
    location = "".join(char for char in location if char not in "\t\n\r")
    parts = urlsplit(location)
    return parts.scheme in ("", "http", "https") and parts.netloc in ("", "testserver")


@pytest.mark.parametrize("path", OFF_SITE_PATHS)
def test_the_newsletter_deep_link_never_leaves_the_site(site_tree, path):
    """Was: ``GET //evil.example/?newsletter=true`` answered
    ``302 Location: //evil.example/#newsletter``."""
    client = Client(raise_request_exception=False)
    response = client.get("/", PATH_INFO=path, QUERY_STRING="newsletter=true")

    assert stays_on_site(response), response["Location"]
    assert response.status_code == 404


def test_the_newsletter_deep_link_still_jumps_to_the_form_on_our_pages(client, site_tree):
    response = client.get("/beitraege/", {"filter": "formate", "newsletter": "true"})
    assert response.status_code == 302
    assert response["Location"] == "/beitraege/?filter=formate#newsletter"


@pytest.mark.parametrize("target", OFF_SITE_TARGETS)
def test_signing_in_to_the_admin_never_sends_to_another_site(client, site_tree, target):
    get_user_model().objects.create_superuser("redaktion", "r@bielefeld.de", "pw-2026-oic")

    response = client.post(
        "/admin/login/",
        {"username": "redaktion", "password": "pw-2026-oic", "next": target},
    )

    assert response.status_code == 302
    assert stays_on_site(response), response["Location"]


@pytest.mark.parametrize("target", OFF_SITE_TARGETS)
def test_a_page_password_never_sends_to_another_site(client, site_tree, target):
    post = BlogPageFactory(parent=site_tree.blog_index, slug="geheim")
    restriction = PageViewRestriction.objects.create(
        page=post, restriction_type=PageViewRestriction.PASSWORD, password="oic"
    )

    response = client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{post.pk}/",
        {"password": "oic", "return_url": target},
    )

    assert response.status_code == 302
    assert stays_on_site(response), response["Location"]


@pytest.mark.parametrize("target", OFF_SITE_TARGETS)
def test_a_document_password_never_sends_to_another_site(client, site_tree, target):
    collection = Collection.get_first_root_node().add_child(name="Intern")
    DownloadFactory(collection=collection)
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="oic"
    )

    response = client.post(
        f"/documents/authenticate_with_password/{restriction.pk}/",
        {"password": "oic", "return_url": target},
    )

    assert response.status_code == 302
    assert stays_on_site(response), response["Location"]
