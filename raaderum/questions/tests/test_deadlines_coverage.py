"""Easter over the whole Gregorian calendar, and the limits of a deadline. Pure: no database."""

from datetime import date

import pytest

from raaderum.questions.deadlines import MAX_WORKING_DAYS, add_working_days, easter_sunday


def oudin(year: int) -> date:
    """Easter Sunday by another algorithm (Oudin, 1940), to check the one in the module."""
    golden = year % 19
    century = year // 100
    h = (century - century // 4 - (8 * century + 13) // 25 + 19 * golden + 15) % 30
    i = h - (h // 28) * (1 - (29 // (h + 1)) * ((21 - golden) // 11))
    j = (year + year // 4 + i + 2 - century + century // 4) % 7
    offset = i - j
    month = 3 + (offset + 40) // 44
    return date(year, month, offset + 28 - 31 * (month // 4))


def test_easter_agrees_with_another_algorithm_in_every_year_from_1583_to_9999() -> None:
    assert [y for y in range(1583, 10_000) if easter_sunday(y) != oudin(y)] == []
    assert easter_sunday(1583) == date(1583, 4, 10)


def test_easter_before_the_gregorian_calendar_is_refused() -> None:
    with pytest.raises(ValueError, match=r"^the Gregorian computus starts in 1583$"):
        easter_sunday(1582)


def test_a_deadline_may_be_60_working_days_and_no_more() -> None:
    assert MAX_WORKING_DAYS == 60
    # 1 March 2027 + 60 working days, past Easter (25-29 March) and Ascension Day (6 May).
    assert add_working_days(date(2027, 3, 1), 60) == date(2027, 5, 31)
    with pytest.raises(ValueError, match=r"^working days must be 1 to 60, not 61$"):
        add_working_days(date(2027, 3, 1), 61)
