"""The old site's ``_data/`` files: the team, the events and the projects.

Each entry is imported on its own: a bad entry is reported with its line, the others go on.
An entry already imported is found again (a person by name, an event by title and date, a
project by title) and only saved when something changed.
"""

import datetime
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.text import slugify

from events.schedule import local_today
from home.models import Person

from .body import markdown_rich_text
from .front_matter import FrontMatterError, load_data_list
from .includes import is_true
from .inline import front_matter_text, plain_text
from .methods import duration_minutes
from .pages import (
    CREATED,
    UNCHANGED,
    UPDATED,
    comparable,
    page_state,
    person_by_name,
    person_named,
    save_imported_page,
)
from .posts import PostError, file_content, parse_date, site_asset_url, text_lines

TIME = re.compile(r"(?<!\d)(\d{1,2})(?:[:.](\d{2}))?(?:\s*uhr)?(?!\d)", re.IGNORECASE)
TEASER_LENGTH = 300
EVENT_KINDS = {
    "open innovation hour": "open-innovation-hour",
    "meetup": "meetup",
    "workshop": "workshop",
    "barcamp": "barcamp",
    "impuls": "impuls",
}
PROJECT_STATUSES = {
    "gestartet": "gestartet",
    "geplant": "gestartet",
    "läuft": "laeuft",
    "laeuft": "laeuft",
    "laufend": "laeuft",
    "im live-betrieb": "live",
    "live": "live",
    "umgesetzt": "umgesetzt",
    "abgeschlossen": "abgeschlossen",
    "beendet": "abgeschlossen",
}


class EntryError(PostError):
    """What is wrong with one entry of a data file."""


@dataclass
class ImportedEntry:
    label: str
    outcome: str


def read_data_file(path):
    """The records of a YAML data file; ``PostError`` if the file as a whole cannot be read."""
    try:
        return load_data_list(text_lines(file_content(path)))
    except FrontMatterError as error:
        raise PostError(error.message, error.line) from None


def saved_if_changed(instance, fields, values):
    """Set ``values`` on a model instance, validate and save it only if one of them changed."""
    created = instance.pk is None
    changed = created or any(
        comparable(getattr(instance, field)) != comparable(values[field]) for field in fields
    )
    if not changed:
        return UNCHANGED
    for field in fields:
        setattr(instance, field, values[field])
    instance.full_clean()
    instance.save()
    return CREATED if created else UPDATED


def text(record, key):
    """A one-line value as the old site showed it (entities read, ``<br>`` a space)."""
    value = record.data.get(key)
    return front_matter_text(value)[0] if value is not None else ""


def import_team_member(record, position, assets, warn):
    """A ``_data/team.yml`` entry as a Person shown in the team block, in the file's order."""
    name = text(record, "name")
    if not name:
        raise EntryError("the entry has no name", record.line)
    email = text(record, "email").removeprefix("mailto:")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            warn(f"{email!r} is not an e-mail address; left out", record.line_of("email"))
            email = ""
    expertise = record.data.get("expertise") or []
    expertise = expertise if isinstance(expertise, list) else [expertise]
    image_url = site_asset_url(text(record, "image"))
    person = person_by_name(name) or Person(name=name)
    values = {
        "name": person.name if person.pk else name,
        "role": text(record, "role"),
        "email": email,
        "expertise": "\n".join(" ".join(str(item).split()) for item in expertise if item),
        "photo": assets.image(image_url, warn, record.line_of("image"), name)
        if image_url
        else None,
        "show_in_team": True,
        "sort_order": position * 10,
    }
    return ImportedEntry(name, saved_if_changed(person, list(values), values))


def import_project(record, position, assets, warn):
    """A ``_data/projects.yml`` entry as a Project snippet, found again by its title."""
    from projects.models import DESCRIPTION_FEATURES, Project

    title = text(record, "title")
    if not title:
        raise EntryError("the entry has no title", record.line)
    status_text = text(record, "status")
    status = PROJECT_STATUSES.get(status_text.lower(), "gestartet")
    if status_text and status_text.lower() not in PROJECT_STATUSES:
        warn(f"status {status_text!r} is not known; taken as „Gestartet“", record.line_of("status"))
    start_date = None
    if record.data.get("start_date") not in (None, ""):
        start_date = parse_date(month_date(record.data["start_date"]))
        if start_date is None:
            raise EntryError(
                f"start_date {record.data['start_date']!r} is no date (YYYY-MM-DD or YYYY-MM)",
                record.line_of("start_date"),
            )
    responsible = text(record, "responsible")
    person = person_by_name(responsible) if responsible else None
    project = Project.objects.filter(title__iexact=title).order_by("pk").first() or Project()
    values = {
        "title": title,
        "tag": text(record, "tag")[:40],
        "description": markdown_rich_text(
            str(record.data.get("description") or ""), DESCRIPTION_FEATURES
        ),
        "status": status,
        "start_date": start_date,
        "responsible_person": person,
        "responsible_text": "" if person else responsible,
        "link_url": assets.relative_url(text(record, "link")),
        "link_text": text(record, "link_text")[:80],
    }
    return ImportedEntry(title, saved_if_changed(project, list(values), values))


def month_date(value):
    """``2025-03`` as the first of the month; other values as they are."""
    value = str(value).strip() if not isinstance(value, datetime.date) else value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{1,2}", value):
        return f"{value}-01"
    return value


def import_event(record, position, parent, assets, warn, post_at=None):
    """A ``_data/events.yml`` entry as an EventPage below the events index ``parent``;
    ``post_at(path)`` finds an imported post by its address on this site."""
    from events.models import EventPage

    title = text(record, "title")
    if not title:
        raise EntryError("the entry has no title", record.line)
    if record.data.get("date") in (None, ""):
        raise EntryError("the entry has no date", record.line)
    date = parse_date(record.data["date"])
    if date is None:
        raise EntryError(
            f"invalid date {record.data['date']!r}, expected YYYY-MM-DD", record.line_of("date")
        )
    location = text(record, "location")
    if not location:
        raise EntryError("the entry has no location", record.line)

    slug = f"{slugify(title)[:80].strip('-') or 'veranstaltung'}-{date.isoformat()}"
    page = EventPage.objects.child_of(parent).filter(slug=slug).first()
    stored_state = page_state(page) if page else None
    page = page or EventPage(slug=slug, live=False)
    page.title = title
    page.date = date
    description = str(record.data.get("description") or "")
    page.description = markdown_rich_text(description, EventPage.description.field.features)
    page.teaser = event_teaser(record, description)
    page.start_time, page.end_time = event_times(record, warn)
    page.duration_minutes = None
    if page.start_time and not page.end_time and record.data.get("duration") not in (None, ""):
        page.duration_minutes = duration_minutes(record.data["duration"])
        if page.duration_minutes is None:
            warn(
                f"duration {record.data['duration']!r} is no duration; left out",
                record.line_of("duration"),
            )
    page.location = location
    page.attendance_mode = attendance_mode(location)
    page.kind = event_kind(text(record, "category"))
    page.format = format_page_for(text(record, "category"), text(record, "topic"))
    page.target_audience = text(record, "target_audience")
    page.cost = text(record, "cost") or "kostenfrei"
    page.featured = is_true(record.data.get("featured"))
    apply_booking_link(page, record, assets, warn, post_at or (lambda path: None))
    return ImportedEntry(title, save_imported_page(page, stored_state, parent))


def apply_booking_link(page, record, assets, warn, post_at):
    """``booking_url`` on another site is the registration. On this site (``/beitraege/…``, with
    ``link_text`` "Zum Rückblick" or "Mehr Informationen") it is the event's post: linked as its
    Rückblick, which the event page shows once the event is over."""
    page.registration_kind, page.registration_url, page.retrospective = "none", "", None
    booking_url = text(record, "booking_url")
    if not booking_url:
        return
    address = assets.relative_url(booking_url)
    if not address.startswith("/"):
        page.registration_kind, page.registration_url = "external", address
        return
    line = record.line_of("booking_url")
    post = post_at(urlsplit(address).path)
    if post is None:
        page.registration_kind = "external"
        site_url = assets.site_url if "://" in assets.site_url else f"https://{assets.site_url}"
        page.registration_url = site_url.rstrip("/") + address
        warn(
            f"booking_url {booking_url!r} is a page of this site but no post; kept as the "
            "registration link",
            line,
        )
        return
    page.retrospective = post
    if page.date >= local_today():
        warn(
            f"booking_url {booking_url!r} links the event's post; it is shown as the "
            "Rückblick once the event is over",
            line,
        )


def event_teaser(record, description):
    """The topic, else the description's first sentence: listings show a teaser."""
    teaser = text(record, "topic") or plain_text(description.split("\n\n")[0])
    if len(teaser) > TEASER_LENGTH:
        teaser = teaser[: TEASER_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return teaser or text(record, "title")


def event_times(record, warn):
    """Start and end of ``time: "18:00"``, ``"18:00 - 20:00"`` or ``18 Uhr``."""
    value = record.data.get("time")
    if value in (None, ""):
        return None, None
    times = []
    for hours, minutes in TIME.findall(str(value)):
        try:
            times.append(datetime.time(int(hours), int(minutes or 0)))
        except ValueError:
            break
    if not times:
        warn(f"time {value!r} is no time of day; left out", record.line_of("time"))
        return None, None
    end = times[1] if len(times) > 1 and times[1] > times[0] else None
    return times[0], end


def attendance_mode(location):
    place = location.lower()
    if "hybrid" in place:
        return "mixed"
    return "online" if place.strip() == "online" else "offline"


def event_kind(category):
    key = category.lower().replace("-", " ")
    return next((kind for name, kind in EVENT_KINDS.items() if name in key), "sonstiges")


def format_page_for(*names):
    """The format page named like the event's category or topic, or whose category it is."""
    from formats.models import FormatPage

    for name in filter(None, names):
        page = (
            FormatPage.objects.filter(title__iexact=name).first()
            or FormatPage.objects.filter(category__name__iexact=name).first()
            or FormatPage.objects.filter(slug=slugify(name)).first()
        )
        if page:
            return page
    return None


def import_author_page(document, warn):
    """``autoren/<name>.md``: the person named by ``author_name``, and their old permalink."""
    name = " ".join(str(document.data.get("author_name") or "").split())
    if not name:
        raise PostError("the author page has no author_name", document.line_of("author_name"))
    existed = person_by_name(name) is not None
    person = person_named(name, warn)
    if document.body.strip():
        warn("the author page's text is not imported: persons have no biography field")
    permalink = str(document.data.get("permalink") or "").strip()
    return person, permalink, UNCHANGED if existed else CREATED
