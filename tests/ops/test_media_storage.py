"""Where production keeps uploaded media: on disk by default, in an S3-compatible bucket when one
is named. Each case starts a fresh interpreter with only the given environment; nothing here
talks to a network."""

import json
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings as django_settings

# The URL an uploaded image gets, and whether the public pages' and the admin's
# Content-Security-Policy let a browser load it.
PRINT_MEDIA_SETUP = """
import json
from urllib.parse import urlsplit
from django.conf import settings
from django.core.files.storage import default_storage
media_url = default_storage.url("original_images/bielefeld.jpg")
origin = "{0.scheme}://{0.netloc}".format(urlsplit(media_url)) if "://" in media_url else "'self'"
media_storage = type(default_storage._wrapped)
print(json.dumps({
    "media_backend": f"{media_storage.__module__}.{media_storage.__name__}",
    "static_backend": settings.STORAGES["staticfiles"]["BACKEND"],
    "media_url": media_url,
    "serve_media_files": settings.SERVE_MEDIA_FILES,
    "public_pages_allow_it": origin in settings.SECURE_CSP["img-src"] or origin == "'self'",
    "admin_allows_it": origin in settings.ADMIN_CSP["img-src"] or origin == "'self'",
}))
"""


def production_media_setup(**environment):
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "DJANGO_SETTINGS_MODULE": "oic_cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "example.org",
        **environment,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PRINT_MEDIA_SETUP],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_a_bucket_media_stay_on_disk_and_static_files_are_minified_and_hashed():
    seen = production_media_setup()

    assert seen["media_backend"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert seen["media_url"] == "/media/original_images/bielefeld.jpg"
    assert seen["static_backend"] == (
        "oic_cms.staticfiles.MinifiedCompressedManifestStaticFilesStorage"
    )


def test_a_bucket_on_an_s3_compatible_provider_holds_the_media():
    seen = production_media_setup(
        AWS_STORAGE_BUCKET_NAME="oic-media",
        AWS_S3_ENDPOINT_URL="https://s3.eu-central-1.example-provider.de",
        AWS_S3_REGION_NAME="eu-central-1",
        AWS_ACCESS_KEY_ID="test-key",
        AWS_SECRET_ACCESS_KEY="test-secret",
    )

    assert seen["media_backend"] == "storages.backends.s3.S3Storage"
    # Unsigned, so that cached pages keep working addresses.
    assert seen["media_url"] == (
        "https://s3.eu-central-1.example-provider.de/oic-media/original_images/bielefeld.jpg"
    )
    assert seen["serve_media_files"] is False
    assert seen["public_pages_allow_it"] is True
    assert seen["admin_allows_it"] is True


def test_a_cdn_domain_in_front_of_the_bucket_serves_the_media():
    seen = production_media_setup(
        AWS_STORAGE_BUCKET_NAME="oic-media",
        AWS_S3_ENDPOINT_URL="https://s3.eu-central-1.example-provider.de",
        AWS_S3_CUSTOM_DOMAIN="media.oic-bielefeld.de",
    )

    assert seen["media_url"] == "https://media.oic-bielefeld.de/original_images/bielefeld.jpg"
    assert seen["public_pages_allow_it"] is True
    assert seen["admin_allows_it"] is True


def test_a_bucket_on_amazon_s3_itself_holds_the_media():
    seen = production_media_setup(AWS_STORAGE_BUCKET_NAME="oic-media")

    assert seen["media_url"] == "https://oic-media.s3.amazonaws.com/original_images/bielefeld.jpg"
    assert seen["public_pages_allow_it"] is True


# What the URL configuration of a settings module answers for a document and an image lying in
# MEDIA_ROOT, with the media handler on (SERVE_MEDIA_FILES, the default without a bucket).
PRINT_MEDIA_ANSWERS = """
import json
from django.http import Http404
from django.test import RequestFactory
from django.urls import resolve

def answer(path):
    match = resolve(path)
    try:
        return match.func(RequestFactory().get(path), *match.args, **match.kwargs).status_code
    except Http404:
        return 404

print(json.dumps({
    "document": answer("/media/documents/plan.pdf"),
    "document_by_a_detour": answer("/media/images/../documents/plan.pdf"),
    "image": answer("/media/original_images/bild.png"),
}))
"""


@pytest.mark.parametrize(
    "settings_module",
    ["oic_cms.settings.production", "oic_cms.settings.dev", "oic_cms.settings.test"],
)
def test_no_settings_module_serves_documents_from_media(settings_module, tmp_path):
    media = tmp_path / "media"
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "plan.pdf").write_bytes(b"%PDF-1.4 intern")
    (media / "original_images").mkdir()
    (media / "original_images" / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "DJANGO_SETTINGS_MODULE": settings_module,
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "testserver",
        "MEDIA_ROOT": str(media),
    }
    code = PRINT_MEDIA_ANSWERS
    if settings_module == "oic_cms.settings.test":
        # The test settings pick a throwaway MEDIA_ROOT of their own.
        code = f"from django.conf import settings; settings.MEDIA_ROOT = {str(media)!r}\n{code}"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout.strip().splitlines()[-1])

    assert answers == {"document": 404, "document_by_a_detour": 404, "image": 200}
