"""``{% picture %}`` with its sizes parsed once per template (see the package's docstring)."""

from django.utils.functional import cached_property
from wagtail.images.models import Filter
from wagtail.images.templatetags.wagtailimages_tags import PictureNode


class PictureWithParsedFiltersNode(PictureNode):
    @cached_property
    def parsed_filters(self):
        return [Filter(spec=spec) for spec in Filter.expand_spec(self.filter_specs)]

    def get_filters(self):
        return self.parsed_filters
