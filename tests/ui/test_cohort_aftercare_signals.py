"""A signal a mentor raises in aftercare reaches the coordinator's cohort: the Aandacht filter
offers it and narrows the list to the former student, and the line above the list says it."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.core.validation import format_date, today
from app.models import AftercareCall, Destination, Role, User
from app.services.admin.retention import add_months
from app.services.aftercare import calls as aftercare_calls
from app.services.aftercare.calls import CallInput
from app.services.common.actor import Actor
from app.services.path import timeline
from app.services.students import student_file as students
from app.services.students.student_file import StudentInput
from tests.ui.helpers import main_window, new_school, workspace_for

PASSWORD = "nazorg-signaal-2026"


def _former_student(store, coordinator: Actor, mentor: Actor, first: str, las: str) -> int:
    """Left two months ago: the one-month call is overdue."""
    left = add_months(today(), -2)
    data = StudentInput(
        first_name=first,
        surname="Verhoeven",
        las_key=las,
        mentor_id=mentor.user_id,
        planned_outflow_date=format_date(left),
    )
    sid = store.run(students.create_student, coordinator, data)
    store.run(timeline.set_destination, coordinator, sid, Destination.DAGBESTEDING, "Hoeve", left)
    return sid


def _log_unreached(store, mentor: Actor, sid: int, on: date) -> None:
    with store.session() as session:
        call_id, version = session.execute(
            select(AftercareCall.id, AftercareCall.version)
            .where(AftercareCall.student_id == sid, AftercareCall.made_on.is_(None))
            .order_by(AftercareCall.due_date)
        ).first()
    data = CallInput(made_on=format_date(on), reached=False)
    store.run(aftercare_calls.log_call, mentor, call_id, version, data, on=on)


def test_a_mentors_third_unreachable_call_shows_in_the_coordinators_aandacht_filter(
    qtbot, tmp_path
) -> None:
    store, coordinator = new_school(tmp_path, PASSWORD)
    try:
        with store.session() as session:
            user = User(username="m.jansen", display_name="Mila Jansen", role=Role.MENTOR)
            session.add(user)
            session.flush()
            mentor = Actor(user.id, user.username, user.display_name, user.role)
        sem = _former_student(store, coordinator, mentor, "Sem", "400001")
        _former_student(store, coordinator, mentor, "Lotte", "400002")
        # Two attempts before; the retry of the second is due a week ago.
        _log_unreached(store, mentor, sem, today() - timedelta(days=21))
        _log_unreached(store, mentor, sem, today() - timedelta(days=14))

        # The mentor logs the third attempt from the worklist in the window.
        mentor_window = main_window(qtbot, workspace_for(store, mentor), tmp_path)
        nav = mentor_window.navigation
        nav.setCurrentRow(
            next(
                i
                for i in range(nav.count())
                if nav.item(i).data(Qt.ItemDataRole.UserRole) == "nazorg"
            )
        )
        worklist = mentor_window.areas["nazorg"].worklist
        row = next(
            i
            for i in range(worklist.model.rowCount())
            if worklist.model.row_at(i).student_id == sem
        )
        worklist.table.selectRow(row)
        dialog = worklist.log_selected()
        qtbot.addWidget(dialog)
        dialog.not_reached.setChecked(True)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == dialog.DialogCode.Accepted
        mentor_window.close()

        # The coordinator's start page: the cohort, with the new signal in its filter.
        window = main_window(qtbot, workspace_for(store, coordinator), tmp_path)
        window.refresh()
        cohort = window.cohort
        combo = cohort.combos["signal"]
        offered = [combo.itemText(i) for i in range(combo.count())]
        assert "Onbereikbaar" in offered
        assert "Uitgevallen" in offered  # every kind is offered, also when nobody raises it

        assert not cohort.aftercare_line.isHidden()
        assert "Onbereikbaar: 1" in cohort.aftercare_line.text()

        combo.setCurrentIndex(combo.findText("Onbereikbaar"))
        shown = [cohort.model.row_at(i) for i in range(cohort.model.rowCount())]
        assert [r.name for r in shown] == ["Sem Verhoeven"]
        assert "Onbereikbaar" in shown[0].signals

        # The line above the list leads to the same filter.
        combo.setCurrentIndex(0)
        assert cohort.model.rowCount() == 2
        cohort.aftercare_line.linkActivated.emit("Onbereikbaar")
        assert combo.currentText() == "Onbereikbaar"
        assert cohort.model.rowCount() == 1
    finally:
        store.dispose()
