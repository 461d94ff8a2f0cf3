from django.conf import settings
from django.urls import URLPattern, URLResolver, include, path, re_path
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csp import csp_override
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from downloads.views import document_cache_control
from editorial import views as editorial_views
from events.views import calendar_file

from . import views


def with_decorator(decorate, patterns):
    """``patterns`` with every view, in included URLconfs too, wrapped by ``decorate``. New
    pattern objects: the included module's own stay as they are."""
    return [
        URLResolver(
            pattern.pattern,
            with_decorator(decorate, pattern.url_patterns),
            pattern.default_kwargs,
            pattern.app_name,
            pattern.namespace,
        )
        if isinstance(pattern, URLResolver)
        else URLPattern(
            pattern.pattern, decorate(pattern.callback), pattern.default_args, pattern.name
        )
        for pattern in patterns
    ]


def admin_headers(view):
    """Wagtail's admin relies on inline scripts and styles (``ADMIN_CSP``), and the page editor
    frames its preview: ``SAMEORIGIN``, matching ``ADMIN_CSP``'s ``frame-ancestors 'self'``."""
    return xframe_options_sameorigin(csp_override(settings.ADMIN_CSP)(view))


urlpatterns = [
    # The public pages keep the strict SECURE_CSP and DENY. The two-factor views are admin URLs
    # (register_admin_urls), so they are in.
    path(
        settings.ADMIN_URL_PREFIX.removeprefix("/"),
        include(
            with_decorator(
                admin_headers,
                # Before Wagtail's own: a GET must neither sign out nor claim to (see the view).
                [
                    path("logout/", editorial_views.logout, name="wagtailadmin_logout"),
                    *wagtailadmin_urls.urlpatterns,
                ],
            )
        ),
    ),
    path(
        "documents/", include(with_decorator(document_cache_control, wagtaildocs_urls.urlpatterns))
    ),
    path("suche/", views.search, name="search"),
    path("newsletter/", views.newsletter_page, name="newsletter_page"),
    path("newsletter/", include("newsletter.urls")),
    path("formulare/", include("formpages.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon_ico, name="favicon_ico"),
]

if settings.SERVE_MEDIA_FILES:
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.*)$", views.serve_media)]

urlpatterns += [
    re_path(r"^(?P<page_path>(?:[\w-]+/)+)kalender\.ics$", calendar_file, name="calendar_file"),
    path("", include(wagtail_urls)),
]

handler404 = "website.views.page_not_found"
handler500 = "website.views.server_error"
