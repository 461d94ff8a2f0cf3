"""The Methodenkoffer of the demo site: the index and five creativity methods.

``load_demo_methods`` runs after the main demo load (it needs the home page and finds Maria
Gonçalves by name); run again, it adds only methods it never made.
"""

import datetime
import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.models import Collection

from home.models import CreditedImage
from methods.models import MethodIndexPage, MethodPage, MethodPageAuthor
from website.demo_content import media
from website.demo_content.records import (
    demo_category,
    demo_child_page,
    demo_object,
    demo_person,
    is_recorded,
    page_key,
)

AUTHOR_NAME = "Maria Gonçalves"
IMAGE_CREDIT = "Grafik: Open Innovation City Bielefeld (Demo)"
INDEX_INTRO = (
    "Erprobte Kreativmethoden für eure Treffen, Workshops und Communities of Practice: "
    "mit Dauer, Gruppengröße, Material und Schwierigkeit auf einen Blick."
)


def paragraph(html):
    return ("paragraph", html)


def heading(text):
    return ("heading", {"text": text, "level": "h2"})


METHODS = [
    {
        "slug": "brainwriting-6-3-5",
        "title": "Brainwriting 6-3-5",
        "teaser": (
            "Sechs Personen, drei Ideen, fünf Minuten: Beim Brainwriting schreiben alle "
            "gleichzeitig und bauen auf den Ideen der anderen auf – auch die Stillen kommen "
            "zu Wort."
        ),
        "duration_minutes": 40,
        "min_participants": 4,
        "max_participants": 8,
        "materials": "Ein Ideenblatt mit drei Spalten pro Person\nStifte\nUhr oder Timer",
        "difficulty": "einfach",
        "categories": ["Methoden", "Ideenfindung"],
        "palette": ["#fff8e7", "#004b87", "#ffa300", "#29adff", "#a8005a"],
        "body": [
            paragraph(
                "<p>Brainwriting ist Brainstorming auf Papier. Weil niemand sich gegen "
                "lautere Stimmen durchsetzen muss, entstehen in kurzer Zeit viele Ideen, "
                "und jede Idee wird von mehreren Köpfen weitergedacht.</p>"
            ),
            heading("So geht’s"),
            paragraph(
                "<ol><li>Formuliert die Frage gemeinsam und schreibt sie oben auf jedes "
                "Blatt.</li><li>Alle notieren in fünf Minuten drei Ideen in die erste Zeile "
                "ihres Blattes.</li><li>Die Blätter wandern im Uhrzeigersinn weiter. Jede "
                "Person liest die Ideen der Vorgänger*innen und ergänzt, verbessert oder "
                "kombiniert sie in der nächsten Zeile.</li><li>Nach sechs Runden hängen alle "
                "Blätter aus; mit Klebepunkten wählt ihr die Ideen, an denen ihr "
                "weiterarbeitet.</li></ol>"
            ),
            heading("Tipps"),
            paragraph(
                "<p>Die Zahlen sind ein Rahmen, kein Gesetz: Mit vier oder acht Personen "
                "funktioniert die Methode genauso. Verlängert die Zeit pro Runde, wenn die "
                "Blätter voller werden.</p>"
            ),
        ],
    },
    {
        "slug": "woop-plan",
        "title": "WOOP-Plan",
        "teaser": (
            "Wish, Outcome, Obstacle, Plan: In vier Schritten wird aus einem Wunsch ein "
            "Vorhaben, das auch dann weiterläuft, wenn Hürden auftauchen."
        ),
        "duration_minutes": 20,
        "min_participants": 1,
        "max_participants": 12,
        "materials": "WOOP-Vorlage oder ein Blatt mit vier Feldern\nStifte",
        "difficulty": "einfach",
        "categories": ["Methoden", "Community of Practice"],
        "palette": ["#f3f6f9", "#00345e", "#2a9d8f", "#e76f51", "#ffd23f"],
        "body": [
            paragraph(
                "<p>WOOP geht auf die Motivationspsychologin Gabriele Oettingen zurück. "
                "Statt nur das Ziel auszumalen, stellt ihr ihm die Hindernisse gegenüber "
                "und legt vorab fest, wie ihr reagiert. Im CoP Starter Kit empfehlen wir "
                "den WOOP-Plan für den Start jeder Community of Practice.</p>"
            ),
            heading("Die vier Schritte"),
            paragraph(
                "<ol><li><b>Wish:</b> Was wünschen wir uns? Ein Satz, der herausfordert und "
                "doch erreichbar ist.</li><li><b>Outcome:</b> Woran merken wir, dass es "
                "geklappt hat? Malt euch das beste Ergebnis konkret aus.</li>"
                "<li><b>Obstacle:</b> Was in uns oder in unserem Alltag könnte uns "
                "aufhalten?</li><li><b>Plan:</b> „Wenn dieses Hindernis auftritt, dann "
                "tun wir …“ – ein Wenn-dann-Satz für jede Hürde.</li></ol>"
            ),
            paragraph(
                "<p>Haltet den Plan fest und schaut ihn beim nächsten Treffen gemeinsam "
                "an: Was hat getragen, was braucht einen neuen Wenn-dann-Satz?</p>"
            ),
        ],
    },
    {
        "slug": "walt-disney-methode",
        "title": "Walt-Disney-Methode",
        "teaser": (
            "Träumen, planen, prüfen – aber nacheinander: Die Walt-Disney-Methode trennt drei "
            "Blickwinkel, damit kühne Ideen nicht zu früh an der Kritik scheitern."
        ),
        "duration_minutes": 90,
        "min_participants": 3,
        "max_participants": 12,
        "materials": (
            "Drei markierte Plätze oder Stuhlkreise für die Rollen\nFlipchart\n"
            "Moderationskarten\nStifte"
        ),
        "difficulty": "mittel",
        "categories": ["Methoden", "Ideenfindung"],
        "palette": ["#1d2b53", "#ffa300", "#ff004d", "#29adff", "#f3f6f9"],
        "body": [
            paragraph(
                "<p>Die Methode wird dem Arbeitsstil Walt Disneys nachgesagt: Eine Idee "
                "durchläuft drei Rollen, und jede Rolle hat ihren eigenen Ort im Raum. Wer "
                "den Platz wechselt, wechselt auch die Haltung.</p>"
            ),
            heading("Die drei Rollen"),
            paragraph(
                "<ul><li><b>Träumer*in:</b> Alles ist möglich. Was wäre die ideale Lösung, "
                "ohne Rücksicht auf Geld und Zeit?</li><li><b>Realist*in:</b> Wie setzen "
                "wir den Traum um? Welche Schritte, Menschen und Mittel braucht es?</li>"
                "<li><b>Kritiker*in:</b> Was fehlt, was kann schiefgehen? Kritik gilt dem "
                "Plan, nie den Personen.</li></ul>"
            ),
            heading("Ablauf"),
            paragraph(
                "<p>Die Gruppe besucht die Rollen nacheinander, jeweils 15 bis 20 Minuten, "
                "und hält die Ergebnisse auf dem Flipchart fest. Die Fragen der Kritik "
                "gehen zurück an die Träumer*innen – zwei oder drei Durchgänge machen die "
                "Idee robust. Eine neutrale Moderation achtet darauf, dass die Rollen "
                "getrennt bleiben.</p>"
            ),
        ],
    },
    {
        "slug": "lean-coffee",
        "title": "Lean Coffee",
        "teaser": (
            "Ein Treffen ohne vorbereitete Tagesordnung: Die Gruppe sammelt ihre Themen, "
            "stimmt ab und spricht in kurzen Zeitfenstern über das, was sie wirklich "
            "bewegt."
        ),
        "duration_minutes": 45,
        "min_participants": 3,
        "max_participants": 10,
        "materials": (
            "Haftnotizen\nStifte\nEine Wand oder Tafel mit den Spalten „Offen“, "
            "„Im Gespräch“ und „Erledigt“\nTimer"
        ),
        "difficulty": "einfach",
        "categories": ["Methoden", "Community of Practice"],
        "palette": ["#f7f3e3", "#264653", "#e76f51", "#2a9d8f", "#004b87"],
        "body": [
            paragraph(
                "<p>Lean Coffee eignet sich für regelmäßige Treffen einer Community of "
                "Practice: Niemand muss vorher eine Agenda schreiben, und die Zeit gehört "
                "den Themen mit den meisten Stimmen.</p>"
            ),
            heading("So geht’s"),
            paragraph(
                "<ol><li>Alle schreiben ihre Themen auf Haftnotizen und stellen sie in je "
                "einem Satz vor.</li><li>Mit zwei oder drei Punkten pro Person wird "
                "abgestimmt; das Thema mit den meisten Punkten kommt in die Spalte "
                "„Im Gespräch“.</li><li>Nach acht Minuten entscheidet die Gruppe per "
                "Daumen: weiter oder nächstes Thema.</li><li>Zum Schluss hält jede Person "
                "fest, was sie mitnimmt.</li></ol>"
            ),
        ],
    },
    {
        "slug": "design-thinking-kurzformat",
        "title": "Design Thinking im Kurzformat",
        "teaser": (
            "In zwei Stunden von der Frage zum ersten Prototyp: Das Kurzformat führt ein "
            "Team einmal durch alle Phasen des Design Thinking."
        ),
        "duration_minutes": 120,
        "min_participants": 4,
        "max_participants": 20,
        "materials": (
            "Haftnotizen und Stifte\nBastelmaterial für Prototypen: Papier, Karton, "
            "Klebeband, Scheren\nAusgedruckter Interviewleitfaden\nTimer"
        ),
        "difficulty": "anspruchsvoll",
        "categories": ["Methoden", "Ideenfindung"],
        "palette": ["#023047", "#8ecae6", "#ffb703", "#fb8500", "#219ebc"],
        "body": [
            paragraph(
                "<p>Design Thinking stellt die Menschen in den Mittelpunkt, für die eine "
                "Lösung gedacht ist. Im Kurzformat arbeitet ihr in Teams von vier bis fünf "
                "Personen und haltet die Zeitfenster streng ein – das Tempo ist gewollt.</p>"
            ),
            heading("Die Phasen"),
            paragraph(
                "<ol><li><b>Verstehen (15 Minuten):</b> Die Aufgabe klären und festhalten, "
                "was ihr schon wisst.</li><li><b>Beobachten (25 Minuten):</b> Kurze "
                "Interviews mit Betroffenen oder untereinander führen.</li>"
                "<li><b>Sichtweise definieren (15 Minuten):</b> Eine Person und ihr "
                "Bedürfnis in einem Satz beschreiben.</li><li><b>Ideen finden "
                "(20 Minuten):</b> Viele Ideen sammeln, dann eine auswählen.</li>"
                "<li><b>Prototyp bauen (25 Minuten):</b> Die Idee mit einfachen Mitteln "
                "greifbar machen.</li><li><b>Testen (20 Minuten):</b> Den Prototyp zeigen, "
                "Rückmeldungen sammeln und daraus lernen.</li></ol>"
            ),
            paragraph(
                "<p>Die Moderation braucht etwas Erfahrung: Sie hält die Zeit, ermutigt zu "
                "unfertigen Prototypen und sorgt dafür, dass das Testen nicht ausfällt.</p>"
            ),
        ],
    },
]


@transaction.atomic
def load_demo_methods(home_page, log):
    """``/methoden/`` and its methods below ``home_page``, each made once; returns the index."""
    index = demo_child_page(
        home_page,
        MethodIndexPage,
        "methoden",
        log,
        title="Methodenkoffer",
        intro=INDEX_INTRO,
        show_in_menus=True,
    )
    author = demo_person(AUTHOR_NAME, role="Open Innovation City Bielefeld")
    for number, method in enumerate(METHODS, start=1):
        load_method(index, method, author, datetime.date(2026, 2, number), log)
    return index


def load_method(index, method, author, date, log):
    if is_recorded(page_key(MethodPage, method["slug"])):
        return
    fields = {
        name: method[name]
        for name in (
            "title",
            "teaser",
            "duration_minutes",
            "min_participants",
            "max_participants",
            "materials",
            "difficulty",
            "body",
        )
    }
    fields.update(
        date=date,
        header_image=demo_image(method["slug"], method["palette"], method["title"]),
        header_image_is_decorative=True,
        authors=[MethodPageAuthor(person=author)] if author else [],
        categories=[category for name in method["categories"] if (category := demo_category(name))],
    )
    demo_child_page(index, MethodPage, method["slug"], log, **fields)


def demo_image(slug, palette, title):
    image_title = f"Demo: Methode {slug}"
    return demo_object(
        f"image:methode-{slug}",
        CreditedImage.objects.filter(title=image_title).first,
        lambda: make_image(slug, palette, title, image_title),
    )


def make_image(slug, palette, title, image_title):
    data = media.abstract_artwork_png(palette, width=1200, height=675, seed=len(slug))
    image = CreditedImage(
        title=image_title,
        description=f"Abstrakte Formen zur Methode {title}",
        credit=IMAGE_CREDIT,
        collection=Collection.get_first_root_node(),
        file=ContentFile(data, name=f"methode-{slug}.png"),
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),
    )
    image.save()
    return image
