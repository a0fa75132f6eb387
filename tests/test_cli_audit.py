"""`python -m app audit ...`: the chain check a school's IT can run, the subject-access
export, and the PostgreSQL privileges that keep the trail append-only."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from app.core.exit_codes import EXIT_NOT_ALLOWED, EXIT_USAGE
from app.db import open_store
from app.db.keyfile import KeyFile, keyfile_path
from app.db.store import sqlcipher_connect
from app.db.urls import parse_url, sqlite_path
from app.services.admin import accounts
from app.services.common import audit
from app.services.students import student_file as students
from app.services.students.student_file import StudentInput
from tests.koers_cli import run_koers

PASSWORD = "cli-audit-wachtwoord"


def _koers(*args: str, data_dir: Path, password: str = PASSWORD) -> subprocess.CompletedProcess:
    return run_koers(*args, data_dir=data_dir, password=password)


def _edit_one_audit_row_by_hand(url: str) -> int:
    """What someone with the file (and the key) or a superuser could do outside Koers."""
    path = sqlite_path(parse_url(url))
    if path is not None:
        key = KeyFile.load(keyfile_path(path)).unlock("demo", PASSWORD)
        assert key is not None, "the first log-in encrypted the demo database"
        connection = sqlcipher_connect(path, key)
        try:
            connection.execute("DROP TRIGGER audit_log_no_update")
            (row_id,) = connection.execute("SELECT min(id) + 1 FROM audit_log").fetchone()
            connection.execute("UPDATE audit_log SET action = 'view' WHERE id = ?", (row_id,))
            connection.commit()
        finally:
            connection.close()
        return row_id
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(text("DROP TRIGGER audit_log_append_only ON audit_log"))
            row_id = connection.scalar(text("SELECT min(id) + 1 FROM audit_log"))
            connection.execute(
                text("UPDATE audit_log SET user_id = NULL WHERE id = :id"), {"id": row_id}
            )
    finally:
        engine.dispose()
    return row_id


def test_verify_passes_on_a_normal_database_and_fails_after_a_hand_edit(
    database_url: str, tmp_path: Path
) -> None:
    demo = _koers("demo", "--students", "10", "--database", database_url, data_dir=tmp_path)
    assert demo.returncode == 0, demo.stderr

    intact = _koers(
        "audit", "verify", "--database", database_url, "--user", "demo", data_dir=tmp_path
    )
    assert intact.returncode == 0, intact.stderr
    assert re.fullmatch(r"Auditlogboek in orde: \d+ regels\.\n", intact.stdout), intact.stdout

    tampered = _edit_one_audit_row_by_hand(database_url)

    broken = _koers(
        "audit", "verify", "--database", database_url, "--user", "demo", data_dir=tmp_path
    )
    assert broken.returncode == 1, broken.stderr
    assert broken.stdout == f"Auditlogboek beschadigd vanaf regel {tampered}.\n"


def _in_process(monkeypatch, capsys, *args: str, password: str = PASSWORD) -> tuple[int, str, str]:
    """The same command line, run in this process (no interpreter start-up to wait for)."""
    from app.cli import run

    monkeypatch.setenv("KOERS_PASSWORD", password)
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_verify_is_for_coordinators_and_export_writes_the_file(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    assert _in_process(monkeypatch, capsys, "demo", "--students", "5", "--database", url)[0] == 0
    code, out, err = _in_process(
        monkeypatch, capsys, "audit", "verify", "--database", url, "--user", "j.bosman"
    )
    assert code == EXIT_NOT_ALLOWED
    assert "Alleen een uitstroomcoördinator" in err
    assert "Auditlogboek" not in out

    target = tmp_path / "inzage.json"
    export = ("audit", "export", "--database", url, "--user", "demo", "--out")
    code, out, err = _in_process(monkeypatch, capsys, *export, str(target), "--student", "100001")
    assert code == 0, err
    assert str(target) in out
    data = json.loads(target.read_text("utf-8"))
    assert data["student"]["las_key"] == "100001"
    assert data["tables"]["guardians"]

    missing = tmp_path / "x.json"
    code, _out, err = _in_process(
        monkeypatch, capsys, *export, str(missing), "--student", "niemand"
    )
    assert code == EXIT_USAGE  # a student that does not exist, as exit_codes documents
    assert "Geen leerling gevonden" in err
    assert not missing.exists()


def test_grants_prints_sql_without_logging_in(monkeypatch, capsys) -> None:
    code, out, _err = _in_process(monkeypatch, capsys, "audit", "grants", "--role", "koers_app")
    assert code == 0
    assert out == audit.grants_sql("koers_app")
    assert 'GRANT SELECT, INSERT ON TABLE audit_log TO "koers_app";' in out
    assert "students" in out and "UPDATE, DELETE ON TABLE\n    aftercare_calls" in out
    code, _out, err = _in_process(
        monkeypatch, capsys, "audit", "grants", "--role", "x; DROP TABLE users"
    )
    assert code == 2
    assert "geen geldige rolnaam" in err


@pytest.mark.postgres
def test_the_app_role_may_append_to_the_trail_but_not_change_it(postgres_server) -> None:
    from tests.conftest import _fresh_postgres_database

    databases = _fresh_postgres_database(postgres_server)
    owner_url = next(databases)
    role = f"koers_app_{os.getpid()}"
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
        with postgres_server.admin() as admin:
            admin.execute(f'CREATE ROLE "{role}" LOGIN')
        with owner.session() as session:
            session.execute(text(audit.grants_sql(role)))

        app_url = parse_url(owner_url).set(username=role)
        app = open_store(app_url.render_as_string(hide_password=False))
        # The trigger is the other guard; drop it to see the privileges alone hold (after
        # the open: a trigger missing at open makes the store read-only, see tests/security).
        with owner.session() as session:
            session.execute(text("DROP TRIGGER audit_log_append_only ON audit_log"))
        try:
            # The app works as this role: log in, add a student, read the file (all logged).
            actor = app.run(accounts.login, "c.peeters", PASSWORD).actor_or_raise()
            student_id = app.run(
                students.create_student, actor, StudentInput(first_name="Sem", surname="Smit")
            )
            app.run(students.open_student_file, actor, student_id)
            assert app.run(audit.check_chain, coordinator).intact
            for statement in (
                "UPDATE audit_log SET detail = 'niets' WHERE id = 1",
                "DELETE FROM audit_log WHERE id = 1",
                "TRUNCATE audit_log",
            ):
                with pytest.raises(DBAPIError, match="permission denied"), app.session() as s:
                    s.execute(text(statement))
        finally:
            app.dispose()
        assert owner.run(audit.check_chain, coordinator).intact
    finally:
        owner.dispose()
        for _rest in databases:  # drops the database
            pass
        with postgres_server.admin() as admin:
            admin.execute(f'DROP ROLE IF EXISTS "{role}"')
