"""Demo events around the date they are made for the three formats; made once, never doubled."""

import datetime

from blog.models import BlogPage
from events.models import AttendanceMode, EventIndexPage, EventKind, EventPage
from events.schedule import local_today
from formats.models import FormatPage
from home.models import SiteSettings
from home.pretix import RegistrationKind
from website.demo_content.records import demo_child_page, demo_object, is_recorded, page_key

DEMO_PRETIX_SHOP_URL = "https://pretix.eu/oic-bielefeld/"
INNOVATION_OFFICE = "Innovation Office, Alter Markt 13, 33602 Bielefeld"
RETROSPECTIVE_SLUG = "ki-und-zivilgesellschaft-rueckblick"
REVIEWED_EVENT_SLUG = "meetup-ki-ai-for-good"
OPEN_TO_ALL = "Alle Interessierten aus Bielefeld – keine Vorkenntnisse notwendig"

# (format slug, event slug, days from the day the demo is loaded, fields): a freshly loaded demo
# has upcoming and past events; later runs leave the dates as editors keep them.
DEMO_EVENTS = [
    (
        "open-innovation-hour",
        "open-innovation-hour-offene-daten",
        9,
        {
            "title": "Open Innovation Hour: Offene Daten für Bielefeld",
            "teaser": "Eine Stunde, ein Thema, viele Perspektiven: Was können Initiativen, "
            "Verwaltung und Unternehmen mit offenen Daten der Stadt anfangen?",
            "description": "<p>In der Open Innovation Hour stellen Menschen aus Bielefeld ihre "
            "Ideen vor und diskutieren sie mit allen, die kommen. Diesmal geht es um offene "
            "Daten: Welche gibt es schon, welche fehlen, und was ließe sich damit bauen?</p>"
            "<ul><li>kurzer Impuls zum Einstieg</li><li>offene Diskussion</li>"
            "<li>Zeit zum Vernetzen</li></ul>",
            "kind": EventKind.OPEN_INNOVATION_HOUR,
            "start_time": datetime.time(17, 0),
            "end_time": datetime.time(18, 0),
            "location": INNOVATION_OFFICE,
            "target_audience": OPEN_TO_ALL,
            "registration_kind": RegistrationKind.NONE,
        },
    ),
    (
        "open-innovation-hour",
        "open-innovation-hour-ideen-fuer-die-innenstadt",
        -26,
        {
            "title": "Open Innovation Hour: Ideen für die Innenstadt",
            "teaser": "Wie wird der Alte Markt lebendiger? Bielefelder*innen haben ihre Ideen "
            "für die Innenstadt vorgestellt und gemeinsam weitergedacht.",
            "description": "<p>Die Open Innovation Hour ist kostenfrei und offen für alle. Sie "
            "findet im Innovation Office am Alter Markt statt; Vorkenntnisse sind nicht "
            "nötig.</p>",
            "kind": EventKind.OPEN_INNOVATION_HOUR,
            "start_time": datetime.time(17, 0),
            "duration_minutes": 60,
            "location": INNOVATION_OFFICE,
            "target_audience": OPEN_TO_ALL,
        },
    ),
    (
        "meetups",
        "meetup-ki-im-ehrenamt",
        16,
        {
            "title": "MeetUp KI und Zivilgesellschaft: KI im Ehrenamt",
            "teaser": "Potenziale der neuen Technologie aufzeigen und den kritischen Umgang "
            "damit schärfen: Wie Vereine und Initiativen KI sinnvoll nutzen können.",
            "description": "<p>Die Meetup-Reihe <b>KI und Zivilgesellschaft</b> geht weiter. "
            "Eine Fachexpertin gibt einen Impuls unter dem Motto „AI for Good“, danach "
            "probieren wir gemeinsam aus und diskutieren.</p><p>Immer kostenfrei für alle "
            "interessierten Bielefelder*innen – keine Vorkenntnisse notwendig.</p>",
            "kind": EventKind.MEETUP,
            "start_time": datetime.time(18, 0),
            "end_time": datetime.time(19, 30),
            "location": INNOVATION_OFFICE,
            "target_audience": "Menschen aus Initiativen und Vereinen, Verwaltung, "
            "Wissenschaft und Wirtschaft",
            "featured": True,
            "registration_kind": RegistrationKind.PRETIX,
            "pretix_event_slug": "meetup-ki-im-ehrenamt",
        },
    ),
    (
        "meetups",
        "meetup-ki-ai-for-good",
        -45,
        {
            "title": "10. MeetUp KI und Zivilgesellschaft: AI for Good",
            "teaser": "Zum Abschluss der Reihe: zehn Meetups, über 140 Teilnehmende und eine "
            "neue Community of Practice – und die Frage, wie es weitergeht.",
            "description": "<p>Fachexpert*innen aus Bielefeld, Hannover und Berlin haben ihr "
            "Wissen geteilt. Zum zehnten Meetup blicken wir gemeinsam zurück und nach "
            "vorn.</p>",
            "kind": EventKind.MEETUP,
            "start_time": datetime.time(18, 0),
            "end_time": datetime.time(20, 0),
            "location": INNOVATION_OFFICE,
            "target_audience": OPEN_TO_ALL,
        },
    ),
    (
        "community-of-practice",
        "cop-treffen-ki-und-zivilgesellschaft",
        23,
        {
            "title": "CoP-Treffen: KI und Zivilgesellschaft",
            "teaser": "Die Community of Practice zu KI und Zivilgesellschaft trifft sich im "
            "Innovation Office: voneinander lernen, Praxisfragen teilen, Lösungen finden.",
            "description": "<p>Communities of Practice sind selbstorganisierte Lerngruppen: "
            "Menschen, die am selben Thema arbeiten, lernen voneinander. Neue Mitstreitende "
            "sind willkommen.</p>",
            "kind": EventKind.OTHER,
            "start_time": datetime.time(16, 0),
            "duration_minutes": 120,
            "location": INNOVATION_OFFICE,
            "target_audience": "Alle, die in Bielefeld mit KI arbeiten oder sich dafür engagieren",
            "registration_kind": RegistrationKind.PRETIX,
            "pretix_event_slug": "cop-ki-treffen",
        },
    ),
    (
        "community-of-practice",
        "online-impuls-cop-starter-kit",
        -12,
        {
            "title": "Online-Impuls: Eine Community of Practice starten",
            "teaser": "Ihr arbeitet an einer Lösung und kommt nicht weiter? Wie ihr mit dem CoP "
            "Starter Kit Mitstreitende findet und eure eigene Community gründet.",
            "description": "<p>Wir stellen das CoP Starter Kit vor: Mitstreitende finden, "
            "besser lernen, Innovationspotenziale sichtbar machen. Danach ist Zeit für eure "
            "Fragen.</p>",
            "kind": EventKind.IMPULSE,
            "start_time": datetime.time(12, 0),
            "duration_minutes": 45,
            "location": "Online",
            "attendance_mode": AttendanceMode.ONLINE,
            "target_audience": "Initiativen, Vereine, Verwaltung und Unternehmen",
        },
    ),
]

EVENT_DEFAULTS = {
    "end_time": None,
    "duration_minutes": None,
    "attendance_mode": AttendanceMode.OFFLINE,
    "cost": "kostenfrei",
    "featured": False,
    "registration_kind": RegistrationKind.NONE,
    "pretix_event_slug": "",
    "pretix_items": "",
    "pretix_voucher": "",
    "registration_url": "",
    "retrospective": None,
}


def load_demo_events(home_page, log):
    """The index ``/veranstaltungen/`` and events of the formats below ``/formate/``, each made
    once (dated relative to the day it was made), then left to the editors."""
    settings = SiteSettings.for_site(home_page.get_site())
    demo_object(
        "settings:pretix-shop-url",
        lambda: settings if settings.pretix_shop_url else None,
        lambda: set_pretix_shop_url(settings),
    )
    index = demo_child_page(
        home_page,
        EventIndexPage,
        "veranstaltungen",
        log,
        title="Veranstaltungen",
        show_in_menus=True,
        intro="Open Innovation Hours, MeetUps und Treffen der Communities of Practice: "
        "Hier findest du alle Termine – meist im Innovation Office am Alter Markt.",
    )
    retrospective = BlogPage.objects.filter(slug=RETROSPECTIVE_SLUG).first()
    today = local_today()
    for format_slug, slug, days, fields in DEMO_EVENTS:
        if is_recorded(page_key(EventPage, slug)):
            continue
        format_page = (
            FormatPage.objects.descendant_of(home_page)
            .filter(slug=format_slug, url_path__endswith=f"/formate/{format_slug}/")
            .first()
        )
        if format_page is None:
            log(f"skipped event {slug}: no format page {format_slug}")
            continue
        values = {**EVENT_DEFAULTS, **fields}
        date = today + datetime.timedelta(days=days)
        if slug == REVIEWED_EVENT_SLUG and retrospective is not None:
            values["retrospective"] = retrospective
            # The review appears a week after the event it looks back on.
            date = min(date, retrospective.date - datetime.timedelta(days=7))
        demo_child_page(index, EventPage, slug, log, date=date, format=format_page, **values)
    return index


def set_pretix_shop_url(settings):
    settings.pretix_shop_url = DEMO_PRETIX_SHOP_URL
    settings.save(update_fields=["pretix_shop_url"])
    return settings
