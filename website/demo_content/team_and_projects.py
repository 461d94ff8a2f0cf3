"""Demo team and projects from the seed documents; loading again updates instead of duplicating.

Maria Gonçalves is a real author of the seed posts. The other team members are invented demo
persons, marked "(Demo)" in their role.
"""

import datetime

from django.db import transaction
from wagtail.models import Page

from home.models import Person
from projects.models import Project
from projects.status import ProjectStatus
from website.authors import ensure_author_index
from website.models import HomePage

MARIA = "Maria Gonçalves"
DEMO_TEAM = [
    {
        "name": "Jonas Becker",
        "role": "Innovationsmanagement (Demo)",
        "email": "demo.jonas.becker@bielefeld.de",
        "expertise": "Open Innovation\nProjektentwicklung\nFördermittel",
    },
    {
        "name": "Leonie Schäfer",
        "role": "Kommunikation (Demo)",
        "email": "demo.leonie.schaefer@bielefeld.de",
        "expertise": "Öffentlichkeitsarbeit\nNewsletter\nSocial Media",
    },
    {
        "name": "Emre Yılmaz",
        "role": "Projektassistenz (Demo)",
        "email": "demo.emre.yilmaz@bielefeld.de",
        "expertise": "Veranstaltungsorganisation\nInnovation Office",
    },
]

# The seed posts' URLs below /beitraege/ and the format page the projects link to.
MEETUP_REVIEW_SLUG = "ki-und-zivilgesellschaft-rueckblick"
STARTER_KIT_POST_SLUG = "community-of-practice-starter-kit"
COP_FORMAT_SLUG = "community-of-practice"


def demo_projects(maria):
    return [
        {
            "title": "Meetup-Reihe „KI und Zivilgesellschaft“",
            "tag": "KI",
            "status": ProjectStatus.COMPLETED,
            "start_date": None,
            "description": "<p><b>2025: 10 Meetups in 6 Monaten</b>, immer kostenfrei und ohne "
            "Vorkenntnisse: Die Reihe zeigte Potenziale Künstlicher Intelligenz auf und schärfte "
            "den kritischen Umgang damit. Über 140 Teilnehmende und 11 Fachexpert*innen unter "
            "dem Motto „AI for Good“.</p>",
            "responsible_person": maria,
            "link": (MEETUP_REVIEW_SLUG, f"/beitraege/{MEETUP_REVIEW_SLUG}/"),
            "link_text": "Zum Rückblick auf die Meetups",
        },
        {
            "title": "Community of Practice „KI und Zivilgesellschaft“",
            "tag": "KI",
            "status": ProjectStatus.RUNNING,
            "start_date": datetime.date(2025, 10, 1),
            "description": "<p>Aus der Meetup-Reihe ist eine engagierte, "
            "<i>selbstorganisierte</i> Lern- und Innovationsgruppe entstanden. Sie trifft sich "
            "im Innovation Office am Alter Markt.</p>",
            "responsible_text": "Die Community selbst, begleitet von der OIC",
            "link": (COP_FORMAT_SLUG, f"/formate/{COP_FORMAT_SLUG}/"),
            "link_text": "Mehr zum Format Community of Practice",
        },
        {
            "title": "Innovation Office am Alter Markt",
            "tag": "Ort",
            "status": ProjectStatus.LIVE,
            "start_date": None,
            "description": "<p>Unser kostenfreies Angebot für innovationswillige Gruppen: "
            "Hier finden Meetups statt, und Communities of Practice treffen sich hier.</p>",
            "responsible_text": "Open Innovation City Bielefeld",
            "link": (None, "mailto:innovationen@bielefeld.de"),
            "link_text": "Fragen zur Nutzung? Schreib uns",
        },
        {
            "title": "CoP Starter Kit",
            "tag": "Kit",
            "status": ProjectStatus.IMPLEMENTED,
            "start_date": datetime.date(2026, 2, 1),
            "description": "<p>Eine Anleitung für den Aufbau einer Community of Practice, für "
            "alle einfach umzusetzen:</p><ul><li>Struktur und möglicher Ablauf</li>"
            "<li>Treffpunkte und Werbung</li><li>ein WOOP-Plan für den Erfolg</li></ul>",
            "responsible_person": maria,
            "link": (STARTER_KIT_POST_SLUG, f"/beitraege/{STARTER_KIT_POST_SLUG}/"),
            "link_text": "Lade das CoP Starter Kit herunter",
        },
    ]


@transaction.atomic
def load_demo_team_and_projects(log):
    """Team flags and order, three demo team members, four projects and the author index."""
    maria, _ = Person.objects.get_or_create(name=MARIA)
    maria.show_in_team, maria.sort_order = True, 1
    maria.save()
    for order, fields in enumerate(DEMO_TEAM, start=2):
        _, created = Person.objects.update_or_create(
            name=fields["name"], defaults={**fields, "show_in_team": True, "sort_order": order}
        )
        if created:
            log(f"created demo team member {fields['name']}")

    for order, fields in enumerate(demo_projects(maria)):
        page_slug, fallback_url = fields.pop("link")
        link_page = Page.objects.filter(slug=page_slug).first() if page_slug else None
        defaults = {
            "responsible_person": None,
            "responsible_text": "",
            **fields,
            "link_page": link_page,
            "link_url": "" if link_page else fallback_url,
            "sort_order": order,
        }
        project, created = Project.objects.update_or_create(
            title=defaults.pop("title"), defaults=defaults
        )
        project.full_clean()
        if created:
            log(f"created project {project.title}")

    home = HomePage.objects.order_by("path").first()
    if home is not None:
        index = ensure_author_index(home)
        log(f"author index at {index.url}")
