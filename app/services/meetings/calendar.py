"""Working days for the submission deadline: no weekends, no Dutch public holidays, no
school free days.

Seed 003: every partner submits young people 5 working days before the meeting. The public
holidays are those of the Algemene termijnenwet: New Year's Day, Easter Monday, Koningsdag
(27 April, 26 April when the 27th is a Sunday), Liberation Day (5 May), Ascension Day,
Whit Monday and both Christmas days; Easter Sunday and Whit Sunday fall on a Sunday anyway.
Good Friday is no public holiday; a school that is closed then enters it as a free day.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta
from functools import cache

SUBMISSION_WORKING_DAYS = 5


def easter_sunday(year: int) -> date:
    """Gregorian Easter (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


@cache
def public_holidays(year: int) -> dict[date, str]:
    """The Dutch public holidays of one year, with their Dutch names."""
    easter = easter_sunday(year)
    kings_day = date(year, 4, 27)
    if kings_day.weekday() == 6:
        kings_day = date(year, 4, 26)
    return {
        date(year, 1, 1): "Nieuwjaarsdag",
        easter: "Eerste Paasdag",
        easter + timedelta(days=1): "Tweede Paasdag",
        kings_day: "Koningsdag",
        date(year, 5, 5): "Bevrijdingsdag",
        easter + timedelta(days=39): "Hemelvaartsdag",
        easter + timedelta(days=49): "Eerste Pinksterdag",
        easter + timedelta(days=50): "Tweede Pinksterdag",
        date(year, 12, 25): "Eerste Kerstdag",
        date(year, 12, 26): "Tweede Kerstdag",
    }


def is_working_day(day: date, free_days: Collection[date] = ()) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year) and day not in free_days


def submission_deadline(
    meeting_day: date,
    free_days: Collection[date] = (),
    working_days: int = SUBMISSION_WORKING_DAYS,
) -> date:
    """The last day to submit: `working_days` working days before the meeting.

    Counting back from the meeting day itself (not counted): the fifth working day before
    a Thursday meeting in an ordinary week is the Thursday of the week before.
    """
    day, counted = meeting_day, 0
    while counted < working_days:
        day -= timedelta(days=1)
        if is_working_day(day, free_days):
            counted += 1
    return day


def working_days_between(start: date, end: date, free_days: Collection[date] = ()) -> int:
    """Working days from `start` up to, not including, `end`."""
    return sum(
        1
        for offset in range((end - start).days)
        if is_working_day(start + timedelta(days=offset), free_days)
    )
