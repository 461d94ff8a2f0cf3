"""Hostile input on every public parameter and form: 200, 400 or 404 with the input escaped."""

import pytest
from django.test import Client

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
            },
        )
        assert response.status_code in (400, 429)
        assert "<script>alert(1)</script>" not in response.content.decode()
        one_click = client.post(
            f"/newsletter/abmelden/{value}/sofort/", {"List-Unsubscribe": value}
        )
        assert one_click.status_code in (400, 404)
    assert not Subscriber.objects.exists()
