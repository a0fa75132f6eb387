"""A meeting's start time is a clock time: a slip such as 25:99 is refused with a Dutch
message naming the field, and nothing is written."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.core.errors import ValidationError
from app.models import OutflowMeeting
from app.services.meetings.planning import MeetingInput, save_meeting
from tests.meetings.helpers import network


@pytest.mark.parametrize("typed", ["25:99", "14:60", "1400", "ab:cd", "9:5"])
def test_a_start_time_that_is_no_clock_time_is_refused(store, coordinator, typed) -> None:
    ids = store.run(network)
    data = MeetingInput(
        kind="uitstroomoverleg",
        held_on=date(2026, 10, 8),
        starts_at=typed,
        host_organisation_id=ids["rmc"],
    )
    with pytest.raises(ValidationError) as refused:
        store.run(save_meeting, coordinator, data)
    assert "Begintijd" in refused.value.problems["starts_at"]
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(OutflowMeeting)) == 0


def test_a_clock_time_is_kept(store, coordinator) -> None:
    ids = store.run(network)
    data = MeetingInput(
        kind="actietafel",
        held_on=date(2026, 10, 8),
        starts_at="09:30",
        host_organisation_id=ids["rmc"],
    )
    store.run(save_meeting, coordinator, data)
    with store.session() as session:
        assert session.scalars(select(OutflowMeeting.starts_at)).one() == "09:30"
