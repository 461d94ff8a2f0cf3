"""Production: everything from the environment, refuses to start without a secret key."""

import importlib.util
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .caches import redis_caches
from .environment import env_bool, env_int, env_list, env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production settings need a long random SECRET_KEY "
        "in the environment."
    )

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Our CSS and JavaScript minified, every file hashed (cached for a year) and pre-compressed.
    "staticfiles": {"BACKEND": "oic_cms.staticfiles.MinifiedCompressedManifestStaticFilesStorage"},
}


def media_origin(bucket, endpoint_url, custom_domain):
    """The origin django-storages puts in media URLs: the CDN or custom domain, else the
    provider's endpoint (path-style addresses), else Amazon's virtual-hosted bucket host."""
    if custom_domain:
        return f"https://{custom_domain}"
    if endpoint_url:
        endpoint = urlsplit(endpoint_url)
        return f"{endpoint.scheme}://{endpoint.netloc}"
    return f"https://{bucket}.s3.amazonaws.com"


# Uploaded media on S3-compatible object storage (optional extra `s3`, django-storages): on when
# a bucket is named. Credentials come from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, which
# django-storages reads from the environment itself.
MEDIA_S3_BUCKET = env_str("AWS_STORAGE_BUCKET_NAME")
if MEDIA_S3_BUCKET:
    if importlib.util.find_spec("storages") is None:
        raise ImproperlyConfigured(
            'AWS_STORAGE_BUCKET_NAME is set but django-storages is missing: pip install -e ".[s3]".'
        )
    media_s3_endpoint = env_str("AWS_S3_ENDPOINT_URL") or None
    media_s3_domain = env_str("AWS_S3_CUSTOM_DOMAIN") or None
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": media_s3_endpoint,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "custom_domain": media_s3_domain,
            "location": env_str("AWS_LOCATION"),
            # Pages (and a CDN) cache image addresses: they must not expire like signed URLs.
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            # Two uploads with one name keep both files, as on the file system.
            "file_overwrite": False,
        },
    }
    SERVE_MEDIA_FILES = False
    # Public pages and the admin show images from the bucket (or the CDN in front of it).
    media_s3_origin = media_origin(MEDIA_S3_BUCKET, media_s3_endpoint, media_s3_domain)
    SECURE_CSP = {**SECURE_CSP, "img-src": [*SECURE_CSP["img-src"], media_s3_origin]}  # noqa: F405
    ADMIN_CSP = {**ADMIN_CSP, "img-src": [*ADMIN_CSP["img-src"], media_s3_origin]}  # noqa: F405

# The task worker, not the web worker serving the first visitor, encodes new images' sizes.
PREPARE_IMAGE_RENDITIONS = env_bool("PREPARE_IMAGE_RENDITIONS", True)

# A cache shared by all workers: rate limits and purges must hold across processes.
CACHES = redis_caches(env_str("REDIS_URL", "redis://127.0.0.1:6379/0"), RELEASE)  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# On the live site superusers (who can do everything) and the Newsletter group (who see
# subscribers' addresses) must also sign in with an authenticator app, set up at their first
# login; local development keeps the demo admin password-only.
ADMIN_2FA_REQUIRED_FOR_SUPERUSERS = env_bool("ADMIN_2FA_REQUIRED_FOR_SUPERUSERS", True)
ADMIN_2FA_REQUIRED_GROUPS = env_list("ADMIN_2FA_REQUIRED_GROUPS", ["Moderation", "Newsletter"])
