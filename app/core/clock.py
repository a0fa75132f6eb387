"""The one clock the app reads for "today" and "now".

Every rule that depends on the day (aftercare call moments, consent ages, retention, the
meeting archive, a leaving date in the past) asks this module, never `date.today()`
directly, so the whole app agrees on one day. The year test (tests/year/) moves it forward
through three school years without waiting; in the running app it is the machine's clock.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime

# The day the clock is held at, or None for the machine's clock. A module-level value and
# not a thread-local one: work handed to a background task must see the same day.
_held: date | None = None


def today() -> date:
    """The local date: the held day, else the machine's."""
    return _held if _held is not None else datetime.now().date()


def now() -> datetime:
    """Local time, naive: the held day at the machine's time of day."""
    current = datetime.now()
    if _held is None:
        return current
    return datetime.combine(_held, current.time())


def utcnow() -> datetime:
    """UTC, naive (as the database stores it): moved by as many days as the held day is."""
    current = datetime.now(UTC).replace(tzinfo=None)
    if _held is None:
        return current
    return current + (_held - datetime.now().date())


def hold(day: date | None) -> None:
    """Holds the clock at `day` (None lets it run with the machine's again)."""
    global _held
    _held = day


def held() -> date | None:
    return _held


@contextmanager
def held_at(day: date) -> Iterator[None]:
    """The clock held at `day` for the block, then as it was before."""
    before = _held
    hold(day)
    try:
        yield
    finally:
        hold(before)
