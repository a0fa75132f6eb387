"""A saved consent scan and a subject-access (inzage) file are in the export log and the
audit trail, and a file that could not be written leaves no entry (one transaction)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.errors import KoersError
from app.db import Store
from app.models import ExportLog
from app.models.audit import AuditEntry
from app.services.admin import subject_access
from app.services.common.actor import Actor
from app.services.consent import register as consents
from tests.consent.helpers import PDF, consent_input, full_student, organisations
from tests.koers_cli import run_koers


def _exports(store: Store) -> list[ExportLog]:
    return store.run(lambda s: list(s.scalars(select(ExportLog).order_by(ExportLog.id))))


def _export_audit(store: Store) -> list[tuple[str, int | None, str | None]]:
    return store.run(
        lambda s: [
            (e.entity, e.entity_id, e.detail)
            for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "export"))
        ]
    )


def test_saving_a_consent_scan_is_logged(store: Store, coordinator: Actor, tmp_path: Path) -> None:
    org = store.run(lambda s: organisations(s)["venlo"].id)
    student = store.run(lambda s: full_student(s, las_key="8001").id)
    consent = store.run(consents.record_consent, coordinator, student, consent_input(org))

    written = store.run(
        consents.save_consent_attachment, coordinator, consent, str(tmp_path / "scan")
    )
    assert Path(written) == tmp_path / "scan.pdf"
    assert Path(written).read_bytes() == PDF
    (entry,) = _exports(store)
    assert (entry.what, entry.student_id, entry.organisation_id, entry.user_id) == (
        "scan toestemmingsformulier", student, org, coordinator.user_id,
    )  # fmt: skip
    assert _export_audit(store) == [
        ("consent", consent, f"scan toestemmingsformulier;org={org};log={entry.id}")
    ]

    # Nowhere to write: a Dutch refusal and no entry.
    with pytest.raises(KoersError, match="bestaat niet"):
        store.run(
            consents.save_consent_attachment, coordinator, consent,
            str(tmp_path / "geen-map" / "scan.pdf"),
        )  # fmt: skip
    assert len(_exports(store)) == 1


def test_the_consent_tab_saves_the_scan_through_the_service(
    store: Store, coordinator: Actor, tmp_path: Path, qtbot
) -> None:
    from app.ui.consent.tab import ConsentTab
    from tests.ui.helpers import workspace_for

    org = store.run(lambda s: organisations(s)["venlo"].id)
    student = store.run(lambda s: full_student(s, las_key="8002").id)
    store.run(consents.record_consent, coordinator, student, consent_input(org))
    tab = ConsentTab(workspace_for(store, coordinator), student)
    qtbot.addWidget(tab)
    target = tmp_path / "scan.pdf"
    tab.ask_save_path = lambda _title, _suggestion: str(target)
    tab.table.selectRow(0)
    tab.scan_button.click()
    assert target.read_bytes() == PDF
    assert "Scan opgeslagen" in tab.message.text()
    assert [e.what for e in _exports(store)] == ["scan toestemmingsformulier"]


def test_a_subject_access_file_is_logged(database_url: str, tmp_path: Path) -> None:
    """`audit export` (the inzage file) on both databases, from the command line."""
    password = "inzage-wachtwoord-2026"
    demo = run_koers("demo", "--students", "3", "--database", database_url,
                     data_dir=tmp_path, password=password)  # fmt: skip
    assert demo.returncode == 0, demo.stderr
    from app.db import open_store
    from app.db.keyfile import KeyFile, keyfile_path
    from app.db.urls import parse_url, sqlite_path

    path = sqlite_path(parse_url(database_url))
    key = KeyFile.load(keyfile_path(path)).unlock("demo", password) if path else None
    store = open_store(database_url, key=key)
    try:
        las_key = store.run(_first_las_key)
        target = tmp_path / "inzage.json"
        done = run_koers("audit", "export", "--database", database_url, "--user", "demo",
                         "--student", las_key, "--out", str(target),
                         data_dir=tmp_path, password=password)  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert target.exists()
        (entry,) = [e for e in _exports(store) if e.what == "inzageverzoek"]
        assert entry.basis == "AVG art. 15 (recht op inzage)"
        student_id = store.run(lambda s: _student_id(s, las_key))
        assert entry.student_id == student_id
        assert ("student", student_id, f"inzageverzoek;org=None;log={entry.id}") in (
            _export_audit(store)
        )
    finally:
        store.dispose()


def test_subject_access_that_cannot_be_written_logs_no_export(
    store: Store, coordinator: Actor, tmp_path: Path
) -> None:
    store.run(lambda s: full_student(s, las_key="8003"))
    with pytest.raises(KoersError):
        store.run(
            subject_access.save_subject_access, coordinator, "8003",
            str(tmp_path / "geen-map" / "x.json"),
        )  # fmt: skip
    assert _exports(store) == []


def _first_las_key(session) -> str:
    from app.models import Student

    return session.scalar(select(Student.las_key).order_by(Student.id).limit(1))


def _student_id(session, las_key: str) -> int:
    from app.models import Student

    return session.scalar(select(Student.id).where(Student.las_key == las_key))
