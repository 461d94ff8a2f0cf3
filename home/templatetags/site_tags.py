from django import template
from wagtail.models import Site

from home.easy_language import easy_language_link_for, sign_language_url
from home.navigation import main_navigation_items
from home.wagtail_overrides import ancestors_known_from_routing

register = template.Library()


@register.simple_tag(takes_context=True)
def current_site(context):
    request = context.get("request")
    return Site.find_for_request(request) if request else None


@register.simple_tag(takes_context=True)
def main_navigation(context):
    site = current_site(context)
    return main_navigation_items(site) if site else []


@register.simple_tag(takes_context=True)
def easy_language_link(context, page):
    """The header's „Leichte Sprache“ link for ``page``: ``{"url", "is_current"}`` or ``None``."""
    site = current_site(context)
    return easy_language_link_for(site, page) if site else None


@register.inclusion_tag("components/sign_language_link.html", takes_context=True)
def sign_language_link(context, page):
    """The header's „Gebärdensprache“ link, beside „Leichte Sprache“, when the page exists."""
    site = current_site(context)
    url = sign_language_url(site) if site else ""
    return {"url": url, "is_current": bool(url) and getattr(page, "url", None) == url}


@register.simple_tag
def breadcrumb_pages(page):
    """Ancestors from the home page down to the page's parent; those routing fetched, if
    it fetched them all."""
    known = ancestors_known_from_routing(page)
    return known if known is not None else page.get_ancestors().filter(depth__gt=1)


@register.simple_tag
def menu_item_state(item, current_page):
    """``page`` for the current page, ``true`` for its section, else empty (for aria-current)."""
    current_path = getattr(current_page, "path", None)
    if not current_path or not current_path.startswith(item["path"]):
        return ""
    return "page" if current_path == item["path"] else "true"


@register.filter
def page_links(page_of_items):
    """The page numbers a pagination shows around ``page_of_items``: the first and last page and
    two on each side of the current one, with the paginator's ``…`` for the gaps. Listing every
    page would put hundreds of links on each page of a long listing."""
    return page_of_items.paginator.get_elided_page_range(
        page_of_items.number, on_each_side=2, on_ends=1
    )
