"""Is the schema still the one Koers made? Checked at every open, on SQLite and PostgreSQL.

Anyone who can open the database with a tool (on the embedded store: any account holder,
whose password unwraps the database key) can drop the append-only triggers of the audit
trail or change tables behind Koers's back. The database then still works, so only a check
notices: the tables and columns of the current head (the models, which the migrations are
tested to match) and the triggers the migrations create. A difference makes the store
read-only, with a Dutch message for the coordinator (see `TAMPERED_MESSAGE`).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

# The triggers the migrations create, per dialect (0002: the audit trail is append-only).
EXPECTED_TRIGGERS: dict[str, frozenset[str]] = {
    "sqlite": frozenset({"audit_log_no_update", "audit_log_no_delete"}),
    "postgresql": frozenset({"audit_log_append_only", "audit_log_no_truncate"}),
}
# Tables that are not models: Alembic's own bookkeeping.
NOT_MODELS = frozenset({"alembic_version"})

TAMPERED_MESSAGE = (
    "De database is buiten Koers om veranderd: {problems}. Koers opent haar daarom "
    "alleen-lezen; wijzigen kan niet. Uitstroomcoördinator: zet een goede back-up terug "
    "(Beheer > Back-ups) of laat de beheerder van de PostgreSQL-server het schema herstellen, "
    "en ga na wie de database met andere programma's heeft geopend."
)


def expected_tables() -> dict[str, frozenset[str]]:
    """Table name -> column names of the current Alembic head, from the models."""
    from app.models import Base

    return {
        name: frozenset(column.name for column in table.columns)
        for name, table in Base.metadata.tables.items()
    }


def _columns(connection: Connection) -> dict[str, set[str]]:
    """Table -> column names, in one query (the check runs at every open)."""
    if connection.dialect.name == "sqlite":
        rows = connection.execute(
            text(
                "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p "
                "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
            )
        )
    else:
        rows = connection.execute(
            text(
                "SELECT c.relname, a.attname FROM pg_class c "
                "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 "
                "AND NOT a.attisdropped "
                "WHERE c.relkind IN ('r', 'p') AND c.relnamespace = current_schema()::regnamespace"
            )
        )
    found: dict[str, set[str]] = {}
    for table, column in rows:
        found.setdefault(table, set()).add(column)
    return found


def _triggers(connection: Connection) -> set[str]:
    if connection.dialect.name == "sqlite":
        rows = connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
    else:
        rows = connection.execute(
            text(
                "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace"
            )
        )
    return {row[0] for row in rows}


def schema_problems(engine: Engine) -> list[str]:
    """What differs from the schema Koers expects, in Dutch; empty when it is intact."""
    expected = expected_tables()
    problems: list[str] = []
    with engine.connect() as connection:
        columns = _columns(connection)
        triggers = _triggers(connection)
        wanted = EXPECTED_TRIGGERS.get(connection.dialect.name, frozenset())
    found = set(columns) - NOT_MODELS
    for name in sorted(set(expected) - found):
        problems.append(f"tabel {name} ontbreekt")
    for name in sorted(found - set(expected)):
        problems.append(f"onbekende tabel {name}")
    for name in sorted(found & set(expected)):
        for column in sorted(expected[name] - columns[name]):
            problems.append(f"kolom {name}.{column} ontbreekt")
        for column in sorted(columns[name] - expected[name]):
            problems.append(f"onbekende kolom {name}.{column}")
    for trigger in sorted(wanted - triggers):
        problems.append(f"beveiliging {trigger} ontbreekt")
    return problems


def tampered_message(problems: list[str]) -> str:
    shown = "; ".join(problems[:5]) + ("; ..." if len(problems) > 5 else "")
    return TAMPERED_MESSAGE.format(problems=shown)
