"""Inline Markdown of front matter values and include parameters, read as plain text."""

import html
import re

LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
AUTOLINK = re.compile(r"<((?:https?://|mailto:)?[^\s<>@]+(?:@[^\s<>]+)?)>")
STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
CODE = re.compile(r"`([^`]*)`")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")
ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
TAG_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")


def plain_text(markdown):
    """Inline Markdown as plain text: ``**KI** in [Bielefeld](…)`` → ``KI in Bielefeld``.

    Single ``*`` stay as they are: in German texts they are gender stars
    (``Bielefelder*innen und Expert*innen``), not emphasis. Escapes and entities are read.
    """
    text = LINK.sub(r"\1", str(markdown))
    text = AUTOLINK.sub(r"\1", text)
    text = STRONG.sub(r"\2", text)
    text = CODE.sub(r"\1", text)
    text = TAG.sub("", text)
    text = html.unescape(ESCAPE.sub(r"\1", text))
    return " ".join(text.split())


def front_matter_text(value):
    """A one-line front matter value (a title) as the old site showed it, and the names of the
    HTML tags that were removed: entities become characters (``&shy;`` stays a soft hyphen),
    ``<br>`` a space, other tags go."""
    text = LINE_BREAK.sub(" ", str(value))
    removed = sorted({match.lower() for match in TAG_NAME.findall(" ".join(TAG.findall(text)))})
    text = html.unescape(TAG.sub("", text))
    return " ".join(text.split()), removed
