"""The Stages tab of the student file and the Stages work area, driven as a user would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.core.validation import today
from app.db import Store
from app.models import InternshipStatus
from app.services.common.actor import Actor
from app.services.internships import employers, evaluations
from app.services.internships.employers import ContactInput, EmployerInput, PlacesInput
from app.services.internships.planner import school_year_of
from app.services.students import student_file as students
from app.services.students.student_file import StudentInput
from app.ui.internships.student_tab import StudentInternshipsTab
from app.ui.internships.view import InternshipsArea
from app.ui.main_window import EXTRA_AREAS
from app.ui.student.window import SECTION_TABS
from app.ui.workspace import Workspace
from tests.ui.helpers import new_school, workspace_for

YEAR = school_year_of(today())


@pytest.fixture
def school(tmp_path: Path) -> Iterator[tuple[Store, Actor, Workspace]]:
    store, actor = new_school(tmp_path, "stages-test-2026")
    workspace = workspace_for(store, actor)
    yield store, actor, workspace
    store.dispose()


def _setup(store: Store, actor: Actor) -> tuple[int, int, int]:
    daan = store.run(
        students.create_student,
        actor,
        StudentInput(first_name="Daan", surname="Visser", class_name="V6A"),
    )
    sanne = store.run(
        students.create_student,
        actor,
        StudentInput(first_name="Sanne", surname="Kok", class_name="V6A"),
    )
    employer = store.run(
        employers.create_employer,
        actor,
        EmployerInput(
            name="Tuincentrum Groen",
            postcode="6041 AB",
            city="Roermond",
            sector="Groen en dieren",
            contacts=[ContactInput("Bram Kok", "praktijkbegeleider")],
            places=[PlacesInput(YEAR, "blokstage", 3)],
        ),
    )
    return daan, sanne, employer


def _date(month: int, day: int) -> str:
    year = YEAR if month >= 8 else YEAR + 1
    return f"{day:02d}-{month:02d}-{year}"


def _fill_internship(qtbot, dialog, employer: int, start: str, end: str, days=("ma", "di")) -> None:
    dialog.employer.setCurrentIndex(dialog.employer.findData(employer))
    dialog.kind.setCurrentIndex(dialog.kind.findData("blokstage"))
    dialog.start.clear()
    qtbot.keyClicks(dialog.start, start)
    qtbot.keyClicks(dialog.end, end)
    for day in days:
        dialog.day_boxes[day].setChecked(True)
    qtbot.keyClicks(dialog.hours, "12")
    qtbot.keyClicks(dialog.goals, "Op tijd komen en om hulp vragen.")


def test_areas_and_tabs_are_registered() -> None:
    area = next(area for area in EXTRA_AREAS if area.key == "stages")
    assert (area.label, area.load(), area.coordinator_only) == ("Stages", InternshipsArea, False)
    tab = next(tab for tab in SECTION_TABS if tab.key == "stages")
    assert (tab.label, tab.load()) == ("Stages", StudentInternshipsTab)


def test_plan_evaluate_break_off_from_the_file_and_plan_from_the_planner(
    school, qtbot, tmp_path: Path
) -> None:
    store, actor, workspace = school
    daan, sanne, employer = _setup(store, actor)

    area = InternshipsArea(workspace)
    qtbot.addWidget(area)
    area.show()
    area.refresh()  # as the main window does when the area is shown
    planner = area.planner
    assert {b.id for b in planner.without.rows()} == {daan, sanne}
    free = planner.free.rows()
    assert [(f.employer_name, f.free) for f in free] == [("Tuincentrum Groen", 3)]

    # --- from the student file ---
    tab = StudentInternshipsTab(workspace, daan)
    qtbot.addWidget(tab)
    tab.show()  # the tab reads its internships when first shown
    dialog = tab.plan()
    _fill_internship(qtbot, dialog, employer, _date(9, 1), _date(12, 20))
    assert dialog.supervisor.currentText() == "Bram Kok (Praktijkbegeleider)"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert tab.model.rowCount() == 1
    internship_id = tab.model.row_at(0).id

    # An overlapping one is refused in the dialog, which stays open with the message.
    second = tab.plan()
    _fill_internship(qtbot, second, employer, _date(10, 1), _date(11, 1), days=("di",))
    qtbot.mouseClick(second.save_button, Qt.MouseButton.LeftButton)
    assert second.result() != second.DialogCode.Accepted
    assert "dinsdag" in second.problem.text() and "overlappen" in second.problem.text()
    second.discard()  # dropped on purpose: nothing was saved
    assert tab.model.rowCount() == 1

    area.refresh()
    assert {b.id for b in planner.without.rows()} == {sanne}
    assert planner.free.rows()[0].free == 2

    # Start it, record an evaluation, then break it off with a reason.
    tab.select_row(internship_id)
    qtbot.mouseClick(tab.buttons["start"], Qt.MouseButton.LeftButton)
    tab.select_row(internship_id)
    assert tab.selected().status is InternshipStatus.RUNNING
    evaluation = tab.evaluate_selected()
    evaluation.on.clear()
    qtbot.keyClicks(evaluation.on, _date(10, 15))
    first_skill, box = next(iter(evaluation.scores.items()))
    box.setCurrentIndex(box.findData(3))
    qtbot.keyClicks(evaluation.supervisor_comment, "Werkt zorgvuldig.")
    qtbot.mouseClick(evaluation.save_button, Qt.MouseButton.LeftButton)
    assert evaluation.result() == evaluation.DialogCode.Accepted
    [stored] = store.run(evaluations.evaluations, actor, internship_id)
    assert [(s.competency_id, s.score) for s in stored.scores] == [(first_skill, 3)]
    tab.select_row(internship_id)
    assert "Werkt zorgvuldig." in tab.details.toPlainText()

    breaking = tab.break_off_selected()
    qtbot.mouseClick(breaking.save_button, Qt.MouseButton.LeftButton)  # no reason yet
    assert breaking.result() != breaking.DialogCode.Accepted
    assert "Reden" in breaking.problem.text()
    breaking.on.clear()
    qtbot.keyClicks(breaking.on, _date(11, 1))
    qtbot.keyClicks(breaking.reason, "Te zwaar werk voor de leerling.")
    qtbot.mouseClick(breaking.save_button, Qt.MouseButton.LeftButton)
    assert breaking.result() == breaking.DialogCode.Accepted
    assert tab.model.row_at(0).status is InternshipStatus.BROKEN_OFF
    assert tab.model.row_at(0).broken_off_reason == "Te zwaar werk voor de leerling."

    # The planner shows the change: the place is free again.
    area.refresh()
    assert planner.free.rows()[0].free == 3

    # --- from the planner: plan for Sanne, who has none ---
    planner.without_table.selectRow(0)
    planned = planner.plan_for_selected()
    assert planned.student_id() == sanne
    assert planned.start.text() == _date(8, 1)  # the period start, prefilled
    _fill_internship(qtbot, planned, employer, _date(9, 1), _date(10, 31))
    qtbot.mouseClick(planned.save_button, Qt.MouseButton.LeftButton)
    assert planned.result() == planned.DialogCode.Accepted, planned.problem.text()
    assert planner.without.rows() == [] or sanne not in {b.id for b in planner.without.rows()}
    assert any(r.student_id == sanne for r in planner.internships.rows())
    assert planner.free.rows()[0].free == 2
    assert "stages" in planner.summary.text()

    # Filters: another sector shows no internships.
    planner.sector.setCurrentIndex(planner.sector.findData("Horeca"))
    assert planner.internships.rowCount() == 0


def test_employer_network_catches_a_duplicate_and_merges(school, qtbot) -> None:
    store, actor, workspace = school
    _daan, _sanne, employer = _setup(store, actor)
    area = InternshipsArea(workspace)
    qtbot.addWidget(area)
    area.show()
    area.refresh()
    area.tabs.setCurrentIndex(1)
    tab = area.employers
    assert tab.model.rowCount() == 1

    dialog = tab.new_employer()
    qtbot.keyClicks(dialog.name, "tuincentrum groen")
    qtbot.keyClicks(dialog.postcode, "6041ab")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "staat al in het netwerk" in dialog.problem.text()
    assert dialog.save_button.text() == "Toch toevoegen"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert tab.model.rowCount() == 2

    keep = next(n for n, r in enumerate(tab.model.rows()) if r.id == employer)
    tab.table.selectRow(tab.proxy.mapFromSource(tab.model.index(keep, 0)).row())
    other = next(r.id for r in tab.model.rows() if r.id != employer)
    tab.merge_selected(duplicate_id=other)
    assert [r.id for r in tab.model.rows()] == [employer]

    tab.table.selectRow(0)
    opened = tab.open_selected()
    assert opened.name.text() == "Tuincentrum Groen"
    assert opened.contacts.rowCount() == 1


def test_transition_internship_ends_with_a_contract_in_one_step(school, qtbot) -> None:
    from app.models import Destination, TransitionPath

    store, actor, workspace = school
    daan, _sanne, employer = _setup(store, actor)
    tab = StudentInternshipsTab(workspace, daan)
    qtbot.addWidget(tab)
    tab.show()
    dialog = tab.plan()
    _fill_internship(qtbot, dialog, employer, _date(9, 1), _date(6, 26))
    dialog.kind.setCurrentIndex(dialog.kind.findData("transitiestage"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.problem.text()
    internship_id = tab.model.row_at(0).id
    tab.select_row(internship_id)
    qtbot.mouseClick(tab.buttons["start"], Qt.MouseButton.LeftButton)
    tab.select_row(internship_id)

    done = tab.complete_selected()
    done.outcome.setCurrentIndex(done.outcome.findData("contract_aangeboden"))
    assert done.to_destination.isChecked()  # a contract offers the one-step destination
    done.destination.setCurrentIndex(done.destination.findData("werk_banenafspraak"))
    done.on.clear()
    qtbot.keyClicks(done.on, _date(7, 1))
    qtbot.mouseClick(done.save_button, Qt.MouseButton.LeftButton)
    assert done.result() == done.DialogCode.Accepted, done.problem.text()

    assert tab.model.row_at(0).status is InternshipStatus.COMPLETED
    assert tab.model.row_at(0).outcome == "contract_aangeboden"
    with store.session() as s:
        path = s.query(TransitionPath).filter_by(student_id=daan).one()
        assert path.destination is Destination.WORK_BANENAFSPRAAK
        assert path.destination_place == "Tuincentrum Groen"
