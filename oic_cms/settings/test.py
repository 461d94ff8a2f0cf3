"""Settings for the test suite: fast hashing, in-memory e-mail, media in a throwaway folder."""

import tempfile

from .base import *  # noqa: F403
from .caches import with_rate_limit_alias

SECRET_KEY = "test-only-secret-key-with-enough-length-and-entropy-0123456789"  # noqa: S105
DEBUG = False
# Named one by one: a host that is no Wagtail site is answered only when ALLOWED_HOSTS names it
# (home.wagtail_overrides.site_for_request); the live server of the browser tests is localhost.
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {
    "default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
    "bulk": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
}
# No pause between messages: the tests' sends are small.
NEWSLETTER_MESSAGES_PER_MINUTE = 0
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="oic-test-media-")
WAGTAILADMIN_BASE_URL = "http://testserver"
STATIC_ROOT = tempfile.mkdtemp(prefix="oic-test-static-")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
# One process, no files left behind: the tests of the shared development cache start their own
# processes with the development settings (tests/ops/test_development_like_production.py).
CACHES = with_rate_limit_alias(
    {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "KEY_PREFIX": RELEASE}}  # noqa: F405
)
# Tests change content inside transactions that never commit, so purges would not run: the page
# cache is off here and turned on by the tests in tests/pagecache/.
PAGE_CACHE_SECONDS = 0
# Indexing every saved page costs more than most tests' own work; the tests that search turn it
# back on with the search_index marker (tests/conftest.py).
WAGTAILSEARCH_BACKENDS = {
    "default": {**WAGTAILSEARCH_BACKENDS["default"], "AUTO_UPDATE": False},  # noqa: F405
}
