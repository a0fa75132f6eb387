"""A whole meeting cycle in the window: plan a meeting, submit two students, compose the
agenda, record a case lead and two actions, move one case to the follow list, print the
agenda and the minutes, and read both PDFs back."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from app.core.validation import format_date, today
from app.models import ConsentScope, ListKind
from app.services.consent import register as consents
from app.services.meetings.area import choices
from app.services.path.overview import path_view
from app.ui.common.fields import set_combo_value
from app.ui.main_window import EXTRA_AREAS
from app.ui.meetings.student_tab import StudentMeetingsTab
from app.ui.meetings.view import MeetingsArea
from app.ui.student.window import SECTION_TABS
from tests.consent.helpers import consent_input, pdf_text
from tests.meetings.helpers import network, student
from tests.ui.helpers import new_school, workspace_for


def test_the_area_and_the_file_tab_are_registered() -> None:
    assert "overleg" in [area.key for area in EXTRA_AREAS]
    assert "overleg" in [tab.key for tab in SECTION_TABS]


def test_a_whole_meeting_cycle(qtbot, tmp_path, coordinator_password):
    store, coordinator = new_school(tmp_path, coordinator_password)
    try:
        ids = store.run(network)
        students = {}
        for first, surname in (("Noor", "Bakker"), ("Finn", "Claessen")):
            sid = store.run(student, first, surname, date(2006, 4, 2))
            store.run(
                consents.record_consent,
                coordinator,
                sid,
                consent_input(ids["rmc"], scopes=(ConsentScope.MEETING,), given_by_guardian=""),
            )
            students[first] = sid
        workspace = workspace_for(store, coordinator)
        area = MeetingsArea(workspace)
        qtbot.addWidget(area)

        # Plan the meeting three weeks ahead, with the RMC consulent at the table.
        found = store.run(choices, coordinator)
        dialog = area.meeting_dialog(found)
        dialog.place.setText("De Horizon, lokaal 12")
        set_combo_value(dialog.host, ids["rmc"])
        set_combo_value(dialog.chair, ids["consulent"])
        set_combo_value(dialog.secretary, ids["klantmanager"])
        for row in range(dialog.participants.count()):
            item = dialog.participants.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == ids["consulent"]:
                item.setCheckState(Qt.CheckState.Checked)
        dialog.submit()
        meeting_id = dialog.result_value
        assert meeting_id
        area.refresh()
        panel = area.panel
        assert panel.meeting_id == meeting_id
        panel.with_choices(lambda: None)  # what the first dialog loads
        held_on = today() + timedelta(days=21)

        # Submit two students before the deadline.
        questions = {
            "Noor": "Welke werkgever biedt beschut werk in Roermond?",
            "Finn": "Wie begeleidt Finn naar een bbl-plek?",
        }
        for first, question in questions.items():
            submission = panel.submission_dialog()
            set_combo_value(submission.student, students[first])
            submission.question.setPlainText(question)
            submission.submit()
            assert submission.result_value is not None, submission.problem.text()
            panel.reload()
        names = [row[1].student_name for row in panel.model.rows()]
        assert names == ["Noor Bakker", "Finn Claessen"]

        # Noor: a case lead and two actions; Finn: a plan, so the follow list.
        panel.table.selectRow(0)
        noor = panel.selected_case()
        record = panel.case_dialog(noor)
        record.note.setPlainText("Gemeente vraagt indicatie beschut werk aan.")
        set_combo_value(record.lead, ids["klantmanager"])
        record.submit()
        assert record.result_value, record.problem.text()
        panel.reload()
        due_dates = []
        for what, owner in (
            ("Indicatie beschut werk aanvragen", f"contact:{ids['klantmanager']}"),
            ("Proefplaatsing regelen", f"user:{coordinator.user_id}"),
        ):
            panel.table.selectRow(0)
            action = panel.action_dialog(panel.selected_case())
            action.what.setText(what)
            set_combo_value(action.owner, owner)
            action.submit()
            assert action.result_value, action.problem.text()
            due_dates.append(held_on + timedelta(days=28))
            panel.reload()
        panel.table.selectRow(1)
        finn = panel.selected_case()
        assert finn.student_name == "Finn Claessen"
        record = panel.case_dialog(finn)
        set_combo_value(record.lead, ids["consulent"])
        set_combo_value(record.list_kind, ListKind.FOLLOW)
        record.submit()
        assert record.result_value, record.problem.text()
        panel.reload()

        # Print agenda and minutes and read them back.
        panel.print_paper("agenda", tmp_path / "agenda.pdf")
        panel.print_paper("verslag", tmp_path / "verslag.pdf")
        agenda = pdf_text(tmp_path / "agenda.pdf")
        minutes = pdf_text(tmp_path / "verslag.pdf")
        for text in (agenda, minutes):
            assert "Noor Bakker" in text and "Finn Claessen" in text
            for question in questions.values():
                assert question in text
            assert "Bram Hendriks (Roermond)" in text
            assert "Indicatie beschut werk aanvragen" in text
            assert "Proefplaatsing regelen" in text
            assert format_date(due_dates[0]) in text
        assert "VERTROUWELIJK" in agenda
        assert "Volglijst" in minutes and "Actielijst" in minutes
        assert "Gemeente vraagt indicatie beschut werk aan." in minutes

        # One source of truth: the lists, the path and the student file agree.
        area.refresh()
        assert [c.student_name for c in area.active_model.rows()] == ["Noor Bakker"]
        assert [c.student_name for c in area.follow_model.rows()] == ["Finn Claessen"]
        lead = store.run(path_view, coordinator, students["Noor"]).phases[-1].lead_name
        assert lead == "Bram Hendriks"
        tab = StudentMeetingsTab(workspace, students["Noor"])
        qtbot.addWidget(tab)
        assert "regievoerder Bram Hendriks (Roermond)" in tab.summary.text()
        assert tab.table.rowCount() == 3  # the submission and two actions
    finally:
        store.dispose()
