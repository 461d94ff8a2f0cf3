"""Settings as the deployed site gets them from the environment, and the admin's privacy."""

import json
import os
import secrets
import subprocess
import sys
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings

PRINT_SETTINGS = (
    "import json; from django.conf import settings; "
    "database = settings.DATABASES['default']; "
    "print(json.dumps({'ENGINE': database['ENGINE'], 'NAME': str(database['NAME']), "
    "'HOST': database.get('HOST', ''), 'CONN_HEALTH_CHECKS': database['CONN_HEALTH_CHECKS'], "
    "'LANGUAGE_CODE': settings.LANGUAGE_CODE, 'TIME_ZONE': settings.TIME_ZONE, "
    "'USE_TZ': settings.USE_TZ, 'DEBUG': settings.DEBUG, "
    "'WAGTAIL_ENABLE_UPDATE_CHECK': settings.WAGTAIL_ENABLE_UPDATE_CHECK, "
    "'WAGTAIL_GRAVATAR_PROVIDER_URL': settings.WAGTAIL_GRAVATAR_PROVIDER_URL}))"
)


def manage(*args, **environment):
    """Run ``manage.py`` in a fresh interpreter that sees only the given environment."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        **environment,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def settings_seen_by(**environment):
    result = manage("shell", "-c", PRINT_SETTINGS, **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def production_environment(**extra):
    return {
        "DJANGO_SETTINGS_MODULE": "oic_cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "example.org",
        **extra,
    }


def test_production_refuses_to_start_without_secret_key():
    result = manage("check", DJANGO_SETTINGS_MODULE="oic_cms.settings.production")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_production_passes_the_deployment_checks_without_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **production_environment())

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr


def test_production_settings_are_german_private_and_not_debug():
    seen = settings_seen_by(**production_environment())

    assert seen["LANGUAGE_CODE"] == "de"
    assert seen["TIME_ZONE"] == "Europe/Berlin"
    assert seen["USE_TZ"] is True
    assert seen["DEBUG"] is False
    assert seen["WAGTAIL_ENABLE_UPDATE_CHECK"] is False
    assert seen["WAGTAIL_GRAVATAR_PROVIDER_URL"] is None


@pytest.mark.parametrize(
    ("database_url", "engine", "name", "host"),
    [
        (
            "sqlite:////tmp/oic-settings-test.sqlite3",
            "django.db.backends.sqlite3",
            "/tmp/oic-settings-test.sqlite3",
            "",
        ),
        (
            "postgres://oic:geheim@db.example.org:5432/oic_cms",
            "django.db.backends.postgresql",
            "oic_cms",
            "db.example.org",
        ),
        (
            "postgresql://oic:geheim@localhost/oic",
            "django.db.backends.postgresql",
            "oic",
            "localhost",
        ),
    ],
)
def test_database_url_selects_the_database(database_url, engine, name, host):
    seen = settings_seen_by(**production_environment(DATABASE_URL=database_url))

    assert seen["ENGINE"] == engine
    assert seen["NAME"] == name
    assert seen["HOST"] == host
    assert seen["CONN_HEALTH_CHECKS"] is True


def test_without_database_url_the_project_uses_its_sqlite_file():
    seen = settings_seen_by(**production_environment())

    assert seen["ENGINE"] == "django.db.backends.sqlite3"
    assert seen["NAME"] == str(django_settings.BASE_DIR / "db.sqlite3")


class AttributeCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attributes = []

    def handle_starttag(self, tag, attrs):
        self.attributes.extend((tag, name, value or "") for name, value in attrs)

    handle_startendtag = handle_starttag


def third_party_resources(html, own_host="testserver"):
    """Every attribute naming another host, except plain links (which load nothing by
    themselves) and XML namespace names."""
    collector = AttributeCollector()
    collector.feed(html)
    found = []
    for tag, name, value in collector.attributes:
        if name.startswith("xmlns"):
            continue
        candidates = value.split(",") if name in {"srcset", "imagesrcset"} else [value]
        for candidate in candidates:
            candidate = candidate.strip().split(" ")[0]
            parsed = urlsplit(candidate)
            is_url = parsed.scheme in {"http", "https"} or candidate.startswith("//")
            if not is_url or parsed.hostname == own_host:
                continue
            if tag == "a" and name == "href":
                continue
            found.append(f"<{tag} {name}={value!r}>")
    return found


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        username="redaktion", email="redaktion@example.org", password="x"
    )
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_admin_login_is_german_and_loads_nothing_from_third_parties(client):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert "Anmelden" in html
    assert "gravatar" not in html.lower()
    assert third_party_resources(html) == []


@pytest.mark.django_db
def test_admin_dashboard_has_no_update_check_and_no_gravatar(superuser_client):
    response = superuser_client.get("/admin/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-controller="w-upgrade' not in html
    assert "data-w-upgrade-current-version-value" not in html
    assert "gravatar" not in html.lower()
    assert third_party_resources(html) == []


@pytest.mark.django_db
def test_update_check_marker_is_what_wagtail_shows_when_the_check_is_on(superuser_client, settings):
    """Guards the test above: the marker it looks for is the one Wagtail really renders."""
    settings.WAGTAIL_ENABLE_UPDATE_CHECK = True

    html = superuser_client.get("/admin/").content.decode()

    assert 'data-controller="w-upgrade' in html


@pytest.mark.django_db
def test_gravatar_would_show_up_as_a_third_party_resource(superuser_client, settings):
    """Guards the scans above: an avatar from Gravatar is caught as a third-party resource."""
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = "//www.gravatar.com/avatar"

    html = superuser_client.get("/admin/").content.decode()

    assert any("www.gravatar.com" in found for found in third_party_resources(html))


def test_an_e_mail_backend_other_than_smtp_sends_without_smtp_options():
    result = manage(
        "shell",
        "-c",
        "from django.core.mail import send_mail; "
        "send_mail('Betreff', 'Hallo', 'oic@example.org', ['maria@example.org'])",
        **production_environment(EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend"),
    )

    assert result.returncode == 0, result.stderr
    assert "Subject: Betreff" in result.stdout and "To: maria@example.org" in result.stdout
