"""A small generated school whose every leaver is named, for figures worked out by hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from app.db import Store
from app.models import (
    AftercareCall,
    AftercarePlan,
    Destination,
    NoWorkReason,
    OutflowProfile,
    PathEvent,
    PathEventKind,
    SchoolType,
    Still,
    Student,
    TransitionPath,
)
from app.services.admin.retention import add_months

ON = date(2026, 9, 1)
LEFT_2023 = date(2024, 7, 5)  # school year 2023-2024
LEFT_2024 = date(2025, 7, 4)  # school year 2024-2025
NOT_REACHED = "niet bereikt"
D, R, S = Destination, NoWorkReason, Still
ARB, VVO, DAG = (
    OutflowProfile.ARBEIDSMARKT,
    OutflowProfile.VERVOLGONDERWIJS,
    OutflowProfile.DAGBESTEDING,
)


@dataclass(frozen=True)
class Leaver:
    left: date
    destination: Destination | None
    reason: NoWorkReason | None = None
    answers: tuple = ()  # (months, Still or NOT_REACHED, later destination or None)
    profile: OutflowProfile = ARB
    school_type: SchoolType = SchoolType.PRO
    municipality: str = "Zwolle"


LEAVERS: dict[str, Leaver] = {
    "Anna": Leaver(LEFT_2023, D.REGULAR_WORK, answers=((12, S.SAME, None), (24, S.SAME, None))),
    "Bram": Leaver(LEFT_2023, D.ENTREE_MBO, answers=((12, S.CHANGED, D.VSO),), profile=VVO),
    "Cees": Leaver(LEFT_2023, D.VMBO, answers=((12, S.DROPPED_OUT, None),), profile=VVO),
    "Dirk": Leaver(LEFT_2023, D.NOTHING, R.ILLNESS),
    "Eva": Leaver(LEFT_2023, D.NOTHING, R.BEHAVIOUR_MOTIVATION, municipality="Kampen"),
    "Fenna": Leaver(LEFT_2023, D.ABROAD),
    "Gijs": Leaver(LEFT_2023, D.OTHER_PRO, municipality="Kampen"),
    "Hugo": Leaver(LEFT_2023, None),
    "Ilse": Leaver(
        LEFT_2023,
        D.DAGBESTEDING,
        answers=((6, S.SAME, None), (12, NOT_REACHED, None)),
        profile=DAG,
        school_type=SchoolType.VSO,
    ),
    # Two leavers whose six-month calls both reached someone who could not say.
    "Jan": Leaver(LEFT_2024, D.REGULAR_WORK, answers=((6, S.UNKNOWN, None),)),
    "Kim": Leaver(LEFT_2024, D.REGULAR_WORK, answers=((6, S.UNKNOWN, None),)),
}


def add_leavers(session, leavers: dict[str, Leaver], surname: str = "Test") -> None:
    for name, leaver in leavers.items():
        student = Student(
            first_name=name,
            surname=surname,
            school_type=leaver.school_type,
            outflow_profile=leaver.profile,
            municipality=leaver.municipality,
            actual_outflow_date=leaver.left,
            class_name="4A",
        )
        session.add(student)
        session.flush()
        path = TransitionPath(
            student_id=student.id, destination=leaver.destination, no_work_reason=leaver.reason
        )
        session.add(path)
        session.flush()
        if leaver.destination is not None:
            session.add(
                PathEvent(
                    path_id=path.id,
                    kind=PathEventKind.DESTINATION_SET,
                    happened_on=leaver.left,
                    destination=leaver.destination,
                )
            )
            session.add(
                AftercarePlan(
                    student_id=student.id,
                    outflow_date=leaver.left,
                    ends_on=add_months(leaver.left, 24),
                    destination=leaver.destination,
                )
            )
        for months, answer, later in leaver.answers:
            made_on = add_months(leaver.left, months)
            reached = answer != NOT_REACHED
            if later is not None:
                session.add(
                    PathEvent(
                        path_id=path.id,
                        kind=PathEventKind.DESTINATION_SET,
                        happened_on=made_on - timedelta(days=30),
                        destination=later,
                    )
                )
            session.add(
                AftercareCall(
                    student_id=student.id,
                    due_date=made_on,
                    months_after_outflow=months,
                    made_on=made_on,
                    reached=reached,
                    still_at_destination=answer if reached else None,
                )
            )


@pytest.fixture
def school(store: Store) -> Store:
    with store.session() as session:
        add_leavers(session, LEAVERS)
    return store
