"""``{% picture %}`` as Wagtail writes it, parsing its sizes once per template instead of per
image (``home.wagtail_overrides.PictureWithParsedFiltersNode`` says why)."""

from django import template
from wagtail.images.templatetags.wagtailimages_tags import image as parse_image_tag

from home.wagtail_overrides.picture import PictureWithParsedFiltersNode

register = template.Library()


@register.tag
def picture(parser, token):
    """Same syntax and output as Wagtail's ``{% picture %}``."""
    node = parse_image_tag(parser, token)
    return PictureWithParsedFiltersNode(
        node.image_expr, node.filter_specs, attrs=node.attrs, output_var_name=node.output_var_name
    )
