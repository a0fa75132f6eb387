"""The sample exports shipped for the demo school read cleanly, with their two warnings."""

from __future__ import annotations

from datetime import date

from app.core.resources import resource_path
from app.importers.csv_file import read_csv, read_table, suggest_mapping
from app.importers.edexml import read_edexml


def test_shipped_samples_import_with_two_warnings() -> None:
    xml = read_edexml(resource_path("demo/voorbeeld-leerlingen-edexml.xml").read_bytes())
    assert (len(xml.students), len(xml.errors), len(xml.warnings)) == (40, 0, 2)
    assert len(xml.staff) == 4
    data = resource_path("demo/voorbeeld-leerlingen.csv").read_bytes()
    table = read_table(data)
    csv = read_csv(data, suggest_mapping(table.headers), today=date(2026, 10, 1))
    assert (len(csv.students), len(csv.errors), len(csv.warnings)) == (40, 0, 2)
    assert [s.las_key for s in csv.students] == [s.las_key for s in xml.students]
