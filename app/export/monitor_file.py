"""Monitor figures as one CSV or XLSX file: a title, then each table with its header,
rows and note, one blank line apart. Takes plain, already suppressed tables."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.export import tabular


@dataclass(frozen=True, slots=True)
class PlainTable:
    title: str
    header: Sequence[str]  # the first cell heads the row labels
    rows: Sequence[Sequence[str]]
    note: str = ""


def lines_of(title: str, subtitle: str, tables: Sequence[PlainTable]) -> list[list[str]]:
    lines: list[list[str]] = [[subtitle], []]
    for table in tables:
        lines.append([table.title])
        lines.append(list(table.header))
        lines.extend(list(row) for row in table.rows)
        if table.note:
            lines.append([table.note])
        lines.append([])
    return lines


def write_monitor(
    title: str, subtitle: str, tables: Sequence[PlainTable], path: str | Path
) -> Path:
    """Writes the tables to `path` (.csv or .xlsx), every cell as text."""
    target = Path(path)
    lines = lines_of(title, subtitle, tables)
    if target.suffix.lower() == ".xlsx":
        return tabular.write_xlsx([title], lines, target, sheet="Monitor")
    return tabular.write_csv([title], lines, target)
