"""Alembic environment: runs on the connection Koers hands over in `config.attributes`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

import app.models
from app.db.urls import parse_url

target_metadata = app.models.Base.metadata


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = context.config.get_main_option("sqlalchemy.url")
    engine = create_engine(parse_url(url))
    with engine.connect() as conn:
        _run(conn)
