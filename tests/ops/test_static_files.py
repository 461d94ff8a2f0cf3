"""Static files as production collects and serves them: our CSS and JavaScript minified,
every file under a content-hashed name with a long cache lifetime, pages pointing at those names."""

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings as django_settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import override_settings

PRODUCTION_STATIC_STORAGE = "oic_cms.staticfiles.MinifiedCompressedManifestStaticFilesStorage"
OWN_SOURCES = sorted(
    path.relative_to(django_settings.BASE_DIR / "static").as_posix()
    for pattern in ("css/*.css", "js/*.js")
    for path in (django_settings.BASE_DIR / "static").glob(pattern)
)
HASHED_NAME = re.compile(r"\.[0-9a-f]{12}\.(css|js)$")


def production_storages():
    return {
        **django_settings.STORAGES,
        "staticfiles": {"BACKEND": PRODUCTION_STATIC_STORAGE},
    }


@pytest.fixture(scope="module")
def collected_static(tmp_path_factory):
    """One `collectstatic` per module, as a deployment runs it, into a throwaway folder."""
    static_root = tmp_path_factory.mktemp("staticfiles")
    with override_settings(STATIC_ROOT=static_root, STORAGES=production_storages()):
        call_command("collectstatic", interactive=False, verbosity=0)
    manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    return SimpleNamespace(root=static_root, manifest=manifest)


@pytest.fixture
def production_static(settings, collected_static):
    settings.STATIC_ROOT = collected_static.root
    settings.STORAGES = production_storages()
    return collected_static


def test_the_project_has_css_and_javascript_to_minify():
    assert "css/site.css" in OWN_SOURCES
    assert "js/site.js" in OWN_SOURCES


@pytest.mark.parametrize("name", OWN_SOURCES)
def test_own_css_and_javascript_are_collected_minified_under_a_hashed_name(collected_static, name):
    source = (django_settings.BASE_DIR / "static" / name).read_text()
    hashed_name = collected_static.manifest[name]
    collected = (collected_static.root / hashed_name).read_text()

    assert HASHED_NAME.search(hashed_name), hashed_name
    assert len(collected) < len(source) * 0.9
    assert "/*" not in collected
    assert not re.search(r"^\s*//", collected, re.MULTILINE)
    assert "\n    " not in collected
    assert "sourceMappingURL" not in collected
    assert (collected_static.root / f"{hashed_name}.gz").exists()


def test_minified_css_keeps_every_rule(collected_static):
    source = (django_settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    collected = (collected_static.root / collected_static.manifest["css/site.css"]).read_text()

    assert collected.count("{") == source.count("{")
    assert ".skip-link:focus{top:1rem;color:#fff}" in collected


def test_wagtail_admin_files_are_collected_as_wagtail_ships_them(collected_static):
    """Wagtail's admin assets come minified from its own build; we do not rewrite them."""
    name = "wagtailadmin/js/core.js"
    shipped = Path(finders.find(name)).read_bytes()

    assert (collected_static.root / name).read_bytes() == shipped


@pytest.mark.django_db
def test_pages_reference_the_hashed_files(client, site_tree, production_static):
    response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="/static/{production_static.manifest["css/site.css"]}"' in html
    assert f'src="/static/{production_static.manifest["js/site.js"]}"' in html
    assert "/static/css/site.css" not in html
    assert "unsafe-inline" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_hashed_files_are_served_compressed_and_cached_for_a_year(client, production_static):
    url = f"/static/{production_static.manifest['css/site.css']}"

    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "immutable" in response["Cache-Control"]
    max_age = int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1))
    assert max_age >= 365 * 24 * 60 * 60
