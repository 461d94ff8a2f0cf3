"""Every cache key starts with the release, so a deploy never reads an older release's entries."""

import subprocess
import sys

from django.conf import settings
from django.core.cache import caches

from oic_cms.settings.release import current_release


def settings_value(expression, **environment):
    """``expression`` evaluated in a fresh process under the production settings."""
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'oic_cms.settings.production'; "
        f"django.setup(); from django.conf import settings; print({expression})"
    )
    env = {
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "oic.example",
        "PATH": "/usr/bin:/bin",
        **environment,
    }
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_the_release_from_the_environment_prefixes_the_production_cache():
    assert settings_value("settings.CACHES['default']['KEY_PREFIX']", RELEASE="2026.12.1") == (
        "2026.12.1"
    )


def test_without_release_a_checkout_uses_its_commit(monkeypatch):
    monkeypatch.delenv("RELEASE", raising=False)
    commit = subprocess.run(
        ["git", "rev-parse", "--short=12", "HEAD"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert current_release(settings.BASE_DIR) == (commit or current_release("/"))
    assert current_release("/") != ""


def test_two_releases_do_not_read_each_others_entries(settings):
    old, new = (
        {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "releases",
            "KEY_PREFIX": release,
        }
        for release in ("release-1", "release-2")
    )
    settings.CACHES = {"default": settings.CACHES["default"], "old": old, "new": new}
    caches["old"].set("site-settings:home.sitesettings:1", "pickled by release 1")
    assert caches["new"].get("site-settings:home.sitesettings:1") is None
    assert caches["old"].get("site-settings:home.sitesettings:1") == "pickled by release 1"
