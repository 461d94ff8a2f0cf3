"""Local development: debug on, e-mails written to files a person can open."""

from .base import *  # noqa: F403
from .environment import env_bool, env_list, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "insecure-local-development-key-never-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
# E-mails land as files in var/mail/ (or EMAIL_FILE_PATH) so a person can open their links.
DEV_MAILER = {
    "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
    "OPTIONS": {"file_path": env_str("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))},  # noqa: F405
}
MAILERS = {"default": DEV_MAILER, "bulk": DEV_MAILER}
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
