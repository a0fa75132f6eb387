"""A first start that dies half-way (app.services.admin.data_folder, first_start): the next
start recognises what it left, refuses to use it, and moves it aside only when asked."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from app.core.errors import KoersError
from app.db import keyfile
from app.services.admin import data_folder, opening
from app.services.admin.data_folder import HalfMadeFolderError
from app.services.admin.unlock import create_encrypted_database
from tests.services.test_opening import PASSWORD, SCHOOL

NOW = datetime(2026, 3, 14, 9, 15)


def _db(tmp_path: Path) -> Path:
    return tmp_path / "koers.db"


def _url(tmp_path: Path) -> str:
    return f"sqlite:///{_db(tmp_path)}"


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _keys_only(tmp_path: Path) -> None:
    keyfile.create(keyfile.keyfile_path(_db(tmp_path)), "De Horizon", "c.peeters", PASSWORD)


def _database_without_keys(tmp_path: Path) -> None:
    opening.create_school(opening.find_school(_url(tmp_path)), **SCHOOL).store.dispose()
    keyfile.keyfile_path(_db(tmp_path)).unlink()


def _unfinished_pending(tmp_path: Path) -> None:
    # What a kill before the rename leaves: the new database under its temporary name.
    data_folder.pending_path(_db(tmp_path)).write_bytes(b"\x8a" * 8192)


@pytest.mark.parametrize(
    ("make", "what"),
    [
        (_keys_only, data_folder.NO_DATABASE),
        (_database_without_keys, data_folder.NO_KEY_FILE),
        (_unfinished_pending, data_folder.UNFINISHED),
    ],
)
def test_a_half_made_folder_is_named_refused_and_moved_aside_whole(
    tmp_path: Path, make, what: str
) -> None:
    make(tmp_path)
    before = _contents(tmp_path)
    found = opening.find_school(_url(tmp_path))
    assert (found.kind, found.is_new) == ("half_made", False)
    assert found.half_made is not None and found.half_made.what == what

    # Neither a log-in nor a new school touches it; the message says what is there.
    with pytest.raises(HalfMadeFolderError) as refused:
        opening.open_as_user(_url(tmp_path), "c.peeters", PASSWORD)
    assert what in refused.value.message and "onvolledig" in refused.value.message
    assert not refused.value.is_auth, "not a wrong password (exit code 3)"
    with pytest.raises(HalfMadeFolderError):
        opening.create_school(found, **SCHOOL)
    assert _contents(tmp_path) == before

    folder = opening.clean_start(_url(tmp_path), NOW)
    assert folder.name == "koers.db.onvolledig-20260314-0915"
    assert _contents(folder) == before, "moved aside, byte for byte, nothing deleted"
    assert [p for p in tmp_path.iterdir() if p.is_file()] == []
    fresh = opening.find_school(_url(tmp_path))
    assert fresh.is_new
    opening.create_school(fresh, **SCHOOL).store.dispose()


def test_an_older_start_stopped_before_its_school_is_recognised_once_the_password_opens_it(
    tmp_path: Path,
) -> None:
    # Older Koers versions wrote the key file and the database before the school.
    store, _recovery = create_encrypted_database(
        _url(tmp_path), "De Horizon", "c.peeters", PASSWORD
    )
    store.dispose()
    before = _contents(tmp_path)
    assert opening.find_school(_url(tmp_path)).kind == "encrypted"
    with pytest.raises(KoersError) as wrong:
        opening.open_as_user(_url(tmp_path), "c.peeters", "niet-het-wachtwoord")
    assert wrong.value.is_auth
    with pytest.raises(HalfMadeFolderError) as refused:
        opening.open_as_user(_url(tmp_path), "c.peeters", PASSWORD)
    assert data_folder.NO_SCHOOL in refused.value.message
    assert _contents(tmp_path) == before, "found out without migrating or writing"

    with pytest.raises(KoersError):
        opening.clean_start(_url(tmp_path), NOW, "c.peeters", "niet-het-wachtwoord")
    folder = opening.clean_start(_url(tmp_path), NOW, "c.peeters", PASSWORD)
    assert sorted(_contents(folder)) == sorted(before)
    assert opening.find_school(_url(tmp_path)).is_new


def test_a_complete_school_is_never_moved_aside(tmp_path: Path) -> None:
    opening.create_school(opening.find_school(_url(tmp_path)), **SCHOOL).store.dispose()
    before = _contents(tmp_path)
    with pytest.raises(KoersError):
        opening.clean_start(_url(tmp_path), NOW, "c.peeters", PASSWORD)
    assert _contents(tmp_path) == before
    assert sorted(before) == ["koers.db", "koers.db.keys"], "no temporary file stays behind"


def test_a_first_start_that_fails_inside_its_transaction_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.admin import accounts

    def full_disk(*_args, **_kwargs):
        raise OSError("schijf vol")

    monkeypatch.setattr(accounts, "initialise_school", full_disk)
    found = opening.find_school(_url(tmp_path))
    with pytest.raises(OSError):
        opening.create_school(found, **SCHOOL)
    assert list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    entered = opening.create_school(found, **SCHOOL)
    entered.store.dispose()
    assert opening.find_school(_url(tmp_path)).school_name == "De Horizon"


def test_the_demo_school_is_checked_before_anything_is_written(tmp_path: Path) -> None:
    from app.demo import school as demo_school

    found = opening.find_school(_url(tmp_path))
    with pytest.raises(KoersError) as caught:
        demo_school.create_demo_school(found, password="abcd", students=2)
    assert "Wachtwoord" in caught.value.message
    assert list(tmp_path.iterdir()) == []
    demo_school.create_demo_school(found, password=PASSWORD, students=2).store.dispose()
    # Every demo account's password opens the file: the key file was written whole, last.
    opening.open_as_user(_url(tmp_path), "m.vandijk", PASSWORD).store.dispose()
