"""Turn the plain-text seed articles (no Markdown) into StreamField blocks."""

import re

from django.utils.html import escape

# What a scraper picks up from the old page's skip links and navigation landmarks.
SCRAPED_NAVIGATION_LABELS = {
    "Sprungmarken",
    "Servicenavigation",
    "Hauptnavigation",
    "Sie sind hier:",
    "Bereichsnavigation",
    "Hauptinhalt",
}
# A scraped image placeholder: one word with underscores, like "kosilab_schultze_Difu_Fortbildung".
IMAGE_FILE_NAME = re.compile(r"^\w+_\w+$")
HEADING_MAX_LENGTH = 100
SENTENCE_END = (".", ":", "!", "?", ",", ";")


def clean_scraped_lines(text):
    """The text's non-empty lines without navigation labels and image file names."""
    lines = [line.strip() for line in text.splitlines()]
    return [
        line
        for line in lines
        if line and line not in SCRAPED_NAVIGATION_LABELS and not IMAGE_FILE_NAME.match(line)
    ]


def looks_like_heading(line):
    return (
        len(line) <= HEADING_MAX_LENGTH
        and not line.endswith(SENTENCE_END)
        and not line.startswith("- ")
    )


def plain_text_to_blocks(lines, quote_sources=()):
    """Blocks for ``BodyStreamBlock``: headings, paragraphs, lists and quotations.

    A lone ``- item`` followed by prose introduces that prose (level-3 heading); a run of
    ``- item`` lines is a list. A line ending in one of ``quote_sources`` is a quotation.
    """
    blocks = []
    paragraph_html = []

    def flush_paragraphs():
        if paragraph_html:
            blocks.append(("paragraph", "".join(paragraph_html)))
            paragraph_html.clear()

    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("- "):
            run_end = index
            while run_end < len(lines) and lines[run_end].startswith("- "):
                run_end += 1
            items = [item[2:].strip() for item in lines[index:run_end]]
            if len(items) == 1 and run_end < len(lines):
                flush_paragraphs()
                blocks.append(("heading", {"text": items[0], "level": "h3"}))
            else:
                paragraph_html.append(
                    "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"
                )
            index = run_end
            continue
        source = next((source for source in quote_sources if line.endswith(source)), None)
        if source:
            flush_paragraphs()
            quote = escape(line[: -len(source)].strip())
            blocks.append(("quote", {"text": f"<p>{quote}</p>", "source": source}))
        elif looks_like_heading(line):
            flush_paragraphs()
            blocks.append(("heading", {"text": line, "level": "h2"}))
        else:
            paragraph_html.append(f"<p>{escape(line)}</p>")
        index += 1
    flush_paragraphs()
    return blocks
