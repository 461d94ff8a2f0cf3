"""What every page request needs and editors rarely change, kept in the shared cache.

The site settings and which pages are private would otherwise cost an SQL query each on
every request (the second one several times). Each entry is dropped when its source is saved,
so a change shows on the next request. The request's site is cached in
``home.wagtail_overrides``.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import post_page_move

CACHE_TIMEOUT = 24 * 60 * 60
RESTRICTED_SECTIONS_KEY = "restricted-section-paths"


def site_settings_cache_key(model, site_id):
    return f"site-settings:{model._meta.label_lower}:{site_id}"


def cached_site_settings(model, site, load):
    """The settings of ``model`` for ``site``: from the cache, else ``load()`` and remember."""
    key = site_settings_cache_key(model, site.pk)
    instance = cache.get(key)
    if instance is None:
        instance = load()
        cache.set(key, instance, CACHE_TIMEOUT)
    return instance


def restricted_section_paths():
    """Tree paths of the pages with a view restriction (usually none): their sections are
    private. Listings leave them out and serving checks them without asking the database."""
    return cache.get_or_set(
        RESTRICTED_SECTIONS_KEY,
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))),
        CACHE_TIMEOUT,
    )


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_page_move)
def forget_view_restrictions(sender, **kwargs):
    cache.delete(RESTRICTED_SECTIONS_KEY)


def forget_site_settings(sender, instance, **kwargs):
    cache.delete(site_settings_cache_key(sender, instance.site_id))
