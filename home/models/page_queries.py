"""Page managers and mixins that keep serving a page within a fixed number of SQL queries.

Wagtail's defaults cost a query per use: ``public()`` first loads every view restriction, the
view-restriction check loads the ancestors to resolve aliases, and routing fetches each page
twice (as ``Page``, then as its specific type). Here each is one query or none.
"""

from functools import reduce
from operator import or_

from django.db import models
from django.db.models import Q
from wagtail.models import Page, PageManager, PageQuerySet, PageViewRestriction

from home.site_cache import restricted_section_paths


def in_private_section_q():
    """Pages in a private section, from the cached paths of the restricted pages. (Not a
    correlated subquery: PostgreSQL runs that once per row, seconds for 10,000 posts.)"""
    paths = restricted_section_paths()
    if not paths:
        return Q(pk__in=[])
    return reduce(or_, (Q(path__startswith=path) for path in paths))


class SitePageQuerySet(PageQuerySet):
    def private_q(self):
        return in_private_section_q()


SitePageManager = PageManager.from_queryset(SitePageQuerySet)


def public_pages(queryset):
    """``queryset.public()`` in one query, for querysets of Wagtail's own ``Page`` manager."""
    return queryset.exclude(in_private_section_q())


class PrivacyInOneQueryMixin(models.Model):
    """Listings (``public()``) and serving (``get_view_restrictions``) check privacy without a
    query of their own while no page is private, and with one query at most otherwise: the
    restricted sections' paths come from the cache, and a page's restrictions are found by
    the paths of its ancestors, which it knows without asking the database."""

    objects = SitePageManager()

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """The restrictions on this page and its ancestors; an alias has its source's."""
        if not restricted_section_paths():
            return PageViewRestriction.objects.none()
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        alias_sources = Page.objects.filter(path__in=paths, alias_of__isnull=False).values(
            "alias_of_id"
        )
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page_id__in=alias_sources)
        )


class TypedChildRoutingMixin:
    """For parents whose children are all of one type: routing finds the child in one query,
    together with what its page shows (``child_pages_for_routing``), instead of two.

    Comes after ``RoutablePageMixin`` in the bases, so the parent's own routes still win.
    """

    def child_pages_for_routing(self):
        raise NotImplementedError

    def route(self, request, path_components):
        if path_components:
            child = self.child_pages_for_routing().filter(slug=path_components[0]).first()
            if child is not None:
                child._cached_parent_obj = self
                return child.route(request, path_components[1:])
        # This page itself, or a child of another type (Wagtail's routing finds it or 404s).
        return super().route(request, path_components)


def ancestors_known_from_routing(page):
    """The ancestors below the tree root that routing already fetched (home page first), or
    ``None`` if routing did not fetch them all."""
    ancestors = []
    current = page
    while current.depth > 2:
        current = current.__dict__.get("_cached_parent_obj")
        if current is None:
            return None
        ancestors.append(current)
    return ancestors[::-1]
