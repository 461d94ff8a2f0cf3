"""Settings shared by every environment; each value can be overridden by an environment variable."""

from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

from .caches import redis_caches, with_rate_limit_alias
from .environment import env_bool, env_int, env_list, env_networks, env_str
from .frontend_cache import frontend_cache_backends
from .release import current_release

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "website",
    "newsletter_issues",
    "importer",
    "home",
    "blog",
    "formats",
    "downloads",
    "newsletter",
    "formpages",
    "events",
    "methods",
    "projects",
    "pagecache",
    "editorial",
    "wagtail.contrib.forms",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "home.middleware.SecurityHeadersMiddleware",
    "home.middleware.RejectNullCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session: a cached page is answered without session or database.
    "pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "home.wagtail_overrides.CachedSiteMiddleware",
    "newsletter.middleware.NewsletterDeepLinkMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "editorial.middleware.AdminTwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Client addresses (oic_cms/client_address.py, README "Production"): X-Forwarded-For is read
# only from these peers, and only the entry the outermost of TRUSTED_PROXY_COUNT proxies wrote.
# deploy/ puts one nginx on the loopback in front of gunicorn; 0 ignores the header entirely.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1)
TRUSTED_PROXY_ADDRESSES = env_networks("TRUSTED_PROXY_ADDRESSES", ["127.0.0.0/8", "::1"])

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Admin logins (editorial/login_limits.py): after 5 wrong passwords for one account from one
# client address, or 20 from one address across all accounts, a one-hour pause for that address.
AXES_HANDLER = "editorial.login_limits.AdminLoginHandler"
AXES_CLIENT_IP_CALLABLE = "oic_cms.client_address.client_address"
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
ADMIN_LOGIN_FAILURE_LIMIT_PER_ADDRESS = env_int("ADMIN_LOGIN_FAILURE_LIMIT_PER_ADDRESS", 20)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
# axes would keep every successful login's address and browser for ever, in a table nobody here
# reads (the site has no Django admin); failed attempts are kept for the cool-off time.
AXES_DISABLE_ACCESS_LOG = True
# Password reset mails (editorial/forms.py): per client address and per e-mail address, per hour.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "editorial.forms.ThrottledPasswordResetForm"
PASSWORD_RESET_LIMIT_PER_CLIENT = env_int("PASSWORD_RESET_LIMIT_PER_CLIENT", 5)
PASSWORD_RESET_LIMIT_PER_ACCOUNT = env_int("PASSWORD_RESET_LIMIT_PER_ACCOUNT", 3)
# axes drops attempts past their cool-off only when the next attempt comes; `manage.py
# admin_login_cleanup` (daily timer, deploy/systemd/oic-cms-admin-login-cleanup.timer) deletes
# every record (address, browser, user name) older than this many days.
ADMIN_LOGIN_RECORD_RETENTION_DAYS = env_int("ADMIN_LOGIN_RECORD_RETENTION_DAYS", 7)

# Two-factor sign-in for the admin (editorial/two_factor.py): everyone may set up an
# authenticator app; these settings say who must. Groups by name, comma-separated.
ADMIN_REQUIRE_2FA = env_bool("ADMIN_REQUIRE_2FA", False)
ADMIN_2FA_REQUIRED_GROUPS = env_list("ADMIN_2FA_REQUIRED_GROUPS", ["Moderation"])
ADMIN_2FA_REQUIRED_FOR_SUPERUSERS = env_bool("ADMIN_2FA_REQUIRED_FOR_SUPERUSERS", False)
OTP_TOTP_ISSUER = "OIC Bielefeld"

ROOT_URLCONF = "website.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "oic_cms.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Previews, autosave and a management command write at the same time. WAL lets readers
    # and one writer work side by side; IMMEDIATE takes the write lock when a transaction
    # begins, so a second writer waits up to `timeout` seconds for it instead of failing with
    # "database is locked" when a deferred read transaction cannot be upgraded.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's search index uses PostgreSQL's full-text indexes (German stemming).
    INSTALLED_APPS.append("django.contrib.postgres")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch")]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch")]
WAGTAIL_I18N_ENABLED = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Without a web server in front (local runs, small deployments) Django serves uploaded media.
SERVE_MEDIA_FILES = env_bool("SERVE_MEDIA_FILES", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# SMTP by default; EMAIL_BACKEND may name another backend (e.g. an e-mail service's).
SMTP_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_BACKEND_NAME = env_str("EMAIL_BACKEND", SMTP_EMAIL_BACKEND)
# The SMTP options only mean something to the SMTP backend; other backends (a provider's
# backend such as django-anymail's, the console) refuse arguments they do not know.


def mailer(prefix, backend, defaults=None):
    """A MAILERS entry from ``<prefix>HOST``, ``<prefix>PORT``, … (SMTP options only for SMTP)."""
    defaults = defaults or {}
    if backend != SMTP_EMAIL_BACKEND:
        return {"BACKEND": backend, "OPTIONS": {}}
    return {
        "BACKEND": backend,
        "OPTIONS": {
            "host": env_str(f"{prefix}HOST", defaults.get("host", "localhost")),
            "port": env_int(f"{prefix}PORT", defaults.get("port", 25)),
            "username": env_str(f"{prefix}HOST_USER", defaults.get("username", "")),
            "password": env_str(f"{prefix}HOST_PASSWORD", defaults.get("password", "")),
            "use_tls": env_bool(f"{prefix}USE_TLS", defaults.get("use_tls", False)),
            "use_ssl": env_bool(f"{prefix}USE_SSL", defaults.get("use_ssl", False)),
            "timeout": env_int(f"{prefix}TIMEOUT", defaults.get("timeout", 20)),
        },
    }


# "default" carries the transactional mails (confirmations, password resets); "bulk" the
# newsletter issues, so that a relay or service with its own limits and reputation can take
# them. Unset NEWSLETTER_EMAIL_* fall back to the EMAIL_* values.
TRANSACTIONAL_MAILER = mailer("EMAIL_", EMAIL_BACKEND_NAME)
NEWSLETTER_EMAIL_BACKEND_NAME = env_str("NEWSLETTER_EMAIL_BACKEND", EMAIL_BACKEND_NAME)
MAILERS = {
    "default": TRANSACTIONAL_MAILER,
    "bulk": mailer(
        "NEWSLETTER_EMAIL_", NEWSLETTER_EMAIL_BACKEND_NAME, TRANSACTIONAL_MAILER["OPTIONS"]
    ),
}
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL", "Open Innovation City Bielefeld <innovationen@bielefeld.de>"
)
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

RELEASE = current_release(BASE_DIR)
# One cache for every process (server, task worker, management commands), so that a purge by
# `manage.py import_jekyll_site` or `publish_scheduled` reaches the running server: Redis when
# REDIS_URL is set (production overrides this), else files under var/cache/. Files rather than
# Django's DatabaseCache: no table to create, and page views do not write into the SQLite file
# editors save to, so they never wait for its write lock. Its add()/incr() are not atomic across
# processes; the rate limits (oic_cms/rate_limits.py) may then count one attempt short when two
# processes count the same key at once, which development can afford and Redis does not do.
if env_str("REDIS_URL", ""):
    CACHES = redis_caches(env_str("REDIS_URL"), RELEASE)
else:
    CACHES = with_rate_limit_alias(
        {
            "default": {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": env_str("CACHE_DIR", str(BASE_DIR / "var" / "cache")),
                "KEY_PREFIX": RELEASE,
                # The page cache keeps one file per page and query; Django's default of 300
                # entries would cull a third of them on most writes of a site with a few hundred
                # posts.
                "OPTIONS": {"MAX_ENTRIES": 5000},
            }
        }
    )

# Page cache for anonymous visitors (pagecache/, see README "Page cache and CDN"); 0 turns it off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# Which query parameters are cached is declared by each page type (``cache_query_parameters``,
# pagecache/query_parameters.py), not here. Longer query strings are never cached: a bound on the
# copies one visitor can make.
PAGE_CACHE_MAX_QUERY_STRING_LENGTH = 256
# Cache-Control of shareable pages for a CDN or proxy in front (s-maxage, stale-while-revalidate).
# Short: a change purges only the changed page's own address there; every listing, the home page
# and the other pages that show it (author, format, related posts) expire instead.
CDN_CACHE_SECONDS = env_int("CDN_CACHE_SECONDS", 60)
# A CDN purges by full URL; search URLs (any query) cannot all be named, so they expire sooner.
CDN_SEARCH_CACHE_SECONDS = env_int("CDN_SEARCH_CACHE_SECONDS", 60)
CDN_STALE_WHILE_REVALIDATE_SECONDS = env_int("CDN_STALE_WHILE_REVALIDATE_SECONDS", 60)
# Which CDN or Varnish to purge on publish (FRONTEND_CACHE_BACKEND); none when unset.
WAGTAILFRONTENDCACHE = frontend_cache_backends()

# Background tasks (Wagtail's own and the newsletter e-mails) run immediately by default;
# TASKS_BACKEND=database queues them for `manage.py db_worker` (see README).
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS[env_str("TASKS_BACKEND", "immediate")]}}

WAGTAIL_SITE_NAME = "Open Innovation City Bielefeld"
# The public address of the site: admin e-mails and previews, and absolute image addresses
# (og:image, event microdata) when media are served from here. Renditions' full_url appends
# "/media/…" to it, hence no trailing slash.
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILIMAGES_IMAGE_MODEL = "home.CreditedImage"
WAGTAILDOCS_DOCUMENT_MODEL = "downloads.Download"
# Videos and their captions: Deutsche Gebärdensprache is offered self-hosted (home/sign_language).
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "pptx", "xlsx", "odt", "odp", "ods", "mp4", "vtt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("DOCUMENT_MAX_UPLOAD_MB", 20) * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("IMAGE_MAX_UPLOAD_MB", 10) * 1024 * 1024
# The task worker makes an image's renditions when it is saved (home/renditions.py); off here,
# on in production, so that development and tests make them on first view only.
PREPARE_IMAGE_RENDITIONS = env_bool("PREPARE_IMAGE_RENDITIONS", False)
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["bold", "italic", "ol", "ul", "link", "document-link"]},
    }
}
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # Used by the PostgreSQL backend for stemming; SQLite ignores it.
        "SEARCH_CONFIG": "german",
    }
}

# Privacy: the admin must not contact third parties.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILADMIN_LOGIN_URL = "wagtailadmin_login"
WAGTAILADMIN_USER_LOGIN_FORM = "home.admin_forms.LoginForm"
WAGTAIL_MODERATION_ENABLED = True

# Content-Security-Policy: public pages run no inline code and load only our own files; the
# two-click embeds may load from their providers once a visitor asked for them.
PRETIX_ORIGIN = env_str("PRETIX_ORIGIN", "https://pretix.eu")
VIDEO_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, PRETIX_ORIGIN],
    "style-src": [CSP.SELF, PRETIX_ORIGIN],
    "img-src": [CSP.SELF, "data:", PRETIX_ORIGIN],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF, PRETIX_ORIGIN],
    "frame-src": [*VIDEO_ORIGINS, PRETIX_ORIGIN],
    # No one frames the public pages, as X_FRAME_OPTIONS says: the editors' preview is an admin
    # URL, framed by the admin (ADMIN_CSP, SAMEORIGIN).
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
ADMIN_URL_PREFIX = "/admin/"
ADMIN_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.SELF, *VIDEO_ORIGINS],
    # The page editor frames its live preview; the admin's views answer X-Frame-Options:
    # SAMEORIGIN to match (website/urls.py).
    "frame-ancestors": [CSP.SELF],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
    "browsing-topics=(), interest-cohort=()"
)

SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# Public pages; the admin's views answer SAMEORIGIN (with ADMIN_CSP's frame-ancestors 'self').
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # Every page save runs several small tasks; their start/finish lines drown the real output.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}

# Form pages (formpages/): sendings per hour per client and network, and days a submission is kept.
FORM_RATE_LIMIT_WINDOW_SECONDS = 60 * 60
FORM_RATE_LIMIT_PER_CLIENT = env_int("FORM_RATE_LIMIT_PER_CLIENT", 10)
FORM_RATE_LIMIT_PER_NETWORK = env_int("FORM_RATE_LIMIT_PER_NETWORK", 60)
FORM_SUBMISSION_RETENTION_DAYS = env_int("FORM_SUBMISSION_RETENTION_DAYS", 180)

# Newsletter (double opt-in, see newsletter/)
NEWSLETTER_CONFIRMATION_VALID_HOURS = 48
NEWSLETTER_RESEND_MINUTES = 5
# A form token (oic_cms/form_tokens.py, newsletter and form pages) is accepted this long after
# the form came into view, and not sooner than the fill time; the signed consent context of
# cached pages lasts longer. NEWSLETTER_MIN_FILL_SECONDS is the variable's name before form pages.
FORM_MIN_FILL_SECONDS = env_int("FORM_MIN_FILL_SECONDS", env_int("NEWSLETTER_MIN_FILL_SECONDS", 3))
FORM_TOKEN_MAX_AGE_SECONDS = 2 * 60 * 60
NEWSLETTER_FORM_MAX_AGE_SECONDS = 7 * 24 * 60 * 60
# Sign-ups per hour (newsletter/rate_limits.py; the figures' reasons: README "Newsletter").
NEWSLETTER_RATE_LIMIT_WINDOW_SECONDS = 60 * 60
NEWSLETTER_RATE_LIMIT_PER_CLIENT = env_int("NEWSLETTER_RATE_LIMIT_PER_CLIENT", 40)
NEWSLETTER_RATE_LIMIT_PER_NETWORK = env_int("NEWSLETTER_RATE_LIMIT_PER_NETWORK", 120)
NEWSLETTER_RATE_LIMIT_PER_ADDRESS = env_int("NEWSLETTER_RATE_LIMIT_PER_ADDRESS", 3)
NEWSLETTER_STORE_IP_ADDRESS = env_bool("NEWSLETTER_STORE_IP_ADDRESS", False)
NEWSLETTER_UNSUBSCRIBE_EMAIL = env_str("NEWSLETTER_UNSUBSCRIBE_EMAIL")
NEWSLETTER_PENDING_RETENTION_DAYS = env_int("NEWSLETTER_PENDING_RETENTION_DAYS", 30)
NEWSLETTER_UNSUBSCRIBED_RETENTION_DAYS = env_int("NEWSLETTER_UNSUBSCRIBED_RETENTION_DAYS", 365)
# Key for the hashes that prove past opt-outs; defaults to SECRET_KEY. Set it separately so
# that rotating SECRET_KEY does not orphan the proofs.
NEWSLETTER_OPT_OUT_HASH_KEY = env_str("NEWSLETTER_OPT_OUT_HASH_KEY")
# Sending issues (newsletter/mailings.py): the MAILERS entry, messages per minute (0: as fast
# as the server takes them), messages per task, and after how long a claimed message whose
# worker is gone (on another machine) is sent again.
NEWSLETTER_MAILER = "bulk"
NEWSLETTER_MESSAGES_PER_MINUTE = env_int("NEWSLETTER_MESSAGES_PER_MINUTE", 300)
NEWSLETTER_BATCH_SIZE = env_int("NEWSLETTER_BATCH_SIZE", 200)
NEWSLETTER_STALE_CLAIM_SECONDS = env_int("NEWSLETTER_STALE_CLAIM_SECONDS", 300)
NEWSLETTER_LIST_ID = env_str("NEWSLETTER_LIST_ID")
