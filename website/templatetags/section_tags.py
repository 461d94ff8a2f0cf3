from django import template

from website.sections import SECTION_ANCHORS

register = template.Library()


@register.simple_tag(takes_context=True)
def section_anchor(context, block):
    """Today's anchor (``about``, ``team``, …) for the first section of its kind on the page."""
    anchor = SECTION_ANCHORS.get(block.block_type)
    request = context.get("request")
    if anchor is None or request is None:
        return ""
    used = request.__dict__.setdefault("used_section_anchors", set())
    if anchor in used:
        return ""
    used.add(anchor)
    return anchor
