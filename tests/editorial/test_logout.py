"""Signing out of the admin ends the session on the server, and only a POST signs out.

Was: ``GET /admin/logout/`` answered 405, yet deleted the session cookie and said "successfully
logged out", while the session stayed valid on the server for anyone holding the cookie."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client

pytestmark = pytest.mark.django_db

LOGGED_OUT_MESSAGE = "erfolgreich abgemeldet"


@pytest.fixture
def editor_client(site_tree):
    get_user_model().objects.create_superuser("redaktion", "r@bielefeld.de", "pw-2026-oic")
    client = Client()
    assert (
        client.post(
            "/admin/login/", {"username": "redaktion", "password": "pw-2026-oic"}
        ).status_code
        == 302
    )
    return client


def same_cookie_elsewhere(client):
    """Another browser (or whoever copied the cookie) with this client's session cookie."""
    other = Client()
    other.cookies[settings.SESSION_COOKIE_NAME] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return other


def test_a_get_neither_signs_out_nor_claims_to(editor_client):
    response = editor_client.get("/admin/logout/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Sie sind noch angemeldet" in html
    assert 'method="post"' in html and 'action="/admin/logout/"' in html
    assert settings.SESSION_COOKIE_NAME not in response.cookies  # the cookie is left alone
    assert LOGGED_OUT_MESSAGE not in editor_client.get("/admin/").content.decode()
    assert editor_client.get("/admin/").status_code == 200


def test_signing_out_ends_the_session_on_the_server(editor_client):
    session_key = editor_client.cookies[settings.SESSION_COOKIE_NAME].value
    copied = same_cookie_elsewhere(editor_client)
    assert copied.get("/admin/").status_code == 200

    response = editor_client.post("/admin/logout/")

    assert response.status_code == 302 and response["Location"] == "/admin/login/"
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 0
    assert not Session.objects.filter(session_key=session_key).exists()
    assert copied.get("/admin/").status_code == 302  # to the sign-in: the session is gone
    assert LOGGED_OUT_MESSAGE in editor_client.get("/admin/login/").content.decode()


def test_a_get_without_a_session_is_sent_to_the_sign_in(client, site_tree):
    response = client.get("/admin/logout/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert client.put("/admin/logout/").status_code == 405
