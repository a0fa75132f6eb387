"""Toestemming tab: record a consent from a conversation, export the report for the
municipality, withdraw the consent, try again and see the refusal naming what is missing.
Netwerk: the batch export runs in a child process with a list of who was left out."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Conversation, ConversationType, ExportLog
from app.ui.consent.tab import ConsentTab
from app.ui.network.view import NetworkView
from app.ui.tasks import TaskRunner
from app.ui.workspace import Workspace
from tests.consent.helpers import PDF, full_student, organisations, pdf_text
from tests.ui.helpers import new_school, workspace_for


@pytest.fixture
def school(tmp_path: Path):
    store, actor = new_school(tmp_path, "toestemming-2026")

    def arrange(session):
        organisations(session)
        student = full_student(session, las_key="501", leaving=date(2026, 7, 10))
        conversation = Conversation(
            student_id=student.id,
            kind=ConversationType.TRANSITIE_1,
            held_at=datetime(2026, 3, 12, 14, 0),
            share_consent_asked=True,
        )
        session.add(conversation)
        session.flush()
        return student.id, conversation.id

    student_id, conversation_id = store.run(arrange)
    workspace = workspace_for(store, actor)
    yield workspace, student_id, conversation_id
    store.dispose()


def test_record_export_withdraw_refuse(qtbot, school, tmp_path, monkeypatch):
    workspace, student_id, conversation_id = school
    tab = ConsentTab(workspace, student_id)
    qtbot.addWidget(tab)
    assert tab.recipient.currentText().startswith("Gemeente Venlo")  # the municipality of residence

    dialog = tab.open_consent_dialog(conversation_id=conversation_id, given_on=date(2026, 3, 12))
    assert dialog.given_on.text() == "12-03-2026"
    assert "Noémie is 19 jaar en geeft zelf toestemming." in dialog.hint.text()
    assert dialog.guardian.findText("Fatma Ozturk") > 0
    dialog.guardian.setCurrentText("Fatma Ozturk")
    dialog.set_scan("toestemming.pdf", PDF)
    dialog.save()
    assert dialog.saved_id is not None
    assert tab.model.rowCount() == 1 and tab.model.row_at(0).conversation_id == conversation_id
    assert tab.model.row_at(0).status == "Geldig"

    out = tmp_path / "dossier.pdf"
    monkeypatch.setattr(tab, "ask_save_path", lambda *_: str(out))
    tab.export_button.click()
    assert out.exists() and "Overdrachtsdossier opgeslagen" in tab.message.text()
    assert "Groenbedrijf Maasdal" in pdf_text(out)

    tab.table.selectRow(0)
    scan = tmp_path / "scan.pdf"
    monkeypatch.setattr(tab, "ask_save_path", lambda *_: str(scan))
    tab.scan_button.click()
    assert scan.read_bytes() == PDF
    monkeypatch.setattr(tab, "ask_withdrawn_by", lambda: ("Fatma Ozturk (moeder)", True))
    tab.withdraw_button.click()
    assert tab.model.row_at(0).status == "Ingetrokken"

    again = tmp_path / "opnieuw.pdf"
    monkeypatch.setattr(tab, "ask_save_path", lambda *_: str(again))
    tab.export_button.click()
    assert not again.exists()
    text = tab.message.text()
    assert "Geen overdrachtsdossier van Noémie Ozturk voor Venlo" in text
    assert "is ingetrokken op" in text and "door Fatma Ozturk (moeder)" in text
    assert "er is geen nieuwe toestemming (voor: profiel, stages, gesprekken" in text
    with workspace.store.session() as session:
        # The dossier and the saved scan; the refused export left none.
        whats = [e.what for e in session.scalars(select(ExportLog).order_by(ExportLog.id))]
        assert len(whats) == 2 and whats[1] == "scan toestemmingsformulier"


def test_batch_export_with_left_out_list(qtbot, school, tmp_path):
    workspace, _student_id, _ = school
    view = NetworkView(workspace)
    qtbot.addWidget(view)
    view.tabs.setCurrentIndex(0)
    view.refresh()
    assert view.organisations.model.rowCount() == 3
    view.tabs.setCurrentIndex(2)
    view.batch.year.setValue(2026)
    view.batch.folder.setText(str(tmp_path / "out"))
    view.batch.start(at=date(2026, 9, 1))
    qtbot.waitUntil(lambda: view.batch.start_button.isEnabled(), timeout=20000)
    outcome = view.batch.last_outcome
    assert outcome.written == []
    assert outcome.left_out[0][0] == "Noémie Ozturk"
    assert "geen toestemming vastgelegd" in outcome.left_out[0][1]
    assert view.batch.left_model.rowCount() == 1


def test_batch_export_runs_in_a_child_process(qtbot, school, tmp_path):
    workspace, _student_id, _ = school
    runner = TaskRunner()  # the real one: the batch leaves this process
    view = NetworkView(Workspace(workspace.store, workspace.actor, workspace.school, runner, ""))
    qtbot.addWidget(view)
    view.batch.year.setValue(2026)
    view.batch.folder.setText(str(tmp_path / "out"))
    view.batch.start(at=date(2026, 9, 1))
    assert not view.batch.start_button.isEnabled() and view.batch.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: view.batch.start_button.isEnabled(), timeout=30000)
    runner.shutdown()
    assert view.batch.last_outcome.left_out[0][0] == "Noémie Ozturk"
    assert not view.batch.cancel_button.isEnabled()
