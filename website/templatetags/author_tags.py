from django import template

from website.authors import author_page_url as author_page_url_for

register = template.Library()


@register.simple_tag(takes_context=True)
def author_page_url(context, person):
    """``/autoren/<slug>/`` when the person has an author page, else ``""``; the lookup is
    shared by all person cards of a request."""
    return author_page_url_for(context.get("request"), person)
