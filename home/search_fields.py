"""How page text goes into Wagtail's search index."""

from wagtail.search import index


def text_search_fields(*field_names):
    """Each field indexed twice: as a ``SearchField`` for full-text search (stemmed, German, on
    PostgreSQL) and as an ``AutocompleteField`` for prefix matches. The site search
    (``website/search.py``) needs both: stemming leaves loanwords alone ("Meetups" is not
    "Meetup") and SQLite does not stem at all, while a word's beginning finds its forms."""
    return [
        field
        for name in field_names
        for field in (index.SearchField(name), index.AutocompleteField(name))
    ]
