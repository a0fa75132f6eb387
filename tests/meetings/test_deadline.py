"""The submission deadline: 5 working days before the meeting, skipping weekends, Dutch
public holidays (Easter-based ones computed) and the school's free days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.meetings.calendar import (
    easter_sunday,
    is_working_day,
    public_holidays,
    submission_deadline,
    working_days_between,
)

FREE_DAY = date(2030, 5, 31)  # the Friday after Ascension Day, a school's bridge day

# (meeting, expected deadline, what the week holds)
TABLE = [
    (date(2026, 10, 8), date(2026, 10, 1), "an ordinary week"),
    (date(2026, 4, 30), date(2026, 4, 22), "Koningsdag on Monday 27 April"),
    (date(2026, 5, 21), date(2026, 5, 13), "Hemelvaart on Thursday 14 May"),
    (date(2026, 5, 28), date(2026, 5, 20), "Pinksteren: Whit Monday 25 May"),
    (date(2027, 4, 29), date(2027, 4, 21), "Koningsdag on Tuesday 27 April"),
    (date(2027, 5, 12), date(2027, 5, 3), "Bevrijdingsdag and Hemelvaart in one week"),
    (date(2028, 4, 20), date(2028, 4, 12), "Easter Monday; Good Friday is a working day"),
    (date(2028, 6, 8), date(2028, 5, 31), "Whit Monday 5 June"),
    (date(2029, 5, 1), date(2029, 4, 23), "Koningsdag on Friday 27 April"),
    (date(2030, 1, 3), date(2029, 12, 24), "Christmas and New Year"),
    (date(2030, 4, 25), date(2030, 4, 17), "Easter Monday 22 April"),
    (date(2030, 6, 4), date(2030, 5, 24), "Hemelvaart and the school's bridge day"),
]


@pytest.mark.parametrize(("meeting", "expected", "week"), TABLE, ids=[t[2] for t in TABLE])
def test_deadline_table_2026_2030(meeting: date, expected: date, week: str) -> None:
    assert submission_deadline(meeting, {FREE_DAY}) == expected


def test_without_the_free_day_the_bridge_day_counts() -> None:
    assert submission_deadline(date(2030, 6, 4)) == date(2030, 5, 27)


def test_easter_and_the_holidays_it_moves() -> None:
    assert [easter_sunday(y) for y in range(2026, 2031)] == [
        date(2026, 4, 5),
        date(2027, 3, 28),
        date(2028, 4, 16),
        date(2029, 4, 1),
        date(2030, 4, 21),
    ]
    holidays = public_holidays(2026)
    assert holidays[date(2026, 5, 14)] == "Hemelvaartsdag"
    assert holidays[date(2026, 5, 25)] == "Tweede Pinksterdag"
    assert holidays[date(2026, 4, 27)] == "Koningsdag"
    # Koningsdag on a Sunday moves to the Saturday before.
    assert date(2025, 4, 26) in public_holidays(2025)


days = st.dates(min_value=date(2026, 1, 1), max_value=date(2035, 12, 31))


@settings(max_examples=300, deadline=None)
@given(meeting=days, free=st.sets(days, max_size=25))
def test_deadline_is_exactly_five_working_days_before(meeting: date, free: set[date]) -> None:
    deadline = submission_deadline(meeting, free)
    assert deadline < meeting
    assert deadline.weekday() < 5
    assert deadline not in public_holidays(deadline.year)
    assert deadline not in free
    assert is_working_day(deadline, free)
    # The deadline and the four working days after it: five, before the meeting day.
    assert working_days_between(deadline, meeting, free) == 5
    # Nothing later would do: the next working day leaves only four.
    later = deadline + timedelta(days=1)
    while not is_working_day(later, free):
        later += timedelta(days=1)
    assert later >= meeting or working_days_between(later, meeting, free) == 4
