"""A post's YAML front matter as editors commit it, read after repairing their usual slips.

Each repair is a small function on one line; none adds or removes a line, so YAML's own errors
still name the file's line. A repair that could change what a value says is reported as a
warning with its line; a slip without a safe repair is an error with its line.
"""

import json
import re
import string
from contextlib import contextmanager
from dataclasses import dataclass, field

import yaml

KEY_LINE = re.compile(
    r"(?P<indent> *)(?P<key>[^\W\d](?:[\w-]|\\_)*)(?P<colon>[ \t]*:)(?P<gap>[ \t]*)(?P<value>.*)"
)
LIST_ITEM_LINE = re.compile(r"(?P<indent> *)(?P<dash>-(?:[ \t]+|$))(?P<value>.*)")
COMMENT = re.compile(r"[ \t]+#")
# Typographic quotes and the marks that close them; mixed with " as editors type them.
CLOSING_QUOTES = {"„": '“”"', "“": '”"', "”": "”", "»": "«", "«": "»", '"': "“”"}
QUOTE_MARKS = '„“”»«"'
YAML_ESCAPES = set(yaml.scanner.Scanner.ESCAPE_REPLACEMENTS) | set(
    yaml.scanner.Scanner.ESCAPE_CODES
)
YAML_PROBLEM_HINTS = {
    "mapping values are not allowed here": " (put a value containing “: ” in quotes)",
    "expected <block end>, but found '<scalar>'": (
        ' (text after a closing quote? write a quote inside a quoted value as \\")'
    ),
}
TRUE_OR_FALSE = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
TYPED_TAGS = {"tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:merge"}


class FrontMatterError(Exception):
    """Front matter that cannot be read; ``line`` is the file's line number where known."""

    def __init__(self, message, line=None):
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class FrontMatter:
    data: dict
    key_lines: dict = field(default_factory=dict)
    """Each top-level key's line number in the file."""
    warnings: list = field(default_factory=list)
    """``(message, line)`` for every repair that could change what a value says."""

    def line_of(self, key):
        return self.key_lines.get(key)


class FrontMatterLoader(yaml.SafeLoader):
    """YAML 1.1 as the importer needs it: values are text, except null, true/false and dates.

    YAML 1.1's other implicit types only ever turn an editor's text into something else:
    ``time: 18:00`` is the sexagesimal 1080, ``010`` is 8, ``no`` is ``False``. An impossible
    date (``2025-24-09``) stays text, so the date check can name it and its line.
    """

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag in TYPED_TAGS]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_date_or_text(self, node):
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


FrontMatterLoader.add_implicit_resolver("tag:yaml.org,2002:bool", TRUE_OR_FALSE, list("tTfF"))
FrontMatterLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", FrontMatterLoader.construct_date_or_text
)


def load_front_matter(lines, first_line):
    """The front matter ``lines`` (without the ``---`` lines) as a ``FrontMatter``.

    ``first_line`` is the file's line number of the first of them. Raises ``FrontMatterError``.
    """
    warnings = []
    with repaired_yaml(lines, first_line, warnings) as (loader, node):
        if node is None:
            return FrontMatter({}, warnings=warnings)
        if not isinstance(node, yaml.MappingNode):
            raise FrontMatterError(
                "the front matter is not a set of key: value lines",
                first_line + node.start_mark.line,
            )
        key_lines = top_level_key_lines(node, first_line, warnings)
        return FrontMatter(loader.construct_document(node), key_lines, warnings)


@contextmanager
def repaired_yaml(lines, first_line, warnings):
    """The loader and root node of the repaired ``lines``; YAML's errors as
    ``FrontMatterError`` with the file's line number."""
    loader = FrontMatterLoader("\n".join(repaired_lines(lines, first_line, warnings)))
    try:
        yield loader, loader.get_single_node()
    except yaml.YAMLError as error:
        raise FrontMatterError(*yaml_problem(error, first_line)) from None
    finally:
        loader.dispose()


def top_level_key_lines(node, first_line, warnings):
    """Each key's line; a key given twice is reported (YAML keeps the later value)."""
    key_lines = {}
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        line = first_line + key_node.start_mark.line
        if key_node.value in key_lines:
            warnings.append(
                (
                    f"{key_node.value} is given again (first on line {key_lines[key_node.value]});"
                    " the value on this line is used",
                    line,
                )
            )
        key_lines[key_node.value] = line
    return key_lines


def yaml_problem(error, first_line):
    """A YAML error as a message and the file's line number where the parser gave up."""
    problem = getattr(error, "problem", None) or "cannot be parsed"
    problem += YAML_PROBLEM_HINTS.get(problem, "")
    mark = getattr(error, "problem_mark", None)
    context, context_mark = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context and context_mark and (not mark or context_mark.line != mark.line):
        problem += f" ({context} on line {first_line + context_mark.line})"
    return f"invalid YAML front matter: {problem}", first_line + mark.line if mark else None


@dataclass
class OpenQuote:
    """A quoted value that goes on past the end of its line."""

    mark: str
    line: int
    indent: int


def repaired_lines(lines, first_line, warnings):
    """The lines with every repair applied; lines that continue a value are left alone.

    A quoted value must end on its line or go on in lines indented below its key: a quote left
    open before the next key would swallow that key into the value.
    """
    continued_indent = None
    open_quote = None
    for number, line in enumerate(lines, start=first_line):

        def warn(message, number=number):
            warnings.append((message, number))

        indent = len(line) - len(line.lstrip(" "))
        if open_quote:
            if line.strip() and indent <= open_quote.indent:
                raise unclosed_quote_error(open_quote)
            line, closed = repaired_quoted_text(line, open_quote.mark, warn)
            if closed:
                open_quote = None
        elif continued_indent is not None and (not line.strip() or indent > continued_indent):
            pass
        else:
            line, open_mark, continued = repaired_line(line, warn)
            continued_indent = indent if continued else None
            open_quote = OpenQuote(open_mark, number, indent) if open_mark else None
        yield line
    if open_quote:
        raise unclosed_quote_error(open_quote)


def unclosed_quote_error(open_quote):
    return FrontMatterError(
        f"the quote {open_quote.mark} is not closed on this line", open_quote.line
    )


def repaired_line(line, warn):
    """One ``key: value`` or ``- value`` line repaired.

    Returns the line, the quote mark of a quoted value left open at its end (or ``None``), and
    whether the lines indented below it continue its value.
    """
    if match := KEY_LINE.fullmatch(line):
        key = unescaped_key(match["key"])
        value = match["value"]
        gap = match["gap"] or (" " if needs_space_after_colon(value) else "")
        if gap:
            value = typographic_quotes(value)
        head = f"{match['indent']}{key}{match['colon']}{gap}"
    elif match := LIST_ITEM_LINE.fullmatch(line):
        value = match["value"]
        if KEY_LINE.fullmatch(value):
            return line, None, False
        value = typographic_quotes(value)
        head = f"{match['indent']}{match['dash']}"
    else:
        return line, None, False
    warn_of_comment(value, warn)
    open_mark = None
    if value[:1] in {'"', "'"}:
        quoted, closed = repaired_quoted_text(value[1:], value[0], warn)
        value = value[0] + quoted
        open_mark = None if closed else value[0]
    return head + value, open_mark, bool(value.strip()) and not value.startswith("#")


def unescaped_key(key):
    """A key with Markdown's escaped underscores as written in Markdown: ``header\\_image``."""
    return key.replace("\\_", "_")


def needs_space_after_colon(value):
    """``key:""`` or ``key:value``: YAML needs a space after the colon to see a key.

    A value starting with ``/`` is left alone: ``https://…`` on a line of its own is no key.
    """
    return bool(value.strip()) and not value.startswith("/")


def typographic_quotes(value):
    """A value enclosed in typographic quotes in YAML's double quotes: ``„Hallo Welt“``.

    Left as it is when the marks do not enclose one quotation (``„A“ und „B“``); quotes of
    another kind inside are kept (``»Ein „kurzer“ Titel«``).
    """
    stripped = value.strip()
    if len(stripped) < 2 or stripped[-1] not in CLOSING_QUOTES.get(stripped[0], ""):
        return value
    opening, inner, closing = stripped[0], stripped[1:-1], stripped[-1]
    other_quotes = {opening, closing} | (set(QUOTE_MARKS) if '"' in opening + closing else set())
    if any(mark in inner for mark in other_quotes):
        return value
    return json.dumps(inner, ensure_ascii=False)


def warn_of_comment(value, warn):
    """Text after `` #`` in an unquoted value is a YAML comment: it stays one, as on the old
    site, but an editor may have meant ``#OIC`` as part of the text."""
    if value[:1] in {"", '"', "'", "#"}:
        return
    if match := COMMENT.search(value):
        warn(
            f"the text after “#” is a YAML comment and left out ({value[match.start() :].strip()});"
            " put the value in quotes to keep it"
        )


def repaired_quoted_text(text, mark, warn):
    """The text after an opening quote, with Markdown escapes in double quotes as plain text.

    Returns the text and whether the quote is closed on this line. YAML refuses escapes it does
    not know (``"Bürger\\*innen"``); before punctuation the backslash is Markdown's and is
    dropped. ``\\_`` is YAML's no-break space but Markdown's underscore: it becomes ``_`` with a
    warning.
    """
    repaired = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == mark and mark == "'" and text[index + 1 : index + 2] == "'":
            repaired.append("''")
            index += 2
            continue
        if char == mark:
            return "".join(repaired) + text[index:], True
        if char == "\\" and mark == '"':
            escaped = text[index + 1 : index + 2]
            if escaped == "_":
                warn("\\_ is read as _ (as in Markdown), not as YAML's no-break space")
                repaired.append("_")
            elif escaped and escaped in string.punctuation and escaped not in YAML_ESCAPES:
                repaired.append(escaped)
            else:
                repaired.append(char + escaped)
            index += 2
            continue
        repaired.append(char)
        index += 1
    return "".join(repaired), False


@dataclass
class DataRecord:
    """One entry of a Jekyll data file (``- name: …``) and where it is in the file."""

    data: dict
    line: int
    key_lines: dict = field(default_factory=dict)

    def line_of(self, key):
        return self.key_lines.get(key, self.line)


def load_data_list(lines, first_line=1):
    """A data file such as ``_data/team.yml``: its records and the repairs made to them.

    Raises ``FrontMatterError`` if the file is no list; an entry that is no set of
    ``key: value`` lines becomes a record with empty ``data``, for the caller to report.
    """
    warnings = []
    with repaired_yaml(lines, first_line, warnings) as (loader, node):
        if node is None:
            return [], warnings
        if not isinstance(node, yaml.SequenceNode):
            raise FrontMatterError(
                "the data file is not a list of entries (each starting with “- ”)",
                first_line + node.start_mark.line,
            )
        records = []
        for item in node.value:
            line = first_line + item.start_mark.line
            if not isinstance(item, yaml.MappingNode):
                records.append(DataRecord({}, line))
                continue
            key_lines = top_level_key_lines(item, first_line, warnings)
            records.append(DataRecord(loader.construct_object(item, deep=True), line, key_lines))
    return records, warnings
