import datetime

import pytest
import time_machine

from events.schedule import EVENT_TIME_ZONE
from home.models import SiteSettings
from tests.events.factories import EventIndexPageFactory
from tests.factories import FormatPageFactory

PRETIX_SHOP_URL = "https://pretix.eu/oic-bielefeld/"


def berlin(*args):
    return datetime.datetime(*args, tzinfo=EVENT_TIME_ZONE)


@pytest.fixture
def event_index(site_tree):
    return EventIndexPageFactory(parent=site_tree.home)


@pytest.fixture
def pretix_shop(site_tree):
    settings = SiteSettings.for_site(site_tree.site)
    settings.pretix_shop_url = PRETIX_SHOP_URL
    settings.save()
    return settings


@pytest.fixture
def formats(site_tree):
    """The MeetUps and Open Innovation Hour format pages."""
    meetups = FormatPageFactory(parent=site_tree.format_index, title="MeetUps", slug="meetups")
    hour = FormatPageFactory(
        parent=site_tree.format_index, title="Open Innovation Hour", slug="open-innovation-hour"
    )
    return meetups, hour


@pytest.fixture
def frozen_clock():
    """Thursday, 15 January 2026, noon in Bielefeld."""
    with time_machine.travel(berlin(2026, 1, 15, 12, 0), tick=False) as traveller:
        yield traveller
