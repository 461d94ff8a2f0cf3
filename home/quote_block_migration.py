"""The data migration of the quote block's text from plain text to rich text (with links), for
every app whose StreamField holds the quote block; each app migrates its own models.

Plain text kept paragraphs apart by a blank line and line breaks by a newline; rich text has
``<p>`` and ``<br/>``. Going back, tags are removed and the text keeps its paragraphs. Values
already in the target shape are left alone, so either direction is safe to run twice.
"""

import html
import re

from django.db import migrations

from home.image_block_migration import convert_model

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
RICH_TEXT_START = re.compile(r"^\s*<(p|ul|ol|h[2-6])[\s>]")
PARAGRAPH_END = re.compile(r"</p>\s*<p[^>]*>")
LINE_BREAK = re.compile(r"<br\s*/?>")
TAG = re.compile(r"<[^>]+>")


def to_rich_text(text):
    if not isinstance(text, str) or not text.strip() or RICH_TEXT_START.match(text):
        return text
    paragraphs = [paragraph.strip() for paragraph in PARAGRAPH_BREAK.split(text.strip())]
    return "".join(
        "<p>" + "<br/>".join(html.escape(line) for line in paragraph.split("\n")) + "</p>"
        for paragraph in paragraphs
        if paragraph
    )


def to_plain_text(text):
    if not isinstance(text, str) or not RICH_TEXT_START.match(text):
        return text
    text = LINE_BREAK.sub("\n", PARAGRAPH_END.sub("\n\n", text))
    return html.unescape(TAG.sub("", text)).strip()


def convert_quote_stream(stream, convert):
    converted = []
    for child in stream or []:
        if isinstance(child, dict) and child.get("type") == "quote":
            value = child.get("value")
            if isinstance(value, dict):
                child = {**child, "value": {**value, "text": convert(value.get("text"))}}
        converted.append(child)
    return converted


def migrate_quote_blocks(app_label, model_name, field_name="body"):
    """A reversible ``RunPython`` converting ``model_name.field_name`` and its revisions."""

    def converting(convert):
        def operation(apps, schema_editor):
            convert_model(apps, app_label, model_name, field_name, convert, convert_quote_stream)

        return operation

    return migrations.RunPython(converting(to_rich_text), converting(to_plain_text))
