"""The demo's Gebärdensprache page and the start page's section for DGS and Leichte Sprache.

The demo has no film in Deutscher Gebärdensprache (one needs a deaf signer and a recording):
the page says so, truthfully, and the accessibility statement lists it as missing. Editors add
films with the "Video in Gebärdensprache" block.
"""

from home.models import EasyLanguagePage, SignLanguagePage

from . import easy_language
from .records import demo_child_page, page_key, recorded_object

SLUG = "gebaerdensprache"


def load_sign_language_page(home, log):
    return demo_child_page(
        home,
        SignLanguagePage,
        SLUG,
        log,
        title="Informationen in Deutscher Gebärdensprache",
        intro="Hier erklären wir in Filmen in Deutscher Gebärdensprache (DGS), was auf dieser "
        "Website steht und wie du dich auf ihr zurechtfindest.",
        body=[
            ("heading", {"text": "Unsere Filme", "level": "h2"}),
            (
                "paragraph",
                "<p>Die Filme in Deutscher Gebärdensprache entstehen gerade. Bis sie hier "
                "stehen, findest du die wichtigsten Inhalte in "
                '<a href="/leichte-sprache/">Leichter Sprache</a>. Fragen beantworten wir '
                'gern per E-Mail an <a href="mailto:innovationen@bielefeld.de">'
                "innovationen@bielefeld.de</a>.</p>",
            ),
        ],
    )


def add_accessible_languages_section(home, sign_language_page):
    """Only on the start page the demo made in this run, before anyone could edit it."""
    easy_language_page = recorded_object(page_key(EasyLanguagePage, easy_language.SLUG))
    if sign_language_page is None or easy_language_page is None:
        return
    home.body.insert(
        1,
        (
            "accessible_languages",
            {
                "sign_language_page": sign_language_page,
                "easy_language_page": easy_language_page,
            },
        ),
    )
    home.save_revision().publish()
