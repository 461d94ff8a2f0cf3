import pytest

from tests.factories import PersonFactory
from website.authors import ensure_author_index


@pytest.fixture
def author_index(site_tree):
    """``/autoren/`` below the home page, as the demo loader creates it."""
    return ensure_author_index(site_tree.home)


@pytest.fixture
def maria(db):
    return PersonFactory(
        name="Maria Gonçalves",
        role="Open Innovation City Bielefeld",
        email="maria.goncalves@bielefeld.de",
        expertise="Communities of Practice\nKI und Zivilgesellschaft",
    )
