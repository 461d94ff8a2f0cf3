"""Purges after publish, unpublish, move, delete and snippet edits, once the change is committed.

The addresses are worked out when the change happens (a moved page's old address is known only
then) and purged after the transaction commits, so no visitor can put the old content back into
the cache in between. The same addresses go to the page cache (by path, all query strings) and
to the CDN (``WAGTAILFRONTENDCACHE``, by full URL).

``wagtail.contrib.frontend_cache`` is deliberately not in ``INSTALLED_APPS``: its own signal
handlers would purge the published page alone and a second time.
"""

import threading
from contextlib import contextmanager
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from . import dependents, store

_bulk_change = threading.local()


@contextmanager
def purged_once_afterwards():
    """For a bulk change such as the Jekyll import: no purge per page or snippet, whose
    listings would be worked out again for every one of a thousand posts, but one purge of
    everything at the end if anything changed."""
    _bulk_change.active, _bulk_change.changed = True, False
    try:
        yield
    finally:
        changed = _bulk_change.changed
        _bulk_change.active = _bulk_change.changed = False
        if changed:
            purge(dependents.everything_plan())


def deferred_to_bulk_purge():
    """True (and noted) while ``purged_once_afterwards`` collects the changes."""
    if getattr(_bulk_change, "active", False):
        _bulk_change.changed = True
        return True
    return False


def purge(plan):
    """Purges ``plan`` now: the page cache by path, then the CDN by URL."""
    urls = set(plan.urls)
    if plan.everything:
        store.purge_everything()
        if settings.WAGTAILFRONTENDCACHE:
            urls |= dependents.everything_plan().urls
    store.purge_paths(urlsplit(url).path or "/" for url in urls)
    if settings.WAGTAILFRONTENDCACHE and urls:
        PurgeBatch(urls).purge()


def purge_on_commit(plan):
    if deferred_to_bulk_purge():
        return
    # robust: a failed purge is logged; it must not turn an editor's saved change into an error.
    transaction.on_commit(lambda: purge(plan), robust=True)


def purge_page_after_commit(page_id):
    """Looks the page up again: the same transaction may have deleted it (then ``pre_delete``
    already planned its purge)."""
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        purge(dependents.page_change_plan(page))


@receiver(page_published)
@receiver(page_unpublished)
def purge_changed_page(sender, instance, **kwargs):
    """Worked out after the commit: the listings' page counts are then those visitors see."""
    if deferred_to_bulk_purge():
        return
    page_id = instance.pk
    transaction.on_commit(lambda: purge_page_after_commit(page_id), robust=True)


@receiver(pre_page_move)
@receiver(post_page_move)
def purge_moved_page(sender, instance, **kwargs):
    """Called before the move (old addresses, old parent) and after it (new ones)."""
    if instance.live and not deferred_to_bulk_purge():
        purge_on_commit(dependents.page_change_plan(instance))


@receiver(pre_delete, sender=Page)
def purge_deleted_page(sender, instance, **kwargs):
    if instance.live and not deferred_to_bulk_purge():
        purge_on_commit(dependents.page_change_plan(instance))


SNIPPET_PLANS = {
    "home.Category": dependents.category_plan,
    "projects.Project": dependents.project_plan,
    "home.CreditedImage": dependents.referenced_object_plan,
    "downloads.Download": dependents.referenced_object_plan,
}


def connect_snippet(label, plan_for):
    def purge_snippet(sender, instance, **kwargs):
        if not deferred_to_bulk_purge():
            purge_on_commit(plan_for(instance))

    snippet_model = apps.get_model(label)
    post_save.connect(purge_snippet, sender=snippet_model, weak=False)
    pre_delete.connect(purge_snippet, sender=snippet_model, weak=False)


for snippet_label, snippet_plan in SNIPPET_PLANS.items():
    connect_snippet(snippet_label, snippet_plan)


@receiver(pre_save, sender="home.Person")
def remember_person_slug(sender, instance, **kwargs):
    """A changed slug moves the author page; its old address must be purged too."""
    old = sender.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
    instance._slug_before_save = old or ""


@receiver(post_save, sender="home.Person")
@receiver(pre_delete, sender="home.Person")
def purge_person(sender, instance, **kwargs):
    if deferred_to_bulk_purge():
        return
    old_slug = getattr(instance, "_slug_before_save", "")
    purge_on_commit(dependents.person_plan(instance, old_slug))


@receiver(post_save, sender="home.SiteSettings")
@receiver(pre_delete, sender="home.SiteSettings")
def purge_site_settings(sender, instance, **kwargs):
    """Footer, footer newsletter form and organisation name are on every page."""
    purge_on_commit(dependents.PurgePlan(everything=True))


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def purge_privacy_change(sender, instance, **kwargs):
    """A page made private must leave every cache at once; listings, search and navigation
    show its section's pages too. Privacy changes are rare: everything is purged."""
    if not deferred_to_bulk_purge():
        purge_on_commit(dependents.PurgePlan(everything=True))
