"""Settings for the test suite: fast hashing, in-memory e-mail, media in a throwaway folder."""

import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-secret-key-with-enough-length-and-entropy-0123456789"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="oic-test-media-")
WAGTAILADMIN_BASE_URL = "http://testserver"
