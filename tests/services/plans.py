"""SQLite's query plan of a statement, as one line, for tests of which index a query uses."""

from __future__ import annotations

from app.db import Store


def query_plan(store: Store, stmt) -> str:
    with store.session() as session:
        sql = str(stmt.compile(session.get_bind(), compile_kwargs={"literal_binds": True}))
        rows = session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}").all()
    return " | ".join(row[-1] for row in rows)
