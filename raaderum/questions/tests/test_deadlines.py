"""Working days and Easter, without a database."""

from datetime import date

import pytest

from raaderum.questions.deadlines import (
    add_working_days,
    closed_days,
    easter_sunday,
    is_overdue,
    is_working_day,
)


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (1818, date(1818, 3, 22)),  # the earliest possible
        (1943, date(1943, 4, 25)),  # the latest possible
        (2000, date(2000, 4, 23)),
        (2011, date(2011, 4, 24)),
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2028, date(2028, 4, 16)),
        (2038, date(2038, 4, 25)),
        (2285, date(2285, 3, 22)),
    ],
)
def test_easter_sunday(year, easter):
    assert easter_sunday(year) == easter
    assert easter.weekday() == 6


def test_easter_needs_the_gregorian_calendar():
    with pytest.raises(ValueError):
        easter_sunday(1500)


def test_the_closed_days_of_2027():
    assert sorted(closed_days(2027)) == [
        date(2027, 1, 1),
        date(2027, 3, 25),  # Maundy Thursday
        date(2027, 3, 26),  # Good Friday
        date(2027, 3, 28),
        date(2027, 3, 29),  # Easter Monday
        date(2027, 5, 6),  # Ascension Day
        date(2027, 5, 16),
        date(2027, 5, 17),  # Whit Monday
        date(2027, 6, 5),
        date(2027, 12, 24),
        date(2027, 12, 25),
        date(2027, 12, 26),
        date(2027, 12, 31),
    ]


def test_great_prayer_day_counts_until_2023_only():
    assert closed_days(2023)[date(2023, 5, 5)] == "Great Prayer Day"
    assert date(2024, 4, 26) not in closed_days(2024)
    assert is_working_day(date(2024, 4, 26))


@pytest.mark.parametrize(
    ("start", "days", "deadline"),
    [
        (date(2027, 3, 1), 5, date(2027, 3, 8)),  # Monday to Monday
        (date(2027, 3, 5), 1, date(2027, 3, 8)),  # Friday: the next working day is Monday
        (date(2027, 3, 6), 1, date(2027, 3, 8)),  # asked on a Saturday
        (date(2027, 3, 24), 1, date(2027, 3, 30)),  # over Easter: Thursday to Monday closed
        (date(2027, 3, 24), 5, date(2027, 4, 5)),
        (date(2027, 5, 5), 1, date(2027, 5, 7)),  # over Ascension Day
        (date(2027, 5, 14), 1, date(2027, 5, 18)),  # over Whit Monday
        (date(2026, 6, 4), 1, date(2026, 6, 8)),  # Constitution Day on a Friday
        (date(2027, 12, 21), 5, date(2027, 12, 29)),  # Christmas Eve to Boxing Day
        (date(2027, 12, 29), 2, date(2028, 1, 3)),  # New Year's Eve and Day
        (date(2023, 5, 3), 2, date(2023, 5, 8)),  # Great Prayer Day 2023
        (date(2024, 4, 24), 2, date(2024, 4, 26)),  # abolished from 2024
    ],
)
def test_add_working_days(start, days, deadline):
    assert add_working_days(start, days) == deadline


@pytest.mark.parametrize("days", [0, -1, 61])
def test_it_refuses_a_number_of_days_outside_1_to_60(days):
    with pytest.raises(ValueError):
        add_working_days(date(2027, 3, 1), days)


def test_the_deadline_day_itself_is_in_time():
    deadline = date(2027, 3, 8)
    assert not is_overdue(deadline, date(2027, 3, 8), answered=False)
    assert is_overdue(deadline, date(2027, 3, 9), answered=False)
    assert not is_overdue(deadline, date(2027, 3, 9), answered=True)
