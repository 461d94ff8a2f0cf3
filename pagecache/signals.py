"""One rule retires the page cache: any publish, unpublish, move or delete of a page, any save
or delete of a snippet, image, document, setting, view restriction or site bumps the
generation, and every cached page is gone at once. A snippet's draft is not a change visitors
see; its publish is.

A registry of which page shows what (the former ``dependents`` module) looked at a page's new
state only, so a removed relation (an author taken off a post, a post taken out of a category)
left the old page in the cache. The cache knows no app: it asks Wagtail what is a snippet, an
image, a document or a setting.

The bump happens after the transaction commits, so no visitor can put the old content back into
the cache in between. A CDN in front (``WAGTAILFRONTENDCACHE``) is asked to purge the changed
page's own addresses, or every site's home page for a change of anything else; listings there
expire by their short ``s-maxage``. Varnish as deploy/ runs it bans the whole host for any
purge, so there every page shows the change at once.
"""

import threading
from contextlib import contextmanager
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends, purge_urls_from_cache
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move
from wagtail.snippets.models import get_snippet_models

from oic_cms.cache_backends import cache_recovered

from . import store

_bulk_change = threading.local()

CONTENT_BASES = (AbstractImage, AbstractDocument, BaseSiteSetting, BaseGenericSetting)

# What a draft or a lock writes on a snippet with Wagtail's draft state: only which revision is
# the latest and who holds the lock. Visitors see the published fields, which stay as they were
# until the publish (a full save), so such a save leaves the cache alone.
DRAFT_BOOKKEEPING_FIELDS = frozenset(
    {"latest_revision", "has_unpublished_changes", "locked", "locked_at", "locked_by"}
)


@contextmanager
def purged_once_afterwards():
    """For a bulk change such as the Jekyll import: one bump at the end if anything changed."""
    _bulk_change.active, _bulk_change.changed = True, False
    try:
        yield
    finally:
        changed = _bulk_change.changed
        _bulk_change.active = _bulk_change.changed = False
        if changed:
            store.purge_everything()


def deferred_to_bulk_purge():
    """True (and noted) while ``purged_once_afterwards`` collects the changes."""
    if getattr(_bulk_change, "active", False):
        _bulk_change.changed = True
        return True
    return False


def purge_frontend_caches(urls):
    """Varnish on this machine (Wagtail's ``HTTPBackend``) is purged at once: a loopback
    request takes about a millisecond, while Wagtail's own purge is a task, which in production
    waits for the worker's next poll and behind the image renditions it is making. CDNs'
    remote APIs stay in that task."""
    backends = get_backends()
    queued = []
    for name, backend in backends.items():
        if not isinstance(backend, HTTPBackend):
            queued.append(name)
            continue
        own_urls = [url for url in urls if backend.invalidates_hostname(urlsplit(url).netloc)]
        if own_urls:
            backend.purge_batch(own_urls)
    if queued:
        purge_urls_from_cache(urls, backends=queued)


def retire_everything(cdn_urls=()):
    store.purge_everything()
    if settings.WAGTAILFRONTENDCACHE and cdn_urls:
        purge_frontend_caches(list(cdn_urls))


def retire_on_commit(cdn_urls=()):
    if deferred_to_bulk_purge():
        return
    cdn_urls = list(cdn_urls)
    # robust: a failed purge is logged; it must not turn an editor's saved change into an error.
    transaction.on_commit(lambda: retire_everything(cdn_urls), robust=True)


def page_urls(page, with_descendants=False):
    """The page's full URL for the CDN; with its live descendants', whose addresses a move
    changes too."""
    if not settings.WAGTAILFRONTENDCACHE:
        return []
    pages = [page]
    if with_descendants:
        pages += list(Page.objects.descendant_of(page).live().specific(defer=True))
    return [url for url in (each.get_full_url() for each in pages) if url]


def site_root_urls():
    """Every site's home page: what a CDN can be named when a snippet, image, document or
    setting changes, which may show on any page."""
    if not settings.WAGTAILFRONTENDCACHE:
        return []
    return [f"{site.root_url}/" for site in Site.objects.all()]


@receiver(page_published)
@receiver(page_unpublished)
def retire_for_page_change(sender, instance, **kwargs):
    retire_on_commit(page_urls(instance))


@receiver(pre_page_move)
@receiver(post_page_move)
def retire_for_page_move(sender, instance, **kwargs):
    """Before a move the old addresses are known, after it the new ones: both are purged,
    for the page and everything below it."""
    retire_on_commit(page_urls(instance, with_descendants=True))


@receiver(pre_delete, sender=Page)
def retire_for_deleted_page(sender, instance, **kwargs):
    if instance.live:
        retire_on_commit(page_urls(instance))


def is_shown_content(model):
    return issubclass(model, CONTENT_BASES) or model in get_snippet_models()


@receiver(post_save)
@receiver(post_delete)
def retire_for_content_change(sender, instance, raw=False, update_fields=None, **kwargs):
    """Snippets, images, documents and settings, whatever app they belong to."""
    if raw or isinstance(instance, Page):
        return
    if update_fields and update_fields <= DRAFT_BOOKKEEPING_FIELDS:
        return
    # A site's address is in every page's canonical and og:url, feeds and the sitemap.
    if isinstance(instance, PageViewRestriction | Site) or is_shown_content(sender):
        retire_on_commit(site_root_urls())


@receiver(cache_recovered)
def retire_after_cache_outage(sender, **kwargs):
    """A publish while Redis was gone could not bump the generation: pages stored before the
    outage would come back with the old content."""
    store.purge_everything()
