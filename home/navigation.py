"""The main navigation and footer, cached per site and purged when their sources change."""

from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from wagtail.models import Site

from home.easy_language import easy_language_cache_key, sign_language_cache_key

NAVIGATION_CACHE_TIMEOUT = 24 * 60 * 60
FOOTER_FRAGMENT_NAME = "site_footer"


def navigation_cache_key(site_id):
    return f"main-navigation:{site_id}"


def main_navigation_items(site):
    """``[{"title", "url", "path"}]`` of the root's live, public children shown in menus."""
    key = navigation_cache_key(site.pk)
    items = cache.get(key)
    if items is None:
        menu_pages = site.root_page.get_children().live().public().in_menu()
        items = [
            {"title": page.title, "url": page.get_url(), "path": page.path} for page in menu_pages
        ]
        cache.set(key, items, NAVIGATION_CACHE_TIMEOUT)
    return items


def purge_navigation_and_footer():
    """Forget the cached navigation and footer of every site (there are only a handful)."""
    for site_id in Site.objects.values_list("pk", flat=True):
        cache.delete_many(
            [
                navigation_cache_key(site_id),
                easy_language_cache_key(site_id),
                sign_language_cache_key(site_id),
                make_template_fragment_key(FOOTER_FRAGMENT_NAME, [site_id]),
            ]
        )
