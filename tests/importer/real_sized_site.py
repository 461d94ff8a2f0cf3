"""A copy of today's OIC Jekyll site in size and shape, written into a folder: 65 posts, 16
methods, 25 events, 6 people, 7 projects, author, legal and landing pages, with every case the
import of the real site met (issue 14). ``build(root)`` returns what the old site published, so
that a test can count how much of it the new site answers.

The texts are short and the images small (the point is the site's shape, not its bytes); the
numbers and the cases are the real site's.
"""

import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

PEOPLE = [
    ("Maria Gonçalves", "maria-goncalves", "Projektleitung"),
    ("Jonas Weber", "jonas-weber", "Community-Management"),
    ("Aylin Demir", "aylin-demir", "Methoden"),
    ("Lena Hoffmann", "lena-hoffmann", "Kommunikation"),
    ("Tobias Krüger", "tobias-krueger", "Verwaltung"),
    ("Sophie Brandt", "sophie-brandt", "Wissenschaft"),
]
CATEGORIES = [
    "Open Innovation Hour",
    "KI und Zivilgesellschaft",
    "Community of Practice",
    "Rückblick",
]
POSTS = 65
METHODS = 16
EVENTS = 25
PROJECTS = 7
GALLERY_IMAGES = 22
LONG_TEASER_LENGTHS = [301, 333, 367, 395, 420]


KRAMDOWN_CASES = """\
## Mehr im [Bericht](https://example.org/bericht)

#### Vierte Ebene

##### Fünfte Ebene

> Ein Zitat mit [Quelle](https://example.org/quelle).
>
> — Etienne Wenger

Sie sagte: "Gemeinsam geht mehr" ... und dann -- Stille.

Erste Zeile{HARD_BREAK}
1) keine Liste

Ein Satz mit Fußnote[^1].

[^1]: Die Anmerkung.

Ein Absatz mit Klasse.
{: .hinweis}

Text mit <img src="/assets/images/beitraege/publikum.png" alt="Publikum im Saal"> im Absatz,
ein <a href="https://oic-bielefeld.de/beitraege/ki-meetup-rueckblick/">Rückblick</a>
und<br>ein Umbruch.

<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Mitschnitt"></iframe>

<iframe src="https://karten.example.org/bielefeld"></iframe>

![Bühne](/assets/images/beitraege/meetup.jpg "Das Innovation Office")

{% include pretix-widget.html event="werkstatt-1" %}
""".replace("{HARD_BREAK}", "  ")
"""What only kramdown reads so: a post body of every Markdown case of issue 14."""


@dataclass
class OldSite:
    """What the old site published: its HTML addresses with a text each must show, and the
    number of posts, methods, events and pages."""

    root: Path
    addresses: dict = field(default_factory=dict)
    posts: int = 0
    methods: int = 0
    events: int = 0
    pages: int = 0


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def image(path, number, size=(64, 48)):
    """A small picture of its own colour, so that no two files share their content."""
    path.parent.mkdir(parents=True, exist_ok=True)
    colour = (number * 37 % 256, number * 91 % 256, number * 53 % 256)
    Image.new("RGB", size, colour).save(path)


def teaser(number):
    if number < len(LONG_TEASER_LENGTHS):
        sentence = "Was die Open Innovation City Bielefeld in diesem Beitrag erzählt und lernt. "
        return (sentence * 8)[: LONG_TEASER_LENGTHS[number]].strip() + "."
    return f"Kurz gesagt: Beitrag {number} der Open Innovation City."


def post_front_matter(title, number, header=True, **extra):
    """``header`` is the header image's address, ``True`` for the post's own, ``False`` none."""
    name, _, _ = PEOPLE[number % len(PEOPLE)]
    lines = [
        "---",
        f'title: "{title}"',
        f'teaser: "{teaser(number)}"',
        f"author: {name}",
        f"categories: [{CATEGORIES[number % len(CATEGORIES)]}]",
        f"date: 2024-{number % 12 + 1:02d}-{number % 27 + 1:02d}",
    ]
    if header:
        url = header if isinstance(header, str) else f"/assets/images/beitraege/kopf-{number}.png"
        lines.append(f"header_image: {url}")
    lines += [f"{key}: {value}" for key, value in extra.items()]
    return "\n".join([*lines, "---", ""])


SPECIAL_BODIES = {
    "kramdown-eigenheiten": KRAMDOWN_CASES,
    "rohes-html": """
        Text mit <img src="/assets/images/beitraege/publikum.png" alt="Publikum"> im Absatz,
        ein <a href="https://oic-bielefeld.de/beitraege/beitrag-10/">Beitrag</a> und<br>ein Umbruch.

        <iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Mitschnitt"></iframe>
        """,
    "anmeldung-werkstatt": """
        Jetzt anmelden:

        {% include pretix-widget.html event="werkstatt-2024" %}
        """,
    "sommerfest-galerie": """
        Eindrücke vom Sommerfest.

        {% include gallery.html folder="/assets/images/galerie/sommerfest/" %}
        """,
    "kaputte-bilder": """
        ![Kaputt](/assets/images/beitraege/kaputt.jpg)

        Der Text bleibt.
        """,
}


def build(root):
    root = Path(root)
    site = OldSite(root)
    write(root / "_config.yml", "title: Open Innovation City Bielefeld\nkramdown:\n  input: GFM\n")
    write(
        root / "_includes" / "pretix-widget.html",
        '<div class="pretix-widget-compat" '
        'event="https://pretix.eu/oic-bielefeld/{{ include.event }}/"></div>\n',
    )
    build_data(root, site)
    build_posts(root, site)
    build_methods(root, site)
    build_pages(root, site)
    return site


def build_data(root, site):
    team = []
    for number, (name, slug, role) in enumerate(PEOPLE):
        image(root / "assets" / "images" / "team" / f"{slug}.png", 200 + number)
        team.append(
            f"- name: {name}\n  role: {role}\n  image: /assets/images/team/{slug}.png\n"
            f"  email: {slug}@oic-bielefeld.de\n"
        )
        write(
            root / "autoren" / f"{slug}.md",
            f"---\nlayout: author\nauthor_name: {name}\npermalink: /autoren/{slug}/\n---\n",
        )
        site.addresses[f"/autoren/{slug}/"] = name
    write(root / "_data" / "team.yml", "".join(team))

    projects = []
    for number in range(PROJECTS):
        title = "Digitale<br>Werkstatt" if number == 0 else f"Projekt {number}"
        projects.append(
            f'- title: "{title}"\n  description: Ein Vorhaben der OIC.\n  status: Läuft\n'
            f"  start_date: 2024-0{number + 1}\n"
        )
    write(root / "_data" / "projects.yml", "".join(projects))

    events = []
    for number in range(EVENTS):
        if number == 0:
            booking = "https://pretix.eu/oic-bielefeld/meetup-12/\n  link_text: Jetzt anmelden"
        elif number == 1:
            booking = (
                "https://oic-bielefeld.de/beitraege/beitrag-11/\n  link_text: Mehr Informationen"
            )
        else:
            label = "Zum Rückblick" if number % 2 else "Mehr Informationen"
            booking = f"/beitraege/beitrag-{number + 10}/\n  link_text: {label}"
        events.append(
            f'- title: "Veranstaltung {number}"\n  date: 2024-{number % 12 + 1:02d}-15\n'
            f"  time: 18:00\n  location: Innovation Office\n  category: MeetUp\n"
            f"  booking_url: {booking}\n"
        )
    write(root / "_data" / "events.yml", "".join(events))
    site.events = EVENTS


def build_posts(root, site):
    posts = root / "_beitraege"
    names = [f"beitrag-{number}" for number in range(POSTS - len(SPECIAL_BODIES) - 3)]
    for number, name in enumerate(names):
        title = f"Innovations&shy;werkstatt {number}" if number < 3 else f"Beitrag {number}"
        shown = title.replace("&shy;", "\u00ad")
        write(posts / f"{name}.md", post_front_matter(title, number) + f"\nText {number}.\n")
        image(root / "assets" / "images" / "beitraege" / f"kopf-{number}.png", number)
        site.addresses[f"/beitraege/{name}/"] = shown
    for offset, (name, body) in enumerate(SPECIAL_BODIES.items(), len(names)):
        body = textwrap.dedent(body).replace("{HARD_BREAK}", "  ")
        title = name.replace("-", " ").capitalize()
        write(posts / f"{name}.md", post_front_matter(title, offset) + body)
        image(root / "assets" / "images" / "beitraege" / f"kopf-{offset}.png", offset)
        site.addresses[f"/beitraege/{name}/"] = title
    image(root / "assets" / "images" / "beitraege" / "buehne.png", 300)
    image(root / "assets" / "images" / "beitraege" / "publikum.png", 301)
    Image.new("RGB", (64, 48), (12, 34, 56)).save(
        root / "assets" / "images" / "beitraege" / "meetup.jpg"
    )
    for number in range(GALLERY_IMAGES):
        image(
            root / "assets" / "images" / "galerie" / "sommerfest" / f"bild-{number:02}.png",
            400 + number,
        )
    (root / "assets" / "images" / "beitraege" / "kaputt.jpg").write_bytes(b"\xff\xd8 no image")
    # A header image of 144 million pixels: a few kilobytes that would decode to gigabytes.
    Image.new("1", (12_000, 12_000)).save(root / "assets" / "images" / "beitraege" / "riesig.png")
    write(
        posts / "riesiges-kopfbild.md",
        post_front_matter("Riesiges Kopfbild", 90, "/assets/images/beitraege/riesig.png")
        + "\nDer Text kommt an.\n",
    )
    site.addresses["/beitraege/riesiges-kopfbild/"] = "Riesiges Kopfbild"
    # Two file names of one address: Jekyll published only one of them there.
    write(posts / "Dup-Post.md", post_front_matter("Der erste Namensvetter", 91, header=False))
    write(posts / "dup_post.md", post_front_matter("Der zweite Namensvetter", 92, header=False))
    site.addresses["/beitraege/dup-post/"] = "Der erste Namensvetter"
    site.posts = POSTS


def build_methods(root, site):
    for number in range(METHODS):
        name = f"methode-{number}"
        image(root / "assets" / "images" / "methoden" / f"{name}.png", 500 + number)
        person, _, _ = PEOPLE[number % len(PEOPLE)]
        body = "" if number % 3 else "Wie die Methode geht.\n"
        write(
            root / "_methoden" / f"{name}.md",
            f"---\ntitle: Methode {number}\nteaser: Eine Methode zum Ausprobieren.\n"
            f"authors:\n  - {person}\ncategories:\n  - Methoden\ndate: 2023-05-{number + 1:02d}\n"
            f"header_image: /assets/images/methoden/{name}.png\n---\n{body}",
        )
        site.addresses[f"/methoden/{name}/"] = f"Methode {number}"
    site.methods = METHODS


PAGES = {
    "index.md": ("---\nlayout: home\ntitle: Open Innovation City Bielefeld\n---\n", "/", None),
    "suche.md": ("---\nlayout: search\ntitle: Suche\npermalink: /suche/\n---\n", "/suche/", None),
    "impressum.md": (
        "---\ntitle: Impressum\n---\n\nStadt Bielefeld, Amt für Innovation und Beteiligung.\n",
        "/impressum/",
        "Amt für Innovation und Beteiligung",
    ),
    "datenschutz.md": (
        "---\ntitle: Datenschutzerklärung\n---\n\n## Server\n\nProtokolle nach 7 Tagen gelöscht.\n",
        "/datenschutz/",
        "Protokolle nach 7 Tagen gelöscht.",
    ),
    "jahresbericht-2023.md": (
        "---\ntitle: Jahresbericht 2023\n---\n\nDas Jahr in Zahlen: 12 MeetUps.\n",
        "/jahresbericht-2023/",
        "Das Jahr in Zahlen: 12 MeetUps.",
    ),
    "workshops/index.md": (
        "---\ntitle: Workshops\n---\n\nWorkshops für Verwaltung und Stadtgesellschaft.\n",
        "/workshops/",
        "Workshops für Verwaltung und Stadtgesellschaft.",
    ),
    "ki.md": (
        "---\nlayout: format\ntitle: KI und Zivilgesellschaft\npermalink: /ki/\n---\n\n"
        "Die MeetUp-Reihe über KI in der Stadt.\n",
        "/ki/",
        "Die MeetUp-Reihe über KI in der Stadt.",
    ),
    "open-innovation-hour.md": (
        "---\nlayout: format\ntitle: Open Innovation Hour\n---\n\nEine Stunde, ein Thema.\n",
        "/open-innovation-hour/",
        "Eine Stunde, ein Thema.",
    ),
    "community-of-practice.md": (
        "---\nlayout: format\ntitle: Community of Practice\n---\n\nGemeinsam lernen.\n",
        "/community-of-practice/",
        "Gemeinsam lernen.",
    ),
}


def build_pages(root, site):
    for name, (text, permalink, shown) in PAGES.items():
        write(root / name, text)
        site.addresses[permalink] = shown or ""
    site.addresses["/beitraege/"] = "Beiträge"
    site.addresses["/methoden/"] = "Methoden"
    site.pages = len(PAGES) - 2  # the home page and the search answer by themselves
