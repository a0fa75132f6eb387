"""Nieuw gesprek…: one click on Opslaan no longer records a conversation that never happened,
and a school-time conversation after the student left points to Nazorg."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.core.validation import format_date, today
from app.db import Store
from app.models import ConversationStatus, Student
from app.services.conversations.reading import list_for_student
from app.services.students import student_file as students
from app.services.students.student_file import GuardianInput, StudentInput
from app.ui.conversations.student_tab import ConversationsTab
from app.ui.workspace import Workspace
from tests.ui.helpers import new_school, workspace_for

LEFT = today() - timedelta(days=60)


@pytest.fixture
def school(tmp_path: Path) -> Iterator[tuple[Workspace, int]]:
    """A student who left school two months ago, with his mother in the file."""
    store: Store
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
    with store.session() as session:
        session.get(Student, student).actual_outflow_date = LEFT
    yield workspace_for(store, actor), student
    store.dispose()


def test_one_click_on_a_new_conversation_saves_nothing_that_did_not_happen(
    qtbot, school, monkeypatch
) -> None:
    workspace, student = school
    shown: list[str] = []
    monkeypatch.setattr(
        "app.ui.conversations.dialog.show_error", lambda _parent, exc: shown.append(exc.message)
    )
    tab = ConversationsTab(workspace, student)
    qtbot.addWidget(tab)
    tab.show()

    # Nieuw gesprek…: planned, today, everyone invited and nobody ticked present yet.
    dialog = tab.new_conversation()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.status.currentText() == "Gepland"
    assert dialog.kind.currentText() == "Adviesgesprek"
    assert dialog.date.text() == format_date(today())
    assert [(p.name, p.present) for p in dialog.participants.collect()] == [
        ("Daan Visser", False),
        ("Anouk Visser", False),
        ("Ingrid Peeters", False),
    ]

    # Opslaan at once: an advice conversation after the student left is refused.
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert len(shown) == 1
    assert shown[0].startswith(f"Datum: {format_date(today())} ligt na het vertrek van Daan")
    assert "tabblad Nazorg" in shown[0]
    assert dialog.date.property("invalid") is True
    assert workspace.store.run(list_for_student, workspace.actor, student) == []

    # Recorded as held on a day at school, it still needs what was said.
    dialog.date.setText(format_date(LEFT - timedelta(days=7)))
    dialog.status.setCurrentIndex(dialog.status.findData("gehouden"))
    dialog.participants.table.item(1, 3).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert shown[1].startswith("Samenvatting: schrijf op wat er besproken is.")
    assert dialog.summary.property("invalid") is True
    assert dialog.date.property("invalid") is False
    assert workspace.store.run(list_for_student, workspace.actor, student) == []

    qtbot.keyClicks(dialog.summary, "Daan wil na de zomer naar de Entree-opleiding.")
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    (row,) = workspace.store.run(list_for_student, workspace.actor, student)
    assert row.status is ConversationStatus.HELD
    assert row.held_at.date() == LEFT - timedelta(days=7)
