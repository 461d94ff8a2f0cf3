"""Admin sign-in records (address, browser, user name) are deleted after the documented
retention by the daily timer's commands, and with them the expired sessions.

Was: django-axes kept every attempt and every sign-in of the admin forever."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from tests.ops.systemd import run_exec_start, unit_setting

pytestmark = pytest.mark.django_db

SERVICE = "oic-cms-admin-login-cleanup.service"
TIMER = "oic-cms-admin-login-cleanup.timer"
PASSWORD = "richtiges-passwort-2026"


def sign_in(password, address, browser):
    return Client().post(
        "/admin/login/",
        {"username": "redaktion", "password": password},
        REMOTE_ADDR=address,
        HTTP_USER_AGENT=browser,
    )


def test_the_timer_runs_the_cleanup_daily():
    assert unit_setting(TIMER, "OnCalendar") == "*-*-* 04:45:00"
    assert unit_setting(SERVICE, "Type") == "oneshot"


def test_records_older_than_the_retention_are_deleted_and_younger_ones_kept(site_tree, settings):
    settings.ADMIN_LOGIN_RECORD_RETENTION_DAYS = 7
    get_user_model().objects.create_superuser("redaktion", "r@bielefeld.de", PASSWORD)
    now = timezone.now()
    with time_machine.travel(now - datetime.timedelta(days=6)):
        assert sign_in("falsch", "203.0.113.7", "Neu/2.0").status_code == 200
        assert sign_in(PASSWORD, "203.0.113.8", "Neu/2.0").status_code == 302
    # Older, but made last: axes itself drops attempts past their cool-off only when the next
    # attempt comes. The sign-in log is off now (AXES_DISABLE_ACCESS_LOG); rows written while
    # it was on go as well.
    with time_machine.travel(now - datetime.timedelta(days=8)):
        assert sign_in("falsch", "198.51.100.9", "Alt/1.0").status_code == 200
        AccessLog.objects.create(
            ip_address="198.51.100.8", user_agent="Alt/1.0", username="redaktion"
        )
    assert AccessAttempt.objects.filter(ip_address="198.51.100.9").exists()
    sessions = set(Session.objects.values_list("pk", flat=True))
    assert sessions

    with time_machine.travel(now):
        run_exec_start(SERVICE)

    remaining = {
        (record.ip_address, record.user_agent)
        for model in (AccessAttempt, AccessLog)
        for record in model.objects.all()
    }
    assert remaining == {("203.0.113.7", "Neu/2.0")}
    assert Session.objects.filter(pk__in=sessions).exists()  # six days old: still valid
    with time_machine.travel(now + datetime.timedelta(days=9)):
        run_exec_start(SERVICE)
    assert not Session.objects.filter(pk__in=sessions).exists()  # past Django's two weeks
    assert not AccessAttempt.objects.exists()
