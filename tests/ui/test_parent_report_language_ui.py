"""Printing the parent report in a guardian's language from the conversations tab: the
guardian's recorded language is offered first, and the printed pages carry it."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import select

from app.core.validation import today
from app.models import ExportLog
from app.services.conversations import recording as conversations
from app.services.students import student_file as students
from app.services.students.student_file import GuardianInput, StudentInput
from app.ui.conversations.student_tab import ConversationsTab
from app.ui.workspace import Workspace
from tests.ui.helpers import new_school, workspace_for
from tests.ui.test_conversations_ui import _held


@pytest.fixture
def school(tmp_path: Path) -> Iterator[tuple[Workspace, int]]:
    store, actor = new_school(tmp_path, "taal-test-2026")
    student = store.run(
        students.create_student,
        actor,
        StudentInput(
            first_name="Daan",
            surname="Visser",
            guardians=[
                GuardianInput(name="Anouk Visser", relation="moeder", language="Tigrinya"),
                GuardianInput(name="Kees Visser", relation="vader", language="Arabisch"),
            ],
        ),
    )
    yield workspace_for(store, actor), student
    store.dispose()


def test_the_guardians_language_is_offered_first_and_printed(qtbot, school, tmp_path) -> None:
    workspace, student = school
    workspace.store.run(conversations.create, workspace.actor, student, _held(today()))
    tab = ConversationsTab(workspace, student)
    qtbot.addWidget(tab)
    tab.table.selectRow(0)
    box = tab.language_box
    # Anouk was at the conversation, Kees was not: her language comes first.
    items = [box.itemText(i) for i in range(box.count())]
    assert items[:3] == [
        "Voor Anouk Visser: Nederlands en Tigrinya",
        "Voor Kees Visser: Nederlands en Arabisch",
        "Alleen Nederlands",
    ]
    assert "Nederlands en Oekraïens" in items and box.language() == "ti"

    box.setCurrentIndex(1)
    printed = tmp_path / "afdruk.pdf"

    def to_file(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    tab.printing.ask_printer = to_file
    tab.print_button.click()
    assert printed.exists()
    with workspace.store.session() as session:
        logged = [e.scopes for e in session.scalars(select(ExportLog))]
    assert logged == ["afgedrukt, in het Nederlands en Arabisch"]

    tab.printing.ask_save_path = lambda suggested: str(tmp_path / suggested)
    tab.save_pdf_button.click()
    saved = next(tmp_path.glob("gespreksverslag-*-ar.pdf"))
    text = unicodedata.normalize(
        "NFKC", PdfReader(io.BytesIO(saved.read_bytes())).pages[0].extract_text()
    )
    assert "تقرير محادثتنا" in text
