"""Hostile input on every public parameter and form: 200, 400 or 404 with the input escaped;
hostile paths, hosts, media paths and sign-out requests: no redirect off the site, no cache
growth, no document outside Wagtail's view, nobody signed out by a GET."""

import pytest
from django.core.cache import cache
from django.test import Client

from home.wagtail_overrides import SITES_BY_HOST_KEY
from newsletter.forms import signup_context
from newsletter.models import Subscriber
from oic_cms.form_tokens import issue_form_token

pytestmark = pytest.mark.django_db

HOSTILE_VALUES = [
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    '"; DROP TABLE blog_blogpage; --',
    "x" * 5000,
    "%00",
    "%FF%FE",
    "%E0%A4%A",
    "..%2F..%2Fetc%2Fpasswd",
    "ä%C3%28",
]
PARAMETERS = [
    "/beitraege/?filter={}",
    "/beitraege/?page={}",
    "/beitraege/feed/?filter={}",
    "/suche/?q={}",
    "/suche/?q=Community&page={}",
    "/veranstaltungen/?format={}",
    "/veranstaltungen/?page={}",
    "/veranstaltungen/kalender.ics?format={}",
    "/methoden/?dauer={}",
    "/methoden/?gruppe={}",
    "/methoden/?schwierigkeit={}",
    "/methoden/?filter={}",
    "/methoden/?partial={}",
    "/autoren/maria-goncalves/?page={}",
    "/newsletter/bestaetigen/{}/",
    "/newsletter/abmelden/{}/",
    "/?newsletter={}",
    "/newsletter/formular-token/?token={}",
]
# What a visitor can put into X-Forwarded-For, sent directly and through nginx (which appends the
# real address): never a 500, and never the header's content in a page.
HOSTILE_FORWARDED_FOR = [
    "<script>alert(1)</script>",
    "999.999.999.999",
    "1.2.3.4:99999",
    "[::1",
    "::ffff:not-an-address",
    ", , ,",
    "2001:db8::1, <script>alert(1)</script>",
    "1.2.3.4, " * 500,
    "\x00",
]


def test_hostile_values_never_cause_a_server_error(shared_demo_site):
    client = Client(raise_request_exception=False)
    for pattern in PARAMETERS:
        for value in HOSTILE_VALUES:
            response = client.get(pattern.format(value))
            assert response.status_code in (200, 302, 400, 404), (pattern, value)
            body = response.content.decode("utf-8", errors="replace")
            assert "<script>alert(1)</script>" not in body, (pattern, value)


def test_hostile_repeated_and_undeclared_parameters_are_400_or_never_stored(
    shared_demo_site, settings
):
    """A parameter twice gets the same answer in either order (400 where the page reads it);
    one the page does not read is never stored, so random values grow no cache."""
    settings.PAGE_CACHE_SECONDS = 300
    client = Client(raise_request_exception=False)
    for pattern in PARAMETERS:
        path, _, query = pattern.partition("?")
        if not query:
            continue
        name = query.partition("=")[0]
        forward = client.get(f"{path}?{name}=a&{name}=b")
        backward = client.get(f"{path}?{name}=b&{name}=a")
        assert forward.status_code == backward.status_code, pattern
        assert forward.status_code in (200, 302, 400, 404), pattern
        assert forward.get("X-Cache") != "HIT" and backward.get("X-Cache") != "HIT", pattern
        undeclared = [client.get(f"{path}?made-up=x{n}") for n in range(2)]
        assert [answer.get("X-Cache") for answer in undeclared] != ["MISS", "HIT"], path


def test_hostile_newsletter_posts_store_nothing(shared_demo_site):
    client = Client(raise_request_exception=False)
    for value in HOSTILE_VALUES:
        response = client.post(
            "/newsletter/anmelden/",
            {
                "email": value,
                "first_name": value,
                "consent": value,
                "website": "",
                "context": value,
                "form_token": value,
            },
        )
        assert response.status_code in (400, 429)
        assert "<script>alert(1)</script>" not in response.content.decode()
        one_click = client.post(
            f"/newsletter/abmelden/{value}/sofort/", {"List-Unsubscribe": value}
        )
        assert one_click.status_code in (400, 404)
    assert not Subscriber.objects.exists()


def test_hostile_first_names_and_form_tokens_store_nothing(shared_demo_site):
    client = Client(raise_request_exception=False)
    context = signup_context("<p>Einwilligung</p>", "http://testserver/")
    for value in [*HOSTILE_VALUES, "https://evil.example/gewinn", "Maria\u202eanira"]:
        for field in ("first_name", "form_token"):
            data = {
                "email": "maria@example.org",
                "first_name": "Maria",
                "consent": "on",
                "website": "",
                "context": context,
                "form_token": issue_form_token(min_fill_seconds=0),
                field: value,
            }
            response = client.post("/newsletter/anmelden/", data)
            assert response.status_code == 400, (field, value)
            assert "<script>alert(1)</script>" not in response.content.decode()
    assert not Subscriber.objects.exists()


def test_hostile_forwarded_for_headers_never_cause_a_server_error(shared_demo_site):
    client = Client(raise_request_exception=False)
    for value in HOSTILE_FORWARDED_FOR:
        for peer, forwarded in (("198.51.100.20", value), ("127.0.0.1", f"{value}, 198.51.100.20")):
            headers = {"REMOTE_ADDR": peer, "HTTP_X_FORWARDED_FOR": forwarded}
            answers = [
                client.get("/", **headers),
                client.get("/newsletter/formular-token/", **headers),
                client.post("/admin/login/", {"username": "x", "password": "y"}, **headers),
                client.post("/admin/password_reset/", {"email": "x@example.org"}, **headers),
                client.post(
                    "/newsletter/anmelden/",
                    {"email": "x@example.org", "consent": "on", "context": "x"},
                    **headers,
                ),
            ]
            for response in answers:
                assert response.status_code in (200, 302, 400, 429), (peer, value)
                assert "<script>alert(1)</script>" not in response.content.decode(), value


# Decoded paths as a WSGI server hands them over (``/%2Fevil.example/`` arrives as
# ``//evil.example/``); a leading ``//`` would read as a host in a ``Location`` header.
HOSTILE_PATHS = [
    "//evil.example/",
    "///evil.example/",
    "/\\evil.example/",
    "/\\/evil.example/",
    "/\t/evil.example/",
    "//evil.example/beitraege/",
    "/beitraege//evil.example/",
]
# Host headers a client may send when it reaches gunicorn directly (nginx passes its own).
HOSTILE_HOSTS = [
    "evil.example",
    "localhost.evil.example",
    "localhost:1",
    "localhost:65535",
    "localhost:99999",
    "localhost:abc",
    "LOCALHOST.",
    "[::1]:8000",
    "x" * 300,
    "local host",
    "localhost@evil.example",
]
MEDIA_PATHS = [
    "/media/documents/kit.pdf",
    "/media/images/../documents/kit.pdf",
    "/media/original_images/%2e%2e/documents/kit.pdf",
    "/media/../manage.py",
    "/media/images/../../manage.py",
    "/media/%2e%2e/%2e%2e/etc/passwd",
    "/media/images/%00.png",
    "/media/",
]


def test_hostile_paths_never_redirect_off_the_site(shared_demo_site):
    client = Client(raise_request_exception=False)
    for path in HOSTILE_PATHS:
        for query in ("newsletter=true", "newsletter=true&filter=x", ""):
            response = client.get("/", PATH_INFO=path, QUERY_STRING=query)
            assert response.status_code in (301, 302, 400, 404), (path, query)
            location = response.get("Location", "/").replace("\\", "/").replace("\t", "")
            assert location.startswith("/") and not location.startswith("//"), (path, location)


def test_hostile_hosts_get_the_site_or_400_and_grow_no_cache(shared_demo_site, settings):
    """With ``ALLOWED_HOSTS = ["*"]``, the widest setting anyone might deploy: only the site's
    own host name (``testserver`` in the tests, any port) is answered."""
    settings.ALLOWED_HOSTS = ["*"]
    client = Client(raise_request_exception=False)
    for host in HOSTILE_HOSTS + [f"testserver:{port}" for port in range(1, 60)]:
        for path in ("/", "/beitraege/", "/admin/login/", "/?newsletter=true"):
            response = client.get(path, HTTP_HOST=host)
            expected = {200, 302} if host.startswith("testserver") else {400}
            assert response.status_code in expected, (host, path)
    # The server port (SERVER_PORT) is part of the key, the port in Host: is not.
    assert set(cache.get(SITES_BY_HOST_KEY)["by_key"]) == {"testserver:80"}


def test_hostile_media_paths_serve_no_document_and_nothing_outside_media(shared_demo_site):
    from downloads.models import Download

    kit = Download.objects.first().file.name
    client = Client(raise_request_exception=False)
    for path in MEDIA_PATHS + [f"/media/{kit}", f"/media/images/../{kit}", f"/media//{kit}"]:
        response = client.get(path)
        assert response.status_code in (400, 404), path
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert not body.startswith(b"%PDF"), path
        assert b"DJANGO_SETTINGS_MODULE" not in body, path


def test_hostile_sign_out_requests_sign_nobody_out(shared_demo_site):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("redaktion", "r@bielefeld.de", "pw-2026-oic")
    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.get(username="redaktion"))
    for method in ("get", "head", "put", "delete"):
        response = getattr(client, method)("/admin/logout/?next=//evil.example/")
        assert response.status_code in (200, 405), method
        assert "sessionid" not in response.cookies, method
    assert client.get("/admin/").status_code == 200
