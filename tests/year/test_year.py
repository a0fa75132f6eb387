"""One school year and the two after it, as a coordinator and two mentors live it (issue 21).

The steps run in file order on one school per database (see conftest.py); each moves the
app's clock to its day, does what the user does (in the window where a user uses the
window, on the command line where a user types a command) and checks what the user sees and
what is stored.
"""

from __future__ import annotations

import inspect
import unicodedata
from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWizard
from sqlalchemy import func, select

from app.demo.las_files import csv_document, edexml_document, generate_students
from app.demo.year import calendar as cast
from app.demo.year.calendar import Calendar
from app.models import (
    AftercareCall,
    AftercarePlan,
    Consent,
    ConsentScope,
    DecisionRole,
    Destination,
    ExportLog,
    Factor,
    Internship,
    InternshipStatus,
    ListKind,
    MeetingCase,
    ProfileAssessment,
    Student,
)
from app.services.internships import employers
from app.services.internships.employers import ContactInput, EmployerInput, PlacesInput
from app.services.meetings import actions, bottlenecks
from app.services.meetings.area import choices
from app.services.path import timeline
from app.services.path.overview import path_view
from app.services.students import student_file as students
from app.ui.common.fields import set_combo_value
from app.ui.las_import.dialog import LasImportDialog
from app.ui.las_import.model import DETAILS
from app.ui.meetings.view import MeetingsArea
from app.ui.startup import StartupController
from app.ui.tasks import TaskRunner
from tests.consent.helpers import PDF, pdf_text
from tests.meetings.helpers import network
from tests.year.story import COORDINATOR, MENTOR_A, MENTOR_B, PASSWORDS, Year

pytestmark = pytest.mark.xdist_group("year")

YEAR = Calendar(2026)  # the school year the test lives (app.demo.year: the demo's too)
SEPTEMBER = YEAR.september
LEAVING = YEAR.leaving


def cohort(reference: date = SEPTEMBER) -> list:
    """The school's outflow cohort in the LAS: six leave in July 2027, one a year later."""
    people = generate_students(7, seed=21, reference=reference)
    return [
        replace(
            p, leaving_date=LEAVING if n < 6 else YEAR.next_year_leaving, birth_date=p.birth_date
        )
        for n, p in enumerate(people)
    ]


def full_name(person) -> str:
    return " ".join(p for p in (person.first_name, person.prefix, person.surname) if p)


def names(window) -> list[str]:
    model = window.cohort.model
    return [model.row_at(i).name for i in range(model.rowCount())]


# --- September ----------------------------------------------------------------------------


def step_01_first_start_of_a_new_school(year: Year, qtbot) -> None:
    year.on(SEPTEMBER)
    settings = QSettings(str(year.folder / "first.ini"), QSettings.Format.IniFormat)
    shown: list[str] = []
    controller = StartupController(
        year.url,
        settings,
        TaskRunner(synchronous=True),
        show_recovery_key=lambda _parent, key, _school: shown.append(key),
    )
    try:
        controller.start()
        qtbot.addWidget(controller.login)
        wizard = controller.wizard
        assert wizard is not None, "an empty database starts the first-run wizard"
        qtbot.addWidget(wizard)
        wizard.next()  # an empty school, not the demo
        qtbot.keyClicks(wizard.school.name, "De Horizon")
        qtbot.keyClicks(wizard.school.brin, "12ab")
        wizard.next()
        qtbot.keyClicks(wizard.account.username, COORDINATOR)
        qtbot.keyClicks(wizard.account.display_name, cast.COORDINATOR_NAME)
        qtbot.keyClicks(wizard.account.password, PASSWORDS[COORDINATOR])
        qtbot.keyClicks(wizard.account.repeat, PASSWORDS[COORDINATOR])
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )
        window = controller.main_window
        assert window is not None and window.isVisible()
        qtbot.addWidget(window)
        assert window.cohort.model.total == 0
        assert window.workspace.actor.username == COORDINATOR
        # The embedded file is encrypted: its recovery key is shown once; a server has none.
        assert len(shown) == (1 if year.database == "sqlite" else 0)
        window.close()
    finally:
        controller.close_database()


def step_02_two_mentor_accounts_on_the_command_line(year: Year) -> None:
    year.on(SEPTEMBER)
    for username, name in ((MENTOR_A, cast.MENTOR_A[1]), (MENTOR_B, cast.MENTOR_B[1])):
        added = year.cli(
            COORDINATOR,
            "users", "add", username, "--name", name, "--role", "mentor",
            new_password=PASSWORDS[username],
        )  # fmt: skip
        assert added.code == 0, added.err
    listed = year.cli(COORDINATOR, "users", "list")
    assert listed.code == 0, listed.err
    assert "Jeroen Bosman" in listed.out and "Fatima El Amrani" in listed.out
    # A mentor may not manage accounts: exit code 5 with the Dutch reason.
    refused = year.cli(MENTOR_A, "users", "list")
    assert refused.code == 5
    assert refused.err == "koers: Alleen een uitstroomcoördinator kan dit doen.\n"
    year.ids["mentor_a"] = year.login(MENTOR_A)[1].user_id
    year.ids["mentor_b"] = year.login(MENTOR_B)[1].user_id


def step_03_the_cohort_from_the_edexml_export(year: Year, qtbot) -> None:
    year.on(SEPTEMBER)
    window = year.window(qtbot, COORDINATOR)
    file = year.folder / "parnassys-september.xml"
    file.write_bytes(edexml_document(cohort(), peildatum=SEPTEMBER))
    dialog = LasImportDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    dialog.imported.connect(lambda _r: window.refresh())
    dialog.load_file(str(file))
    assert dialog.preview is not None and dialog.preview.can_apply
    assert dialog.model.rowCount() == 7
    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert "7 nieuw, 0 bijgewerkt" in dialog.summary.text()
    assert window.cohort.model.total == 7
    people = cohort()
    expected = {full_name(p) for p in people}
    assert set(names(window)) == expected, names(window)
    with year.store().session() as session:
        stored = {s.las_key: s for s in session.scalars(select(Student))}
        assert {p.key for p in people} == set(stored)
        assert all(
            s.planned_outflow_date == p.leaving_date for p in people for s in [stored[p.key]]
        )


def step_04_a_week_later_the_changed_csv(year: Year) -> None:
    year.on(YEAR.changed_csv)
    people = cohort()
    moved, later = people[1], people[2]
    people[1] = replace(moved, group="V5A" if moved.group != "V5A" else "V4A")
    people[2] = replace(later, leaving_date=YEAR.later_leaving)
    newcomer = generate_students(1, seed=77, reference=SEPTEMBER)[0]
    people.append(replace(newcomer, key="799001", leaving_date=LEAVING))
    file = year.folder / "parnassys-week-2.csv"
    file.write_bytes(csv_document(people))
    done = year.cli(COORDINATOR, "import", "auto", str(file))
    assert done.code == 0, done.err
    # The CSV brings what EDEXML has no elements for (parents, woonplaats, municipality),
    # so every known student changes; the class and the leaving date are named as changes.
    assert "Ingelezen: 1 nieuw, 7 bijgewerkt, 0 ongewijzigd" in done.out, done.out
    lines = {line.split()[1]: line for line in done.out.splitlines() if line.startswith(" ")}
    assert "Klas: " in lines[moved.key] and "Klas: " not in lines[later.key]
    assert "Geplande uitstroomdatum: 09-07-2027 → 20-12-2027" in lines[later.key]
    assert lines["799001"].split()[0] == "Nieuw"
    listed = year.cli(COORDINATOR, "students", "--format", "csv")
    assert listed.code == 0, listed.err
    assert "799001" in listed.out
    with year.store().session() as session:
        stored = {s.las_key: s for s in session.scalars(select(Student))}
        assert len(stored) == 8
        assert stored[later.key].planned_outflow_date == YEAR.later_leaving
        assert stored[moved.key].class_name == ("5A" if moved.group != "V5A" else "4A")
        assert stored[moved.key].guardians, "the CSV's parent is added"
        year.ids.update({f"student_{n}": stored[p.key].id for n, p in enumerate(people)})


# --- Autumn -------------------------------------------------------------------------------


def step_05_the_coordinator_gives_each_student_a_mentor(year: Year, qtbot) -> None:
    year.on(YEAR.mentors)
    window = year.window(qtbot, COORDINATOR)
    plan = {0: "mentor_a", 1: "mentor_a", 3: "mentor_b", 4: "mentor_b", 5: "mentor_b"}
    for n, who in plan.items():
        file_window = window.open_student(year.ids[f"student_{n}"])
        qtbot.addWidget(file_window)
        combo = file_window.personalia.widgets["mentor_id"]
        combo.setCurrentIndex(combo.findData(year.ids[who]))
        qtbot.mouseClick(file_window.save_button, Qt.MouseButton.LeftButton)
        assert not file_window.is_dirty()
    # Each mentor's cohort holds only their own students.
    for who, mine in (("mentor_a", {0, 1}), ("mentor_b", {3, 4, 5})):
        username = MENTOR_A if who == "mentor_a" else MENTOR_B
        mentor_window = year.window(qtbot, username)
        model = mentor_window.cohort.model
        assert {model.row_at(i).id for i in range(model.rowCount())} == {
            year.ids[f"student_{n}"] for n in mine
        }
    # The mother of the first student speaks Arabic (typed by the coordinator from the
    # intake form); an interpreter comes to the conversations.
    store, coordinator = year.login(COORDINATOR)
    first = year.ids["student_0"]
    opened = store.run(students.open_student_file, coordinator, first)
    mother = replace(opened.input.guardians[0], language="Arabisch", needs_interpreter=True)
    data = replace(opened.input, guardians=[mother])
    store.run(students.save_student, coordinator, first, opened.version, data)


def step_06_profile_wish_and_chance_job_and_a_key_decision(year: Year, qtbot) -> None:
    year.on(YEAR.profile)
    window = year.window(qtbot, MENTOR_A)
    file_window = window.open_student(year.ids["student_0"])
    qtbot.addWidget(file_window)
    tab = file_window.sections["profiel"]
    dialog = tab.new_assessment()
    assert dialog.date.text() == "05-10-2026", "a new assessment is dated today"
    chosen = {}
    for factor in Factor:
        item = next(i for i in tab.overview.items if i.factor is factor)
        combo = dialog.score_combos[item.id]
        combo.setCurrentIndex(combo.findData(3))
        dialog.note_edits[item.id].setText(f"{factor.value}: gaat goed")
        chosen[factor] = (item, combo.currentText().split("  ", 1)[-1])  # "3  Lukt..."
    qtbot.keyClicks(dialog.wish_job, cast.WISH_JOB)
    qtbot.keyClicks(dialog.chance_job, cast.CHANCE_JOB)
    dialog.parents_present.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    for factor, (item, score) in chosen.items():
        assert tab.quadrants[factor].rows()[0] == (item.label, score, f"{factor.value}: gaat goed")
    assert (tab.wish_job.text(), tab.chance_job.text()) == (
        cast.WISH_JOB,
        cast.CHANCE_JOB,
    )

    decision = tab.edit_decision(None)
    decision.date.setText("12-10-2026")
    decision.text.setPlainText(cast.KEY_DECISION)
    for role in (DecisionRole.STUDENT, DecisionRole.PARENT, DecisionRole.MENTOR):
        decision.rows[role][0].setChecked(True)
    qtbot.mouseClick(decision.save_button, Qt.MouseButton.LeftButton)
    assert decision.result() == QDialog.DialogCode.Accepted
    assert tab.decisions.rowCount() == 1
    assert tab.decisions.item(0, 0).text() == "12-10-2026"
    assert "Transitiestage" in tab.decisions.item(0, 1).text()
    with year.store().session() as session:
        [stored] = session.scalars(
            select(ProfileAssessment).where(ProfileAssessment.student_id == year.ids["student_0"])
        ).all()
        assert stored.assessed_on == YEAR.profile and stored.parents_present
        assert stored.created_by_id == year.ids["mentor_a"]


def step_07_advisory_conversation_with_parents_and_interpreter(year: Year, qtbot) -> None:
    year.on(YEAR.conversation)
    window = year.window(qtbot, MENTOR_A)
    file_window = window.open_student(year.ids["student_0"])
    qtbot.addWidget(file_window)
    tab = file_window.sections["gesprekken"]
    tab.show()
    dialog = tab.new_conversation()
    qtbot.waitUntil(dialog.isVisible)
    dialog.kind.setCurrentIndex(dialog.kind.findData("adviesgesprek"))
    assert dialog.date.text() == "19-10-2026"
    qtbot.keyClicks(dialog.time, "15:30")
    qtbot.keyClicks(dialog.place, "De Horizon, lokaal 4")
    participants = dialog.participants
    people = [p.name for p in participants.collect()]
    assert people[-1] == "Jeroen Bosman" and len(people) == 3, people
    mother = people[1]
    qtbot.mouseClick(participants.add_button, Qt.MouseButton.LeftButton)
    participants.table.item(3, 0).setText(cast.INTERPRETER)
    role = participants.table.cellWidget(3, 1)
    role.setCurrentIndex(role.findData("tolk"))
    dialog.status.setCurrentIndex(dialog.status.findData("gehouden"))
    for row in range(4):
        participants.table.item(row, 3).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(dialog.summary, cast.CONVERSATION_SUMMARY)
    qtbot.keyClicks(dialog.advice, cast.CONVERSATION_ADVICE)
    editor = dialog.agreements
    for n, (who, what, due) in enumerate(
        [
            ("School", "Zoekt een transitiestage bij een garage", "30-11-2026"),
            ("Moeder", "Meldt zich bij het wijkteam", "02-11-2026"),
        ]
    ):
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
        editor.table.item(n, editor.WHO).setText(who)
        editor.table.item(n, editor.WHAT).setText(what)
        editor.table.item(n, editor.DUE).setText(due)
    owner = editor.table.cellWidget(0, editor.OWNER)
    owner.setCurrentIndex(owner.findData(year.ids["mentor_a"]))
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 1 and tab.model.row_at(0).open_agreements == 2
    conversation = tab.model.row_at(0).id
    year.ids["conversation"] = conversation
    # The mother's language is offered first for the parent report.
    assert tab.language_box.itemText(0) == f"Voor {mother}: Nederlands en Arabisch"

    # The parent report, printed from the command line in the parents' language.
    target = year.folder / "verslag-ouders.pdf"
    printed = year.cli(
        MENTOR_A, "export", "parent-report", "--conversation", str(conversation),
        "--out", str(target),
    )  # fmt: skip
    assert printed.code == 0, printed.err
    assert "(Nederlands en Arabisch)" in printed.out
    text = unicodedata.normalize("NFKC", pdf_text(target))
    assert "Verslag van ons gesprek" in text and "gemaakt op 19-10-2026" in text
    assert "تقرير" in text and "محادثتنا" in text  # the Arabic title under the Dutch
    assert "Meldt zich bij het wijkteam" in text and cast.INTERPRETER in text
    with year.store().session() as session:
        logged = session.scalars(
            select(ExportLog).where(ExportLog.student_id == year.ids["student_0"])
        ).all()
        assert [e.what for e in logged] == ["oudergespreksverslag"]


def step_08_internships_planned_evaluated_and_one_broken_off(year: Year, qtbot) -> None:
    year.on(YEAR.internships_planned)
    store, coordinator = year.login(COORDINATOR)
    garage = store.run(
        employers.create_employer,
        coordinator,
        EmployerInput(
            name=cast.GARAGE,
            postcode="6041 AB",
            city="Roermond",
            sector="Metaal en techniek",
            contacts=[ContactInput(cast.GARAGE_SUPERVISOR, "praktijkbegeleider")],
            places=[PlacesInput(2026, "blokstage", 2), PlacesInput(2026, "transitiestage", 1)],
        ),
    )
    year.ids["garage"] = garage
    window = year.window(qtbot, MENTOR_A)
    rows = {}
    for n in (0, 1):
        file_window = window.open_student(year.ids[f"student_{n}"])
        qtbot.addWidget(file_window)
        tab = file_window.sections["stages"]
        tab.show()
        dialog = tab.plan()
        dialog.employer.setCurrentIndex(dialog.employer.findData(garage))
        dialog.kind.setCurrentIndex(dialog.kind.findData("blokstage"))
        dialog.start.setText("21-09-2026")
        dialog.end.setText("18-12-2026")
        dialog.day_boxes["ma" if n == 0 else "di"].setChecked(True)
        qtbot.keyClicks(dialog.hours, "8")
        qtbot.keyClicks(dialog.goals, cast.BLOCK_GOALS)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.problem.text()
        internship = tab.model.row_at(0).id
        tab.select_row(internship)
        qtbot.mouseClick(tab.buttons["start"], Qt.MouseButton.LeftButton)
        rows[n] = (tab, internship)

    year.on(YEAR.evaluation)
    tab, internship = rows[0]
    tab.select_row(internship)
    evaluation = tab.evaluate_selected()
    assert evaluation.on.text() == "02-11-2026"
    _skill, box = next(iter(evaluation.scores.items()))
    box.setCurrentIndex(box.findData(3))
    qtbot.keyClicks(evaluation.supervisor_comment, cast.EVALUATION_COMMENT)
    qtbot.mouseClick(evaluation.save_button, Qt.MouseButton.LeftButton)
    assert evaluation.result() == QDialog.DialogCode.Accepted
    tab.select_row(internship)
    assert cast.EVALUATION_COMMENT in tab.details.toPlainText()

    tab, internship = rows[1]
    tab.select_row(internship)
    breaking = tab.break_off_selected()
    assert breaking.on.text() == "02-11-2026"
    qtbot.keyClicks(breaking.reason, cast.BROKEN_OFF_REASON)
    qtbot.mouseClick(breaking.save_button, Qt.MouseButton.LeftButton)
    assert breaking.result() == QDialog.DialogCode.Accepted
    assert tab.model.row_at(0).status is InternshipStatus.BROKEN_OFF
    with year.store().session() as session:
        stopped = session.get(Internship, internship)
        assert stopped.broken_off_on == YEAR.evaluation
        assert stopped.broken_off_reason == cast.BROKEN_OFF_REASON


# --- The outflow meetings -----------------------------------------------------------------


def record_consent(year: Year, qtbot, n: int, organisation: str, scopes, given_on: date) -> None:
    """The coordinator records a signed consent in the student's Toestemming tab."""
    window = year.window(qtbot, COORDINATOR)
    file_window = window.open_student(year.ids[f"student_{n}"])
    qtbot.addWidget(file_window)
    tab = file_window.sections["toestemming"]
    tab.show()
    dialog = tab.open_consent_dialog(given_on=given_on)
    dialog.recipient.setCurrentIndex(dialog.recipient.findData(year.ids[organisation]))
    for scope, box in dialog.scopes.items():
        box.setChecked(scope in scopes)
    if dialog.guardian.count() > 1:
        dialog.guardian.setCurrentIndex(1)  # the parent in the file signs as well
    dialog.set_scan("toestemming.pdf", PDF)
    dialog.save()
    assert dialog.saved_id is not None, dialog.problem.text()
    assert tab.message.text() == "Toestemming vastgelegd."
    return dialog.saved_id


def step_09_first_outflow_meeting(year: Year, qtbot) -> None:
    year.on(YEAR.submissions)
    year.ids.update(year.store().run(network))
    area = MeetingsArea(year.window(qtbot, COORDINATOR).workspace)
    qtbot.addWidget(area)
    store, coordinator = year.login(COORDINATOR)
    dialog = area.meeting_dialog(store.run(choices, coordinator))
    assert dialog.held_on.text() == "16-11-2026"  # three weeks ahead by default
    dialog.place.setText(cast.MEETING_PLACE)
    set_combo_value(dialog.host, year.ids["rmc"])
    set_combo_value(dialog.chair, year.ids["consulent"])
    dialog.submit()
    meeting = dialog.result_value
    assert meeting
    year.ids["meeting_1"] = meeting
    area.refresh()
    panel = area.panel
    panel.with_choices(lambda: None)

    # Without consent for the meeting, the submission is refused with the reason.
    first = year.ids["student_0"]
    submission = panel.submission_dialog()
    set_combo_value(submission.student, first)
    submission.question.setPlainText("Welke garage biedt een transitiestage?")
    submission.submit()
    assert submission.result_value is None
    refusal = submission.problem.text()
    assert refusal.startswith("Doé de Haan kan niet worden aangemeld: Er is geen toestemming"), (
        refusal
    )
    assert "eerst moet de leerling zelf akkoord gaan met bespreking in het overleg" in refusal

    for n in (0, 5):
        record_consent(year, qtbot, n, "rmc", {ConsentScope.MEETING}, YEAR.submissions)
    panel.with_choices(lambda: None)
    questions = {
        0: "Welke garage biedt een transitiestage?",
        5: "Wie helpt Esmée naar een Entree-opleiding?",
    }
    for n, question in questions.items():
        submission = panel.submission_dialog()
        set_combo_value(submission.student, year.ids[f"student_{n}"])
        submission.question.setPlainText(question)
        submission.submit()
        assert submission.result_value is not None, submission.problem.text()
        panel.reload()
    rows = [row[1].student_name for row in panel.model.rows()]
    assert len(rows) == 2

    # At the table (16 November): a case lead for the first, two actions; the other has a
    # plan and goes to the follow list.
    year.on(YEAR.first_meeting)
    panel.table.selectRow(0)
    case = panel.selected_case()
    assert case.student_id == first
    record = panel.case_dialog(case)
    record.note.setPlainText(cast.MEETING_NOTE)
    set_combo_value(record.lead, year.ids["klantmanager"])
    record.submit()
    assert record.result_value, record.problem.text()
    panel.reload()
    for what, owner, due in (
        (cast.ACTIONS[0], f"user:{coordinator.user_id}", "07-12-2026"),
        (cast.ACTIONS[1], f"contact:{year.ids['klantmanager']}", "15-01-2027"),
    ):
        panel.table.selectRow(0)
        action = panel.action_dialog(panel.selected_case())
        action.what.setText(what)
        set_combo_value(action.owner, owner)
        action.due.setDate(QDate.fromString(due, "dd-MM-yyyy"))
        action.submit()
        assert action.result_value, action.problem.text()
        panel.reload()
    panel.table.selectRow(1)
    other = panel.selected_case()
    record = panel.case_dialog(other)
    set_combo_value(record.lead, year.ids["consulent"])
    set_combo_value(record.list_kind, ListKind.FOLLOW)
    record.submit()
    assert record.result_value, record.problem.text()

    panel.print_paper("verslag", year.folder / "verslag-overleg-1.pdf")
    minutes = pdf_text(year.folder / "verslag-overleg-1.pdf")
    assert "Kennismaking bij Garage Hermans" in minutes and "07-12-2026" in minutes
    assert "Volglijst" in minutes
    area.refresh()
    assert [c.student_id for c in area.active_model.rows()] == [first]
    assert [c.student_id for c in area.follow_model.rows()] == [year.ids["student_5"]]
    lead = store.run(path_view, coordinator, first).phases[-1].lead_name
    assert lead == "Bram Hendriks"


def step_10_second_meeting_overdue_action_and_a_bottleneck(year: Year, qtbot) -> None:
    year.on(YEAR.second_meeting)
    area = MeetingsArea(year.window(qtbot, COORDINATOR).workspace)
    qtbot.addWidget(area)
    area.refresh()
    open_actions = {a.what: a for a in area.actions_model.rows()}
    assert set(open_actions) == {
        "Kennismaking bij Garage Hermans",
        "Indicatie banenafspraak aanvragen",
    }
    late = open_actions["Kennismaking bij Garage Hermans"]
    assert late.overdue_on(YEAR.second_meeting)
    assert not open_actions["Indicatie banenafspraak aanvragen"].overdue_on(YEAR.second_meeting)
    assert "1 actie is te laat; die staat op de volgende agenda." in area.summary.text()
    store, coordinator = year.login(COORDINATOR)
    store.run(actions.set_done, coordinator, late.id, YEAR.second_meeting)
    area.refresh()
    assert [a.what for a in area.actions_model.rows()] == ["Indicatie banenafspraak aanvragen"]

    dialog = area.meeting_dialog(store.run(choices, coordinator))
    dialog.place.setText(cast.MEETING_PLACE)
    set_combo_value(dialog.host, year.ids["rmc"])
    dialog.submit()
    meeting = dialog.result_value
    assert meeting
    year.ids["meeting_2"] = meeting
    category = store.run(lambda s: bottlenecks.categories(s))[0]
    store.run(
        bottlenecks.add_bottleneck,
        coordinator,
        meeting,
        category.id,
        *cast.BOTTLENECK,
    )
    with store.session() as session:
        assert [b.description for b in bottlenecks.bottlenecks_of(session, meeting)] == [
            "Geen indicatie banenafspraak binnen acht weken."
        ]


def step_11_third_meeting_with_every_action_done(year: Year, qtbot) -> None:
    year.on(YEAR.third_meeting)
    store, coordinator = year.login(COORDINATOR)
    area = MeetingsArea(year.window(qtbot, COORDINATOR).workspace)
    qtbot.addWidget(area)
    area.refresh()
    [left] = area.actions_model.rows()
    store.run(actions.set_done, coordinator, left.id, YEAR.last_action_done)
    dialog = area.meeting_dialog(store.run(choices, coordinator))
    dialog.place.setText(cast.MEETING_PLACE)
    set_combo_value(dialog.host, year.ids["rmc"])
    dialog.submit()
    assert dialog.result_value
    area.refresh()
    assert area.actions_model.rowCount() == 0
    assert len(area.meetings_model.rows()) == 3
    assert "te laat" not in area.summary.text()


# --- Spring -------------------------------------------------------------------------------


def step_12_consent_recorded_and_withdrawn_transition_reports(
    year: Year, qtbot, monkeypatch
) -> None:
    year.on(YEAR.consent)
    everything = set(ConsentScope)
    for organisation in ("gemeente", "rmc"):
        record_consent(year, qtbot, 0, organisation, everything, YEAR.consent)
    record_consent(year, qtbot, 4, "rmc", everything, YEAR.consent_for_meeting_withdrawn)
    first, fourth = cohort()[0], cohort()[4]
    for code in ("0957", "RMC-ML"):
        target = year.folder / f"overdracht-{code}.pdf"
        sent = year.cli(
            COORDINATOR, "export", "report", "--student", first.key, "--recipient", code,
            "--out", str(target),
        )  # fmt: skip
        assert sent.code == 0, sent.err
        assert first.surname in pdf_text(target)

    # The fourth student's mother withdraws the consent in the Toestemming tab.
    window = year.window(qtbot, COORDINATOR)
    file_window = window.open_student(year.ids["student_4"])
    qtbot.addWidget(file_window)
    tab = file_window.sections["toestemming"]
    tab.show()
    tab.table.selectRow(0)
    monkeypatch.setattr(tab, "ask_withdrawn_by", lambda: (cast.WITHDRAWN_BY, True))
    tab.withdraw_button.click()
    assert tab.model.row_at(0).status == "Ingetrokken"
    assert tab.message.text() == "Toestemming ingetrokken."

    target = year.folder / "overdracht-geweigerd.pdf"
    refused = year.cli(
        COORDINATOR, "export", "report", "--student", fourth.key, "--recipient", "RMC-ML",
        "--out", str(target),
    )  # fmt: skip
    assert refused.code == 4, refused.err
    assert "is ingetrokken op 15-03-2027" in refused.err, refused.err
    assert "door de moeder (telefonisch)" in refused.err
    assert not target.exists()
    year.files["refusal"] = year.folder / "refusal.txt"
    year.files["refusal"].write_text(refused.err, "utf-8")


def step_13_transition_internship_becomes_the_destination_and_a_warm_hand_over(
    year: Year, qtbot
) -> None:
    year.on(YEAR.transition_planned)
    window = year.window(qtbot, MENTOR_A)
    file_window = window.open_student(year.ids["student_0"])
    qtbot.addWidget(file_window)
    tab = file_window.sections["stages"]
    tab.show()
    dialog = tab.plan()
    dialog.employer.setCurrentIndex(dialog.employer.findData(year.ids["garage"]))
    dialog.kind.setCurrentIndex(dialog.kind.findData("transitiestage"))
    dialog.start.setText("06-04-2027")
    dialog.end.setText("02-07-2027")
    for day in ("ma", "di", "do"):
        dialog.day_boxes[day].setChecked(True)
    qtbot.keyClicks(dialog.hours, "24")
    qtbot.keyClicks(dialog.goals, cast.TRANSITION_GOALS)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.problem.text()
    transition = next(r.id for r in tab.model.rows() if r.status is InternshipStatus.PLANNED)
    tab.select_row(transition)
    qtbot.mouseClick(tab.buttons["start"], Qt.MouseButton.LeftButton)

    year.on(YEAR.transition_completed)
    tab.select_row(transition)
    complete = tab.complete_selected()
    assert complete.on.text() == "28-06-2027"
    complete.outcome.setCurrentIndex(complete.outcome.findData("contract_aangeboden"))
    assert complete.to_destination.isChecked()
    complete.destination.setCurrentIndex(complete.destination.findData("werk_banenafspraak"))
    qtbot.mouseClick(complete.save_button, Qt.MouseButton.LeftButton)
    assert complete.result() == QDialog.DialogCode.Accepted
    path_tab = file_window.sections["traject"]
    path_tab.load()
    assert path_tab.facts["destination"].text().startswith("Werk met banenafspraak")
    assert "Garage Hermans" in path_tab.facts["destination"].text()

    hand_over = path_tab.hand_over()
    hand_over.note.setPlainText(cast.HAND_OVER_NOTE)
    hand_over.lead_name.setText(cast.RECEIVER[0])
    hand_over.lead_org.setText(cast.RECEIVER[1])
    qtbot.mouseClick(hand_over.save_button, Qt.MouseButton.LeftButton)
    assert hand_over.result() == QDialog.DialogCode.Accepted, hand_over.problem.text()
    store, coordinator = year.login(COORDINATOR)
    view = store.run(path_view, coordinator, year.ids["student_0"])
    assert view.phases[-1].lead_name == cast.RECEIVER[0]
    assert view.destination is Destination.WORK_BANENAFSPRAAK
    # The hand-over does not close the meeting case: it stays on the active list until
    # the student leaves (issue 21: "a hand-over that closed a case").
    area = MeetingsArea(year.window(qtbot, COORDINATOR).workspace)
    qtbot.addWidget(area)
    area.refresh()
    # With work as the destination the case moves to the follow list (seed 003).
    follow = {c.student_id: c for c in area.follow_model.rows()}
    assert year.ids["student_0"] in follow
    assert follow[year.ids["student_0"]].follow_until == YEAR.follow_until
    assert year.ids["student_0"] not in {c.student_id for c in area.active_model.rows()}


# --- July: the students leave -------------------------------------------------------------

DESTINATIONS = {
    1: (Destination.REGULAR_WORK, "Albert Heijn Roermond"),
    3: (Destination.ENTREE_MBO, "Gilde Opleidingen, Entree Retail"),
    4: (Destination.DAGBESTEDING, "Zorgboerderij De Hoeve"),
    5: (Destination.ENTREE_MBO, "Gilde Opleidingen, Entree Horeca"),
    7: (Destination.REGULAR_WORK, "Bakkerij Venlo"),
}


def step_14_july_the_students_leave_and_aftercare_plans_appear(year: Year, qtbot) -> None:
    year.on(YEAR.destinations)
    store, coordinator = year.login(COORDINATOR)
    for n, (destination, place) in DESTINATIONS.items():
        store.run(
            timeline.set_destination,
            coordinator,
            year.ids[f"student_{n}"],
            destination,
            place,
            LEAVING,
        )
    year.on(YEAR.july_import)
    file = year.folder / "parnassys-juli.csv"
    people = cohort()
    people[2] = replace(people[2], leaving_date=YEAR.later_leaving)
    newcomer = generate_students(1, seed=77, reference=SEPTEMBER)[0]
    people.append(replace(newcomer, key="799001", leaving_date=LEAVING))
    file.write_bytes(csv_document(people))
    window = year.window(qtbot, COORDINATOR)
    dialog = LasImportDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    dialog.load_file(str(file))
    dialog.show_preview()
    details = {
        dialog.model.rows[i].las_key: dialog.model.index(i, DETAILS).data()
        for i in range(dialog.model.rowCount())
    }
    assert details[people[0].key].startswith("Oud-leerling: vertrokken op 09-07-2027"), details
    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

    # Each mentor finds the calls of their former students planned at the call moments.
    window = year.window(qtbot, MENTOR_A)
    file_window = window.open_student(year.ids["student_0"])
    qtbot.addWidget(file_window)
    calls = file_window.sections["nazorg"].model
    planned = [calls.row_at(i) for i in range(calls.rowCount())]
    assert [(c.due_date, c.months_after_outflow) for c in planned] == [
        (date(2027, 8, 9), 1),
        (date(2027, 10, 9), 3),
        (date(2028, 1, 9), 6),
        (date(2028, 7, 9), 12),
        (date(2029, 1, 9), 18),
        (date(2029, 7, 9), 24),
    ]
    assert {c.mentor_name for c in planned} == {"Jeroen Bosman"}
    with store.session() as session:
        plans = session.scalars(select(AftercarePlan)).all()
        assert {p.student_id for p in plans} == {
            year.ids[f"student_{n}"] for n in (0, 1, 3, 4, 5, 7)
        }


def nazorg(window):
    nav = window.navigation
    row = next(
        i for i in range(nav.count()) if nav.item(i).data(Qt.ItemDataRole.UserRole) == "nazorg"
    )
    window.navigation.setCurrentRow(row)
    return nav.item(row), window.areas["nazorg"]


def log_from_worklist(qtbot, area, student_id: int, *, reached: bool, still: str = "zelfde",
                      note: str = "", months: int | None = None) -> None:  # fmt: skip
    """Logs the student's open call (the one at `months` after leaving, if given)."""
    worklist = area.worklist
    worklist.refresh()
    row = next(
        i
        for i in range(worklist.model.rowCount())
        if worklist.model.row_at(i).student_id == student_id
        and months in (None, worklist.model.row_at(i).months_after_outflow)
    )
    worklist.table.selectRow(row)
    dialog = worklist.log_selected()
    qtbot.addWidget(dialog)
    if reached:
        dialog.still.setCurrentIndex(dialog.still.findData(still))
    else:
        dialog.not_reached.setChecked(True)
    if note:
        qtbot.keyClicks(dialog.note, note)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted


# --- The two years after ------------------------------------------------------------------


def step_15_calls_an_unreachable_young_person_and_a_drop_out(
    year: Year, qtbot, monkeypatch
) -> None:
    year.on(YEAR.first_calls)
    window = year.window(qtbot, MENTOR_A)
    item, area = nazorg(window)
    assert item.text() == "Nazorg (2)"
    log_from_worklist(qtbot, area, year.ids["student_0"], reached=True, note="Werkt met plezier.")
    # The second former student is not reached: a new attempt a week later, three times.
    for day in (YEAR.first_calls + timedelta(days=7 * n) for n in range(3)):
        year.on(day)
        log_from_worklist(qtbot, area, year.ids["student_1"], reached=False)
    store = year.store()
    with store.session() as session:
        made = session.scalars(
            select(AftercareCall).where(
                AftercareCall.student_id == year.ids["student_1"],
                AftercareCall.made_on.is_not(None),
            )
        ).all()
        assert [c.reached for c in made] == [False, False, False]

    # The coordinator sees the signal on the start page.
    window = year.window(qtbot, COORDINATOR)
    cohort_view = window.cohort
    assert "Onbereikbaar: 1" in cohort_view.aftercare_line.text()
    combo = cohort_view.combos["signal"]
    combo.setCurrentIndex(combo.findText("Onbereikbaar"))
    shown = [cohort_view.model.row_at(i) for i in range(cohort_view.model.rowCount())]
    assert [r.id for r in shown] == [year.ids["student_1"]]

    # A former student of the second mentor has stopped the course: a drop-out.
    year.on(YEAR.drop_out)
    mentor_window = year.window(qtbot, MENTOR_B)
    _item, mentor_area = nazorg(mentor_window)
    log_from_worklist(
        qtbot, mentor_area, year.ids["student_3"], reached=True, still="uitgevallen",
        note=cast.DROP_OUT_NOTE,
    )  # fmt: skip

    # The safety-net report is proposed to the coordinator, and sent only with consent.
    year.on(YEAR.safety_net_report)
    window = year.window(qtbot, COORDINATOR)
    _item, area = nazorg(window)
    tab = area.worklist
    tab.refresh()
    assert tab.proposals.count() == 1
    tab.proposals.setCurrentRow(0)
    out = year.folder / "melding-uitval.pdf"
    monkeypatch.setattr(tab, "ask_save_path", lambda *_: str(out))
    qtbot.mouseClick(tab.send_button, Qt.MouseButton.LeftButton)
    assert not out.exists()
    assert "Er is geen toestemming vastgelegd om 'nazorg' te delen met" in tab.status.text()

    record_consent(year, qtbot, 3, "gemeente", {ConsentScope.AFTERCARE}, YEAR.safety_net_report)
    tab.refresh()
    tab.proposals.setCurrentRow(0)
    qtbot.mouseClick(tab.send_button, Qt.MouseButton.LeftButton)
    assert out.exists() and "Gestopt" not in tab.status.text()
    assert "Het voorstel staat nu op verstuurd." in tab.status.text()
    assert tab.proposals.item(0).text() == "Geen openstaande voorstellen."


def monitor_and_trends(year: Year, school_year: int) -> dict[str, str]:
    """On 1 November: the PrO monitor and VSO figures and the trend report, on the command
    line; what each file says, by name."""
    written = {}
    for shape in ("pro", "vso"):
        target = year.folder / f"monitor-{shape}-{school_year}.csv"
        done = year.cli(
            COORDINATOR, "export", "monitor", "--shape", shape, "--year", str(school_year),
            "--out", str(target),
        )  # fmt: skip
        assert done.code == 0, done.err
        assert f"Monitorcijfers ({shape}) opgeslagen" in done.out
        written[shape] = target.read_text("utf-8-sig")
    report = year.folder / f"trends-{school_year}.pdf"
    done = year.cli(COORDINATOR, "export", "trends", "--out", str(report))
    assert done.code == 0, done.err
    written["trends"] = pdf_text(report)
    # A mentor may not take figures out of the school.
    refused = year.cli(MENTOR_A, "export", "trends", "--out", str(year.folder / "m.pdf"))
    assert refused.code == 5 and not (year.folder / "m.pdf").exists()
    return written


def step_16_first_of_october_archive_and_first_of_november_figures(year: Year, qtbot) -> None:
    year.on(YEAR.archive)
    area = MeetingsArea(year.window(qtbot, COORDINATOR).workspace)
    qtbot.addWidget(area)
    area.refresh()
    archived = {c.student_id: c for c in area.archive_model.rows()}
    assert set(archived) == {year.ids["student_0"], year.ids["student_5"]}
    assert {c.archived_on for c in archived.values()} == {YEAR.archive}
    assert area.follow_model.rowCount() == 0

    # 1 November: the figures of the school year that ended (2026-2027), anonymous.
    year.on(YEAR.figures)
    figures = monitor_and_trends(year, 2026)
    assert "Uitstroommonitor Praktijkonderwijs" in figures["pro"]
    assert "Bij uitstroom (2026-2027)" in figures["pro"]
    vso = figures["vso"].strip().splitlines()
    assert "Uitstroom vso per uitstroomprofiel" in vso[0]
    assert vso[-1] == "Totaal;<5;<5;<5;<5;6", vso  # six leavers; small counts hidden
    assert "2026-2027 100 % (n=6, waarvan onbekend 0)" in figures["trends"]
    for name in cohort()[:2]:
        assert name.surname not in figures["trends"] + figures["vso"] + figures["pro"]


def step_17_the_second_year_calls_and_an_archived_case_reopened(year: Year, qtbot) -> None:
    year.on(date(2028, 1, 10))
    _item, area_a = nazorg(year.window(qtbot, MENTOR_A))
    log_from_worklist(qtbot, area_a, year.ids["student_0"], reached=True, months=6)
    _item, area_b = nazorg(year.window(qtbot, MENTOR_B))
    log_from_worklist(qtbot, area_b, year.ids["student_4"], reached=True, months=6)

    year.on(date(2028, 7, 10))
    _item, area_a = nazorg(year.window(qtbot, MENTOR_A))
    log_from_worklist(qtbot, area_a, year.ids["student_0"], reached=True, months=12)
    _item, area_b = nazorg(year.window(qtbot, MENTOR_B))
    log_from_worklist(
        qtbot, area_b, year.ids["student_5"], reached=True, still="uitgevallen", months=12,
        note="Gestopt met de Entree-opleiding.",
    )  # fmt: skip

    # The archived case of that young person comes back with a new question.
    year.on(date(2028, 9, 4))
    store, coordinator = year.login(COORDINATOR)
    area = MeetingsArea(year.window(qtbot, COORDINATOR).workspace)
    qtbot.addWidget(area)
    area.refresh()
    fifth = year.ids["student_5"]
    assert fifth in {c.student_id for c in area.archive_model.rows()}
    dialog = area.meeting_dialog(store.run(choices, coordinator))
    dialog.place.setText(cast.MEETING_PLACE)
    set_combo_value(dialog.host, year.ids["rmc"])
    dialog.submit()
    assert dialog.result_value
    area.refresh()
    panel = area.panel
    panel.with_choices(lambda: None)
    submission = panel.submission_dialog()
    set_combo_value(submission.student, fifth)
    submission.question.setPlainText("Esmée is gestopt met de opleiding: wie helpt haar verder?")
    submission.submit()
    assert submission.result_value is not None, submission.problem.text()
    area.refresh()
    assert fifth in {c.student_id for c in area.active_model.rows()}
    assert fifth not in {c.student_id for c in area.archive_model.rows()}
    with store.session() as session:
        [case] = session.scalars(select(MeetingCase).where(MeetingCase.student_id == fifth))
        assert case.list_kind is ListKind.ACTIVE, "the same case, reopened"

    year.on(date(2028, 11, 1))
    figures = monitor_and_trends(year, 2027)
    assert "Na 1 jaar (2026-2027)" in figures["pro"]


def step_18_retention_figures_at_6_12_and_24_months(year: Year, qtbot) -> None:
    year.on(date(2029, 7, 10))
    _item, area_a = nazorg(year.window(qtbot, MENTOR_A))
    log_from_worklist(qtbot, area_a, year.ids["student_0"], reached=True, months=24)

    year.on(date(2029, 8, 1))
    _item, area = nazorg(year.window(qtbot, COORDINATOR))
    area.tabs.setCurrentIndex(1)
    area.retention.refresh()
    rows = area.retention.model.rows()
    assert [r.year for r in rows] == [2027] * len(rows)  # the leavers of July 2027
    total = next(r for r in rows if r.destination is None)
    assert total.students == 6
    cells = {f.months: (f.placed, f.dropped, f.unknown) for f in total.figures}
    # 6 months: two reached in place; 12: one in place, one dropped out; 24: one in place.
    # Who was not reached counts as unknown, never as placed.
    assert cells == {6: (2, 0, 4), 12: (1, 1, 4), 24: (1, 0, 5)}
    [work] = [r for r in rows if r.destination is Destination.WORK_BANENAFSPRAAK]
    assert [(f.placed, f.dropped, f.unknown) for f in work.figures] == [(1, 0, 0)] * 3


# --- The retention period ends ------------------------------------------------------------


def step_19_every_export_rests_on_a_consent_in_the_export_log(year: Year) -> None:
    """Before anything is removed: every file that left the school is in the export log,
    each one to an organisation with the consent it rested on, and the refusal left a
    trace without a file."""
    year.on(date(2031, 7, 1))
    with year.store().session() as session:
        logged = session.scalars(select(ExportLog).order_by(ExportLog.id)).all()
        consents = {c.id: c for c in session.scalars(select(Consent))}
    to_organisations = [e for e in logged if e.organisation_id is not None]
    kinds = [e.what for e in to_organisations]
    # The minutes of the first meeting (two students, to the RMC as host), the two
    # transition reports and the safety-net report.
    assert kinds == [
        "verslag overleg",
        "verslag overleg",
        "overdrachtsdossier",
        "overdrachtsdossier",
        "vangnetmelding",
    ], kinds
    for entry in to_organisations:
        consent = consents[entry.consent_id]
        assert consent.organisation_id == entry.organisation_id
        assert consent.student_id == entry.student_id
        assert consent.given_on <= entry.at.date()
        assert consent.withdrawn_on is None or consent.withdrawn_on > entry.at.date()
    # The anonymous figures are logged too, without a student or a consent.
    figures = [e.what for e in logged if e.student_id is None]
    assert sum("monitor" in w for w in figures) == 4, figures
    # Nothing was sent for the student whose consent was withdrawn.
    fourth = year.ids["student_4"]
    assert not [e for e in to_organisations if e.student_id == fourth]


def step_20_retention_ends_purge_removes_exactly_what_is_due(year: Year) -> None:
    year.on(date(2031, 8, 1))
    gone = {year.ids[f"student_{n}"] for n in (0, 1, 3, 4, 5, 7)}
    kept = {year.ids[f"student_{n}"] for n in (2, 6)}
    dry = year.cli(COORDINATOR, "purge", "--dry-run")
    assert dry.code == 0, dry.err
    assert "6 dossiers voorbij de bewaartermijn" in dry.out, dry.out
    assert "uitstroom 09-07-2027  bewaren tot 09-07-2031" in dry.out
    assert "Proefdraai: er is niets verwijderd." in dry.out
    people = cohort()
    for n in (0, 1, 3, 4, 5):
        assert full_name(people[n]) in dry.out
    for n in (2, 6):  # leaving later: their retention has not ended
        assert full_name(people[n]) not in dry.out
    with year.store().session() as session:
        before_exports = session.scalar(select(func.count()).select_from(ExportLog))
        assert set(session.scalars(select(Student.id))) == gone | kept

    done = year.cli(COORDINATOR, "purge")
    assert done.code == 0, done.err
    assert "6 dossiers verwijderd" in done.out, done.out
    with year.store().session() as session:
        assert set(session.scalars(select(Student.id))) == kept
        for model in (AftercareCall, AftercarePlan, Internship, ProfileAssessment, Consent):
            left = session.scalars(select(model.student_id)).all()
            assert not set(left) & gone, model.__name__
        # The export log keeps every line (without the name): what left the school stays known.
        assert session.scalar(select(func.count()).select_from(ExportLog)) == before_exports
    again = year.cli(COORDINATOR, "purge", "--dry-run")
    assert "Geen dossiers voorbij de bewaartermijn." in again.out

    verified = year.cli(COORDINATOR, "audit", "verify")
    assert verified.code == 0, verified.err
    assert verified.out.startswith("Auditlogboek in orde: ")


# --- The year, one step after another ------------------------------------------------------

STEPS = sorted(
    (fn for name, fn in dict(globals()).items() if name.startswith("step_")),
    key=lambda fn: fn.__name__,
)


def test_the_year(year: Year, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every step in order on one school (one test, so xdist never splits the year); a
    failure names the step where the year went wrong."""
    given = {"year": year, "qtbot": qtbot, "monkeypatch": monkeypatch}
    for step in STEPS:
        wanted = inspect.signature(step).parameters
        try:
            step(**{name: given[name] for name in wanted})
        except BaseException as exc:
            raise AssertionError(f"the year failed at {step.__name__}: {exc}") from exc
