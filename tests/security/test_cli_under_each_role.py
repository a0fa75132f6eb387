"""Every sub-command of `python -m app`, under every kind of user, ends in a Dutch line and a
documented exit code, never a traceback (issue "Harden the data protection", item 8).

The commands are read from the CLI's own parser, so a new command is tried here without
anyone adding it; a new required argument fails until it gets a sample value below.
"""

from __future__ import annotations

import argparse
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import build_parser, run
from app.core.exit_codes import EXIT_AUTH, EXIT_NOT_ALLOWED
from app.demo.las_files import write_demo_samples
from app.services.admin import login_throttle
from app.services.admin.login_throttle import FREE_FAILURES, MAX_WAIT, wait_after

PASSWORD = "rollen-test-wachtwoord"
DOCUMENTED = {0, 1, 2, 3, 4, 5}
# (user, password) per kind of user of the demo school; a.debruijn is switched off first.
ROLES = {
    "coordinator": ("demo", PASSWORD),
    "mentor": ("m.vandijk", PASSWORD),
    "read-only": ("stagiair", PASSWORD),
    "switched-off": ("a.debruijn", PASSWORD),
    "wrong-password": ("demo", "niet-het-goede-wachtwoord"),
}


def leaf_commands() -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every sub-command that does something (`audit verify`, `users add`, ...)."""

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> Iterator:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            yield path, parser
            return
        for name, sub in subs[0].choices.items():
            yield from walk(sub, (*path, name))

    return [(path, parser) for path, parser in walk(build_parser(), ()) if path]


def _sample(path: tuple[str, ...], dest: str, files: dict[str, Path], out: Path) -> str:
    """A plausible value for a required argument; a new one needs a line here."""
    if dest == "file":
        return str(files["xml"] if path[-1] == "edexml" else files["csv"])
    values = {
        "student": "100001",
        "out": str(out / ("uit.csv" if {"leavers", "monitor"} & set(path) else "uit.pdf")),
        "recipient": "auto",
        "year": "2026",
        "mapping": "standaard",
        "username": "t.verbeek" if "add" not in path else "nieuw.account",
        "name": "Nieuw Account",
        "role": "mentor",
        "shape": "pro",
    }
    if dest not in values:
        raise AssertionError(f"give `{' '.join(path)}` a sample value for its argument {dest}")
    return values[dest]


def argv_for(
    path: tuple[str, ...], parser: argparse.ArgumentParser, user: str, url: str, files, out: Path
) -> list[str]:
    argv = [*path, "--database", url]
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction) or action.dest == "database":
            continue
        if action.option_strings and not action.required:
            continue
        value = user if action.dest == "user" else _sample(path, action.dest, files, out)
        argv += [action.option_strings[0], value] if action.option_strings else [value]
    return argv


def _cli(argv: list[str], password: str, monkeypatch, capsys) -> tuple[int, str]:
    monkeypatch.setenv("KOERS_PASSWORD", password)
    monkeypatch.setenv("KOERS_NEW_PASSWORD", "nieuw-wachtwoord-2026")
    capsys.readouterr()
    code = run(argv)
    return code, capsys.readouterr().err


@pytest.fixture
def demo_school(database_url: str, monkeypatch, capsys) -> str:
    code, err = _cli(["demo", "--students", "4", "--database", database_url], PASSWORD,
                     monkeypatch, capsys)  # fmt: skip
    assert code == 0, err
    code, err = _cli(["users", "disable", "a.debruijn", "--user", "demo", "--database",
                      database_url], PASSWORD, monkeypatch, capsys)  # fmt: skip
    assert code == 0, err
    return database_url


def assert_dutch_failure(code: int, err: str, argv: list[str]) -> None:
    assert "Traceback" not in err, (argv, err)
    assert code in DOCUMENTED, (argv, code, err)
    if code != 0:
        said = [line for line in err.splitlines() if line.startswith("koers: ")]
        assert said, (argv, err)
        assert "onverwachte fout" not in err, (argv, err)


@pytest.mark.parametrize("role", list(ROLES))
def test_every_command_under_every_role_ends_in_dutch_and_a_documented_code(
    role: str, demo_school: str, tmp_path: Path, monkeypatch, capsys
) -> None:
    user, password = ROLES[role]
    # Twenty refused log-ins in a row would wait minutes for real: count the waits instead.
    waits: list[float] = []
    monkeypatch.setattr(login_throttle, "pause", waits.append)
    xml, csv = write_demo_samples(tmp_path / "las")
    out = tmp_path / "uit"
    out.mkdir()
    codes: dict[str, int] = {}
    for path, parser in leaf_commands():
        argv = argv_for(path, parser, user, demo_school, {"xml": xml, "csv": csv}, out)
        code, err = _cli(argv, password, monkeypatch, capsys)
        assert_dutch_failure(code, err, argv)
        codes[" ".join(path)] = code
    acting = [name for name, (_p, parser) in zip(codes, leaf_commands(), strict=True)
              if any(a.dest == "user" for a in parser._actions)]  # fmt: skip
    if role in ("switched-off", "wrong-password"):
        # Nothing opens: every command acting as a user ends in "wrong password" (on
        # PostgreSQL, backup and restore point to the server's own tools first) ...
        no_login = {"restore"} | ({"backup"} if demo_school.startswith("postgresql") else set())
        assert {codes[n] for n in acting if n not in no_login} == {EXIT_AUTH}, codes
        # ... and the tries after the free ones waited, the later ones near the cap (less
        # the seconds a command itself took).
        assert len(waits) >= len(acting) - len(no_login) - FREE_FAILURES - 1, waits
        assert wait_after(5) < max(waits) <= MAX_WAIT, waits
    if role in ("mentor", "read-only"):
        # ... and what only a coordinator may do ends in "not allowed for your role".
        for name in ("users add", "users list", "users disable", "purge", "audit verify"):
            assert codes[name] == EXIT_NOT_ALLOWED, (name, codes)
    if role == "mentor":
        assert codes["import csv"] == EXIT_NOT_ALLOWED, codes


def test_a_missing_key_file_is_said_in_dutch_for_every_command(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    code, err = _cli(["demo", "--students", "3", "--database", url], PASSWORD, monkeypatch, capsys)
    assert code == 0, err
    (tmp_path / "k.db.keys").unlink()
    xml, csv = write_demo_samples(tmp_path / "las")
    for path, parser in leaf_commands():
        argv = argv_for(path, parser, "demo", url, {"xml": xml, "csv": csv}, tmp_path)
        code, err = _cli(argv, PASSWORD, monkeypatch, capsys)
        assert_dutch_failure(code, err, argv)
        assert "not a database" not in err, (argv, err)


def test_a_damaged_database_file_is_said_in_dutch(tmp_path: Path, monkeypatch, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    code, err = _cli(["demo", "--students", "3", "--database", url], PASSWORD, monkeypatch, capsys)
    assert code == 0, err
    (tmp_path / "k.db").write_bytes(bytes(range(256)) * 32)
    shutil.rmtree(tmp_path / "k.db-wal", ignore_errors=True)
    code, err = _cli(["students", "--user", "demo", "--database", url], PASSWORD, monkeypatch,
                     capsys)  # fmt: skip
    assert code == 1 and "Traceback" not in err
    assert "koers: de database is niet te lezen" in err


def test_an_unexpected_error_is_one_dutch_line_and_a_log(tmp_path: Path, monkeypatch, capsys):
    import app.commands.students as students

    def broken(args):
        raise RuntimeError("stuk")

    monkeypatch.setattr(students, "run", broken)
    code, err = _cli(["students", "--user", "demo"], PASSWORD, monkeypatch, capsys)
    assert code == 1 and "Traceback" not in err
    assert "koers: onverwachte fout (RuntimeError); de details staan in" in err
    log = Path(err.split("de details staan in ")[1].strip().rstrip("."))
    assert "RuntimeError: stuk" in log.read_text()
