"""Category slugs as today's Jekyll site writes them in ``/beitraege/?filter=<slug>``."""

import re

NON_WORD_RUN = re.compile(r"[\W_]+")
TRANSLITERATIONS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def category_slug(name):
    """Lowercase, umlauts kept, every run of characters that are not letters or digits a ``-``.

    ``"KI und Zivilgesellschaft"`` → ``"ki-und-zivilgesellschaft"``,
    ``"Rückblick"`` → ``"rückblick"``.
    """
    return NON_WORD_RUN.sub("-", name.lower()).strip("-")


def transliterate(slug):
    """The ASCII spelling (``"rückblick"`` → ``"rueckblick"``), also accepted as filter."""
    return slug.translate(TRANSLITERATIONS)
