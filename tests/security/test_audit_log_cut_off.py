"""Cutting rows off the end of the audit log, or rewriting the whole chain, is noticed:
the trail is compared with a signed checkpoint kept outside the database, and what is
missing is named. And on PostgreSQL the app's role cannot rewrite the export log or a
consent."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import DBAPIError

from app.db import Store, audit_checkpoint, backup, keyfile, open_store
from app.db.keyfile import KeyFile, keyfile_path
from app.db.store import sqlcipher_connect
from app.db.urls import parse_url, sqlite_path
from app.models.audit import AuditEntry
from app.services.admin import accounts
from app.services.admin.unlock import create_encrypted_database
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.consent import register as consents
from tests.consent.helpers import consent_input, full_student, organisations
from tests.koers_cli import run_koers

PASSWORD = "cut-off-wachtwoord"


def _drop_guards(connection, postgres: bool) -> None:
    """What someone with the database in hand (a superuser, the file and its key) can do."""
    if postgres:
        connection.execute(text("DROP TRIGGER audit_log_append_only ON audit_log"))
    else:
        connection.execute(text("DROP TRIGGER audit_log_no_update"))
        connection.execute(text("DROP TRIGGER audit_log_no_delete"))


def _by_hand(store: Store, *statements: str) -> None:
    with store.engine.begin() as connection:
        _drop_guards(connection, not store.is_sqlite)
        for statement in statements:
            connection.execute(text(statement))


def _recompute_plain_chain(store: Store) -> None:
    """Rehashes every row from zeros, as the old unanchored chain allowed."""
    with store.engine.begin() as connection:
        rows = connection.execute(select(AuditEntry.__table__).order_by(AuditEntry.id)).mappings()
        prev = audit.GENESIS
        updates = []
        for row in rows:
            digest = audit._entry_hash(
                prev, row["at"], row["user_id"], row["action"], row["entity"],
                row["entity_id"], row["detail"],
            )  # fmt: skip
            updates.append({"i": row["id"], "p": prev, "h": digest})
            prev = digest
        for update in updates:
            connection.execute(
                text("UPDATE audit_log SET prev_hash = :p, hash = :h WHERE id = :i"), update
            )


@pytest.fixture
def trail(store: Store, coordinator: Actor) -> int:
    """A school whose trail has a few hundred entries, some of them exports, and a
    checkpoint (as at a log-out); returns the number of entries."""
    entries = [("export" if i % 10 == 0 else "view", "student", i, None) for i in range(1, 400)]
    store.run(audit.record_many, coordinator, entries)
    assert audit_checkpoint.write(store) is not None
    return store.run(lambda s: s.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc())))


def _missing(store: Store, coordinator: Actor) -> tuple[str, ...]:
    report = store.run(audit.check_chain, coordinator)
    assert not report.intact
    return report.missing


def test_a_normal_database_verifies(store: Store, coordinator: Actor, trail: int) -> None:
    # Entries added after the checkpoint are fine: the log only grows.
    store.run(audit.record, coordinator, "view", "student", 1)
    report = store.run(audit.check_chain, coordinator)
    assert report.intact and report.missing == ()


def test_deleting_the_last_row_is_named(store: Store, coordinator: Actor, trail: int) -> None:
    _by_hand(store, f"DELETE FROM audit_log WHERE id = {trail}")
    assert _missing(store, coordinator)[0] == (
        f"De laatste 1 regels ontbreken (na regel {trail - 1})."
    )


def test_deleting_the_last_137_rows_is_named(store: Store, coordinator: Actor, trail: int) -> None:
    _by_hand(store, f"DELETE FROM audit_log WHERE id > {trail - 137}")
    # Nothing in the chain itself is broken: only the checkpoint shows the cut.
    assert store.run(audit.verify_chain) is None
    missing = _missing(store, coordinator)
    assert missing[0] == f"De laatste 137 regels ontbreken (na regel {trail - 137})."
    assert re.fullmatch(
        rf"Het controlepunt van \d\d-\d\d-\d{{4}} telt {trail} regels \(laatste regel {trail}\)\.",
        missing[-1],
    )


def test_emptying_the_log_is_named(store: Store, coordinator: Actor, trail: int) -> None:
    _by_hand(store, "DELETE FROM audit_log")
    (line,) = _missing(store, coordinator)
    assert re.fullmatch(
        rf"Het logboek is leeg, maar het controlepunt van \d\d-\d\d-\d{{4}} telt {trail} regels\.",
        line,
    )


def test_recomputing_the_plain_chain_after_deleting_exports_is_found(
    store: Store, coordinator: Actor, trail: int
) -> None:
    exports = store.run(
        lambda s: len(s.scalars(select(AuditEntry.id).where(AuditEntry.action == "export")).all())
    )
    _by_hand(store, "DELETE FROM audit_log WHERE action = 'export'")
    _recompute_plain_chain(store)
    assert store.run(audit.verify_chain) is None  # the old check was fooled
    missing = _missing(store, coordinator)
    assert f"{exports} regels ontbreken tot en met regel {trail}" in missing[0]
    assert f"Regel {trail} is niet meer dezelfde" in missing[1]


def test_a_cut_log_does_not_move_the_checkpoint(
    store: Store, coordinator: Actor, trail: int
) -> None:
    _by_hand(store, f"DELETE FROM audit_log WHERE id > {trail - 5}")
    # The next log-out (a safe moment) must not anchor the shortened log.
    store.run(audit.record, coordinator, "logout", "user", coordinator.user_id)
    assert audit_checkpoint.load(store).count == trail
    assert "De laatste 5 regels ontbreken" in _missing(store, coordinator)[0]


def test_a_forged_checkpoint_is_refused(store: Store, coordinator: Actor, trail: int) -> None:
    path = audit_checkpoint.local_file(store)
    data = json.loads(path.read_text("utf-8"))
    data["checkpoint"]["count"] = 3  # shrink it to match a cut log, without the secret
    path.write_text(json.dumps(data), "utf-8")
    assert _missing(store, coordinator) == (
        "Het controlepunt van het auditlogboek is ongeldig: de handtekening klopt niet.",
    )


# --- the command line, on the encrypted demo and on PostgreSQL ------------------------------


def _koers(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    return run_koers(*args, data_dir=data_dir, password=PASSWORD)


def _cut_last_rows_outside_koers(url: str, rows: int) -> int:
    path = sqlite_path(parse_url(url))
    if path is not None:
        key = KeyFile.load(keyfile_path(path)).unlock("demo", PASSWORD)
        connection = sqlcipher_connect(path, key)
        try:
            connection.execute("DROP TRIGGER audit_log_no_delete")
            (last,) = connection.execute("SELECT max(id) FROM audit_log").fetchone()
            connection.execute("DELETE FROM audit_log WHERE id > ?", (last - rows,))
            connection.commit()
        finally:
            connection.close()
        return last - rows
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            _drop_guards(connection, postgres=True)
            last = connection.scalar(text("SELECT max(id) FROM audit_log"))
            connection.execute(text("DELETE FROM audit_log WHERE id > :n"), {"n": last - rows})
    finally:
        engine.dispose()
    return last - rows


def test_audit_verify_names_the_cut_rows(database_url: str, tmp_path: Path) -> None:
    demo = _koers("demo", "--students", "5", "--database", database_url, data_dir=tmp_path)
    assert demo.returncode == 0, demo.stderr
    verify = ("audit", "verify", "--database", database_url, "--user", "demo")
    intact = _koers(*verify, data_dir=tmp_path)
    assert intact.returncode == 0, intact.stdout + intact.stderr

    # Cut the last two of the rows the demo wrote, keeping the first.
    kept = _cut_last_rows_outside_koers(database_url, 2)
    assert kept >= 1

    broken = _koers(*verify, data_dir=tmp_path)
    assert broken.returncode == 1, broken.stderr
    assert f"De laatste 2 regels ontbreken (na regel {kept}).\n" in broken.stdout


# --- backups --------------------------------------------------------------------------------


def test_a_backup_carries_the_checkpoint(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(keyfile, "KDF", {"time_cost": 1, "memory_cost": 8192, "parallelism": 1})
    store, _ = create_encrypted_database(
        f"sqlite:///{tmp_path / 'koers.db'}", "De Horizon", "c.peeters", PASSWORD
    )
    try:
        actor = store.run(
            accounts.initialise_school,
            school_name="De Horizon",
            brin="12AB",
            username="c.peeters",
            display_name="Ingrid Peeters",
            password=PASSWORD,
        )
        store.run(audit.record_many, actor, [("view", "student", i, None) for i in range(50)])
        count = store.run(lambda s: s.query(AuditEntry).count())
        made = backup.make_backup(store, "handmatig")
        carried = json.loads(keyfile_path(made).read_text("utf-8"))["audit_checkpoint"]
        assert carried["count"] == count
        # Signed with a key only the database key gives: the backup's checkpoint is genuine.
        checkpoint = audit_checkpoint.load(store)
        assert checkpoint is not None and carried["mac"] == checkpoint.mac
        assert checkpoint.valid(audit_checkpoint.signing_secret(store))
        # And it is what the coordinator prints for the school's records.
        line = store.run(audit.checkpoint_for_print, actor)
        assert f"{count} regels" in line and checkpoint.mac[:16] in line
    finally:
        store.dispose()


# --- consents are written once (every connection) and the app role's privileges ----------


def _consent(store: Store, coordinator: Actor) -> int:
    org = store.run(lambda s: organisations(s)["venlo"].id)
    sid = store.run(lambda s: full_student(s, las_key="7").id)
    return store.run(consents.record_consent, coordinator, sid, consent_input(org))


def test_a_consent_cannot_be_overwritten_only_withdrawn_once(
    store: Store, coordinator: Actor
) -> None:
    cid = _consent(store, coordinator)
    with pytest.raises(DBAPIError, match="written once"), store.engine.begin() as connection:
        connection.execute(text(f"UPDATE consents SET scopes = 'pad' WHERE id = {cid}"))
    store.run(consents.withdraw_consent, coordinator, cid, "01-10-2026", "de leerling zelf")
    with pytest.raises(DBAPIError, match="written once"), store.engine.begin() as connection:
        connection.execute(text(f"UPDATE consents SET withdrawn_on = NULL WHERE id = {cid}"))


@pytest.mark.postgres
def test_the_app_role_cannot_rewrite_exports_or_consents(postgres_server) -> None:
    from tests.conftest import _fresh_postgres_database

    databases = _fresh_postgres_database(postgres_server)
    owner_url = next(databases)
    role = f"koers_cut_{os.getpid()}"
    owner = open_store(owner_url)
    try:
        coordinator = owner.run(
            accounts.initialise_school,
            school_name="De Horizon",
            brin="12AB",
            username="c.peeters",
            display_name="Ingrid Peeters",
            password=PASSWORD,
        )
        cid = _consent(owner, coordinator)
        with owner.engine.begin() as connection:
            connection.execute(text("INSERT INTO export_log (at, what) VALUES (now(), 'rapport')"))
            # Without the trigger, the privileges alone must hold.
            connection.execute(text("DROP TRIGGER consents_write_once ON consents"))
        with postgres_server.admin() as admin:
            admin.execute(f'CREATE ROLE "{role}" LOGIN')
        with owner.session() as session:
            session.execute(text(audit.grants_sql(role)))

        app = open_store(parse_url(owner_url).set(username=role).render_as_string(False))
        try:
            for statement in (
                "UPDATE export_log SET what = 'niets'",
                "DELETE FROM export_log",
                f"UPDATE consents SET scopes = 'pad' WHERE id = {cid}",
                f"UPDATE consents SET given_on = '2020-01-01' WHERE id = {cid}",
            ):
                with pytest.raises(DBAPIError, match="permission denied"), app.session() as s:
                    s.execute(text(statement))
            # Withdrawing, the one change a consent gets, still works as the app role.
            actor = app.run(accounts.login, "c.peeters", PASSWORD).actor_or_raise()
            app.run(consents.withdraw_consent, actor, cid, "01-10-2026", "de leerling zelf")
        finally:
            app.dispose()
    finally:
        owner.dispose()
        for _rest in databases:  # drops the database
            pass
        with postgres_server.admin() as admin:
            admin.execute(f'DROP ROLE IF EXISTS "{role}"')


# --- Beheer -> Auditlogboek -----------------------------------------------------------------


def test_beheer_checks_the_log_and_prints_its_checkpoint(
    store: Store, coordinator: Actor, trail: int, qtbot, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.ui.admin.audit_log import AuditLogTab
    from tests.ui.helpers import workspace_for

    tab = AuditLogTab(workspace_for(store, coordinator))
    qtbot.addWidget(tab)
    shown: list[tuple[str, str]] = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox,
            kind,
            staticmethod(lambda _p, _t, text, kind=kind: shown.append((kind, text))),
        )
    tab.verify_button.click()
    assert shown.pop() == ("information", f"Auditlogboek in orde: {trail} regels.")

    lines: list[str] = []
    monkeypatch.setattr(tab, "_show_checkpoint", lines.append)
    tab.checkpoint_button.click()
    assert lines[0].startswith("Controlepunt auditlogboek Koers, ")
    assert f"{trail} regels, laatste regel {trail}, vingerafdruk " in lines[0]

    _by_hand(store, f"DELETE FROM audit_log WHERE id > {trail - 137}")
    tab.verify_button.click()
    kind, text = shown.pop()
    assert kind == "warning"
    assert text.startswith(f"De laatste 137 regels ontbreken (na regel {trail - 137}).\n")
