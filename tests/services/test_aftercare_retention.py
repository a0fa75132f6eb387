"""Retention figures (bestendiging) from the call logs, against a hand-computed table."""

from __future__ import annotations

from datetime import date, timedelta

from app.db import Store
from app.models import AftercareCall, AftercarePlan, Destination, Role, Still, Student, User
from app.services.aftercare.retention import RetentionFigure, RetentionRow, retention_figures
from app.services.common.actor import Actor

ON = date(2026, 8, 1)
WORK, DAY, MBO = Destination.REGULAR_WORK, Destination.DAGBESTEDING, Destination.ENTREE_MBO
SAME, CHANGED, DROPPED, UNKNOWN = Still.SAME, Still.CHANGED, Still.DROPPED_OUT, Still.UNKNOWN
NOT_REACHED = "not reached"

# name: (left on, destination, own mentor?, {months: [answers in call order]})
FORMER_STUDENTS = {
    "A": (date(2024, 7, 10), WORK, False, {6: [SAME], 12: [CHANGED], 24: [DROPPED]}),
    "B": (date(2024, 7, 10), WORK, False, {6: [SAME], 12: [NOT_REACHED], 24: [SAME]}),
    "C": (date(2024, 7, 10), DAY, False, {6: [UNKNOWN], 12: [NOT_REACHED, SAME]}),
    "D": (date(2025, 7, 10), WORK, True, {6: [SAME], 12: [DROPPED]}),
    "E": (date(2025, 7, 10), MBO, True, {6: [NOT_REACHED, NOT_REACHED], 12: [SAME]}),
    "F": (date(2025, 7, 10), MBO, False, {}),
    # Left this summer: no moment has come yet; counted as a student, in no figure.
    "G": (date(2026, 7, 10), MBO, False, {}),
}


def _figures(*cells: tuple[int, int, int]) -> tuple[RetentionFigure, ...]:
    return tuple(RetentionFigure(m, *c) for m, c in zip((6, 12, 24), cells, strict=True))


# Worked out by hand from the table above: (placed, dropped out, unknown) per moment.
EXPECTED = [
    RetentionRow(2026, None, 1, _figures((0, 0, 0), (0, 0, 0), (0, 0, 0))),
    RetentionRow(2026, MBO, 1, _figures((0, 0, 0), (0, 0, 0), (0, 0, 0))),
    RetentionRow(2025, None, 3, _figures((1, 0, 2), (1, 1, 1), (0, 0, 0))),
    RetentionRow(2025, WORK, 1, _figures((1, 0, 0), (0, 1, 0), (0, 0, 0))),
    RetentionRow(2025, MBO, 2, _figures((0, 0, 2), (1, 0, 1), (0, 0, 0))),
    RetentionRow(2024, None, 3, _figures((2, 0, 1), (2, 0, 1), (1, 1, 1))),
    RetentionRow(2024, WORK, 2, _figures((2, 0, 0), (1, 0, 1), (1, 1, 0))),
    RetentionRow(2024, DAY, 1, _figures((0, 0, 1), (1, 0, 0), (0, 0, 1))),
]


def _generate(store: Store, mentor_id: int) -> None:
    with store.session() as session:
        for name, (left, destination, own, answers) in FORMER_STUDENTS.items():
            student = Student(first_name=name, surname="Testleerling")
            student.mentor_id = mentor_id if own else None
            session.add(student)
            session.flush()
            session.add(
                AftercarePlan(
                    student_id=student.id,
                    outflow_date=left,
                    ends_on=left + timedelta(days=730),
                    destination=destination,
                )
            )
            for months, outcomes in answers.items():
                due = date(left.year + (left.month + months - 1) // 12, 1, 10)
                due = due.replace(month=(left.month + months - 1) % 12 + 1)
                for n, outcome in enumerate(outcomes):
                    reached = outcome != NOT_REACHED
                    session.add(
                        AftercareCall(
                            student_id=student.id,
                            due_date=due,
                            months_after_outflow=months,
                            made_on=due + timedelta(days=7 * n),
                            reached=reached,
                            still_at_destination=outcome if reached else None,
                        )
                    )
            # A planned call not yet made says nothing.
            session.add(AftercareCall(student_id=student.id, due_date=ON, months_after_outflow=24))


def test_retention_figures_match_the_hand_computed_table(store: Store, coordinator: Actor) -> None:
    _generate(store, coordinator.user_id)
    rows = store.run(retention_figures, coordinator, ON)
    assert rows == EXPECTED
    total_2024 = rows[5]
    assert [f.share for f in total_2024.figures] == [1.0, 1.0, 0.5]
    assert [f.known for f in total_2024.figures] == [2, 2, 2]
    assert rows[0].figures[0].share is None  # nobody behind it yet


def test_a_mentor_gets_the_figures_over_their_own_students(
    store: Store, coordinator: Actor
) -> None:
    with store.session() as session:
        user = User(username="m.jansen", display_name="Mila Jansen", role=Role.MENTOR)
        session.add(user)
        session.flush()
        mentor = Actor(user.id, user.username, user.display_name, user.role)
    _generate(store, mentor.user_id)
    rows = store.run(retention_figures, mentor, ON)
    assert [(r.year, r.destination, r.students) for r in rows] == [
        (2025, None, 2),
        (2025, WORK, 1),
        (2025, MBO, 1),
    ]
    assert rows[0].figures == _figures((1, 0, 1), (1, 1, 0), (0, 0, 0))
