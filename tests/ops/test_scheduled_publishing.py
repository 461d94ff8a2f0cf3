"""Scheduled publishing and expiry run in production: the systemd timer's command, run here with
the clock moved on, publishes a post dated in the future and takes an expired one down.

Was: a post with a future date got a ``go_live_at``, but nothing ran ``publish_scheduled``:
no timer in ``deploy/systemd/``, nothing in the worker."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from tests.factories import BlogPageFactory
from tests.ops.systemd import run_exec_start, unit_setting

pytestmark = pytest.mark.django_db

SERVICE = "oic-cms-publish-scheduled.service"
TIMER = "oic-cms-publish-scheduled.timer"


def run_the_timers_command():
    run_exec_start(SERVICE)


def test_the_timer_starts_the_service_every_minute():
    assert unit_setting(TIMER, "OnCalendar") in {"*-*-* *:*:00", "minutely"}
    assert unit_setting(SERVICE, "Type") == "oneshot"
    assert unit_setting(SERVICE, "EnvironmentFile") == "/etc/oic-cms/oic-cms.env"


def test_a_scheduled_post_goes_live_when_the_timer_runs_after_its_time(
    site_tree, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300
    go_live = timezone.now() + datetime.timedelta(minutes=2)
    post = BlogPageFactory.build(title="Rückblick Open Innovation Hour", slug="rueckblick")
    post.go_live_at = go_live
    site_tree.blog_index.add_child(instance=post)
    post.save_revision().publish()
    post.refresh_from_db()
    assert not post.live
    visitor = Client()
    assert visitor.get("/beitraege/rueckblick/").status_code == 404
    assert "Rückblick Open Innovation Hour" not in visitor.get("/beitraege/").content.decode()

    with time_machine.travel(go_live - datetime.timedelta(seconds=30)):
        with django_capture_on_commit_callbacks(execute=True):
            run_the_timers_command()
        assert visitor.get("/beitraege/rueckblick/").status_code == 404  # not yet

    with time_machine.travel(go_live + datetime.timedelta(seconds=30)):
        with django_capture_on_commit_callbacks(execute=True):
            run_the_timers_command()
        assert visitor.get("/beitraege/rueckblick/").status_code == 200
        # The listing cached before is purged, as after a publish in the admin.
        assert "Rückblick Open Innovation Hour" in visitor.get("/beitraege/").content.decode()


def test_an_expired_post_is_taken_down_when_the_timer_runs(
    site_tree, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300
    expire = timezone.now() + datetime.timedelta(minutes=2)
    post = BlogPageFactory(parent=site_tree.blog_index, title="Aufruf bis Freitag", slug="aufruf")
    post.expire_at = expire
    post.save_revision().publish()
    visitor = Client()
    assert visitor.get("/beitraege/aufruf/").status_code == 200
    assert "Aufruf bis Freitag" in visitor.get("/beitraege/").content.decode()

    with time_machine.travel(expire + datetime.timedelta(seconds=30)):
        with django_capture_on_commit_callbacks(execute=True):
            run_the_timers_command()
        post.refresh_from_db()
        assert not post.live and post.expired
        assert visitor.get("/beitraege/aufruf/").status_code == 404
        assert "Aufruf bis Freitag" not in visitor.get("/beitraege/").content.decode()
