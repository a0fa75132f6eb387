"""Issue 19, item 4: the board's view is the same whether Koers reads the rows (SQLite, one
app role) or the server hands out counts only (per-user logins on PostgreSQL, 0019).

The region is the demo's (two schools, leavers with aftercare calls). The schema then passes
to an owner that is no superuser, as on a real server (README: `koers_owner`): FORCE ROW
LEVEL SECURITY holds that owner to the policies too, also inside its SECURITY DEFINER
function, which a superuser owner would hide.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import psycopg
import pytest

from app.db import Store, open_store, server_roles
from app.db.urls import as_user
from app.demo import region as demo_region
from app.services.admin import accounts
from app.services.trends.board import BoardView, board_overview
from app.services.trends.suppression import SMALL
from tests.conftest import PostgresServer
from tests.security.test_row_level_security import _passwords_for_koers_roles

pytestmark = pytest.mark.postgres

PASSWORD = "regio-demo-2026"
ON = date.today()  # the demo's dates are around today


@dataclass
class Region:
    server: PostgresServer
    database: str
    url: str  # the superuser's: reads the rows
    board_login: str

    def board_url(self) -> str:
        return as_user(self.url + "?koers_roles=server", self.board_login, PASSWORD)


@pytest.fixture(scope="module")
def region(postgres_server: PostgresServer) -> Iterator[Region]:
    _passwords_for_koers_roles(postgres_server)
    database = f"koers_board_{uuid.uuid4().hex[:8]}"
    owner = f"koers_owner_{uuid.uuid4().hex[:6]}"
    with postgres_server.admin() as admin:
        admin.execute(f'CREATE DATABASE "{database}"')
        admin.execute(f'CREATE ROLE "{owner}" NOLOGIN')
    url = postgres_server.url(database)
    try:
        store = open_store(url)
        store.run(demo_region.generate_region, password=PASSWORD, schools=2, students=40, seed=11)
        # The demo's board user gets a login of its own (the DBA's step for a region).
        store.run(server_roles.set_login, demo_region.BOARD_USERNAME, PASSWORD, "board", True)
        store.dispose()
        _hand_schema_to(postgres_server, database, owner)
        yield Region(postgres_server, database, url, demo_region.BOARD_USERNAME)
    finally:
        with postgres_server.admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            admin.execute(f'DROP ROLE IF EXISTS "{owner}"')
            admin.execute(f'DROP ROLE IF EXISTS "{demo_region.BOARD_USERNAME}"')


def _hand_schema_to(server: PostgresServer, database: str, owner: str) -> None:
    """Tables, sequences and functions pass to `owner` (no superuser, no BYPASSRLS)."""
    with psycopg.connect(
        host=server.host, port=server.port, user=server.superuser, dbname=database, autocommit=True
    ) as connection:
        tables = connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        ).fetchall()
        for (table,) in tables:
            connection.execute(f'ALTER TABLE "{table}" OWNER TO "{owner}"')
        functions = connection.execute(
            "SELECT p.oid::regprocedure::text FROM pg_proc p "
            "WHERE p.pronamespace = 'public'::regnamespace"
        ).fetchall()
        for (function,) in functions:
            connection.execute(f'ALTER FUNCTION {function} OWNER TO "{owner}"')


def _view(url: str) -> BoardView:
    store = Store(url)
    try:
        board = store.run(accounts.login, demo_region.BOARD_USERNAME, PASSWORD).actor
        assert board is not None
        return store.run(board_overview, board, ON)
    finally:
        store.dispose()


def test_the_board_with_its_own_login_sees_what_the_rows_give(region: Region) -> None:
    from_rows = _view(region.url)
    from_server = _view(region.board_url())
    # The figures are there to compare: students at school, leavers by destination, and
    # answers at 6 and 12 months, and moments passed without an answer (the year's story
    # has a young person who is not reached).
    assert all(school.cohort > 0 and school.leavers > 0 for school in from_rows.schools)
    assert sum(s.retention[6].known for s in from_rows.schools) > 0
    assert sum(s.retention[12].known for s in from_rows.schools) > 0
    assert sum(s.retention[m].unknown for s in from_rows.schools for m in (6, 12)) > 0
    assert from_rows.destinations.cells[-1][-1] == str(sum(s.leavers for s in from_rows.schools))
    # Per school: the same counts, the same retention, the same suppressed table.
    assert from_server == from_rows
    assert any(SMALL in row for row in from_server.destinations.cells)


def test_the_boards_login_still_reads_no_student_row_only_counts(region: Region) -> None:
    with psycopg.connect(
        host=region.server.host,
        port=region.server.port,
        user=region.board_login,
        password=PASSWORD,
        dbname=region.database,
        autocommit=True,
    ) as connection:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("SELECT count(*) FROM students")
        columns = connection.execute(
            "SELECT * FROM koers_board_school_counts('2000-08-01', '2100-07-31', "
            "ARRAY[6], ARRAY[DATE '2100-07-31'])"
        ).description
        # Counts per school, destination and answer: no id, no name, no date of a student.
        assert [c.name for c in columns] == [
            "school_id",
            "figure",
            "months",
            "destination",
            "still",
            "students",
        ]
