"""Inline Markdown of front matter values and include parameters, read as plain text."""

import html
import re

LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
AUTOLINK = re.compile(r"<((?:https?://|mailto:)?[^\s<>@]+(?:@[^\s<>]+)?)>")
STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
CODE = re.compile(r"`([^`]*)`")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")
ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


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
