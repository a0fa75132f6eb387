"""The Profile and Path tabs in the student file, and the cohort columns they change."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.db import Store
from app.models import Destination, Factor, ItemScale, Phase
from app.services.common.actor import Actor
from app.services.profile import assessments, items
from app.services.profile.assessments import AssessmentInput, ScoreInput
from app.services.students import student_file as students
from app.services.students.student_file import StudentInput
from app.ui.cohort.model import DESTINATION, PHASE, SIGNALS
from app.ui.main_window import MainWindow
from tests.ui.helpers import main_window, new_school, workspace_for

PASSWORD = "profiel-test-2026"


@pytest.fixture
def school(tmp_path: Path) -> Iterator[tuple[Store, Actor, int]]:
    store, coordinator = new_school(tmp_path, PASSWORD)
    student_id = store.run(
        students.create_student,
        coordinator,
        StudentInput(
            first_name="Lotte",
            surname="Mulder",
            las_key="500001",
            enrolment_date="20-08-2022",
            planned_outflow_date="10-07-2026",
        ),
    )
    yield store, coordinator, student_id
    store.dispose()


def _window(qtbot, store: Store, actor: Actor, tmp_path: Path) -> MainWindow:
    window = main_window(qtbot, workspace_for(store, actor), tmp_path)
    window.show()
    window.refresh()
    return window


def _cohort_cell(window: MainWindow, column: int) -> str:
    model = window.cohort.model
    return model.data(model.index(0, column))


def _save(qtbot, dialog: QDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_record_compare_set_destination_and_see_the_cohort_change(
    school, qtbot, tmp_path: Path
) -> None:
    store, coordinator, student_id = school
    denken = [i for i in store.run(items.list_items, coordinator) if i.factor is Factor.DENKEN]
    store.run(
        assessments.record_assessment,
        coordinator,
        student_id,
        AssessmentInput(assessed_on="01-09-2025", scores=(ScoreInput(denken[0].id, 1, "net"),)),
    )
    window = _window(qtbot, store, coordinator, tmp_path)
    assert (_cohort_cell(window, PHASE), _cohort_cell(window, DESTINATION)) == ("Oriëntatie", "")
    assert "Geen regievoerder" in _cohort_cell(window, SIGNALS)
    file_window = window.open_student(student_id)
    qtbot.addWidget(file_window)
    tab = file_window.sections["profiel"]
    assert tab.quadrants[Factor.DENKEN].rows()[0] == (denken[0].label, "Lukt nog niet", "net")

    # Record a new assessment: it starts from the newest, with today's date.
    dialog = tab.new_assessment()
    assert dialog.score_combos[denken[0].id].currentData() == 1
    dialog.date.setText("15-02-2026")
    combo = dialog.score_combos[denken[0].id]
    combo.setCurrentIndex(combo.findData(3))
    dialog.note_edits[denken[0].id].setText("gaat beter")
    qtbot.keyClicks(dialog.wish_job, "Hovenier")
    _save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert tab.history.count() == 2 and "nieuwste" in tab.history.itemText(0)
    assert tab.quadrants[Factor.DENKEN].rows()[0] == (
        denken[0].label,
        "Lukt met een beetje hulp",
        "gaat beter",
    )
    assert tab.wish_job.text() == "Hovenier"

    # Compare it with the older one: the changed lines are marked.
    compare = tab.compare()
    assert compare.comparison.older.assessed_on.year == 2025
    assert denken[0].label in compare.changed_rows()
    assert "Wensbaan" in compare.changed_rows()
    assert denken[1].label not in compare.changed_rows()
    compare.only_changes.setChecked(True)
    assert compare.table.rowCount() == len(compare.changed_rows()) == 2
    compare.reject()

    # The path: a new phase with a case lead, then the destination.
    path_tab = file_window.sections["traject"]
    phase_dialog = path_tab.new_phase()
    phase_dialog.phase.setCurrentIndex(
        phase_dialog.phase.findData(Phase.TRANSITION_INTERNSHIP.value)
    )
    phase_dialog.start.setText("01-09-2025")
    phase_dialog.end.setText("01-08-2025")
    phase_dialog.lead_name.setText("Ahmed Koç")
    _save(qtbot, phase_dialog)
    assert phase_dialog.result() != QDialog.DialogCode.Accepted  # stays open, field marked
    assert "Einddatum" in phase_dialog.problem.text()
    assert phase_dialog.end.property("invalid") is True
    phase_dialog.end.clear()
    _save(qtbot, phase_dialog)
    assert phase_dialog.result() == QDialog.DialogCode.Accepted
    assert _cohort_cell(window, PHASE) == "Transitiestage"
    assert "Geen regievoerder" not in _cohort_cell(window, SIGNALS)

    destination = path_tab.set_destination()
    destination.destination.setCurrentIndex(
        destination.destination.findData(Destination.WORK_BANENAFSPRAAK.value)
    )
    qtbot.keyClicks(destination.place, "Jumbo Venlo")
    destination.date.setText("01-08-2026")
    _save(qtbot, destination)
    assert destination.result() == QDialog.DialogCode.Accepted
    assert _cohort_cell(window, DESTINATION) == "Werk met banenafspraak"
    assert path_tab.facts["destination"].text() == "Werk met banenafspraak — Jumbo Venlo"
    assert path_tab.timeline_titles()[0] == "Bestemming: Werk met banenafspraak — Jumbo Venlo"

    fall_back = path_tab.fall_back()
    fall_back.date.setText("01-10-2026")
    fall_back.reason.setPlainText("Contract niet verlengd")
    _save(qtbot, fall_back)
    assert _cohort_cell(window, DESTINATION) == "Geen werk of studie"
    assert path_tab.timeline_titles()[:2] == [
        "Terugval uit Werk met banenafspraak — Jumbo Venlo",
        "Bestemming: Werk met banenafspraak — Jumbo Venlo",
    ]

    # The one-page profile, saved from the tab.
    target = tmp_path / "profiel.pdf"
    tab.save_pdf(str(target))
    assert target.read_bytes().startswith(b"%PDF")


def test_the_cohort_filters_on_a_signal(school, qtbot, tmp_path: Path) -> None:
    store, coordinator, _student_id = school
    store.run(
        students.create_student,
        coordinator,
        StudentInput(first_name="Bram", surname="Aalbers", las_key="500002"),
    )
    window = _window(qtbot, store, coordinator, tmp_path)
    combo = window.cohort.combos["signal"]
    assert combo.findText("Geen transitiestage") > 0
    combo.setCurrentIndex(combo.findText("Geen transitiestage"))
    model = window.cohort.model
    assert [model.row_at(i).name for i in range(model.rowCount())] == ["Lotte Mulder"]


def test_beheer_manages_profile_items(school, qtbot, tmp_path: Path) -> None:
    store, coordinator, _student_id = school
    window = _window(qtbot, store, coordinator, tmp_path)
    admin = window.admin
    index = next(i for i in range(admin.tabs.count()) if admin.tabs.tabText(i) == "Profielitems")
    tab = admin.tabs.widget(index)
    window.navigation.setCurrentRow(window.navigation.count() - 1)
    admin.tabs.setCurrentIndex(index)
    assert tab.tree.topLevelItemCount() == 4
    doen = tab.tree.topLevelItem(1)
    tab.tree.setCurrentItem(doen)
    tab.add_item("Heftruck rijden")
    doen = tab.tree.topLevelItem(1)
    added = doen.child(doen.childCount() - 1)
    assert added.text(0) == "Heftruck rijden"
    tab.tree.setCurrentItem(added)
    tab.move_selected(-1)
    doen = tab.tree.topLevelItem(1)
    assert doen.child(doen.childCount() - 2).text(0) == "Heftruck rijden"
    tab.rename_selected("Heftruck en palletwagen")
    tab.toggle_retired()
    assert tab.selected().retired and tab.retire_button.text() == "Weer gebruiken"
    assert tab.selected().label == "Heftruck en palletwagen"
    # What the item measures, shown beside it and used for its scores.
    assert tab.selected().scale is ItemScale.SKILL
    tab.choose_scale(ItemScale.SUPPORT)
    assert tab.selected().scale is ItemScale.SUPPORT
    assert tab.tree.currentItem().text(2) == "Steun die nodig is"


def test_the_profile_tab_scores_a_support_item_in_support_words(
    school, qtbot, tmp_path: Path
) -> None:
    store, coordinator, student_id = school
    zijn = {i.label: i for i in store.run(items.list_items, coordinator) if i.factor is Factor.ZIJN}
    support = zijn["Steun van gezin en netwerk"]
    store.run(
        assessments.record_assessment,
        coordinator,
        student_id,
        AssessmentInput(assessed_on="01-09-2025", scores=(ScoreInput(support.id, 1, ""),)),
    )
    window = _window(qtbot, store, coordinator, tmp_path)
    file_window = window.open_student(student_id)
    qtbot.addWidget(file_window)
    tab = file_window.sections["profiel"]
    assert tab.quadrants[Factor.ZIJN].rows()[0] == (support.label, "Veel steun nodig", "")
    # The assessment dialog offers that item the support scale, not "Lukt ...".
    dialog = tab.new_assessment()
    combo = dialog.score_combos[support.id]
    offered = [combo.itemText(i) for i in range(combo.count())]
    assert "4  Weinig steun nodig" in offered
    assert not any("Lukt" in text for text in offered)
    dialog.reject()
