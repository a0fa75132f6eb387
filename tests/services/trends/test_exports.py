"""Monitor exports, the internal worksheet and the trend report: suppressed, logged."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.errors import PermissionDeniedError, ValidationError
from app.db import Store
from app.models import ExportLog, Role
from app.services.common.actor import Actor
from app.services.trends.exports import WORKSHEET_NOTE, export_monitor, export_worksheet
from app.services.trends.monitor import MonitorShape
from app.services.trends.report import export_trend_report

from .conftest import ON


def _cells(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig") as handle:
        return list(csv.reader(handle, delimiter=";"))


@pytest.mark.parametrize("shape", list(MonitorShape))
def test_every_monitor_shape_is_written_without_a_count_under_five(
    school: Store, coordinator: Actor, tmp_path: Path, shape: MonitorShape
) -> None:
    out = tmp_path / f"{shape.value}.csv"
    school.run(export_monitor, coordinator, shape, 2023, out, ON)
    for row in _cells(out)[3:]:
        for cell in row[1:]:
            if cell.isdigit():
                assert int(cell) >= 5, (shape, row)
    with school.session() as session:
        logged = session.scalars(select(ExportLog.what)).all()
    assert logged == [f"monitor {shape.value} 2023 (anoniem)"]


def test_the_pro_monitor_table_of_the_named_leavers(
    school: Store, coordinator: Actor, tmp_path: Path
) -> None:
    out = tmp_path / "pro.xlsx"
    school.run(export_monitor, coordinator, MonitorShape.PRO, 2023, out, ON)
    from openpyxl import load_workbook

    rows = [[c for c in row] for row in load_workbook(out).active.iter_rows(values_only=True)]
    start = next(n for n, row in enumerate(rows) if row[0] == "Bestemming per meting")
    header, at_leaving = rows[start + 1], rows[start + 2]
    assert header[0] in ("", None) and header[1] == "Werk (ook werk met bbl)"
    # Eight PrO leavers of 2023 (Ilse is VSO): every category count is under 5.
    assert at_leaving[0].startswith("Bij uitstroom")
    assert set(at_leaving[1:11]) <= {"<5", "x"}
    # The total of Anna .. Hugo (8), unless hiding it keeps a small count from being worked out.
    assert at_leaving[-1] in ("8", "x")


def test_the_worksheet_lists_each_pro_leaver_and_stays_inside(
    school: Store, coordinator: Actor, tmp_path: Path
) -> None:
    out = tmp_path / "werkblad.csv"
    school.run(export_worksheet, coordinator, 2024, out, ON)
    rows = _cells(out)
    assert rows[0][0] == "Meting"
    by_name = {(r[2], r[0].split(" (")[0]): r for r in rows[1:]}
    assert by_name[("Anna", "Na 1 jaar")][5] == "Werk (ook werk met bbl)"
    assert by_name[("Bram", "Na 1 jaar")][5] == "Vso"
    assert by_name[("Bram", "Na 1 jaar")][8] == "ja"  # mbo at leaving, vso a year on
    assert by_name[("Cees", "Na 1 jaar")][7] == "Niet succesvol geplaatst"
    assert by_name[("Jan", "Bij uitstroom")][5] == "Werk (ook werk met bbl)"
    with school.session() as session:
        assert session.scalars(select(ExportLog.basis)).all() == [WORKSHEET_NOTE]


def test_the_trend_report_is_a_pdf_and_refused_to_a_mentor(
    school: Store, coordinator: Actor, tmp_path: Path
) -> None:
    out = tmp_path / "trends.pdf"
    school.run(export_trend_report, coordinator, out, ON)
    assert out.read_bytes().startswith(b"%PDF")
    mentor = Actor(user_id=coordinator.user_id, username="m", display_name="M", role=Role.MENTOR)
    with pytest.raises(PermissionDeniedError):
        school.run(export_trend_report, mentor, tmp_path / "nee.pdf", ON)
    with pytest.raises(ValidationError):
        school.run(export_trend_report, coordinator, tmp_path / "trends.txt", ON)
    assert not (tmp_path / "nee.pdf").exists()
