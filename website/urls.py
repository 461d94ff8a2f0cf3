from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from events.views import calendar_file

from . import views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("suche/", views.search, name="search"),
    path("newsletter/", include("newsletter.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
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
