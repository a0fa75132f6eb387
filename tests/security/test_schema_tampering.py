"""Item 1(a): an account holder with tools changes the schema behind Koers's back.

On the embedded store any account's password unwraps the database key, so a mentor can open
the file with SQLCipher and drop the audit trail's append-only trigger or change a table;
on PostgreSQL a role with DDL rights can do the same. The next open must notice, open the
database read-only and tell the coordinator in Dutch; the command line refuses to write.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.core.errors import ReadOnlyError
from app.db.keyfile import KeyFile, keyfile_path
from app.db.store import sqlcipher_connect
from app.db.urls import parse_url, sqlite_path
from app.services.admin import opening
from app.services.students import student_file as students
from app.services.students.student_file import StudentInput

USER = "c.peeters"
PASSWORD = "Horizon-wachtwoord-2026"
SCHOOL = {
    "school_name": "De Horizon",
    "brin": "12AB",
    "username": USER,
    "display_name": "Ingrid Peeters",
    "password": PASSWORD,
}


@pytest.fixture
def school_url(database_url: str) -> str:
    """A school as the first start makes it: an encrypted file, or the server."""
    opening.create_school(opening.find_school(database_url), **SCHOOL).store.dispose()
    return database_url


def _with_tools(url: str, *statements: str) -> None:
    """What someone does outside Koers: on SQLite with the key their own password unwraps."""
    path = sqlite_path(parse_url(url))
    if path is None:
        engine = create_engine(url)
        try:
            with engine.begin() as connection:
                for statement in statements:
                    connection.execute(text(statement))
        finally:
            engine.dispose()
        return
    key = KeyFile.load(keyfile_path(path)).unlock(USER, PASSWORD)
    assert key is not None
    connection = sqlcipher_connect(path, key)
    try:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def _drop_trigger(url: str) -> None:
    if url.startswith("sqlite"):
        _with_tools(url, "DROP TRIGGER audit_log_no_delete")
    else:
        _with_tools(url, "DROP TRIGGER audit_log_append_only ON audit_log")


def _add_student(session, actor) -> None:
    students.create_student(session, actor, StudentInput(first_name="Sem", surname="Jansen"))


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (_drop_trigger, "audit_log_"),
        (lambda url: _with_tools(url, "ALTER TABLE students DROP COLUMN notes"), "students.notes"),
        (lambda url: _with_tools(url, "CREATE TABLE copied (x INTEGER)"), "copied"),
    ],
    ids=["dropped-trigger", "dropped-column", "extra-table"],
)
def test_a_schema_changed_outside_koers_opens_read_only_with_a_dutch_message(
    school_url: str, change: Callable[[str], None], named: str
) -> None:
    change(school_url)

    entered = opening.open_as_user(school_url, USER, PASSWORD)
    try:
        assert entered.store.read_only
        message = entered.store.read_only_message
        assert "buiten Koers om veranderd" in message and "alleen-lezen" in message
        assert named in message
        with pytest.raises(ReadOnlyError) as refused:
            entered.store.run(_add_student, entered.actor)
        assert refused.value.message == message
    finally:
        entered.store.dispose()


def test_an_untouched_school_opens_for_work(school_url: str) -> None:
    entered = opening.open_as_user(school_url, USER, PASSWORD)
    try:
        assert not entered.store.read_only and entered.store.schema_problems == []
        entered.store.run(_add_student, entered.actor)
    finally:
        entered.store.dispose()


def test_the_command_line_refuses_to_write_and_says_why(
    school_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import run

    _drop_trigger(school_url)
    monkeypatch.setenv("KOERS_PASSWORD", PASSWORD)

    code = run(["purge", "--database", school_url, "--user", USER])
    err = capsys.readouterr().err
    assert code == 1
    assert "buiten Koers om veranderd" in err

    code = run(["audit", "verify", "--database", school_url, "--user", USER])
    out, err = capsys.readouterr()
    assert code == 1
    assert "niet te vertrouwen" in out and "buiten Koers om veranderd" in err


def test_the_main_window_shows_the_coordinator_why_it_is_read_only(
    school_url: str, qtbot, tmp_path: Path
) -> None:
    from tests.ui.helpers import main_window, workspace_for

    _drop_trigger(school_url)
    entered = opening.open_as_user(school_url, USER, PASSWORD)
    try:
        window = main_window(qtbot, workspace_for(entered.store, entered.actor), tmp_path)
        assert not window.schema_banner.isHidden()
        assert "buiten Koers om veranderd" in window.schema_banner.text()
    finally:
        entered.store.dispose()
