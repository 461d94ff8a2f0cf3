from django import template

from home.templatetags.site_tags import current_site

register = template.Library()


@register.simple_tag(takes_context=True)
def accessibility_statement_link(context, footer_links):
    """The statement's link for the footer, which BGG NRW wants on every page: there even if an
    editor removed it from the footer links, and once if they list it themselves."""
    from formpages.models import AccessibilityStatementPage

    site = current_site(context)
    if site is None:
        return None
    statement = AccessibilityStatementPage.objects.live().public().in_site(site).first()
    if statement is None:
        return None
    url = statement.get_url(context.get("request"))
    if any(link.href == url for link in footer_links):
        return None
    return {"url": url, "title": statement.title}
