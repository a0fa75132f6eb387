"""Schema upgrades: the migrations build exactly the model, back up first, refuse the future."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import IntegrityError

from app.core.resources import package_path
from app.db import Store, migrate, open_store
from app.models import Base, Student
from app.services.admin import accounts
from app.services.students import student_file as students
from app.services.students.student_file import StudentInput


def test_upgrade_builds_every_table_on_an_empty_database(database_url: str) -> None:
    store = Store(database_url)
    try:
        assert migrate.needs_upgrade(store)
        assert migrate.upgrade(store) is True
        assert migrate.current_revision(store) == migrate.head_revision()
        assert not migrate.needs_upgrade(store)
        assert migrate.upgrade(store) is False
        tables = set(inspect(store.engine).get_table_names())
        assert tables == set(Base.metadata.tables) | {"alembic_version"}
    finally:
        store.dispose()


def test_migrated_schema_matches_the_models(store: Store) -> None:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_a_new_sqlite_database_gets_no_backup(tmp_path: Path) -> None:
    open_store(f"sqlite:///{tmp_path / 'koers.db'}").dispose()
    assert list(tmp_path.glob("*.bak")) == []


def test_database_from_a_newer_koers_is_refused_untouched(store: Store) -> None:
    with store.session() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(migrate.DatabaseTooNewError) as caught:
        migrate.needs_upgrade(store)
    assert "nieuwere versie van Koers" in str(caught.value)
    with pytest.raises(migrate.DatabaseTooNewError):
        open_store(store.url.render_as_string(hide_password=False)).dispose()
    assert migrate.current_revision(store) == "9999_future"


def _school_with_one_student(store: Store) -> None:
    actor = store.run(
        accounts.initialise_school,
        school_name="De Horizon",
        brin="12AB",
        username="c.peeters",
        display_name="Ingrid Peeters",
        password="horizon-2026-veilig",
    )
    store.run(students.create_student, actor, StudentInput(first_name="Sanne", surname="Bos"))


def _rows(path: Path, table: str) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()


def test_backup_sqlite_is_a_complete_readable_copy(tmp_path: Path) -> None:
    path = tmp_path / "koers.db"
    store = open_store(f"sqlite:///{path}")
    _school_with_one_student(store)
    store.dispose()

    backup = migrate.backup_sqlite(path, "handmatig")

    assert backup.parent == tmp_path
    assert backup.name.startswith("koers.handmatig-") and backup.suffix == ".bak"
    with sqlite3.connect(backup) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    for table in ("students", "users", "audit_log"):
        assert _rows(backup, table) == _rows(path, table)
    assert len(_rows(backup, "students")) == 1


@pytest.fixture
def migrations_with_a_next_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A copy of the shipped migrations plus one more step, as the next release would have."""
    root = tmp_path / "release"
    target = root / "app/db/migrations"
    shutil.copytree(package_path("app/db/migrations"), target)
    head = migrate.head_revision()
    (target / "versions" / "9000_next.py").write_text(
        f'''revision = "9000"
down_revision = "{head}"
branch_labels = None
depends_on = None

from alembic import op
import sqlalchemy as sa


def upgrade():
    op.add_column("students", sa.Column("nickname", sa.String(40), nullable=True))


def downgrade():
    op.drop_column("students", "nickname")
'''
    )
    monkeypatch.setattr(migrate, "package_path", lambda relative: root / relative)
    return head


def test_upgrading_an_older_sqlite_file_backs_it_up_first(
    tmp_path: Path, migrations_with_a_next_revision: str
) -> None:
    old_head = migrations_with_a_next_revision
    path = tmp_path / "koers.db"
    url = f"sqlite:///{path}"
    store = Store(url)
    # Bring the file to today's schema with the shipped steps only, then add real data.
    with store.engine.begin() as connection:
        config = migrate.alembic_config(store)
        config.attributes["connection"] = connection
        command.upgrade(config, old_head)
    _school_with_one_student(store)
    store.dispose()

    upgraded = open_store(url)
    try:
        assert migrate.current_revision(upgraded) == "9000"
        with upgraded.session() as session:
            assert session.scalars(select(Student.surname)).all() == ["Bos"]
    finally:
        upgraded.dispose()

    backups = list((tmp_path / "backups").glob(f"koers.voor-upgrade-{old_head}-*.bak"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (old_head,)
        ]
        columns = [row[1] for row in connection.execute("PRAGMA table_info(students)")]
        assert "nickname" not in columns
        assert connection.execute("SELECT surname FROM students").fetchall() == [("Bos",)]


def test_closing_reason_step_keeps_closed_paths_and_leaves_their_reason_empty(
    database_url: str,
) -> None:
    """0011 adds the reason a path was closed; paths closed before it keep every value."""
    store = Store(database_url)
    try:
        with store.engine.begin() as connection:
            config = migrate.alembic_config(store)
            config.attributes["connection"] = connection
            command.upgrade(config, "0010")
        # Rows as the 0010 schema holds them (the models already know the new column).
        with store.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO students (first_name, surname, school_type, "
                    "legal_representation, archived, version, created_at, updated_at) VALUES "
                    "('Sanne', 'Bos', 'vso', 'geen', false, 1, CURRENT_TIMESTAMP, "
                    "CURRENT_TIMESTAMP)"
                )
            )
            student_id = connection.execute(text("SELECT id FROM students")).scalar_one()
            connection.execute(
                text(
                    "INSERT INTO transition_paths (student_id, current_phase, destination, "
                    "version, created_at, updated_at) VALUES (:s, 'afgesloten', "
                    "'geen_werk_of_studie', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
                ),
                {"s": student_id},
            )
        assert migrate.upgrade(store) is True
        assert migrate.current_revision(store) == migrate.head_revision()
        for table in ("transition_paths", "path_phases"):
            columns = {c["name"] for c in inspect(store.engine).get_columns(table)}
            assert "closing_reason" in columns
        with store.engine.connect() as connection:
            row = connection.execute(
                text("SELECT current_phase, destination, closing_reason FROM transition_paths")
            ).one()
        assert tuple(row) == ("afgesloten", "geen_werk_of_studie", None)
    finally:
        store.dispose()


def test_las_numbers_become_unique_per_school_and_every_row_stays(database_url: str) -> None:
    """0019: on SQLite the old UNIQUE (las_key) is part of the students table; taking it out
    must keep every student and every child row (no rebuild cascading into guardians), and
    leave a sound file."""
    store = Store(database_url)
    try:
        with store.engine.begin() as connection:
            config = migrate.alembic_config(store)
            config.attributes["connection"] = connection
            command.upgrade(config, "0018")
        with store.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO schools (name, brin, location) VALUES "
                    "('A', '11AA', '00'), ('B', '22BB', '00')"
                )
            )
            for key, school in (("100", 1), ("200", None)):
                connection.execute(
                    text(
                        "INSERT INTO students (las_key, school_id, first_name, surname, "
                        "school_type, legal_representation, archived, version, created_at, "
                        "updated_at) VALUES (:key, :school, 'Sanne', 'Bos', 'vso', 'geen', "
                        "false, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
                    ),
                    {"key": key, "school": school},
                )
            connection.execute(
                text(
                    "INSERT INTO guardians (student_id, name, relation, has_authority, "
                    "needs_interpreter, version, created_at, updated_at) "
                    "SELECT id, 'Ouder', 'ouder', true, false, 1, CURRENT_TIMESTAMP, "
                    "CURRENT_TIMESTAMP FROM students"
                )
            )
        assert migrate.upgrade(store) is True
        insert = text(
            "INSERT INTO students (las_key, school_id, first_name, surname, school_type, "
            "legal_representation, archived, version, created_at, updated_at) VALUES "
            "(:key, :school, 'Noor', 'Ali', 'vso', 'geen', false, 1, CURRENT_TIMESTAMP, "
            "CURRENT_TIMESTAMP)"
        )
        with store.engine.begin() as connection:
            assert connection.execute(text("SELECT count(*) FROM guardians")).scalar() == 2
            connection.execute(insert, {"key": "100", "school": 2})  # another school: fine
            if store.engine.dialect.name == "sqlite":
                assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        for key, school in (("100", 1), ("200", None)):  # the same school twice: refused
            with pytest.raises(IntegrityError), store.engine.begin() as connection:
                connection.execute(insert, {"key": key, "school": school})
    finally:
        store.dispose()
