"""Dates and times of events, always in Bielefeld's local time."""

import datetime

import pytest
import time_machine

from events.schedule import Schedule, local_today

UTC = datetime.UTC


def test_same_day_event_reads_like_a_german_date():
    schedule = Schedule(
        datetime.date(2026, 1, 15), datetime.time(18, 0), end_time=datetime.time(19, 30)
    )
    assert str(schedule) == "Do., 15. Januar 2026, 18:00–19:30 Uhr"
    assert schedule.start_iso == "2026-01-15T18:00:00+01:00"
    assert schedule.end_iso == "2026-01-15T19:30:00+01:00"


def test_summer_time_offset_and_duration():
    schedule = Schedule(datetime.date(2026, 6, 4), datetime.time(17, 0), duration_minutes=60)
    assert str(schedule) == "Do., 4. Juni 2026, 17:00–18:00 Uhr"
    assert schedule.start_iso == "2026-06-04T17:00:00+02:00"
    assert schedule.end_iso == "2026-06-04T18:00:00+02:00"


def test_duration_past_midnight_names_both_days():
    schedule = Schedule(datetime.date(2026, 3, 14), datetime.time(22, 0), duration_minutes=180)
    assert str(schedule) == "Sa., 14. März 2026, 22:00 – So., 15. März 2026, 01:00 Uhr"


def test_start_only_and_all_day():
    assert str(Schedule(datetime.date(2026, 1, 15), datetime.time(9, 5))) == (
        "Do., 15. Januar 2026, 09:05 Uhr"
    )
    all_day = Schedule(datetime.date(2026, 10, 3))
    assert str(all_day) == "Sa., 3. Oktober 2026"
    assert all_day.is_all_day and all_day.end is None
    assert all_day.start_iso == "2026-10-03"


@pytest.mark.parametrize("server_time_zone", ["UTC", "America/Los_Angeles", "Asia/Tokyo"])
def test_today_is_bielefelds_date_whatever_the_time_zone_setting(settings, server_time_zone):
    settings.TIME_ZONE = server_time_zone
    with time_machine.travel(datetime.datetime(2026, 1, 15, 22, 59, tzinfo=UTC), tick=False):
        assert local_today() == datetime.date(2026, 1, 15)  # 23:59 in Bielefeld
    with time_machine.travel(datetime.datetime(2026, 1, 15, 23, 1, tzinfo=UTC), tick=False):
        assert local_today() == datetime.date(2026, 1, 16)  # 00:01 in Bielefeld
    with time_machine.travel(datetime.datetime(2026, 7, 1, 22, 30, tzinfo=UTC), tick=False):
        assert local_today() == datetime.date(2026, 7, 2)  # 00:30 summer time
