"""Wagtail's content checker (userbar and editor preview) with every WCAG 2.1 A/AA rule.

Wagtail runs a handful of axe-core rules by default. A public body owes WCAG 2.1 AA (BITV
2.0), so editors see the whole rule set, plus Wagtail's own content checks (alt text that
looks like a file name, an empty meta description, skipped heading levels), in German.
"""

from wagtail.admin.userbar import ContentCheckerItem

WCAG_21_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# (error name, help) per axe-core rule; rules missing here fall back to axe's English text.
GERMAN_MESSAGES = {
    # Wagtail's own selection, most of them about what editors write.
    "button-name": ("Button ohne Text", "Aussagekräftigen Text für Screenreader angeben."),
    "empty-heading": ("Leere Überschrift", "Überschrift mit Text füllen oder entfernen."),
    "empty-table-header": (
        "Tabellenkopf ohne Text",
        "Jede Kopfzelle braucht einen Text für Screenreader.",
    ),
    "frame-title": ("Eingebetteter Inhalt ohne Titel", "Einen aussagekräftigen Titel angeben."),
    "heading-order": (
        "Überschriften-Ebene übersprungen",
        "Keine Ebene auslassen: auf Überschrift 2 folgt Überschrift 3, nicht 4.",
    ),
    "input-button-name": ("Eingabe-Button ohne Text", "Aussagekräftigen Text angeben."),
    "link-name": (
        "Link ohne Text",
        "Linktext angeben, der ohne Umgebung verständlich ist, nicht „hier“.",
    ),
    "p-as-heading": (
        "Fetter Absatz statt Überschrift",
        "Für Zwischenüberschriften den Block „Überschrift“ verwenden.",
    ),
    "alt-text-quality": (
        "Alternativtext sieht aus wie ein Dateiname",
        "Beschreiben, was das Bild zeigt, statt „IMG_1234.jpg“.",
    ),
    "empty-meta-description": (
        "Beschreibung für Suchmaschinen fehlt",
        "Im Reiter „Veröffentlichung“ eine kurze Beschreibung eingeben.",
    ),
    # WCAG 2.1 A/AA rules of axe-core.
    "area-alt": ("Bildbereich ohne Alternativtext", "Jeder Bereich einer Image-Map braucht Text."),
    "aria-allowed-attr": (
        "Unerlaubtes ARIA-Attribut",
        "Nur ARIA-Attribute verwenden, die zur Rolle passen.",
    ),
    "aria-braille-equivalent": (
        "ARIA-Braille-Attribut ohne Entsprechung",
        "Zu Braille-Beschriftungen auch eine normale Beschriftung angeben.",
    ),
    "aria-command-name": ("Bedienelement ohne Namen", "Zugänglichen Namen angeben."),
    "aria-conditional-attr": (
        "ARIA-Attribut passt nicht zur Rolle",
        "ARIA-Attribute so verwenden, wie die Rolle es erlaubt.",
    ),
    "aria-deprecated-role": ("Veraltete ARIA-Rolle", "Eine aktuelle Rolle verwenden."),
    "aria-hidden-body": (
        "Seite für Screenreader versteckt",
        "aria-hidden darf nicht am body-Element stehen.",
    ),
    "aria-hidden-focus": (
        "Verstecktes Element ist fokussierbar",
        "Versteckte Elemente dürfen keine Links oder Buttons enthalten.",
    ),
    "aria-input-field-name": ("Eingabefeld ohne Namen", "Beschriftung angeben."),
    "aria-meter-name": ("Messanzeige ohne Namen", "Beschriftung angeben."),
    "aria-progressbar-name": ("Fortschrittsanzeige ohne Namen", "Beschriftung angeben."),
    "aria-prohibited-attr": (
        "Verbotenes ARIA-Attribut",
        "Dieses Attribut ist für die Rolle nicht erlaubt.",
    ),
    "aria-required-attr": ("Pflicht-Attribut fehlt", "Die Rolle braucht weitere ARIA-Attribute."),
    "aria-required-children": (
        "Pflicht-Unterelemente fehlen",
        "Die Rolle braucht bestimmte Unterelemente.",
    ),
    "aria-required-parent": (
        "Pflicht-Elternelement fehlt",
        "Die Rolle braucht ein bestimmtes übergeordnetes Element.",
    ),
    "aria-roledescription": (
        "Rollenbeschreibung ohne passende Rolle",
        "aria-roledescription nur mit semantischer Rolle verwenden.",
    ),
    "aria-roles": ("Ungültige ARIA-Rolle", "Eine gültige Rolle verwenden."),
    "aria-toggle-field-name": ("Schalter ohne Namen", "Beschriftung angeben."),
    "aria-tooltip-name": ("Tooltip ohne Namen", "Text angeben."),
    "aria-valid-attr": ("Ungültiges ARIA-Attribut", "Schreibweise des Attributs prüfen."),
    "aria-valid-attr-value": (
        "Ungültiger Wert eines ARIA-Attributs",
        "Einen erlaubten Wert verwenden.",
    ),
    "audio-caption": ("Audio ohne Untertitel", "Eine Textfassung oder Untertitel anbieten."),
    "autocomplete-valid": (
        "Ungültiger autocomplete-Wert",
        "Einen der Werte aus HTML verwenden, z. B. „email“.",
    ),
    "avoid-inline-spacing": (
        "Abstände lassen sich nicht anpassen",
        "Zeilen- und Zeichenabstände nicht mit !important festlegen.",
    ),
    "blink": ("Blinkender Text", "Auf blinkende Inhalte verzichten."),
    "bypass": (
        "Kein Sprunglink zum Inhalt",
        "Einen Link „Zum Inhalt springen“ oder Landmarken anbieten.",
    ),
    "color-contrast": (
        "Zu wenig Kontrast",
        "Text braucht mindestens 4,5 : 1 Kontrast zum Hintergrund (große Schrift 3 : 1).",
    ),
    "definition-list": ("Fehlerhafte Definitionsliste", "dl darf nur dt und dd enthalten."),
    "dlitem": ("Definitionseintrag außerhalb einer Liste", "dt und dd gehören in eine dl."),
    "document-title": ("Seitentitel fehlt", "Jede Seite braucht einen Titel."),
    "duplicate-id-aria": (
        "Doppelte ID",
        "IDs, auf die Beschriftungen verweisen, müssen eindeutig sein.",
    ),
    "form-field-multiple-labels": (
        "Formularfeld mit mehreren Beschriftungen",
        "Jedem Feld genau eine Beschriftung geben.",
    ),
    "frame-focusable-content": (
        "Eingebetteter Inhalt nicht erreichbar",
        "Fokussierbare Inhalte eines iframes dürfen nicht per tabindex=-1 gesperrt sein.",
    ),
    "frame-title-unique": (
        "Gleicher Titel für mehrere eingebettete Inhalte",
        "Jedem iframe einen eigenen Titel geben.",
    ),
    "html-has-lang": ("Sprache der Seite fehlt", "Das html-Element braucht ein lang-Attribut."),
    "html-lang-valid": ("Ungültige Sprache der Seite", "Einen gültigen Sprachcode angeben."),
    "html-xml-lang-mismatch": (
        "Widersprüchliche Sprachangaben",
        "lang und xml:lang müssen übereinstimmen.",
    ),
    "image-alt": (
        "Bild ohne Alternativtext",
        "Alternativtext eingeben oder das Bild als rein dekorativ markieren.",
    ),
    "input-image-alt": ("Bild-Button ohne Alternativtext", "Alternativtext angeben."),
    "label": ("Formularfeld ohne Beschriftung", "Jedes Feld braucht eine sichtbare Beschriftung."),
    "link-in-text-block": (
        "Link im Text nicht erkennbar",
        "Links im Fließtext unterstreichen oder anders als nur durch Farbe hervorheben.",
    ),
    "list": ("Fehlerhafte Liste", "ul und ol dürfen nur li-Elemente enthalten."),
    "listitem": ("Listeneintrag außerhalb einer Liste", "li gehört in ul oder ol."),
    "marquee": ("Laufschrift", "Auf marquee-Elemente verzichten."),
    "meta-refresh": (
        "Automatische Weiterleitung",
        "Seiten nicht zeitgesteuert neu laden oder weiterleiten.",
    ),
    "meta-viewport": ("Zoomen verhindert", "Vergrößern der Seite nicht sperren."),
    "nested-interactive": (
        "Verschachtelte Bedienelemente",
        "Keine Links oder Buttons in anderen Links oder Buttons.",
    ),
    "no-autoplay-audio": (
        "Ton spielt automatisch",
        "Audio nicht automatisch abspielen oder eine Pause-Möglichkeit bieten.",
    ),
    "object-alt": ("Eingebettetes Objekt ohne Text", "Alternativtext angeben."),
    "role-img-alt": ("Grafik ohne Alternativtext", "Elemente mit role=img brauchen einen Namen."),
    "scrollable-region-focusable": (
        "Scrollbereich nicht per Tastatur erreichbar",
        "Scrollbare Bereiche müssen fokussierbar sein.",
    ),
    "select-name": ("Auswahlliste ohne Beschriftung", "Beschriftung angeben."),
    "server-side-image-map": (
        "Serverseitige Image-Map",
        "Stattdessen einzelne Links anbieten.",
    ),
    "summary-name": ("Aufklappelement ohne Namen", "Dem summary-Element Text geben."),
    "svg-img-alt": ("SVG-Grafik ohne Alternativtext", "Einen Titel oder aria-label angeben."),
    "td-headers-attr": (
        "Tabellenzelle verweist ins Leere",
        "headers-Attribute müssen auf Kopfzellen derselben Tabelle zeigen.",
    ),
    "th-has-data-cells": ("Kopfzelle ohne Datenzellen", "Tabellenstruktur prüfen."),
    "valid-lang": ("Ungültige Sprachangabe", "Einen gültigen Sprachcode angeben, z. B. „en“."),
    "video-caption": ("Video ohne Untertitel", "Untertitel anbieten."),
}


class WcagContentCheckerItem(ContentCheckerItem):
    """Runs every WCAG 2.1 A/AA rule and keeps Wagtail's own checks, with German messages."""

    axe_run_only = WCAG_21_AA_TAGS
    # Explicitly enabled rules run besides the tags: Wagtail's default selection includes
    # best-practice rules (heading order, bold paragraphs as headings) and its custom checks.
    axe_rules = {rule_id: {"enabled": True} for rule_id in ContentCheckerItem.axe_run_only}
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        **{
            rule_id: {"error_name": error_name, "help_text": help_text}
            for rule_id, (error_name, help_text) in GERMAN_MESSAGES.items()
        },
    }


def use_wcag_content_checker(items):
    """Swaps Wagtail's content checker in ``items`` (userbar or editor preview) for ours."""
    for position, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, WcagContentCheckerItem):
            items[position] = WcagContentCheckerItem(in_editor=item.in_editor)
