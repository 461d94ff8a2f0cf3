"""The Liquid tags in a post body: includes become blocks, every other tag goes."""

import re
from dataclasses import dataclass

LIQUID_MARKUP = re.compile(
    r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}|\{%.*?%\}|\{\{.*?\}\}",
    re.DOTALL,
)
INCLUDE_TAG = re.compile(
    r"^\{%-?\s*include\s+(?P<template>[^\s%]+)(?P<params>.*?)-?%\}$", re.DOTALL
)
INCLUDE_PARAMETER = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")
COMMENT_TAG = re.compile(r"^\{%-?\s*comment\b")
SITE_URL_VARIABLE = re.compile(r"\{\{\s*site\.(?:baseurl|url)\s*\}\}")
LITERALS = {"true": True, "false": False}

# Jekyll runs Liquid before Markdown, so an include's output stands where its tag stood. An HTML
# comment keeps that place through the Markdown parser (alone on its lines it is a block of its
# own, inside a paragraph an inline token) and keeps the tag's line breaks, so the parser's line
# numbers still match the file.
PLACEHOLDER = re.compile(r"<!--\ue000include (\d+)\s*-->")


@dataclass
class LiquidInclude:
    template: str
    params: dict
    line: int = 0
    source: str = ""
    """The tag as written, for an include the importer does not know."""


def parse_liquid_include(tag):
    """``{% include cta-button.html text="…" download=true %}`` → its template and parameters.

    Quoted values are strings, the literals ``true``/``false`` booleans; returns ``None`` for a
    tag that is not an include.
    """
    match = INCLUDE_TAG.match(tag.strip())
    if not match:
        return None
    params = {}
    for parameter in INCLUDE_PARAMETER.finditer(SITE_URL_VARIABLE.sub("", match["params"])):
        name, double_quoted, single_quoted, bare = parameter.groups()
        if double_quoted is not None:
            params[name] = double_quoted
        elif single_quoted is not None:
            params[name] = single_quoted
        else:
            params[name] = LITERALS.get(bare, bare)
    return LiquidInclude(template=match["template"], params=params, source=" ".join(tag.split()))


def replace_liquid_tags(markdown, warn, first_line=1):
    """Replace includes by placeholders and drop every other Liquid tag with a warning.

    Returns the Markdown and the includes, whose index the placeholders carry.
    """
    includes = []

    def replace(match):
        tag = match.group()
        line = first_line + markdown.count("\n", 0, match.start())
        line_breaks = "\n" * tag.count("\n")
        if COMMENT_TAG.match(tag):
            return line_breaks
        include = parse_liquid_include(tag)
        if include:
            include.line = line
            includes.append(include)
            return f"<!--\ue000include {len(includes) - 1}{line_breaks}-->"
        warn(f"Liquid tag {shorten(tag)} dropped (not supported)", line)
        return line_breaks

    return LIQUID_MARKUP.sub(replace, markdown), includes


def include_index(html):
    """The index of the include whose placeholder is ``html``, or ``None``."""
    match = PLACEHOLDER.fullmatch(html.strip())
    return int(match.group(1)) if match else None


def shorten(tag, width=80):
    text = " ".join(tag.split())
    return text if len(text) <= width else text[: width - 1] + "…"
