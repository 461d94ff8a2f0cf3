"""Redis gone mid-run: the site degrades, it does not fail (issue 15, finding 7).

A Redis of the test's own on a spare port is stopped (or frozen, as a Redis that hangs
instead of refusing) in the middle of each test, through the production cache aliases.
"""

import logging
import os
import signal

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import OperationalError
from django.test import Client, TestCase

from newsletter.models import Subscriber
from oic_cms import cache_backends
from oic_cms.settings.caches import redis_caches
from tests.factories import BlogPageFactory
from tests.newsletter.test_signup import form_data
from tests.services import own_redis_server

pytestmark = pytest.mark.django_db

PASSWORD = "ein-langes-passwort-für-die-redaktion"


@pytest.fixture
def own_redis(tmp_path, settings, monkeypatch):
    """A Redis of this test's own, and the production cache aliases pointed at it."""
    process, url = own_redis_server(tmp_path, "for the outage tests")
    settings.CACHES = redis_caches(url, "oic-outage")
    settings.PAGE_CACHE_SECONDS = 300
    # Retry a failed Redis at once, so that the test need not wait out the pause.
    monkeypatch.setattr(cache_backends, "RETRY_SECONDS", 0.0)
    yield process
    if process.poll() is None:
        os.kill(process.pid, signal.SIGCONT)
        process.terminate()
        process.wait(timeout=10)


def stop(process):
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def post(site_tree):
    return BlogPageFactory(parent=site_tree.blog_index, title="Ein Beitrag vor dem Ausfall")


def outage_messages(caplog):
    return [
        record.getMessage()
        for record in caplog.records
        if record.name == cache_backends.__name__ and record.levelno >= logging.ERROR
    ]


def test_pages_render_from_the_database_and_the_outage_is_logged_once(own_redis, post, caplog):
    visitor = Client()
    assert visitor.get("/")["X-Cache"] == "MISS"
    assert visitor.get("/")["X-Cache"] == "HIT"

    stop(own_redis)
    with caplog.at_level(logging.WARNING):
        answers = [visitor.get(path) for path in ("/", "/beitraege/", post.url) * 3]

    assert [answer.status_code for answer in answers] == [200] * 9
    assert {answer["X-Cache"] for answer in answers} == {"MISS"}
    assert "Ein Beitrag vor dem Ausfall" in answers[1].content.decode()
    assert len(outage_messages(caplog)) == 1
    assert "unreachable" in outage_messages(caplog)[0]


def test_editors_sign_in_and_reset_passwords_while_redis_is_gone(own_redis, site_tree):
    get_user_model().objects.create_superuser("redaktion", "r@bielefeld.de", PASSWORD)
    stop(own_redis)
    editor = Client()

    assert editor.get("/admin/login/").status_code == 200
    signed_in = editor.post("/admin/login/", {"username": "redaktion", "password": PASSWORD})
    assert signed_in.status_code == 302
    assert editor.get("/admin/").status_code == 200

    resets = [
        Client().post("/admin/password_reset/", {"email": "r@bielefeld.de"}) for _ in range(5)
    ]
    assert {reset.status_code for reset in resets} == {302}
    # The hourly cap per account still holds, counted in this process meanwhile.
    assert len(mail.outbox) == 3


def test_sign_ups_are_refused_with_the_form_kept_while_their_limits_cannot_be_read(
    own_redis, site_tree
):
    stop(own_redis)
    with TestCase.captureOnCommitCallbacks(execute=True):
        answer = Client().post("/newsletter/anmelden/", form_data(email="maria@example.org"))

    assert answer.status_code == 503
    assert answer["Retry-After"] == "60"
    page = answer.content.decode()
    assert "gerade kurz gestört" in page
    assert 'value="maria@example.org"' in page
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_a_publish_during_the_outage_shows_once_redis_is_back(
    own_redis, post, django_capture_on_commit_callbacks
):
    """Frozen, not stopped: Redis keeps the pages stored before, which a publish during the
    outage could not retire."""
    visitor = Client()
    visitor.get(post.url)
    assert visitor.get(post.url)["X-Cache"] == "HIT"

    os.kill(own_redis.pid, signal.SIGSTOP)
    post.title = "Während des Ausfalls geändert"
    with django_capture_on_commit_callbacks(execute=True):
        post.save_revision().publish()
    during = visitor.get(post.url)
    os.kill(own_redis.pid, signal.SIGCONT)
    after = visitor.get(post.url)

    assert (during.status_code, during["X-Cache"]) == (200, "MISS")
    assert "Während des Ausfalls geändert" in during.content.decode()
    assert (after.status_code, after["X-Cache"]) == (200, "MISS")
    assert "Während des Ausfalls geändert" in after.content.decode()
    assert visitor.get(post.url)["X-Cache"] == "HIT"


def test_with_the_database_gone_cached_pages_are_served_and_others_get_a_german_503(
    site_tree, settings, monkeypatch
):
    from django.db import connection

    settings.PAGE_CACHE_SECONDS = 300
    visitor = Client(raise_request_exception=False)
    assert visitor.get("/")["X-Cache"] == "MISS"

    def unreachable(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed")

    monkeypatch.setattr(connection, "cursor", unreachable)
    cached = visitor.get("/")
    uncached = visitor.get("/beitraege/")

    assert (cached.status_code, cached["X-Cache"]) == (200, "HIT")
    assert uncached.status_code == 503
    assert uncached["Retry-After"] == "60"
    assert "Gleich wieder da" in uncached.content.decode()
