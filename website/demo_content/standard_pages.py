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
            (
                "paragraph",
                "<p>Verantwortlich für journalistisch-redaktionelle Inhalte nach § 18 Abs. 2 "
                "Medienstaatsvertrag (MStV): das Team der Open Innovation City Bielefeld, "
                "Innovation Office, Alter Markt 13, 33602 Bielefeld.</p>",
            ),
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
            ("heading", {"text": "Kein Tracking, keine Cookies für Besucher*innen", "level": "h2"}),
            (
                "paragraph",
                "<p>Wir messen nicht, wer welche Seite besucht: Es gibt keine Analyse- oder "
                "Werbewerkzeuge und keine Social-Media-Plugins. Beim Lesen der Website und beim "
                "Absenden von Formularen setzen wir keine Cookies. Nur wer sich in den "
                "Redaktionsbereich einloggt, bekommt ein technisch notwendiges Sitzungs-Cookie, "
                "das beim Abmelden, spätestens nach zwei Wochen ungültig wird, und ein Cookie "
                "zum Schutz vor gefälschten Formularanfragen im Redaktionsbereich.</p>",
            ),
            ("heading", {"text": "Server-Protokolle", "level": "h2"}),
            (
                "paragraph",
                "<p>Beim Aufruf einer Seite verarbeitet der Server technisch notwendige Daten "
                "(IP-Adresse, Zeitpunkt, aufgerufene Adresse, Browser-Kennung) zum sicheren "
                "Betrieb der Website (Art. 6 Abs. 1 lit. e DSGVO) und löscht sie nach spätestens "
                "sieben Tagen. Gegen massenhafte Anfragen zählen wir Formulare und Anmeldungen "
                "pro Anschluss eine Stunde lang, nur als verschlüsselter Wert, ohne die "
                "IP-Adresse zu speichern.</p>",
            ),
            ("heading", {"text": "Newsletter", "level": "h2"}),
            (
                "paragraph",
                "<p>Für den Newsletter speichern wir deine E-Mail-Adresse, freiwillig deinen "
                "Vornamen, und als Nachweis deiner Einwilligung (Art. 6 Abs. 1 lit. a DSGVO) "
                "Zeitpunkt, Einwilligungstext und Seite der Anmeldung. Erst wenn du den Link in "
                "unserer Bestätigungs-E-Mail anklickst, bekommst du den Newsletter "
                "(Double-Opt-in). Nicht bestätigte Anmeldungen löschen wir nach 30 Tagen. Du "
                "kannst dich über den Link in jeder E-Mail jederzeit abmelden; danach bewahren "
                "wir höchstens ein Jahr lang einen Nachweis der Abmeldung auf, anschließend "
                "nur noch einen verschlüsselten Wert, der keine Rückschlüsse auf deine Adresse "
                "zulässt.</p>",
            ),
            ("heading", {"text": "Formulare", "level": "h2"}),
            (
                "paragraph",
                "<p>Was du über ein Formular auf dieser Website schickst, etwa das "
                "Kontaktformular oder die Meldung einer Barriere, speichern wir mit dem "
                "Zeitpunkt des Absendens und leiten es per E-Mail an das Team der Open "
                "Innovation City weiter, um dein Anliegen zu bearbeiten (Art. 6 Abs. 1 lit. a "
                "und e DSGVO). Nach 180 Tagen löschen wir es automatisch. Schutz vor "
                "Spam-Programmen ohne Dienste Dritter: ein unsichtbares Feld und ein "
                "Zeitstempel, kein Captcha.</p>",
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
]
