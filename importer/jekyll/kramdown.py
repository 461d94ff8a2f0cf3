"""Where kramdown, which built the old site, reads Markdown otherwise than CommonMark does.

The Markdown parser is CommonMark (markdown-it); these are the differences today's posts meet:

- kramdown's typographic quotes and symbols (``"…"`` → “…”, ``...`` → …, ``--`` → –);
- ``1)`` is no list marker in kramdown (only ``1.`` is), so it stays text;
- footnotes (``[^1]`` and ``[^1]: …``) and attribute lists (``{: .klasse}``), which CommonMark
  shows as written.
"""

import html
import re

from markdown_it import MarkdownIt

# kramdown's default ``smart_quotes``: lsquo, rsquo, ldquo, rdquo.
KRAMDOWN_QUOTES = ("lsquo", "rsquo", "ldquo", "rdquo")
SMART_QUOTES_SETTING = re.compile(r"^\s*smart_quotes\s*:\s*[\"']?([a-z, ]+)[\"']?\s*$", re.M)
SYMBOLS = [("...", "…"), ("---", "—"), ("--", "–"), ("<<", "«"), (">>", "»")]
FENCE = re.compile(r"^\s{0,3}(```|~~~)")
PAREN_LIST_MARKER = re.compile(r"^(\s{0,3}\d{1,9})\)(?=\s|$)")
FOOTNOTE_DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:\s?(.*)$")
FOOTNOTE_REFERENCE = re.compile(r"\[\^([^\]\s]+)\]")
ATTRIBUTE_LIST = re.compile(r"\{:[^}\n]*\}")


def quotes_from_config(config_text):
    """The quotes ``_config.yml`` sets (``smart_quotes: sbquo,lsquo,bdquo,ldquo`` for German),
    in markdown-it's order (double open, double close, single open, single close)."""
    match = SMART_QUOTES_SETTING.search(config_text or "")
    names = [name.strip() for name in match[1].split(",")] if match else []
    if len(names) != 4:
        names = list(KRAMDOWN_QUOTES)
    single_open, single_close, double_open, double_close = (
        html.unescape(f"&{name};") for name in names
    )
    return double_open + double_close + single_open + single_close


def kramdown_parser(quotes):
    parser = MarkdownIt("commonmark", {"typographer": True, "quotes": quotes})
    parser.enable(["table", "strikethrough", "smartquotes"])
    parser.core.ruler.after("smartquotes", "kramdown_symbols", replace_symbols)
    return parser


def replace_symbols(state):
    """kramdown's typographic symbols in text (never in code, which is no ``text`` token)."""
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        for child in token.children:
            if child.type == "text":
                for written, symbol in SYMBOLS:
                    child.content = child.content.replace(written, symbol)


def as_kramdown_reads_it(markdown, warn, first_line=1):
    """The Markdown source with kramdown's differences written so that CommonMark reads them
    the same: ``1)`` escaped, footnotes numbered at the end, attribute lists removed. Line
    numbers stay those of the file."""
    lines, notes, in_fence = [], {}, False
    for number, line in enumerate(markdown.split("\n"), first_line):
        if FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            lines.append(line)
            continue
        line = PAREN_LIST_MARKER.sub(r"\1\\)", line)
        definition = FOOTNOTE_DEFINITION.match(line)
        if definition:
            notes[definition[1]] = (definition[2], number)
            line = ""
        if ATTRIBUTE_LIST.search(line):
            warn("kramdown attribute list ({: …}) removed; the new site styles text itself", number)
            line = ATTRIBUTE_LIST.sub("", line)
        lines.append(line)
    if not notes:
        return "\n".join(lines)
    numbers = {}

    def reference(match):
        if match[1] not in notes:
            return match[0]
        numbers.setdefault(match[1], len(numbers) + 1)
        return f"[{numbers[match[1]]}]"

    text = FOOTNOTE_REFERENCE.sub(reference, "\n".join(lines))
    ordered = sorted(notes.items(), key=lambda item: numbers.get(item[0], len(notes) + 1))
    for name, (note, number) in ordered:
        label = numbers.get(name)
        if label is None:
            warn(f"footnote [^{name}] is never referred to; kept at the end", number)
            label = len(numbers) + 1
            numbers[name] = label
        text += f"\n\n\\[{label}\\] {note}"
    warn("footnotes: kept as numbered notes at the end of the text", ordered[0][1][1])
    return text
