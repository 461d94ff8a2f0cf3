"""The demo page about the OIC in Leichte Sprache: short sentences, one statement each.

Each sentence is its own paragraph, as the rules of Leichte Sprache ask (one sentence per line);
hard words are explained where they first appear.
"""


def sentences(*lines):
    return "".join(f"<p>{line}</p>" for line in lines)


TITLE = "Informationen in Leichter Sprache"
SLUG = "leichte-sprache"
SEARCH_DESCRIPTION = "Die Open Innovation City Bielefeld in Leichter Sprache erklärt."

IMAGE_ALT_TEXT = "Bunte Kreise. Die Kreise stehen für Menschen. Die Menschen treffen sich."


def body(image):
    return [
        ("heading", {"text": "Wer sind wir?", "level": "h2"}),
        (
            "paragraph",
            sentences(
                "Wir sind die <b>Open Innovation City Bielefeld</b>.",
                "Das spricht man so: Open In·no·wej·schen Ssi·ti.",
                "Das ist Englisch.",
                "Auf Deutsch heißt das: Offene Stadt für neue Ideen.",
                "Wir arbeiten für die Stadt Bielefeld.",
            ),
        ),
        (
            "image",
            {"image": {"image": image, "alt_text": IMAGE_ALT_TEXT, "decorative": False}},
        ),
        ("heading", {"text": "Was machen wir?", "level": "h2"}),
        (
            "paragraph",
            sentences(
                "Wir bringen Menschen zusammen.",
                "Die Menschen wohnen in Bielefeld.",
                "Oder die Menschen arbeiten in Bielefeld.",
                "Die Menschen haben Ideen für die Stadt.",
                "Wir helfen bei den Ideen.",
                "Das machen wir zum Beispiel:",
            )
            + "<ul><li>Wir machen Treffen.</li>"
            "<li>Wir machen Workshops.</li>"
            "<li>Wir schreiben Beiträge im Internet.</li></ul>"
            + sentences(
                "Ein <b>Workshop</b> ist ein Treffen.",
                "Bei dem Treffen lernen die Menschen etwas.",
                "Und die Menschen probieren etwas aus.",
            ),
        ),
        ("heading", {"text": "Was ist eine Innovation?", "level": "h2"}),
        (
            "paragraph",
            sentences(
                "<b>Innovation</b> ist ein schweres Wort.",
                "Innovation bedeutet: etwas Neues.",
                "Zum Beispiel eine neue Idee.",
                "Die Idee macht das Leben in der Stadt besser.",
            ),
        ),
        ("heading", {"text": "Wo finden Sie uns?", "level": "h2"}),
        (
            "paragraph",
            sentences(
                "Unser Büro ist am Alten Markt in Bielefeld.",
                "Die Adresse ist: Alter Markt 13, 33602 Bielefeld.",
                "Sie können uns eine E-Mail schreiben.",
                'Die E-Mail-Adresse ist: <a href="mailto:innovationen@bielefeld.de">'
                "innovationen@bielefeld.de</a>",
            ),
        ),
        ("heading", {"text": "Über diese Seite", "level": "h2"}),
        (
            "paragraph",
            sentences(
                "Diese Seite ist in Leichter Sprache.",
                "Leichte Sprache hilft vielen Menschen.",
                "Oben auf jeder Seite steht: Leichte Sprache.",
                "Dort kommen Sie immer zu dieser Seite.",
            ),
        ),
    ]
