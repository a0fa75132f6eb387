"""The Nazorg → Bestendiging table: no "100 %" for a year whose leavers are all unknown,
and no percentage at all under five known former students."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from app.db import Store
from app.models import AftercareCall, AftercarePlan, Destination, Still, Student
from app.services.aftercare.retention import RetentionFigure, retention_figures
from app.services.common.actor import Actor
from app.ui.aftercare.retention import RetentionModel, figure_text


def _leaver(session, name: str, left: date, answer: Still) -> None:
    student = Student(first_name=name, surname="Oud", actual_outflow_date=left)
    session.add(student)
    session.flush()
    session.add(
        AftercarePlan(
            student_id=student.id,
            outflow_date=left,
            ends_on=date(left.year + 2, left.month, left.day),
            destination=Destination.REGULAR_WORK,
        )
    )
    session.add(
        AftercareCall(
            student_id=student.id,
            due_date=date(left.year + 1, 1, left.day),
            months_after_outflow=6,
            made_on=date(left.year + 1, 1, left.day),
            reached=True,
            still_at_destination=answer,
        )
    )


def test_a_year_of_only_unknowns_shows_no_percentage(
    qtbot, store: Store, coordinator: Actor
) -> None:
    with store.session() as session:
        # 2024: Jan and Kim were reached, but nobody could say where they are.
        _leaver(session, "Jan", date(2024, 7, 5), Still.UNKNOWN)
        _leaver(session, "Kim", date(2024, 7, 5), Still.UNKNOWN)
        # 2023: Lot and Mo are both still at work: two of two, still no "100 %".
        _leaver(session, "Lot", date(2023, 7, 5), Still.SAME)
        _leaver(session, "Mo", date(2023, 7, 5), Still.SAME)
    rows = store.run(retention_figures, coordinator, date(2026, 9, 1))
    model = RetentionModel()
    model.set_rows(rows)
    shown = [
        model.data(model.index(r, 3), Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())
    ]
    assert not any("100 %" in text for text in shown)
    assert shown[0] == "— (n=0, 2 onbekend)"  # 2024, all destinations: Jan, Kim
    assert "— (n=2)" in shown  # 2023: Lot, Mo


def test_five_known_former_students_show_a_percentage() -> None:
    assert figure_text(RetentionFigure(6, placed=4, dropped=1, unknown=1)) == (
        "80 % (n=5, 1 onbekend)"
    )
    assert figure_text(RetentionFigure(6, placed=4, dropped=0)) == "— (n=4)"
