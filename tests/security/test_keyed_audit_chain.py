"""Attack: delete rows from the middle of the audit log and recompute the chain.

On the encrypted embedded store each row's hash is an HMAC with a key derived from the
database key (never stored), so the recomputed rows no longer match: `audit verify` names
the first one. Rows written before the keyed chain stay verifiable with plain SHA-256 up to
the marker row that starts it. PostgreSQL and a plain SQLite file keep the plain chain (no
database key); an unchanged log verifies there as well.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.db import Store, audit_checkpoint, keyfile
from app.db.keyfile import KeyFile, keyfile_path
from app.db.store import sqlcipher_connect
from app.db.urls import parse_url, sqlite_path
from app.models.audit import AuditEntry
from app.models.base import utcnow
from app.services.admin import accounts
from app.services.admin.unlock import create_encrypted_database
from app.services.common import audit, audit_chain
from app.services.common.actor import Actor
from tests.koers_cli import run_koers

PASSWORD = "keyed-chain-wachtwoord"


@pytest.fixture(autouse=True)
def quick_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyfile, "KDF", {"time_cost": 1, "memory_cost": 8192, "parallelism": 1})


@pytest.fixture
def school(tmp_path: Path) -> Iterator[tuple[Store, Actor]]:
    """An encrypted school with 300 entries in its trail."""
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
    entries = [("export" if i % 10 == 0 else "view", "student", i, None) for i in range(300)]
    store.run(audit.record_many, actor, entries)
    yield store, actor
    store.dispose()


def _without_guards(store: Store, *statements: str) -> None:
    """What someone holding the file and its key can do with SQLCipher."""
    with store.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER IF EXISTS audit_log_no_update"))
        connection.execute(text("DROP TRIGGER IF EXISTS audit_log_no_delete"))
        for statement in statements:
            connection.execute(text(statement))


def _recompute_from(store: Store, first_id: int, key: bytes | None) -> None:
    """Rehashes every row from `first_id` on, linked to the row before it: plain SHA-256
    without `key` (the old scheme), else HMAC with that key."""
    with store.engine.begin() as connection:
        rows = list(
            connection.execute(select(AuditEntry.__table__).order_by(AuditEntry.id)).mappings()
        )
        prev = audit_chain.GENESIS
        for row in rows:
            if row["id"] >= first_id:
                digest = audit_chain.entry_hash(
                    prev, row["at"], row["user_id"], row["action"], row["entity"],
                    row["entity_id"], row["detail"], key,
                )  # fmt: skip
                connection.execute(
                    text("UPDATE audit_log SET prev_hash = :p, hash = :h WHERE id = :i"),
                    {"p": prev, "h": digest, "i": row["id"]},
                )
                prev = digest
            else:
                prev = row["hash"]


def _ids(store: Store) -> list[int]:
    return store.run(lambda s: list(s.scalars(select(AuditEntry.id).order_by(AuditEntry.id))))


def test_a_new_encrypted_school_is_keyed_from_its_first_row(
    school: tuple[Store, Actor],
) -> None:
    store, actor = school
    first = store.run(lambda s: s.scalars(select(AuditEntry).order_by(AuditEntry.id)).first())
    assert first.action == audit_chain.MARKER
    report = store.run(audit.check_chain, actor)
    assert report.intact and report.entries > 300
    # Not the plain hash: without the key the row cannot be recomputed.
    plain = audit._entry_hash(
        first.prev_hash, first.at, first.user_id, first.action, None, None, first.detail
    )
    assert first.hash != plain
    # The chain's key is derived, never stored: not in the key file beside the database.
    chain_key = audit_checkpoint.chain_key(store)
    assert chain_key is not None and chain_key != store.key
    assert chain_key.hex() not in keyfile_path(store.sqlite_file).read_text("utf-8")


@pytest.mark.parametrize("recompute_with", ["plain sha-256", "a wrong key"])
def test_deleting_middle_rows_and_recomputing_fails_at_the_first_rewritten_row(
    school: tuple[Store, Actor], recompute_with: str
) -> None:
    store, actor = school
    ids = _ids(store)
    gone = ids[100:120]
    _without_guards(store, f"DELETE FROM audit_log WHERE id BETWEEN {gone[0]} AND {gone[-1]}")
    wrong_key = hmac.new(b"guessed", b"koers audit chain v1", hashlib.sha256).digest()
    key = None if recompute_with == "plain sha-256" else wrong_key
    first_rewritten = ids[120]
    _recompute_from(store, first_rewritten, key)

    report = store.run(audit.check_chain, actor)
    assert not report.intact
    assert report.broken_at == first_rewritten


def test_recomputing_the_whole_chain_plain_fails_at_the_marker(
    school: tuple[Store, Actor],
) -> None:
    store, actor = school
    ids = _ids(store)
    _without_guards(store, f"DELETE FROM audit_log WHERE id BETWEEN {ids[50]} AND {ids[60]}")
    _recompute_from(store, ids[0], None)
    assert store.run(audit.check_chain, actor).broken_at == ids[0]


def test_rows_from_before_the_keyed_chain_stay_verifiable(
    school: tuple[Store, Actor],
) -> None:
    """An older Koers wrote plain rows; the first append now starts the keyed chain."""
    store, actor = school
    _without_guards(store, "DELETE FROM audit_log")
    prev = audit_chain.GENESIS
    legacy = []
    for n in range(5):
        at = utcnow()
        digest = audit._entry_hash(prev, at, actor.user_id, "view", "student", n, None)
        legacy.append(
            {"at": at, "user_id": actor.user_id, "action": "view", "entity": "student",
             "entity_id": n, "detail": None, "prev_hash": prev, "hash": digest}
        )  # fmt: skip
        prev = digest
    with store.engine.begin() as connection:
        connection.execute(AuditEntry.__table__.insert(), legacy)

    store.run(audit.record, actor, "view", "student", 99)
    store.run(audit.record, actor, "view", "student", 98)
    actions = store.run(
        lambda s: list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    )
    assert actions == ["view"] * 5 + [audit_chain.MARKER, "view", "view"]
    assert store.run(audit.verify_chain) is None

    # A plain row after the marker is a break, not a second way to pass.
    ids = _ids(store)
    _recompute_from(store, ids[-1], None)
    assert store.run(audit.verify_chain) == ids[-1]


def test_an_unchanged_log_verifies_on_both_databases(store: Store, coordinator: Actor) -> None:
    """PostgreSQL and a plain SQLite file have no database key: the plain chain applies."""
    store.run(audit.record_many, coordinator, [("view", "student", i, None) for i in range(50)])
    store.run(audit.record, coordinator, "logout", "user", coordinator.user_id)
    report = store.run(audit.check_chain, coordinator)
    assert report.intact and report.entries >= 51
    assert audit_checkpoint.chain_key(store) is None
    markers = store.run(
        lambda s: s.scalars(select(AuditEntry.id).where(AuditEntry.action == audit_chain.MARKER))
    ).all()
    assert markers == []


def test_audit_verify_names_the_first_recomputed_row(tmp_path: Path) -> None:
    """The command line on the encrypted demo school, attacked with SQLCipher directly."""
    database = tmp_path / "koers.db"
    url = f"sqlite:///{database}"
    demo = run_koers("demo", "--students", "5", "--database", url, data_dir=tmp_path,
                     password=PASSWORD)  # fmt: skip
    assert demo.returncode == 0, demo.stderr

    path = sqlite_path(parse_url(url))
    key = KeyFile.load(keyfile_path(path)).unlock("demo", PASSWORD)
    connection = sqlcipher_connect(path, key)
    try:
        connection.execute("DROP TRIGGER audit_log_no_delete")
        connection.execute("DROP TRIGGER audit_log_no_update")
        rows = connection.execute(
            "SELECT id, at, user_id, action, entity, entity_id, detail, hash FROM audit_log "
            "ORDER BY id"
        ).fetchall()
        assert rows[0][3] == audit_chain.MARKER and len(rows) >= 3
        connection.execute("DELETE FROM audit_log WHERE id = ?", (rows[1][0],))
        prev = rows[0][7]
        for row_id, at, user_id, action, entity, entity_id, detail, _hash in rows[2:]:
            when = datetime.fromisoformat(at)
            digest = audit._entry_hash(prev, when, user_id, action, entity, entity_id, detail)
            connection.execute(
                "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, row_id)
            )
            prev = digest
        connection.commit()
    finally:
        connection.close()

    verify = run_koers("audit", "verify", "--database", url, "--user", "demo",
                       data_dir=tmp_path, password=PASSWORD)  # fmt: skip
    assert verify.returncode == 1, verify.stdout + verify.stderr
    assert f"Auditlogboek beschadigd vanaf regel {rows[2][0]}.\n" in verify.stdout
