"""Answer deadlines counted in working days: weekends and the days the administration is closed.

Pure: dates in, dates out. The closed days are the Danish public holidays (helligdagsloven) plus
the days the municipal collective agreements give off: Christmas Eve, New Year's Eve and
Constitution Day (5 June; off from noon, so no deadline falls on it). Great Prayer Day (store
bededag) was abolished from 2024 and counts only up to 2023.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

# Store bededag was abolished as a public holiday by lov nr. 131 af 28. februar 2023.
LAST_YEAR_WITH_GREAT_PRAYER_DAY = 2023
MAX_WORKING_DAYS = 60


def easter_sunday(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm)."""
    if year < 1583:
        raise ValueError("the Gregorian computus starts in 1583")
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_offset = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_offset) // 451
    month, day = divmod(h + weekday_offset - 7 * m + 114, 31)
    return date(year, month, day + 1)


@lru_cache(maxsize=64)
def closed_days(year: int) -> dict[date, str]:
    """The weekdays and Sundays the administration is closed in `year`, by name."""
    easter = easter_sunday(year)
    days = {
        date(year, 1, 1): "New Year's Day",
        easter - timedelta(days=3): "Maundy Thursday",
        easter - timedelta(days=2): "Good Friday",
        easter: "Easter Sunday",
        easter + timedelta(days=1): "Easter Monday",
        easter + timedelta(days=39): "Ascension Day",
        easter + timedelta(days=49): "Whit Sunday",
        easter + timedelta(days=50): "Whit Monday",
        date(year, 6, 5): "Constitution Day",
        date(year, 12, 24): "Christmas Eve",
        date(year, 12, 25): "Christmas Day",
        date(year, 12, 26): "Boxing Day",
        date(year, 12, 31): "New Year's Eve",
    }
    if year <= LAST_YEAR_WITH_GREAT_PRAYER_DAY:
        days[easter + timedelta(days=26)] = "Great Prayer Day"
    return days


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in closed_days(day.year)


def add_working_days(start: date, days: int) -> date:
    """The `days`-th working day after `start` (a question asked on Friday with 1 day: Monday)."""
    if not 1 <= days <= MAX_WORKING_DAYS:
        raise ValueError(f"working days must be 1 to {MAX_WORKING_DAYS}, not {days}")
    day = start
    left = days
    while left:
        day += timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day


def is_overdue(deadline: date, today: date, *, answered: bool) -> bool:
    """Past the deadline and not answered: the deadline day itself is still in time."""
    return not answered and deadline < today
