"""Factories for the events app; dates default to a week after Bielefeld's today."""

import datetime

import factory

from events.models import EventIndexPage, EventKind, EventPage
from events.schedule import local_today
from tests.factories import PageFactory

INNOVATION_OFFICE = "Innovation Office, Alter Markt 13, 33602 Bielefeld"


class EventIndexPageFactory(PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Veranstaltungen"
    slug = "veranstaltungen"
    intro = "Alle Termine der Open Innovation City."


class EventPageFactory(PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    teaser = "Eine Stunde, ein Thema, viele Perspektiven."
    date = factory.LazyFunction(lambda: local_today() + datetime.timedelta(days=7))
    start_time = datetime.time(18, 0)
    end_time = datetime.time(19, 30)
    location = INNOVATION_OFFICE
    kind = EventKind.MEETUP
