"""The site search (``/suche/``): full-text matches first, then pages that match by word stem.

Full-text search alone misses too much. PostgreSQL's German stemmer leaves loanwords alone
("Meetups" is not reduced to "Meetup"), and SQLite, the development database, does not stem
at all. So each word of the query also matches as a prefix of its stem: "Meetups" and "Meetup"
both look for words beginning with "meetup", "Veranstaltungen" for "veranstaltung…", and a
beginning such as "Fortbild" finds "Fortbildungsveranstaltung". The prefix match runs through
Wagtail's ``autocomplete`` over the fields pages index with ``text_search_fields``
(``home/search_fields.py``), the same on both databases.
"""

import re

from wagtail.models import Page
from wagtail.search.query import And, PlainText

# Words only: quotes, operators and punctuation would be the backends' query syntax (FTS5 on
# SQLite rejects stray quotes), and visitors type those.
WORD = re.compile(r"\w+")
MAX_WORDS = 12
# Inflection endings of German and plurals of English loanwords, longest first; stripped only
# while at least this much of the word is left, so "Daten" keeps "date" and not "dat".
ENDINGS = ("ies", "ern", "en", "er", "es", "em", "e", "n", "s", "y")
MIN_STEM_LENGTH = 4


def query_words(text):
    return WORD.findall(text)[:MAX_WORDS]


def word_stem(word):
    """The beginning every form of ``word`` shares, roughly: "Meetups" → "meetup",
    "Veranstaltungen" → "veranstaltung", "Communities" and "Community" → "communit"."""
    lower = word.lower()
    for ending in ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= MIN_STEM_LENGTH:
            return lower.removesuffix(ending)
    return lower


def every_word(queries):
    return queries[0] if len(queries) == 1 else And(queries)


def matching_page_ids(pages, text):
    """Ids of the ``pages`` matching every word of ``text``: full-text matches by relevance,
    then the pages only the word stems find."""
    words = query_words(text)
    if not words:
        return []
    # Ids only, unsliced: a LIMIT makes PostgreSQL's planner loop over the index entries once
    # per page (it cannot estimate the text match), which took 0.7 s on 2,000 posts.
    pages = pages.only("pk")
    full_text = pages.search(PlainText(" ".join(words), operator="and"))
    # Autocomplete takes the last term of each PlainText as a prefix: one PlainText per stem.
    # Newest first rather than by relevance: ranking costs SQLite a subquery per match (5 s for
    # a word in 2,000 posts), and these only follow the full-text matches.
    by_stem = pages.order_by("-first_published_at", "-id").autocomplete(
        every_word([PlainText(word_stem(word)) for word in words]), order_by_relevance=False
    )
    ids = {}
    for results in (full_text, by_stem):
        ids.update(dict.fromkeys(page.pk for page in results))
    return list(ids)


def specific_pages_in_order(page_ids):
    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()}
    return [pages[page_id] for page_id in page_ids if page_id in pages]
