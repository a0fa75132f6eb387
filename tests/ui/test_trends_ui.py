"""The Trends area: filters change the figures shown, the switch changes the shape, an
export writes a file that the export log records, and the area is in the main window."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event, select

from app.models import ExportLog
from app.services.trends.area import Tab
from app.services.trends.figures import Shape
from app.services.trends.monitor import MonitorShape
from app.ui.trends.view import TrendsArea
from tests.services.trends.conftest import LEAVERS, ON, add_leavers
from tests.ui.helpers import main_window, new_school, workspace_for


def _area(qtbot, tmp_path: Path):
    store, coordinator = new_school(tmp_path, "trends-2026")
    with store.session() as session:
        add_leavers(session, LEAVERS)
    area = TrendsArea(workspace_for(store, coordinator))
    area.on = ON
    qtbot.addWidget(area)
    area.refresh()
    return store, area


def _destination_headers(area: TrendsArea) -> list[str]:
    (panel,) = area.panels[Tab.DESTINATIONS]
    return [panel.table.horizontalHeaderItem(c).text() for c in range(panel.table.columnCount())]


def test_filters_change_the_figures_and_the_switch_changes_the_shape(qtbot, tmp_path: Path) -> None:
    store, area = _area(qtbot, tmp_path)
    assert area.view.leavers == 11
    assert "11 vertrekkers" in area.summary.text()
    # The filters offer what the data hold.
    municipalities = [area.municipality.itemText(i) for i in range(area.municipality.count())]
    assert municipalities == ["Alle gemeenten", "Kampen", "Zwolle"]
    (panel,) = area.panels[Tab.DESTINATIONS]
    assert panel.chart_view is not None and "n = 11" in panel.notes.text()

    area.municipality.setCurrentIndex(area.municipality.findData("Kampen"))
    assert area.view.leavers == 2  # Eva, Gijs
    assert "2 vertrekkers" in area.summary.text()
    area.municipality.setCurrentIndex(0)
    area.first_year.setCurrentIndex(area.first_year.findData(2024))
    assert area.view.leavers == 2  # Jan, Kim
    assert area.first_year.currentData() == 2024  # the choice survives the reload

    area.shape.setCurrentIndex(area.shape.findData(Shape.KOERS))
    koers = _destination_headers(area)
    area.shape.setCurrentIndex(area.shape.findData(Shape.VSO))
    assert _destination_headers(area) != koers

    # The chart's table is one click away.
    (panel,) = area.panels[Tab.DESTINATIONS]
    panel.toggle.click()
    assert panel.pages.currentWidget() is panel.table
    store.dispose()


def test_placement_shows_the_norm_and_every_tab_has_figures(qtbot, tmp_path: Path) -> None:
    store, area = _area(qtbot, tmp_path)
    assert not area.panels[Tab.PLACEMENT]  # a tab loads when it is opened
    for index in range(area.tabs.count()):
        area.tabs.setCurrentIndex(index)
    assert all(area.panels[tab] for tab in Tab)
    placed, _retained = area.panels[Tab.PLACEMENT]
    assert "90 %" in placed.notes.text() and "Sectorraad" in placed.notes.text()
    store.dispose()


def test_an_export_writes_a_file_the_export_log_records(qtbot, tmp_path: Path) -> None:
    store, area = _area(qtbot, tmp_path)
    written: list[Path] = []
    area.exported.connect(written.append)
    area.monitor_shape.setCurrentIndex(area.monitor_shape.findData(MonitorShape.PRO))
    area.monitor_year.setValue(2023)
    target = tmp_path / "monitor.csv"
    area.export_monitor_to(target)
    assert written == [target] and target.exists()
    assert "uitvoerlogboek" in area.export_status.text()
    report = tmp_path / "trends.pdf"
    area.export_report_to(report)
    assert report.read_bytes().startswith(b"%PDF")
    chart = tmp_path / "grafiek.png"
    area.save_chart_to(area.panels[Tab.DESTINATIONS][0], chart)
    assert chart.exists()
    with store.session() as session:
        logged = session.scalars(select(ExportLog.what)).all()
    assert len(logged) == 3 and "monitor pro 2023" in logged[0]
    store.dispose()


def test_the_area_is_in_the_main_window(qtbot, tmp_path: Path) -> None:
    store, coordinator = new_school(tmp_path, "trends-2026")
    window = main_window(qtbot, workspace_for(store, coordinator), tmp_path)
    keys = [window.navigation.item(i).data(0x0100) for i in range(window.navigation.count())]
    assert "trends" in keys
    window.navigation.setCurrentRow(keys.index("trends"))
    assert isinstance(window.areas["trends"], TrendsArea)
    store.dispose()


def test_opening_the_area_sends_as_many_statements_for_80_more_leavers(
    qtbot, tmp_path: Path
) -> None:
    """The counting is a GROUP BY in SQL: more students, not more statements."""
    store, area = _area(qtbot, tmp_path)

    def statements_to_open() -> int:
        seen: list[str] = []

        def count(_conn, _cursor, statement, *_args) -> None:
            seen.append(statement)

        event.listen(store.engine, "before_cursor_execute", count)
        try:
            opened = TrendsArea(area.workspace)
            opened.on = ON
            qtbot.addWidget(opened)
            opened.refresh()
            for index in range(opened.tabs.count()):  # every tab's figures
                opened.tabs.setCurrentIndex(index)
            assert all(opened.panels[tab] for tab in Tab)
        finally:
            event.remove(store.engine, "before_cursor_execute", count)
        return len(seen)

    before = statements_to_open()
    with store.session() as session:
        many = {f"Extra{n}": LEAVERS["Anna"] for n in range(80)}
        add_leavers(session, many, surname="Extra")
    assert statements_to_open() == before
    store.dispose()
