"""The closing rule of a case (seed 003, "Afsluiten casussen").

When the young person is active again (school, work, a learning-work route, day activities)
the case goes to the follow list until 1 October of the year after the year of its
registration, and is archived on that day without anyone having to remember it. An archived
case comes back onto the active list when it is submitted again with a new question.
Plain rules here; `lists` applies them to the database.
"""

from __future__ import annotations

from datetime import date, timedelta

from app.models import Destination, ListKind

# Destinations where the young person is active: the case needs no question any more.
ACTIVE_DESTINATIONS = frozenset(
    {
        Destination.REGULAR_WORK,
        Destination.WORK_BANENAFSPRAAK,
        Destination.WORK_BBL,
        Destination.BESCHUT_WERK,
        Destination.DAGBESTEDING,
        Destination.TRAINING_ROUTE,
        Destination.ENTREE_MBO,
        Destination.VMBO,
        Destination.VSO,
        Destination.OTHER_PRO,
    }
)


def archive_day(registered_on: date) -> date:
    """1 October of the year after the year of registration."""
    return date(registered_on.year + 1, 10, 1)


def follow_until(registered_on: date) -> date:
    """The last day on the follow list: 30 September of the year after registration."""
    return archive_day(registered_on) - timedelta(days=1)


def is_active_again(destination: Destination | None) -> bool:
    return destination in ACTIVE_DESTINATIONS


def list_on(list_kind: ListKind, until: date | None, on: date) -> ListKind:
    """The list a case is on on day `on`: a follow-list case past its date is archived."""
    if list_kind is ListKind.FOLLOW and until is not None and on > until:
        return ListKind.ARCHIVED
    return list_kind
