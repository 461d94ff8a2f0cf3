"""The German editors' guide: ``redaktionshandbuch.md`` beside this module, shown in the admin.

Kept as Markdown in the repository so that a change to the site and to its description go into
the same commit. The text is the project's own, so raw HTML stays off all the same: Markdown is
all it needs.
"""

import functools
from pathlib import Path

from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.views.generic import TemplateView
from markdown_it import MarkdownIt
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

GUIDE_FILE = Path(__file__).with_name("redaktionshandbuch.md")
GUIDE_TITLE = "Redaktionshandbuch"


@functools.cache
def rendered_guide():
    """``(introduction, sections, contents)``: the guide's HTML before and from its first
    section, without the title (the admin header shows it), each heading with an id; and the
    ``(id, heading)`` of every section."""
    parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = parser.parse(GUIDE_FILE.read_text(encoding="utf-8"))
    contents = []
    for opening, inline in zip(tokens, tokens[1:], strict=False):
        if opening.type == "heading_open":
            anchor = slugify(inline.content)
            opening.attrSet("id", anchor)
            if opening.tag == "h2":
                contents.append((anchor, inline.content))
    title_end = next(index for index, token in enumerate(tokens) if token.type == "heading_close")
    first_section = next(
        index
        for index, token in enumerate(tokens)
        if token.type == "heading_open" and token.tag == "h2"
    )

    def html(part):
        return mark_safe(parser.renderer.render(part, parser.options, {}))  # noqa: S308 (raw HTML off)

    return html(tokens[title_end + 1 : first_section]), html(tokens[first_section:]), contents


class EditorsGuideView(WagtailAdminTemplateMixin, TemplateView):
    page_title = GUIDE_TITLE
    header_icon = "help"
    template_name = "editorial/editors_guide.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        introduction, sections, contents = rendered_guide()
        return {
            **super().get_context_data(**kwargs),
            "introduction": introduction,
            "sections": sections,
            "contents": contents,
        }
