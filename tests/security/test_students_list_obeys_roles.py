"""`python -m app students --format csv` lists names and birth dates: an export. A mentor
gets only their own students, a read-only account nothing (a Dutch message and a non-zero
exit), the coordinator everyone; every run that prints anything is in the export log."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.core.exit_codes import EXIT_OK
from app.core.validation import format_date
from app.db.store import Store
from app.models import ExportLog, Student, User
from app.services.admin import opening

PASSWORD = "demo-wachtwoord-lang-genoeg"


@pytest.fixture
def demo_school(database_url: str, monkeypatch, capsys) -> str:
    code, _out, err = _koers(monkeypatch, capsys, "demo", "--students", "12", "--database",
                             database_url)  # fmt: skip
    assert code == EXIT_OK, err
    return database_url


def _koers(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    """The command line in this process (no interpreter start-up per run)."""
    from app.cli import run

    monkeypatch.setenv("KOERS_PASSWORD", PASSWORD)
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _list(monkeypatch, capsys, url: str, user: str) -> tuple[int, str, str]:
    return _koers(monkeypatch, capsys, "students", "--format", "csv", "--database", url,
                  "--user", user)  # fmt: skip


def _open(url: str) -> Store:
    """The database as the coordinator opens it (the demo's SQLite file is encrypted)."""
    return opening.open_as_user(url, "demo", PASSWORD).store


def _facts(url: str) -> tuple[dict[str, int], dict[str, int | None], list[ExportLog]]:
    """User ids by name, mentor id by LAS key, and the export log."""
    store = _open(url)
    try:
        with store.session() as session:
            users = {u.username: u.id for u in session.scalars(select(User))}
            mentors = {
                s.las_key: s.mentor_id
                for s in session.scalars(select(Student).where(Student.archived.is_(False)))
            }
            logs = list(session.scalars(select(ExportLog).order_by(ExportLog.id)))
        return users, mentors, logs
    finally:
        store.dispose()


def _keys(out: str) -> list[str]:
    lines = out.splitlines()
    assert lines[0].startswith("leerlingnummer;achternaam")
    return [line.split(";")[0] for line in lines[1:]]


def test_mentor_lists_only_own_students(demo_school: str, monkeypatch, capsys) -> None:
    users, mentors, before = _facts(demo_school)
    own = sorted(k for k, m in mentors.items() if m == users["j.bosman"])
    assert own and len(own) < len(mentors)
    code, out, err = _list(monkeypatch, capsys, demo_school, "j.bosman")
    assert code == EXIT_OK, err
    assert sorted(_keys(out)) == own
    _users, _mentors, after = _facts(demo_school)
    (logged,) = after[len(before) :]
    assert (logged.user_id, logged.what) == (users["j.bosman"], "leerlingenlijst (opdrachtregel)")
    assert logged.basis == f"{len(own)} leerlingen"


def test_read_only_gets_nothing_personal(demo_school: str, monkeypatch, capsys) -> None:
    _users, _mentors, before = _facts(demo_school)
    store = _open(demo_school)
    with store.session() as session:
        students = list(session.scalars(select(Student)))
        personal = [s.surname for s in students] + [
            format_date(s.birth_date) for s in students if s.birth_date
        ]
    store.dispose()
    code, out, err = _list(monkeypatch, capsys, demo_school, "stagiair")
    assert code != EXIT_OK
    assert "Met alleen leesrechten kunt u geen leerlingenlijst uitvoeren" in err
    assert out == ""
    assert not any(value in err for value in personal)
    # Rows from two sessions are two objects: compare what was logged, by id.
    assert [log.id for log in _facts(demo_school)[2]] == [log.id for log in before], (
        "a refused list is no export"
    )


def test_coordinator_lists_everyone_and_it_is_logged(demo_school: str, monkeypatch, capsys) -> None:
    users, mentors, before = _facts(demo_school)
    code, out, err = _list(monkeypatch, capsys, demo_school, "demo")
    assert code == EXIT_OK, err
    assert sorted(_keys(out)) == sorted(mentors)
    (logged,) = _facts(demo_school)[2][len(before) :]
    assert (logged.user_id, logged.basis) == (users["demo"], f"{len(mentors)} leerlingen")
