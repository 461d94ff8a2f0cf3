"""Absolute addresses point where the site answers: production sets the Wagtail site's host
name and port from ``WAGTAILADMIN_BASE_URL`` at every start of the web unit, and ``make run
PORT=…`` hands its address to the demo's site and to the server that sends the e-mails.

Was: mail links came from ``WAGTAILADMIN_BASE_URL`` (default ``http://127.0.0.1:8000``)
whatever ``make run PORT=`` served; the demo's site was ``localhost:80``, so canonical,
``og:url``, feed, sitemap, iCal and the consent proof's page address pointed where nothing
answered; and nothing said how production sets the site's host name."""

import io
import os
import re
import subprocess
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.models import Site

from tests.factories import BlogPageFactory
from tests.ops.systemd import VENV_PYTHON, unit_settings

pytestmark = pytest.mark.django_db

WEB_UNIT = "oic-cms-web.service"


def run_the_web_units_site_step():
    """The web unit's ``ExecStartPre`` that sets the site's address, as ``manage.py`` runs it,
    after the migrations."""
    steps = unit_settings(WEB_UNIT, "ExecStartPre")
    names = [step.split()[2] for step in steps]
    assert names.index("set_site_address") > names.index("migrate")
    python, script, command = steps[names.index("set_site_address")].split()
    assert (python, script) == (VENV_PYTHON, "manage.py")
    call_command(command)


def test_production_takes_the_sites_address_from_wagtailadmin_base_url(
    site_tree, settings, django_capture_on_commit_callbacks
):
    settings.ALLOWED_HOSTS = ["oic-bielefeld.de"]
    settings.PAGE_CACHE_SECONDS = 300
    BlogPageFactory(parent=site_tree.blog_index, slug="ein-beitrag")
    visitor = Client()
    before = visitor.get("/beitraege/", HTTP_HOST="oic-bielefeld.de", secure=True)
    assert 'rel="canonical" href="http://localhost/beitraege/"' in before.content.decode()

    settings.WAGTAILADMIN_BASE_URL = "https://oic-bielefeld.de"
    with django_capture_on_commit_callbacks(execute=True):
        run_the_web_units_site_step()

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == (
        "oic-bielefeld.de",
        443,
        "https://oic-bielefeld.de",
    )
    html = visitor.get("/beitraege/", HTTP_HOST="oic-bielefeld.de", secure=True).content.decode()
    assert 'rel="canonical" href="https://oic-bielefeld.de/beitraege/"' in html  # not cached
    assert 'property="og:url" content="https://oic-bielefeld.de/beitraege/"' in html
    feed = visitor.get("/beitraege/feed/", HTTP_HOST="oic-bielefeld.de", secure=True)
    assert "<link>https://oic-bielefeld.de/beitraege/ein-beitrag/</link>" in feed.content.decode()
    sitemap = visitor.get("/sitemap.xml", HTTP_HOST="oic-bielefeld.de", secure=True)
    assert "<loc>https://oic-bielefeld.de/beitraege/ein-beitrag/</loc>" in (
        sitemap.content.decode()
    )


@pytest.mark.parametrize(
    ("base_url", "address"),
    [
        ("http://127.0.0.1:8080", ("127.0.0.1", 8080)),
        ("https://oic-bielefeld.de/", ("oic-bielefeld.de", 443)),
        ("http://localhost", ("localhost", 80)),
    ],
)
def test_every_form_of_the_address_gives_host_and_port(site_tree, settings, base_url, address):
    settings.WAGTAILADMIN_BASE_URL = base_url
    call_command("set_site_address", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == address


def test_an_address_without_scheme_is_refused_with_the_reason(site_tree, settings):
    settings.WAGTAILADMIN_BASE_URL = "oic-bielefeld.de"
    with pytest.raises(ImproperlyConfigured, match="WAGTAILADMIN_BASE_URL must be an http"):
        call_command("set_site_address")
    Site.objects.all().delete()
    settings.WAGTAILADMIN_BASE_URL = "https://oic-bielefeld.de"
    with pytest.raises(CommandError, match="no default site"):
        call_command("set_site_address")


def test_the_demo_site_answers_at_the_configured_address(client, shared_demo_site, settings):
    site = Site.objects.get(is_default_site=True)
    assert settings.WAGTAILADMIN_BASE_URL == "http://testserver"
    assert (site.hostname, site.port) == ("testserver", 80)
    html = client.get("/beitraege/").content.decode()
    assert 'rel="canonical" href="http://testserver/beitraege/"' in html


def test_make_run_hands_its_port_to_the_demo_site_and_the_server(tmp_path):
    """The recipes of ``make run PORT=8080``, each run by a stand-in for the virtualenv's Python
    that reports the address it was given."""
    venv = tmp_path / "venv"
    venv.mkdir()
    (venv / "installed.stamp").touch()  # newer than pyproject.toml: no installation
    stand_in = tmp_path / "python"
    stand_in.write_text('#!/bin/sh\necho "$WAGTAILADMIN_BASE_URL $*"\n')
    stand_in.chmod(0o755)
    environment = {
        key: value for key, value in os.environ.items() if key != "WAGTAILADMIN_BASE_URL"
    }

    def make(*arguments):
        result = subprocess.run(
            ["make", "-s", *arguments, f"VENV={venv}", f"PY={stand_in}"],
            cwd=Path(django_settings.BASE_DIR),
            env=environment,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.splitlines()

    ran = make("run", "PORT=8080")
    assert "http://127.0.0.1:8080 manage.py load_demo_content --with-local-admin" in ran
    assert "http://127.0.0.1:8080 manage.py runserver 127.0.0.1:8080" in ran
    assert any(re.match(r"OIC CMS: http://127\.0\.0\.1:8080/ ", line) for line in ran)
    assert "http://127.0.0.1:8000 manage.py load_demo_content --with-local-admin" in make("demo")
