"""File dialogs: Qt's own labels in Dutch, save dialogs opening in the user's Documents or
the folder used last (never the program folder), and one naming scheme for saved files."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from sqlalchemy import select

from app.core.validation import today
from app.db import open_store
from app.demo import school as demo
from app.models import Conversation, ConversationStatus, Student
from app.services.common.file_names import file_name
from app.services.consent.batch_export import plan_batch
from app.services.conversations import parent_reports
from app.services.students import student_file as students
from app.services.students.student_file import StudentInput
from app.ui.common import save_dialog
from app.ui.profile.tab import ProfileTab
from app.ui.translations import install_translators
from tests.ui.helpers import new_school, workspace_for


@pytest.fixture
def dutch_qt(qapp: QApplication) -> Iterator[None]:
    installed = install_translators(qapp, "nl")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.mark.parametrize("mode", [QFileDialog.FileMode.AnyFile, QFileDialog.FileMode.ExistingFile])
def test_the_non_native_file_dialog_shows_dutch_labels(dutch_qt, qtbot, mode) -> None:
    dialog = QFileDialog(None, "Opslaan")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setFileMode(mode)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert labels == ["&Zoeken in:", "Bestands&naam:", "Bestands&type:"]


@pytest.fixture
def remembered(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> QSettings:
    """The user's settings, in a file of this test's own."""
    settings = QSettings(str(tmp_path / "koers.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(save_dialog, "QSettings", lambda: settings)
    return settings


def _answer(monkeypatch: pytest.MonkeyPatch, answer: str) -> list[str]:
    """Replaces the dialog: records the suggested path and gives `answer`."""
    suggested: list[str] = []

    def dialog(_parent, _title, path, _filter):
        suggested.append(path)
        return answer, ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    return suggested


def test_the_profile_is_saved_from_documents_then_from_the_last_folder(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, remembered: QSettings
) -> None:
    store, actor = new_school(tmp_path, "dialoog-test-2026")
    try:
        daan = store.run(
            students.create_student,
            actor,
            StudentInput(first_name="Daan", surname="Visser", class_name="V6A"),
        )
        tab = ProfileTab(workspace_for(store, actor), daan)
        qtbot.addWidget(tab)
        tab.show()
        chosen = tmp_path / "dossiers"
        chosen.mkdir()
        suggested = _answer(monkeypatch, "")
        tab.print_profile()  # cancelled: nothing remembered
        name = f"profiel-daan-visser-{today().isoformat()}.pdf"
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        assert suggested == [str(Path(documents) / name)]
        monkeypatch.setattr(tab, "save_pdf", lambda *_args, **_kwargs: None)
        _answer(monkeypatch, str(chosen / "eigen-naam.pdf"))
        tab.print_profile()
        suggested = _answer(monkeypatch, "")
        tab.print_profile()
        assert suggested == [str(chosen / name)]
    finally:
        store.dispose()


def test_a_remembered_folder_that_is_gone_falls_back_to_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, remembered: QSettings
) -> None:
    save_dialog.remember_folder(tmp_path / "weg")
    assert save_dialog.start_folder() == save_dialog.documents_folder()
    assert save_dialog.start_folder() != str(Path.cwd())


# <soort>-<naam>-<jjjj-mm-dd>[-<onderscheid>].<ext>, all lower-case ASCII words.
SCHEME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*-\d{4}-\d{2}-\d{2}(-[a-z0-9]+)*\.(pdf|json|xlsx)")


def test_every_saved_file_is_named_kind_name_date(tmp_path: Path) -> None:
    day = date(2026, 3, 1)
    assert file_name("profiel", "Chloë van Beek", day) == "profiel-chloe-van-beek-2026-03-01.pdf"
    assert (
        file_name("stageovereenkomst", "Chloë van Beek", day)
        == "stageovereenkomst-chloe-van-beek-2026-03-01.pdf"
    )
    assert (
        file_name("inzageverzoek", "L 123/4", day, "json")
        == "inzageverzoek-l-123-4-2026-03-01.json"
    )
    assert (
        file_name("overdrachtsdossier", "Chloë van Beek", day, suffix="GM0983")
        == "overdrachtsdossier-chloe-van-beek-2026-03-01-gm0983.pdf"
    )

    # The names the services give the files they write: the parent report (also the
    # printer's document name) and every report of the batch to the municipalities.
    store = open_store(f"sqlite:///{tmp_path / 'demo.db'}")
    try:
        actor = store.run(demo.generate, password="namen-test-2026", students=20)
        held = store.run(
            lambda session: session.execute(
                select(Conversation.id, Conversation.held_at)
                .where(Conversation.status != ConversationStatus.PLANNED)
                .limit(5)
            ).all()
        )
        assert held
        for conversation_id, held_at in held:
            report = store.run(parent_reports.report_pdf, actor, conversation_id)
            assert SCHEME.fullmatch(report.filename), report.filename
            assert report.filename.startswith("gespreksverslag-")
            assert report.filename.endswith(f"-{held_at.date().isoformat()}.pdf")
        years = store.run(
            lambda session: {
                d.year for d in session.scalars(select(Student.planned_outflow_date)) if d
            }
        )
        jobs = [job for year in years for job in store.run(plan_batch, actor, year, day).jobs]
        assert jobs
        for job in jobs:
            assert SCHEME.fullmatch(job.file_name), job.file_name
            assert job.file_name.startswith(
                file_name("overdrachtsdossier", job.student_name, day).removesuffix(".pdf") + "-"
            )
        assert len({job.file_name for job in jobs}) == len(jobs)
    finally:
        store.dispose()
