"""The page manager that keeps listings of public pages within a fixed number of SQL queries.

Wagtail's ``public()`` first loads every view restriction, then filters by them; here the
restricted sections' paths come from the cache, so a listing costs no extra query.
"""

from functools import reduce
from operator import or_

from django.db import models
from django.db.models import Q
from wagtail.models import PageManager, PageQuerySet

from home.site_cache import restricted_section_paths
from home.wagtail_overrides import ViewRestrictionsByPathMixin


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


class PrivacyInOneQueryMixin(ViewRestrictionsByPathMixin, models.Model):
    """Listings (``public()``) and serving (``get_view_restrictions``, see
    ``home.wagtail_overrides``) check privacy without a query of their own while no page is
    private, and with one query at most otherwise: the restricted sections' paths come from
    the cache (``home.site_cache``)."""

    objects = SitePageManager()

    class Meta:
        abstract = True
