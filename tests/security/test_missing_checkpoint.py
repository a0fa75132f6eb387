"""Attack: remove the audit log's checkpoint, so there is nothing to compare the trail with.

Whether a checkpoint must exist is decided by what is kept outside the database: a kept
backup of this database whose key file carries a checkpoint (then the live key file must
have one too), or, without a database key, the local checkpoint file that still holds the
secret written with its first checkpoint. A new school before its first checkpoint has
neither, and verifies. A removed checkpoint is not started again by the next log-out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from app.db import Store, audit_checkpoint, backup, keyfile
from app.db.keyfile import keyfile_path
from app.services.admin import accounts
from app.services.admin.unlock import create_encrypted_database
from app.services.common import audit
from app.services.common.actor import Actor
from tests.koers_cli import run_koers

PASSWORD = "controlepunt-wachtwoord"
GONE_FROM_KEY_FILE = re.compile(
    r"Het controlepunt van het auditlogboek ontbreekt in het sleutelbestand, terwijl de "
    r"back-up van \d\d-\d\d-\d{4} er wel een heeft: het is weggehaald\."
)


@pytest.fixture(autouse=True)
def quick_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyfile, "KDF", {"time_cost": 1, "memory_cost": 8192, "parallelism": 1})


@pytest.fixture
def school(tmp_path: Path) -> Iterator[tuple[Store, Actor]]:
    """An encrypted school with a trail of 200 entries."""
    store, _recovery = create_encrypted_database(
        f"sqlite:///{tmp_path / 'koers.db'}", "De Horizon", "c.peeters", PASSWORD
    )
    actor = store.run(
        accounts.initialise_school,
        school_name="De Horizon",
        brin="12AB",
        username="c.peeters",
        display_name="Ingrid Peeters",
        password=PASSWORD,
    )
    store.run(audit.record_many, actor, [("view", "student", i, None) for i in range(200)])
    yield store, actor
    store.dispose()


def _remove_checkpoint(path: Path, member: str = "audit_checkpoint") -> None:
    data = json.loads(path.read_text("utf-8"))
    del data[member]
    path.write_text(json.dumps(data), "utf-8")


def _report(store: Store, actor: Actor) -> audit.ChainReport:
    return store.run(audit.check_chain, actor)


def test_a_removed_checkpoint_is_reported_when_a_backup_carries_one(
    school: tuple[Store, Actor],
) -> None:
    store, actor = school
    backup.make_backup(store, "dagelijks")
    _remove_checkpoint(keyfile_path(store.sqlite_file))

    report = _report(store, actor)
    assert not report.intact
    (line,) = report.missing  # nothing was cut: only the checkpoint is gone
    assert GONE_FROM_KEY_FILE.fullmatch(line)


def test_rows_cut_with_the_checkpoint_are_named_from_the_backups_checkpoint(
    school: tuple[Store, Actor],
) -> None:
    store, actor = school
    backup.make_backup(store, "dagelijks")
    last = store.run(lambda s: s.scalar(text("SELECT max(id) FROM audit_log")))
    with store.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER audit_log_no_delete"))
        connection.execute(text(f"DELETE FROM audit_log WHERE id > {last - 5}"))
    _remove_checkpoint(keyfile_path(store.sqlite_file))

    missing = _report(store, actor).missing
    assert GONE_FROM_KEY_FILE.fullmatch(missing[0])
    assert missing[1] == f"De laatste 5 regels ontbreken (na regel {last - 5})."


def test_the_next_log_out_does_not_start_it_again_printing_does(
    school: tuple[Store, Actor],
) -> None:
    store, actor = school
    backup.make_backup(store, "dagelijks")
    _remove_checkpoint(keyfile_path(store.sqlite_file))

    store.run(audit.record, actor, "logout", "user", actor.user_id)  # a checkpoint moment
    backup.make_backup(store, "dagelijks")  # and another
    assert audit_checkpoint.load(store) is None
    assert not _report(store, actor).intact

    # The coordinator, told, prints a new checkpoint: the trail still holds everything the
    # backup's checkpoint saw, so the school starts again from here.
    line = store.run(audit.checkpoint_for_print, actor)
    assert line.startswith("Controlepunt auditlogboek Koers, ")
    assert _report(store, actor).intact


def test_a_new_school_before_its_first_checkpoint_verifies(
    school: tuple[Store, Actor],
) -> None:
    store, actor = school
    _remove_checkpoint(keyfile_path(store.sqlite_file))  # as before the first one: no backup
    report = _report(store, actor)
    assert report.intact and report.entries > 200


def test_on_a_plain_file_a_checkpoint_file_without_its_checkpoint_is_reported(
    store: Store, coordinator: Actor
) -> None:
    if not store.is_sqlite:
        pytest.skip("the same local file on PostgreSQL; once is enough")
    store.run(audit.record, coordinator, "logout", "user", coordinator.user_id)
    local = audit_checkpoint.local_file(store)
    assert audit_checkpoint.load(store) is not None
    _remove_checkpoint(local, "checkpoint")
    assert _report(store, coordinator).missing == (
        "Het controlepunt van het auditlogboek ontbreekt op deze pc, terwijl het er eerder "
        "wel was: het is weggehaald.",
    )
    # No file at all: this PC never took one (another coordinator's PC on PostgreSQL).
    local.unlink()
    assert _report(store, coordinator).intact


def test_beheer_says_the_checkpoint_is_missing(
    school: tuple[Store, Actor], qtbot, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.ui.admin.audit_log import AuditLogTab
    from tests.ui.helpers import workspace_for

    store, actor = school
    backup.make_backup(store, "dagelijks")
    _remove_checkpoint(keyfile_path(store.sqlite_file))
    tab = AuditLogTab(workspace_for(store, actor))
    qtbot.addWidget(tab)
    shown: list[tuple[str, str]] = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox,
            kind,
            staticmethod(lambda _p, _t, text, kind=kind: shown.append((kind, text))),
        )
    tab.verify_button.click()
    kind, message = shown.pop()
    assert kind == "warning"
    assert GONE_FROM_KEY_FILE.match(message)


def test_audit_verify_says_the_checkpoint_is_missing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'koers.db'}"

    def koers(*args: str):
        return run_koers(*args, "--database", url, data_dir=tmp_path, password=PASSWORD)

    assert koers("demo", "--students", "3").returncode == 0
    made = koers("backup", "--user", "demo")
    assert made.returncode == 0, made.stderr
    _remove_checkpoint(keyfile_path(tmp_path / "koers.db"))

    verify = koers("audit", "verify", "--user", "demo")
    assert verify.returncode == 1, verify.stdout + verify.stderr
    assert GONE_FROM_KEY_FILE.fullmatch(verify.stdout.splitlines()[0])
