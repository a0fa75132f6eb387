"""The conversations tab and area: record an adviesgesprek with the parents, tick off an
agreement, print the parent report through the app's print path (offscreen: to a file)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from app.core.validation import format_date, today
from app.db import Store
from app.models import ExportLog
from app.services.common.actor import Actor
from app.services.conversations import agreements
from app.services.conversations import recording as conversations
from app.services.conversations.forms import AgreementInput, ConversationInput, ParticipantInput
from app.services.conversations.reading import list_for_student, open_conversation
from app.services.students import student_file as students
from app.services.students.student_file import GuardianInput, StudentInput
from app.ui.conversations.models import OVERDUE_COLOUR
from app.ui.conversations.student_tab import ConversationsTab
from app.ui.conversations.view import ConversationsArea
from app.ui.tasks import TaskRunner
from app.ui.workspace import Workspace
from tests.ui.helpers import new_school, workspace_for


@pytest.fixture
def school(tmp_path: Path) -> Iterator[tuple[Workspace, int]]:
    store, actor = new_school(tmp_path, "gesprekken-test-2026")
    student = store.run(
        students.create_student,
        actor,
        StudentInput(
            first_name="Daan",
            surname="Visser",
            guardians=[GuardianInput(name="Anouk Visser", relation="moeder")],
        ),
    )
    workspace = workspace_for(store, actor)
    yield workspace, student
    store.dispose()


def _set_cell(table, row: int, column: int, text: str) -> None:
    table.item(row, column).setText(text)


def test_record_advice_mark_one_done_and_print_the_parent_report(
    qtbot, school, tmp_path: Path
) -> None:
    workspace, student = school
    tab = ConversationsTab(workspace, student)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.model.rowCount() == 0

    dialog = tab.new_conversation()
    qtbot.waitUntil(dialog.isVisible)
    dialog.kind.setCurrentIndex(dialog.kind.findData("adviesgesprek"))
    dialog.date.setText("")
    qtbot.keyClicks(dialog.date, format_date(today() - timedelta(days=1)))
    qtbot.keyClicks(dialog.time, "15:00")
    qtbot.keyClicks(dialog.place, "De Horizon, lokaal 4")
    # The student, the mother (a guardian in the file) and the user are in already.
    participants = dialog.participants
    assert [p.name for p in participants.collect()] == [
        "Daan Visser",
        "Anouk Visser",
        "Ingrid Peeters",
    ]
    qtbot.mouseClick(participants.add_button, Qt.MouseButton.LeftButton)
    _set_cell(participants.table, 3, 0, "Kees Visser")
    role = participants.table.cellWidget(3, 1)
    role.setCurrentIndex(role.findData("ouder"))
    participants.table.item(3, 3).setCheckState(Qt.CheckState.Unchecked)  # invited, absent
    # A new conversation starts as planned with nobody present: this one was held.
    dialog.status.setCurrentIndex(dialog.status.findData("gehouden"))
    for row in range(3):
        participants.table.item(row, 3).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(dialog.summary, "Daan wil graag in de groenvoorziening werken.")
    qtbot.keyClicks(dialog.advice, "Wij raden een transitiestage bij de gemeente aan.")
    editor = dialog.agreements
    for n, (who, what, days) in enumerate(
        [("School", "Zoekt een stageplek in het groen", 14), ("Moeder", "Belt het wijkteam", 7)]
    ):
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
        _set_cell(editor.table, n, editor.WHO, who)
        _set_cell(editor.table, n, editor.WHAT, what)
        _set_cell(editor.table, n, editor.DUE, format_date(today() + timedelta(days=days)))
    owner = editor.table.cellWidget(0, editor.OWNER)
    owner.setCurrentIndex(owner.findData(workspace.actor.user_id))
    dialog.consent_asked.setChecked(True)
    dialog.consent_municipality.setCurrentIndex(dialog.consent_municipality.findData("ja"))
    dialog.consent_rmc.setCurrentIndex(dialog.consent_rmc.findData("nee"))
    qtbot.keyClicks(dialog.consent_answered_by, "moeder")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    assert tab.model.rowCount() == 1
    assert tab.model.row_at(0).open_agreements == 2
    assert tab.agreement_model.rowCount() == 2

    # Mark the mother's agreement done.
    row = next(i for i, a in enumerate(tab.agreement_model.rows()) if a.what == "Belt het wijkteam")
    tab.agreement_table.selectRow(row)
    qtbot.mouseClick(tab.done_button, Qt.MouseButton.LeftButton)
    assert [a.what for a in tab.agreement_model.rows()] == ["Zoekt een stageplek in het groen"]
    assert tab.model.row_at(0).open_agreements == 1

    # Print: the dialog is replaced by a PDF printer writing to a file.
    printed = tmp_path / "afdruk.pdf"

    def to_file(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    tab.printing.ask_printer = to_file
    tab.table.selectRow(0)
    assert tab.print_button.isEnabled()
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    pages = PdfReader(io.BytesIO(printed.read_bytes())).pages
    assert len(pages) == tab.printing.last_pages >= 1
    with workspace.store.session() as session:
        logged = session.scalars(select(ExportLog)).all()
    assert [(e.what, e.scopes, e.student_id) for e in logged] == [
        ("oudergespreksverslag", "afgedrukt", student)
    ]

    # The report itself carries what was recorded, with the mother and both agreements.
    file = workspace.store.run(open_conversation, workspace.actor, tab.model.row_at(0).id)
    assert [(p.name, p.present) for p in file.input.participants] == [
        ("Daan Visser", True),
        ("Anouk Visser", True),
        ("Ingrid Peeters", True),
        ("Kees Visser", False),
    ]
    assert file.input.consent_municipality == "ja" and file.input.consent_rmc == "nee"
    assert [a.done_on != "" for a in file.input.agreements] == [False, True]


def test_a_cancelled_print_dialog_logs_nothing(qtbot, school) -> None:
    workspace, student = school
    cid = workspace.store.run(conversations.create, workspace.actor, student, _held(today()))
    tab = ConversationsTab(workspace, student)
    qtbot.addWidget(tab)
    tab.printing.ask_printer = lambda _printer: False
    tab.printing.print_report(cid)
    with workspace.store.session() as session:
        assert session.scalars(select(ExportLog)).all() == []


def test_refused_input_keeps_the_dialog_open_with_the_dutch_message(
    qtbot, school, monkeypatch
) -> None:
    workspace, student = school
    shown: list[str] = []
    monkeypatch.setattr(
        "app.ui.conversations.dialog.show_error", lambda _parent, exc: shown.append(exc.message)
    )
    tab = ConversationsTab(workspace, student)
    qtbot.addWidget(tab)
    dialog = tab.new_conversation()
    dialog.date.setText(format_date(today().replace(year=today().year + 5)))
    dialog.status.setCurrentIndex(dialog.status.findData("gepland"))
    dialog.participants.set_participants([])
    dialog.save()
    assert dialog.isVisible()
    assert "Datum:" in shown[0] and "Deelnemers: voeg minstens één deelnemer toe." in shown[0]
    assert dialog.date.property("invalid") is True


def _held(day, owner_id=None) -> ConversationInput:
    return ConversationInput(
        kind="keukentafelgesprek",
        date=format_date(day),
        summary="Het rooster voor na de zomer is besproken.",
        participants=[ParticipantInput("Anouk Visser", "ouder")],
        agreements=[AgreementInput("Stuurt het rooster", "Mentor", format_date(day), owner_id)],
    )


def test_area_marks_my_overdue_agreements_and_lists_planned_per_week(qtbot, school) -> None:
    workspace, student = school
    actor: Actor = workspace.actor
    store: Store = workspace.store
    store.run(
        conversations.create, actor, student, _held(today() - timedelta(days=20), actor.user_id)
    )
    planned = _held(today() + timedelta(days=8))
    planned.status = "gepland"
    planned.agreements = []
    store.run(conversations.create, actor, student, planned)

    area = ConversationsArea(workspace)
    qtbot.addWidget(area)
    assert [area.tabs.tabText(i) for i in range(area.tabs.count())] == ["Mijn afspraken", "Gepland"]
    model = area.mine.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, 1)) == "Te laat"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) == OVERDUE_COLOUR
    assert "waarvan 1 te laat" in area.mine.summary.text()

    tree = area.planned.tree
    assert tree.topLevelItemCount() == 8
    found = [
        (i, tree.topLevelItem(i).child(j).text(1))
        for i in range(8)
        for j in range(tree.topLevelItem(i).childCount())
    ]
    assert len(found) == 1 and found[0][1] == "Daan Visser"
    with qtbot.waitSignal(area.open_student_requested) as opened:
        item = tree.topLevelItem(found[0][0]).child(0)
        tree.itemDoubleClicked.emit(item, 0)
    assert opened.args == [student]

    # Ticked off in the area: it leaves the open list.
    area.mine.table.selectRow(0)
    qtbot.mouseClick(area.mine.done_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 0
    assert store.run(agreements.open_for_student, actor, student) == []


def test_preview_save_and_delete_go_through_the_app(qtbot, school, tmp_path: Path) -> None:
    workspace, student = school
    cid = workspace.store.run(conversations.create, workspace.actor, student, _held(today()))
    tab = ConversationsTab(workspace, student)
    qtbot.addWidget(tab)
    tab.table.selectRow(0)
    previewed = tmp_path / "voorbeeld.pdf"

    def preview(printer: QPrinter, pages) -> bool:
        # What the preview dialog does when the user presses its print button.
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(previewed))
        pages.paint(printer)
        return True

    tab.printing.ask_preview = preview
    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    assert len(PdfReader(io.BytesIO(previewed.read_bytes())).pages) >= 1

    saved = tmp_path / "map" / "verslag.pdf"
    tab.printing.ask_save_path = lambda suggested: str(saved)
    qtbot.mouseClick(tab.save_pdf_button, Qt.MouseButton.LeftButton)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(saved.read_bytes())).pages)
    assert "Stuurt het rooster" in " ".join(text.split())
    with workspace.store.session() as session:
        scopes = [e.scopes for e in session.scalars(select(ExportLog).order_by(ExportLog.id))]
    assert scopes == ["afgedrukt", "opgeslagen als pdf"]

    tab.confirm_delete = lambda _question: True
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 0
    assert workspace.store.run(list_for_student, workspace.actor, student) == []
    assert cid


@pytest.fixture
def consent_school(tmp_path: Path) -> Iterator[tuple[Workspace, int, int]]:
    """A student with a conversation where the consent question was answered 'ja'."""
    from datetime import datetime

    from app.models import ConsentAnswer, Conversation, ConversationType
    from tests.consent.helpers import full_student, organisations

    store, actor = new_school(tmp_path, "gesprekken-test-2026")

    def arrange(session):
        organisations(session)
        student = full_student(session, las_key="601")
        conversation = Conversation(
            student_id=student.id,
            kind=ConversationType.TRANSITIE_1,
            held_at=datetime(2026, 3, 12, 14, 0),
            share_consent_asked=True,
            consent_municipality=ConsentAnswer.YES,
            consent_answered_by="leerling en moeder",
        )
        session.add(conversation)
        session.flush()
        return student.id, conversation.id

    student_id, conversation_id = store.run(arrange)
    workspace = workspace_for(store, actor)
    yield workspace, student_id, conversation_id
    store.dispose()


def test_consent_recorded_from_a_conversation_opens_and_closes_the_gate(
    qtbot, consent_school, tmp_path: Path, monkeypatch
) -> None:
    from app.ui.consent.tab import ConsentTab
    from tests.consent.helpers import PDF, pdf_text

    workspace, student_id, conversation_id = consent_school
    tab = ConversationsTab(workspace, student_id)
    qtbot.addWidget(tab)
    tab.select_conversation(conversation_id)
    dialog = tab.open_selected()
    qtbot.waitUntil(lambda: dialog.loaded is not None)
    dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)  # "Toestemming en contact"
    assert dialog.record_consent_button.isVisibleTo(dialog)
    assert dialog.record_consent_button.text() == "Toestemming vastleggen…"
    assert dialog.record_consent_button.isEnabled()
    qtbot.mouseClick(dialog.record_consent_button, Qt.MouseButton.LeftButton)
    consent = dialog.consent_dialog
    assert consent is not None and consent.conversation_id == conversation_id
    # Prefilled with the conversation: its date, and the municipality of residence.
    assert consent.given_on.text() == "12-03-2026"
    assert consent.recipient.currentText().startswith("Gemeente Venlo")
    consent.guardian.setCurrentText("Fatma Ozturk")
    consent.set_scan("toestemming.pdf", PDF)
    consent.save()
    assert consent.saved_id is not None

    consent_tab = ConsentTab(workspace, student_id)
    qtbot.addWidget(consent_tab)
    assert consent_tab.model.rowCount() == 1
    assert consent_tab.model.row_at(0).conversation_id == conversation_id
    out = tmp_path / "dossier.pdf"
    monkeypatch.setattr(consent_tab, "ask_save_path", lambda *_: str(out))
    consent_tab.export_button.click()
    assert out.exists() and "Overdrachtsdossier opgeslagen" in consent_tab.message.text()
    assert "Fietsroute oefenen" in pdf_text(out)

    consent_tab.table.selectRow(0)
    monkeypatch.setattr(consent_tab, "ask_withdrawn_by", lambda: ("Fatma Ozturk (moeder)", True))
    consent_tab.withdraw_button.click()
    again = tmp_path / "opnieuw.pdf"
    monkeypatch.setattr(consent_tab, "ask_save_path", lambda *_: str(again))
    consent_tab.export_button.click()
    assert not again.exists()
    refusal = consent_tab.message.text()
    assert "Geen overdrachtsdossier van Noémie Ozturk voor Venlo" in refusal
    assert "is ingetrokken op" in refusal and "er is geen nieuwe toestemming" in refusal
    with workspace.store.session() as session:
        assert len(session.scalars(select(ExportLog)).all()) == 1


def test_only_the_coordinator_records_consent_from_a_conversation(qtbot, consent_school) -> None:
    from app.models import Role, Student

    workspace, student_id, conversation_id = consent_school
    coordinator = workspace.actor

    def make_mentor(session):
        session.get(Student, student_id).mentor_id = coordinator.user_id

    workspace.store.run(make_mentor)
    mentor = Actor(coordinator.user_id, "m.jansen", "Marieke Jansen", Role.MENTOR)
    as_mentor = Workspace(
        workspace.store, mentor, workspace.school, TaskRunner(synchronous=True), "test"
    )
    tab = ConversationsTab(as_mentor, student_id)
    qtbot.addWidget(tab)
    tab.select_conversation(conversation_id)
    dialog = tab.open_selected()
    qtbot.waitUntil(lambda: dialog.loaded is not None)
    dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
    assert dialog.record_consent_button.isHidden()
    assert not dialog.record_consent_button.isVisibleTo(dialog)
