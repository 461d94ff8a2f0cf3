"""Texts of the legal pages every public-sector site needs (demo wording, to be checked)."""

CONTACT_HTML = (
    "<p>Stadt Bielefeld<br/>Open Innovation City Bielefeld<br/>Innovation Office, Alter Markt 13"
    "<br/>33602 Bielefeld</p><p>E-Mail: "
    '<a href="mailto:innovationen@bielefeld.de">innovationen@bielefeld.de</a></p>'
)

PAGES = [
    (
        "impressum",
        "Impressum",
        "Angaben gemäß § 5 Digitale-Dienste-Gesetz (DDG).",
        [
            ("heading", {"text": "Anbieterin", "level": "h2"}),
            ("paragraph", CONTACT_HTML),
            ("heading", {"text": "Vertretungsberechtigt", "level": "h2"}),
            (
                "paragraph",
                "<p>Die Stadt Bielefeld ist eine Gebietskörperschaft des öffentlichen Rechts. "
                "Sie wird vertreten durch die Oberbürgermeisterin bzw. den Oberbürgermeister.</p>",
            ),
            ("heading", {"text": "Verantwortlich für den Inhalt", "level": "h2"}),
            ("paragraph", "<p>Das Team der Open Innovation City Bielefeld.</p>"),
        ],
    ),
    (
        "datenschutz",
        "Datenschutz",
        "Wie wir mit deinen Daten umgehen, wenn du diese Website besuchst.",
        [
            ("heading", {"text": "Verantwortliche Stelle", "level": "h2"}),
            ("paragraph", CONTACT_HTML),
            ("heading", {"text": "Keine Inhalte von Dritten ohne deine Zustimmung", "level": "h2"}),
            (
                "paragraph",
                "<p>Diese Website lädt Schriften, Skripte und Bilder ausschließlich von unserem "
                "eigenen Server. Videos von YouTube oder Vimeo werden erst geladen, wenn du auf "
                "„Video abspielen“ klickst; erst dann erhält die Plattform Daten wie deine "
                "IP-Adresse.</p>",
            ),
            ("heading", {"text": "Server-Protokolle", "level": "h2"}),
            (
                "paragraph",
                "<p>Beim Aufruf einer Seite verarbeitet der Server technisch notwendige Daten "
                "(Art. 6 Abs. 1 lit. e DSGVO) und löscht sie nach spätestens sieben Tagen.</p>",
            ),
            ("heading", {"text": "Deine Rechte", "level": "h2"}),
            (
                "paragraph",
                "<p>Du hast das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der "
                "Verarbeitung und Widerspruch sowie auf Beschwerde bei der Landesbeauftragten "
                "für Datenschutz und Informationsfreiheit Nordrhein-Westfalen.</p>",
            ),
        ],
    ),
    (
        "barrierefreiheit",
        "Erklärung zur Barrierefreiheit",
        "Die Stadt Bielefeld möchte diese Website für alle Menschen zugänglich machen.",
        [
            ("heading", {"text": "Stand der Vereinbarkeit", "level": "h2"}),
            (
                "paragraph",
                "<p>Diese Website soll die Anforderungen der Barrierefreie-Informationstechnik-"
                "Verordnung NRW (BITVNRW) und der WCAG 2.1 auf Stufe AA erfüllen.</p>",
            ),
            ("heading", {"text": "Barrieren melden", "level": "h2"}),
            (
                "paragraph",
                "<p>Ist dir eine Barriere aufgefallen? Schreib uns an "
                '<a href="mailto:innovationen@bielefeld.de">innovationen@bielefeld.de</a>.</p>',
            ),
            ("heading", {"text": "Durchsetzungsverfahren", "level": "h2"}),
            (
                "paragraph",
                "<p>Erhältst du keine zufriedenstellende Antwort, kannst du dich an die "
                "Ombudsstelle für barrierefreie Informationstechnik des Landes NRW wenden.</p>",
            ),
        ],
    ),
]
