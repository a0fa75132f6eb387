"""The CSV column mappings, one per source (an LAS, a spreadsheet layout), remembered.

'standaard' is built in: it maps the columns by their usual Dutch names
(`app.importers.csv_file.suggest_mapping`). A mapping is remembered under the name the
user gave its source when an import with it is applied.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import NotFoundError, ValidationError
from app.importers.csv_file import mapping_problems, read_table, suggest_mapping
from app.models import CsvMapping
from app.services.common.actor import Actor
from app.services.common.permissions import require_current_coordinator

STANDARD_MAPPING = "standaard"


def mapping_names(session: Session, actor: Actor) -> list[str]:
    """The remembered CSV sources, with the built-in 'standaard' (column names) first."""
    require_current_coordinator(session, actor)
    names = list(session.scalars(select(CsvMapping.name).order_by(CsvMapping.name)))
    return [STANDARD_MAPPING, *(n for n in names if n != STANDARD_MAPPING)]


def load_mapping(session: Session, actor: Actor, name: str, headers: list[str]) -> dict[str, str]:
    """The mapping remembered under `name`; 'standaard' is suggested from the headers."""
    require_current_coordinator(session, actor)
    row = session.scalars(select(CsvMapping).where(CsvMapping.name == name)).first()
    if row is None:
        if name == STANDARD_MAPPING:
            return suggest_mapping(headers)
        raise NotFoundError(f"Er is geen kolomindeling met de naam '{name}'.")
    return dict(json.loads(row.columns))


def remember_mapping(session: Session, actor: Actor, name: str, mapping: dict[str, str]) -> None:
    """Stores `mapping` under `name` (part of the import's transaction)."""
    name = " ".join(name.split())[:60]
    text = json.dumps({k: v for k, v in mapping.items() if v}, sort_keys=True)
    row = session.scalars(select(CsvMapping).where(CsvMapping.name == name)).first()
    if row is None:
        session.add(CsvMapping(name=name, columns=text, created_by_id=actor.user_id))
    elif row.columns != text:
        row.columns = text
        row.updated_by_id = actor.user_id


def csv_headers(data: bytes, name: str = "") -> tuple[list[str], str, str]:
    """The header line of a CSV file, with the encoding and delimiter found (no database)."""
    table = read_table(data, name)
    return table.headers, table.encoding, table.delimiter


def check_mapping(mapping: dict[str, str], headers: list[str]) -> None:
    """ValidationError naming each required column not chosen or not in the file."""
    problems = mapping_problems(mapping, headers)
    if problems:
        raise ValidationError({f"kolom{n}": p for n, p in enumerate(problems, start=1)})
