"""In-app help: F1 opens the handbook page of the area the user is in, Help → Handleiding the
whole handbook (with the rules and their sources), and a first-start tour that can be skipped
and reopened."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt

from app.ui.help.pages import AREA_PAGES, PAGES, handbook_text, page_text
from app.ui.help.tour import STEPS, Tour, offer_first_start_tour
from app.ui.help.window import WHOLE
from app.ui.main_window import MainWindow
from tests.ui.helpers import new_school, workspace_for


def _window(qtbot, tmp_path: Path) -> MainWindow:
    store, actor = new_school(tmp_path, "hulp-test-2026")
    settings = QSettings(str(tmp_path / "koers.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace_for(store, actor), settings)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_every_area_has_a_page_and_every_page_is_in_the_handbook() -> None:
    keys = {key for key, _title in PAGES}
    assert set(AREA_PAGES.values()) <= keys
    whole = handbook_text()
    for key in keys:
        assert page_text(key).splitlines()[0].startswith("# ")
        assert page_text(key) in whole
    # The rules behind the settings, each with its source.
    rules = page_text("regels")
    for rule, source in [
        ("Toestemmingsleeftijd", "UAVG art. 5"),
        ("Grondslag per gegevensstroom", "AVG art. 6"),
        ("Bewaartermijn", "AVG art. 5 lid 1 onder e"),
        ("Nazorgperiode", "WEC art. 44"),
    ]:
        line = next(line for line in rules.splitlines() if line.startswith(f"| {rule}"))
        assert source in line


def test_f1_opens_the_page_of_the_area_and_help_the_whole_handbook(qtbot, tmp_path) -> None:
    window = _window(qtbot, tmp_path)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.help.help_window is not None
    assert window.help.help_window.current == "leerlingen"
    assert "uitstroomgroep" in window.help.help_window.text.toPlainText()
    # To the conversations area by keyboard (Ctrl+3), then F1 again.
    row = next(
        r
        for r in range(window.navigation.count())
        if window.navigation.item(r).data(Qt.ItemDataRole.UserRole) == "gesprekken"
    )
    window.area_actions[row].trigger()
    assert window.current_area_key() == "gesprekken"
    window.help.context_action.trigger()
    assert window.help.help_window.current == "gesprekken"
    assert "Het verslag voor ouders" in window.help.help_window.text.toPlainText()
    window.help.handbook_action.trigger()
    assert window.help.help_window.current == WHOLE
    text = window.help.help_window.text.toPlainText()
    assert "Regels en bronnen" in text and "Sneltoetsen" in text
    window.help.shortcuts_action.trigger()
    assert "Ctrl+F" in window.help.help_window.text.toPlainText()


def test_the_tour_is_offered_once_can_be_skipped_and_reopened(qtbot, tmp_path) -> None:
    window = _window(qtbot, tmp_path)
    settings = QSettings(str(tmp_path / "tour.ini"), QSettings.Format.IniFormat)
    tour = offer_first_start_tour(window, settings)
    assert tour is not None and tour.isVisible()
    assert 3 <= len(STEPS) <= 4 and tour.step_label.text() == f"Stap 1 van {len(STEPS)}"
    tour.skip_button.click()
    assert not tour.isVisible()
    assert offer_first_start_tour(window, settings) is None  # seen: not again
    again = window.help.show_tour()
    for _ in range(len(STEPS) - 1):
        again.next_button.click()
    assert again.next_button.text() == "&Klaar"
    again.next_button.click()
    assert again.result() == Tour.DialogCode.Accepted


def test_every_work_area_of_the_window_has_its_own_page() -> None:
    """A new area in the navigation gets a handbook page, so F1 there is not the cohort's."""
    from app.ui.main_window import EXTRA_AREAS

    areas = {"cohort", "beheer", *(area.key for area in EXTRA_AREAS)}
    assert areas - set(AREA_PAGES) == set()
