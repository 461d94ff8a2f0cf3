"""A post's Markdown body as the blocks of ``home.blocks.BodyStreamBlock``."""

import functools
import re
from html import escape, unescape

from django.core.exceptions import ValidationError
from markdown_it.token import Token
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.documents import get_document_model

from home.blocks import RICH_TEXT_FEATURES, BodyStreamBlock

from .includes import accessible_image, include_blocks
from .inline_html import embedded_items, image_token, parse_tag, video_value
from .kramdown import as_kramdown_reads_it, kramdown_parser, quotes_from_config
from .liquid import include_index, replace_liquid_tags

QUOTE_FEATURES = ["bold", "italic", "link"]
HEADING_LEVELS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
EMPTY_PARAGRAPH = re.compile(r"<p(?: data-block-key=\"[^\"]*\")?></p>")
INVISIBLE_HTML = re.compile(
    r"<(script|style|iframe|object|embed|template)\b.*?</\1\s*>|<!--.*?-->", re.DOTALL | re.I
)
LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
VOID_ELEMENT = re.compile(
    r"<(area|br|col|embed|hr|img|input|source|track|wbr)\b([^>]*?)\s*/?>", re.I
)
TAG = re.compile(r"<[^>]*>")
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


@functools.cache
def markdown_parser(quotes):
    parser = kramdown_parser(quotes)
    parser.add_render_rule("hardbreak", lambda renderer, tokens, index, options, env: "<br/>")
    return parser


MARKDOWN = markdown_parser(quotes_from_config(""))


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
    html = VOID_ELEMENT.sub(r"<\1\2/>", html)
    try:
        html = converter.to_database_format(converter.from_database_format(html))
    except AssertionError:
        # Draftail's converter gives up on HTML it cannot match up (a stray end tag in raw
        # HTML); the text survives as one paragraph.
        text = " ".join(INVISIBLE_HTML.sub(" ", TAG.sub(" ", html)).split())
        html = f"<p>{escape(unescape(text))}</p>" if text else ""
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
        self.parser = markdown_parser(assets.markdown_quotes())
        self.stream_block = BodyStreamBlock()
        self.blocks = []
        self.includes = []
        self.text_html = []
        self.text_line = None

    def convert(self, markdown):
        markdown, self.includes = replace_liquid_tags(markdown, self.warn, self.first_line)
        markdown = as_kramdown_reads_it(markdown, self.warn, self.first_line)
        for block in top_level_blocks(self.parser.parse(markdown)):
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
            self.add_heading(first.tag, block[1].children, line)
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
            self.text_html.append(self.render(block))
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
                    items, token.content = embedded_items(token.content)
                    deferred += [self.embedded(item, token_line) for item in items]
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
            if child.type == "html_inline":
                child = self.inline_html(child, deferred, line)
                if child is None:
                    continue
            if child.type == "link_open":
                self.resolve_link(child, line)
            kept.append(child)
        return kept

    def inline_html(self, token, deferred, line):
        """A raw tag inside a paragraph as the Markdown token it stands for, or ``None``."""
        if LINE_BREAK_TAG.fullmatch(token.content):
            return Token("hardbreak", "br", 0)
        tag = parse_tag(token.content)
        if tag is None:
            return token
        closing, name, attrs = tag
        if name == "a":
            if closing:
                return Token("link_close", "a", -1)
            return Token("link_open", "a", 1, attrs={"href": attrs.get("href", "")})
        if name in {"img", "iframe"} and not closing:
            deferred.append(
                self.embedded(image_token(attrs) if name == "img" else (name, attrs), line)
            )
            return None
        if name == "iframe":
            return None
        return token

    def embedded(self, item, line):
        """An image token stays one; a frame becomes a video block, or its link with a warning."""
        if isinstance(item, Token):
            return item
        _, attrs = item
        video = video_value(attrs.get("src"), attrs.get("title"))
        if video is not None:
            return ("video", video)
        src = attrs.get("src", "")
        self.warn(
            f"embedded frame {src or '(without address)'} is not a video; kept as a link", line
        )
        label = escape(attrs.get("title") or src)
        return ("paragraph", f'<p><a href="{escape(src)}">{label}</a></p>' if src else "")

    def render(self, tokens):
        return self.parser.renderer.render(tokens, self.parser.options, {})

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
            elif isinstance(item, tuple):
                if item[1]:
                    self.add_block(*item, line)
            else:
                self.add_include(item)

    def add_heading(self, tag, children, line):
        """A heading at its level (h5 and h6 as h4, the lowest the editor offers); a link in it
        makes the heading a link."""
        text = inline_text(children)
        if not text:
            return
        if tag in {"h5", "h6"}:
            self.warn(f"heading level {tag[1]} shown as level 4", line)
        links = [child for child in children if child.type == "link_open"]
        if len(links) > 1:
            self.warn(f"heading with {len(links)} links: it links to the first", line)
        value = {"text": text, "level": HEADING_LEVELS[tag], "link": self.link_url(links)}
        self.add_block("heading", value, line)

    def link_url(self, links):
        """The address of the first resolved link token (a document's download address)."""
        if not links:
            return ""
        attrs = links[0].attrs
        if attrs.get("linktype") == "document":
            document = get_document_model().objects.filter(pk=attrs["id"]).first()
            return document.url if document else ""
        return str(attrs.get("href") or "")

    def add_image(self, token, line):
        """kramdown's image title is a tooltip, not a caption: it becomes the image's title in
        the library (for a new image), the visible text stays the alt text's."""
        alt_text = inline_text(token.children or [])
        title = " ".join((token.attrGet("title") or "").split())
        image = self.assets.image(
            token.attrGet("src") or "", self.warn, line, alt_text, title=title
        )
        if image:
            value = {"image": accessible_image(image, alt_text), "caption": ""}
            if value["image"]["decorative"]:
                self.warn.missing_alt_text(token.attrGet("src"), line)
            self.add_block("image", value, line)

    def add_quote(self, block, line):
        """The quote's paragraphs as rich text with their links; a last paragraph ``— Name``
        is the source."""
        inner = block[1:-1]
        paragraphs = [token for token in inner if token.type == "inline"]
        last = inline_text(paragraphs[-1].children) if len(paragraphs) > 1 else ""
        source = QUOTE_SOURCE.match(last) if last else None
        if source:
            position = inner.index(paragraphs[-1])
            inner = inner[: position - 1] + inner[position + 2 :]
        text = editor_rich_text(self.render(inner), QUOTE_FEATURES)
        if text.strip():
            value = {"text": text, "source": source["source"] if source else ""}
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
