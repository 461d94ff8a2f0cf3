from django import template
from wagtail.rich_text import RichText

from ..emails import absolute_url
from ..plain_text import html_as_text

register = template.Library()


@register.filter
def email_text(value):
    """Rich text (or HTML) as plain text for the text part of a newsletter issue."""
    if isinstance(value, RichText):
        value = str(value)
    return html_as_text(value or "")


@register.filter
def absolute(url):
    """A site-relative address made absolute, for the plain-text part of an e-mail."""
    return absolute_url(url) if url and url.startswith("/") else url
