"""Which pages in Leichte Sprache and Gebärdensprache the header links to, cached per site with
the navigation."""

from django.core.cache import cache

EASY_LANGUAGE_CACHE_TIMEOUT = 24 * 60 * 60


def easy_language_cache_key(site_id):
    return f"easy-language-links:{site_id}"


def easy_language_links(site):
    """``{"start": {"id", "url"} or None, "versions": {original page id: url}}`` for ``site``.

    One query on a cache miss, none otherwise: the header needs this on every page, and a site
    has few pages in Leichte Sprache. ``purge_navigation_and_footer`` forgets it whenever a
    page is published, unpublished, moved or deleted.
    """
    from home.models import EasyLanguagePage

    key = easy_language_cache_key(site.pk)
    links = cache.get(key)
    if links is None:
        pages = (
            EasyLanguagePage.objects.live()
            .public()
            .descendant_of(site.root_page)
            .defer_streamfields()
            .order_by("path")
        )
        links = {"start": None, "versions": {}}
        for page in pages:
            url = page.get_url()
            if links["start"] is None and page.depth == site.root_page.depth + 1:
                links["start"] = {"id": page.pk, "url": url}
            if page.original_page_id:
                links["versions"][page.original_page_id] = url
        cache.set(key, links, EASY_LANGUAGE_CACHE_TIMEOUT)
    return links


def easy_language_link_for(site, page):
    """``{"url", "is_current"}`` of the Leichte-Sprache page for ``page``, or ``None``.

    A page's own version if it has one, else the start page in Leichte Sprache; pages in
    Leichte Sprache link to that start page.
    """
    links = easy_language_links(site)
    start = links["start"]
    page_id = getattr(page, "pk", None)
    own_version = links["versions"].get(page_id)
    if own_version:
        return {"url": own_version, "is_current": False}
    if start is None:
        return None
    return {"url": start["url"], "is_current": start["id"] == page_id}


def sign_language_cache_key(site_id):
    return f"sign-language-link:{site_id}"


def sign_language_url(site):
    """The address of ``site``'s live, public Gebärdensprache page, or ``""``; cached with the
    Leichte-Sprache links and forgotten with them."""
    from home.models import SignLanguagePage

    key = sign_language_cache_key(site.pk)
    url = cache.get(key)
    if url is None:
        page = (
            SignLanguagePage.objects.live()
            .public()
            .descendant_of(site.root_page)
            .defer_streamfields()
            .first()
        )
        url = page.get_url() if page is not None else ""
        cache.set(key, url, EASY_LANGUAGE_CACHE_TIMEOUT)
    return url
