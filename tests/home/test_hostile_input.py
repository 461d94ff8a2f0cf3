"""Hostile input on every public parameter and form: 200, 400 or 404 with the input escaped."""

import pytest
from django.test import Client

from newsletter.form_tokens import issue_form_token
from newsletter.forms import signup_context
from newsletter.models import Subscriber

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
