"""`unindexed(column)`: the column, with SQLite told not to answer it from an index.

SQLite's planner walks an index to save a sort whenever one matches the ORDER BY or the
WHERE, even when the query reads the whole table. On an encrypted file larger than the page
cache that walk jumps between table pages, and each page that fell out of the cache is
decrypted again: reading the table front to back and sorting is then several times faster.
SQLite's documented way to keep a term from an index is a unary `+` before the column;
other databases plan for themselves and get the plain column.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement


class unindexed(FunctionElement):
    """The wrapped column, read without an index on SQLite (with its type kept)."""

    inherit_cache = True
    name = "unindexed"

    def __init__(self, column: ColumnElement[Any]) -> None:
        super().__init__(column)
        self.type = column.type


@compiles(unindexed)
def _plain(element: unindexed, compiler: Any, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(unindexed, "sqlite")
def _no_index_on_sqlite(element: unindexed, compiler: Any, **kw: Any) -> str:
    return "+" + compiler.process(element.clauses, **kw)
