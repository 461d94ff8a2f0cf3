"""A post's Markdown body as the blocks of ``home.blocks.BodyStreamBlock``."""

import functools
import re

from django.core.exceptions import ValidationError
from markdown_it import MarkdownIt
from markdown_it.token import Token
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from home.blocks import RICH_TEXT_FEATURES, BodyStreamBlock

from .includes import accessible_image, include_blocks
from .liquid import include_index, replace_liquid_tags

MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])
MARKDOWN.add_render_rule("hardbreak", lambda renderer, tokens, index, options, env: "<br/>")
EMPTY_PARAGRAPH = re.compile(r"<p(?: data-block-key=\"[^\"]*\")?></p>")
INVISIBLE_HTML = re.compile(
    r"<(script|style|iframe|object|embed|template)\b.*?</\1\s*>|<!--.*?-->", re.DOTALL | re.I
)
LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
QUOTE_SOURCE = re.compile(r"^(?:—|–|--?)\s*(?P<source>\S.*)$")
IMAGE_COMPANIONS = {"softbreak", "hardbreak", "link_open", "link_close"}
BLOCK_NAMES = {
    "heading": "heading",
    "paragraph": "text",
    "image": "image",
    "gallery": "gallery",
    "quote": "quote",
    "call_to_action": "button",
    "video": "video",
    "pretix_registration": "pretix widget",
}


def markdown_to_blocks(markdown, assets, warn, first_line=1):
    """The body's StreamField value: a list of ``(block type, value)``, each value cleaned.

    ``first_line`` is the file's line number of the body's first line, for warnings.
    """
    return BodyConverter(assets, warn, first_line).convert(markdown)


@functools.cache
def editor_converter(features=tuple(RICH_TEXT_FEATURES)):
    return ContentstateConverter(list(features))


def editor_rich_text(html, features=RICH_TEXT_FEATURES):
    """``html`` in Wagtail's database format, reduced to what the editor can edit.

    Draftail's converter drops every element, attribute and URL scheme outside ``features``
    and keeps the text.
    """
    converter = editor_converter(tuple(features))
    html = converter.to_database_format(converter.from_database_format(html))
    return EMPTY_PARAGRAPH.sub("", html)


def markdown_rich_text(markdown, features):
    """A short Markdown text (an event's or project's description) as editable rich text."""
    return editor_rich_text(MARKDOWN.render(markdown or ""), features)


def inline_text(children):
    """The text of inline tokens without their markup (``**KI**`` → ``KI``)."""
    parts = []
    for token in children:
        if token.type in {"text", "code_inline"}:
            parts.append(token.content)
        elif token.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
    return " ".join("".join(parts).split())


def top_level_blocks(tokens):
    """Group Markdown-it's flat token list into the top-level blocks of the document."""
    block = []
    for token in tokens:
        block.append(token)
        if token.level == 0 and token.nesting <= 0:
            yield block
            block = []


def only_images(inline):
    """The images of a paragraph that holds nothing but images (and links around them)."""
    children = inline.children or []
    images = [child for child in children if child.type == "image"]
    others = [
        child
        for child in children
        if child.type != "image"
        and child.type not in IMAGE_COMPANIONS
        and not (child.type == "text" and not child.content.strip())
    ]
    return images if images and not others else []


def flatten_list_paragraphs(tokens):
    """Render list items without ``<p>`` (loose lists too): Draftail's list items hold text only.

    Further paragraphs of one item follow a line break.
    """
    containers = []
    for position, token in enumerate(tokens):
        if token.type in {"paragraph_open", "paragraph_close"}:
            if containers and containers[-1][0] == "list_item_open":
                token.hidden = True
                if token.type == "paragraph_open":
                    if containers[-1][1]:
                        tokens[position + 1].children.insert(0, Token("hardbreak", "br", 0))
                    containers[-1][1] += 1
        elif token.nesting == 1:
            containers.append([token.type, 0])
        elif token.nesting == -1 and containers:
            containers.pop()


class BodyConverter:
    def __init__(self, assets, warn, first_line=1):
        self.assets = assets
        self.warn = warn
        self.first_line = first_line
        self.stream_block = BodyStreamBlock()
        self.blocks = []
        self.includes = []
        self.text_html = []
        self.text_line = None

    def convert(self, markdown):
        markdown, self.includes = replace_liquid_tags(markdown, self.warn, self.first_line)
        for block in top_level_blocks(MARKDOWN.parse(markdown)):
            self.convert_block(block)
        self.flush_text()
        return self.blocks

    def line(self, token, default=None):
        return self.first_line + token.map[0] if token.map else default

    def convert_block(self, block):
        first = block[0]
        line = self.line(first)
        images = only_images(block[1]) if first.type == "paragraph_open" else []
        if first.type == "heading_open":
            deferred = self.prepare(block, line)
            self.add_heading(first.tag, inline_text(block[1].children), line)
            self.add_deferred(deferred, line)
        elif first.type == "html_block" and include_index(first.content) is not None:
            self.add_include(self.includes[include_index(first.content)])
        elif images:
            for image in images:
                self.add_image(image, line)
        elif first.type == "blockquote_open":
            deferred = self.prepare(block, line)
            self.add_quote(block, line)
            self.add_deferred(deferred, line)
        else:
            deferred = self.prepare(block, line)
            flatten_list_paragraphs(block)
            if self.text_line is None:
                self.text_line = line
            self.text_html.append(MARKDOWN.renderer.render(block, MARKDOWN.options, {}))
            self.add_deferred(deferred, line)

    def prepare(self, block, line):
        """Resolve the block's links in place and take out what cannot live in rich text.

        Returns the images and button includes found inside, to be added after the text.
        """
        deferred = []
        for token in block:
            token_line = self.line(token, line)
            if token.type == "html_block":
                index = include_index(token.content)
                if index is not None:
                    deferred.append(self.includes[index])
                    token.content = ""
                else:
                    token.content = INVISIBLE_HTML.sub("", token.content)
                    if token.content.strip():
                        self.warn("raw HTML: only its text and links are kept", token_line)
            elif token.type == "table_open":
                self.warn("table: only its text is kept, one paragraph per cell", token_line)
            elif token.type in {"fence", "code_block"}:
                self.warn("code block: kept as a plain paragraph", token_line)
            if token.children:
                token.children = self.prepare_inline(token.children, deferred, token_line)
        return deferred

    def prepare_inline(self, children, deferred, line):
        kept = []
        for child in children:
            if child.type == "image":
                deferred.append(child)
                continue
            if child.type == "html_inline" and include_index(child.content) is not None:
                deferred.append(self.includes[include_index(child.content)])
                continue
            if child.type == "html_inline" and LINE_BREAK_TAG.fullmatch(child.content):
                child = Token("hardbreak", "br", 0)
            if child.type == "link_open":
                self.resolve_link(child, line)
            kept.append(child)
        return kept

    def resolve_link(self, token, line):
        href = token.attrGet("href") or ""
        document = self.assets.document(href, self.warn, line)
        if document:
            token.attrs = {"linktype": "document", "id": str(document.pk)}
        else:
            token.attrs = {"href": self.assets.relative_url(href)}

    def add_deferred(self, deferred, line):
        for item in deferred:
            if isinstance(item, Token):
                self.add_image(item, line)
            else:
                self.add_include(item)

    def add_heading(self, tag, text, line):
        if text:
            level = "h2" if tag in {"h1", "h2"} else "h3"
            self.add_block("heading", {"text": text, "level": level}, line)

    def add_image(self, token, line):
        alt_text = inline_text(token.children or [])
        image = self.assets.image(token.attrGet("src") or "", self.warn, line, alt_text)
        if image:
            caption = " ".join((token.attrGet("title") or "").split())
            value = {"image": accessible_image(image, alt_text), "caption": caption}
            if value["image"]["decorative"]:
                self.warn.missing_alt_text(token.attrGet("src"), line)
            self.add_block("image", value, line)

    def add_quote(self, block, line):
        paragraphs = [inline_text(token.children) for token in block if token.type == "inline"]
        paragraphs = [paragraph for paragraph in paragraphs if paragraph]
        source = QUOTE_SOURCE.match(paragraphs[-1]) if len(paragraphs) > 1 else None
        if source:
            paragraphs.pop()
        if paragraphs:
            value = {"text": "\n\n".join(paragraphs), "source": source["source"] if source else ""}
            self.add_block("quote", value, line)

    def add_include(self, include):
        self.flush_text()
        for name, raw_value in include_blocks(include, self.assets, self.warn):
            self.add_block(name, raw_value, include.line)

    def add_block(self, name, raw_value, line):
        if name != "paragraph":
            self.flush_text()
        block = self.stream_block.child_blocks[name]
        try:
            value = block.clean(block.to_python(raw_value))
        except ValidationError as error:
            self.warn(f"{BLOCK_NAMES[name]} dropped: {validation_message(error)}", line)
            return
        self.blocks.append((name, value))

    def flush_text(self):
        html, line = "".join(self.text_html), self.text_line
        self.text_html, self.text_line = [], None
        rich_text = editor_rich_text(html) if html.strip() else ""
        if rich_text.strip():
            self.add_block("paragraph", rich_text, line)


def validation_message(error):
    block_errors = getattr(error, "block_errors", None)
    if isinstance(block_errors, dict):
        return "; ".join(
            f"{name}: {validation_message(child)}" for name, child in block_errors.items()
        )
    return " ".join(error.messages)
