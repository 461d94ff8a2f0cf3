"""Demo team and projects from the seed documents; each made once, then left to the editors.

Maria Gonçalves is a real author of the seed posts. The other team members are invented demo
persons, marked "(Demo)" in their role.
"""

import datetime

from django.db import transaction
from wagtail.models import Page

from home.models import Person
from projects.models import Project
from projects.status import ProjectStatus
from website.authors import AuthorIndexPage, ensure_author_index
from website.models import HomePage

from .records import demo_object, demo_person, page_key

MARIA = "Maria Gonçalves"
# Maria leads the team block; the main loader makes her with these, photo and all.
MARIA_TEAM_FIELDS = {"show_in_team": True, "sort_order": 1}
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
    """Three demo team members besides Maria, four projects and the author index, each made
    once: what editors changed or deleted stays so."""
    maria = demo_person(MARIA, **MARIA_TEAM_FIELDS)
    for order, fields in enumerate(DEMO_TEAM, start=2):
        made = []

        def create(fields=fields, order=order, made=made):
            made.append(fields["name"])
            return Person.objects.create(**fields, show_in_team=True, sort_order=order)

        demo_object(
            f"person:{fields['name']}", Person.objects.filter(name=fields["name"]).first, create
        )
        if made:
            log(f"created demo team member {fields['name']}")

    for order, fields in enumerate(demo_projects(maria)):
        demo_object(
            f"project:{fields['title']}",
            Project.objects.filter(title=fields["title"]).first,
            lambda fields=fields, order=order: create_project(fields, order, log),
        )

    home = HomePage.objects.order_by("path").first()
    if home is not None:
        index = demo_object(
            page_key(AuthorIndexPage, "autoren"),
            AuthorIndexPage.objects.child_of(home).first,
            lambda: ensure_author_index(home),
        )
        if index is not None:
            log(f"author index at {index.url}")


def create_project(fields, order, log):
    fields = dict(fields)
    page_slug, fallback_url = fields.pop("link")
    link_page = Page.objects.filter(slug=page_slug).first() if page_slug else None
    project = Project(
        **{
            "responsible_person": None,
            "responsible_text": "",
            **fields,
            "link_page": link_page,
            "link_url": "" if link_page else fallback_url,
            "sort_order": order,
        }
    )
    project.full_clean()
    project.save()
    log(f"created project {project.title}")
    return project
