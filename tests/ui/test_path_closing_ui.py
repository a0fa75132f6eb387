"""The warm hand-over dialog: pressing Opslaan on an empty form no longer closes the case of
a young person without a place; with a reason it does, and the reason shows in the path tab
and in the cohort, where the "Geen bestemming" flag stays."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.db import Store
from app.models import Destination, Phase, Student
from app.services.common.actor import Actor
from app.services.path import phases, timeline
from app.services.path.phases import PhaseInput
from app.services.students import student_file as students
from app.services.students.student_file import StudentInput
from app.ui.cohort.model import PHASE, SIGNALS
from tests.ui.helpers import main_window, new_school, workspace_for

PASSWORD = "traject-test-2026"


@pytest.fixture
def school(tmp_path: Path) -> Iterator[tuple[Store, Actor, int]]:
    """A student who left in July 2025: in aftercare, no case lead, no work or study."""
    store, coordinator = new_school(tmp_path, PASSWORD)
    student_id = store.run(
        students.create_student,
        coordinator,
        StudentInput(
            first_name="Lotte",
            surname="Mulder",
            las_key="500001",
            enrolment_date="20-08-2022",
            planned_outflow_date="10-07-2025",
        ),
    )
    with store.session() as session:
        session.get(Student, student_id).actual_outflow_date = date(2025, 7, 10)
    store.run(phases.add_phase, coordinator, student_id, PhaseInput("nazorg", "11-07-2025"))
    store.run(
        timeline.record_destination,
        coordinator,
        student_id,
        Destination.NOTHING.value,
        "",
        "01-09-2025",
        "",
        "gedrag_motivatie",
    )
    yield store, coordinator, student_id
    store.dispose()


def test_an_empty_warm_hand_over_does_not_close_a_case_without_a_place(
    school, qtbot, tmp_path: Path
) -> None:
    store, coordinator, student_id = school
    window = main_window(qtbot, workspace_for(store, coordinator), tmp_path)
    window.show()
    window.refresh()
    model = window.cohort.model
    assert model.data(model.index(0, PHASE)) == "Nazorg"
    file_window = window.open_student(student_id)
    qtbot.addWidget(file_window)
    path_tab = file_window.sections["traject"]

    # Warme overdracht…, then Opslaan at once.
    dialog = path_tab.hand_over()
    assert dialog.phase.currentData() == Phase.CLOSED.value
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() != QDialog.DialogCode.Accepted  # stays open
    assert dialog.isVisible()
    assert "Reden afsluiten" in dialog.problem.text()
    assert "geen plek" in dialog.problem.text()
    assert dialog.closing_reason.isVisible()
    assert dialog.closing_reason.property("invalid") is True
    assert path_tab.facts["phase"].text() == "Nazorg"
    assert model.data(model.index(0, PHASE)) == "Nazorg"
    assert "Geen bestemming" in model.data(model.index(0, SIGNALS))

    # With the reason typed (the date and phase still as they were), it closes.
    assert dialog.date.text() and dialog.phase.currentData() == Phase.CLOSED.value
    qtbot.keyClicks(dialog.closing_reason, "Verhuisd, gemeld bij het RMC")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert path_tab.facts["phase"].text() == (
        "Afgesloten\nReden afsluiten: Verhuisd, gemeld bij het RMC"
    )
    assert "Reden afsluiten: Verhuisd, gemeld bij het RMC" in [
        path_tab.timeline.topLevelItem(i).child(0).text(0)
        for i in range(path_tab.timeline.topLevelItemCount())
        if path_tab.timeline.topLevelItem(i).childCount()
    ]
    assert model.data(model.index(0, PHASE)) == "Afgesloten"
    assert "Geen bestemming" in model.data(model.index(0, SIGNALS))
    tooltip = model.data(model.index(0, SIGNALS), Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("Geen bestemming")
    assert tooltip.endswith("\nReden afsluiten: Verhuisd, gemeld bij het RMC")
    assert model.data(model.index(0, PHASE), Qt.ItemDataRole.ToolTipRole) == (
        "Reden afsluiten: Verhuisd, gemeld bij het RMC"
    )
