"""The acceptance walk by keyboard alone: log in, filter the cohort, open a student, record a
conversation with an agreement, print the parent report, log an aftercare call. Every step is
a key pressed in whatever has the focus (Tab, Enter, Alt+letter, Ctrl+...): no mouse event
and no widget focused by the test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from app.core.validation import format_date, today
from app.models import AftercareCall, Conversation, ExportLog
from app.ui.aftercare.call_dialog import CallDialog
from app.ui.startup import StartupController
from app.ui.tasks import TaskRunner
from tests.ui.test_aftercare_ui import PASSWORD
from tests.ui.test_aftercare_ui import school as aftercare_school  # noqa: F401

Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


class _Windows:
    """The window the user works in. The offscreen platform has no window manager: it
    sometimes drops the activation when another window shows or hides, where a desktop
    keeps it. Activating a window again is what the window manager does, not a click."""

    current: QWidget | None = None


def activate(qtbot, window: QWidget) -> None:
    _Windows.current = window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    if widget is None and _Windows.current is not None:
        _Windows.current.activateWindow()
        QApplication.processEvents()
        widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot, key: Key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(focus(), key, modifier)


def type_text(qtbot, text: str) -> None:
    """Types into whatever has the focus, letter by letter: a table opens its cell editor
    at the first letter, and the next ones go there."""
    for letter in text:
        qtbot.keyClick(focus(), letter)


def tab_until(qtbot, found: Callable[[QWidget], bool], limit: int = 80) -> QWidget:
    """Presses Tab until the focus is on a widget `found` accepts (as a user would)."""
    for _ in range(limit):
        if found(focus()):
            return focus()
        press(qtbot, Key.Key_Tab)
    raise AssertionError(f"Tab never reached it; focus stayed around {focus()!r}")


@pytest.fixture
def controller(qtbot, tmp_path, aftercare_school) -> Iterator[StartupController]:  # noqa: F811
    settings = QSettings(str(tmp_path / "k.ini"), QSettings.Format.IniFormat)
    settings.setValue("help/tour_seen", True)
    controller = StartupController(aftercare_school, settings, TaskRunner(synchronous=True))
    controller.start()
    qtbot.addWidget(controller.login)
    yield controller
    controller.close_database()


def test_the_acceptance_walk_by_keyboard_only(qtbot, controller, tmp_path) -> None:
    login = controller.login
    activate(qtbot, login)
    # 1. Log in: the name field has the focus; Tab to the password, Enter.
    assert focus() is login.username
    type_text(qtbot, "c.peeters")
    press(qtbot, Key.Key_Tab)
    type_text(qtbot, PASSWORD)
    press(qtbot, Key.Key_Return)
    window = controller.main_window
    assert window is not None, login.message.text()
    qtbot.addWidget(window)
    activate(qtbot, window)

    # 2. Filter the cohort: Ctrl+F goes to the search field; the list follows the typing.
    press(qtbot, Key.Key_F, CTRL)
    assert focus() is window.cohort.search
    type_text(qtbot, "Bram")
    table = window.cohort.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)

    # 3. Open the student: Tab to the list, Down to the row, Enter opens the file.
    tab_until(qtbot, lambda w: w is table)
    press(qtbot, Key.Key_Down)
    press(qtbot, Key.Key_Return)
    file_window = next(iter(window.file_windows.values()))
    qtbot.addWidget(file_window)
    activate(qtbot, file_window)

    # 4. Record a conversation with an agreement: arrow keys on the tab bar to Gesprekken,
    # Alt+N for a new one, Alt+letters to the fields and tabs, Ctrl+S to save.
    tabs = file_window.tabs
    gesprekken = next(i for i in range(tabs.count()) if tabs.tabText(i) == "Gesprekken")
    assert focus() is tabs.tabBar()
    while tabs.currentIndex() != gesprekken:
        press(qtbot, Key.Key_Right)
    conversations_tab = file_window.sections["gesprekken"]
    qtbot.waitUntil(conversations_tab.new_button.isVisible)
    press(qtbot, Key.Key_N, ALT)
    # A mnemonic "clicks" the button after a short animation: wait for what it opens.
    qtbot.waitUntil(lambda: conversations_tab.dialog is not None)
    dialog = conversations_tab.dialog
    assert dialog.isVisible()
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    # It opens on today, planned: Alt+U to the status, Down to "Gehouden".
    press(qtbot, Key.Key_U, ALT)
    assert focus() is dialog.status
    while dialog.status.currentText() != "Gehouden":
        press(qtbot, Key.Key_Down)
    # Deelnemers (Alt+D): into the list, to the "Aanwezig" column, Space ticks who was there.
    press(qtbot, Key.Key_D, ALT)
    people = dialog.participants.table
    tab_until(qtbot, lambda w: w is people)
    press(qtbot, Key.Key_Home, CTRL)
    press(qtbot, Key.Key_End)
    for row in range(people.rowCount()):
        if people.item(row, 3).checkState() != Qt.CheckState.Checked:
            press(qtbot, Key.Key_Space)
        press(qtbot, Key.Key_Down)
    assert all(
        people.item(r, 3).checkState() == Qt.CheckState.Checked for r in range(people.rowCount())
    )
    # The Gesprek tab (Alt+G), Tab to the summary, type it.
    press(qtbot, Key.Key_G, ALT)
    tab_until(qtbot, lambda w: w is dialog.summary)
    type_text(qtbot, "Bram werkt graag met dieren. Hij wil op de zorgboerderij blijven.")
    # The Afspraken tab (Alt+A), Alt+V adds a row; Tab into it and type who, what, when.
    press(qtbot, Key.Key_A, ALT)
    press(qtbot, Key.Key_V, ALT)
    agreements = dialog.agreements.table
    qtbot.waitUntil(lambda: agreements.rowCount() == 1)
    tab_until(qtbot, lambda w: w is agreements)
    due = format_date(today() + timedelta(days=14))
    for text in ("Mentor", "Belt de zorgboerderij over een contract", due):
        type_text(qtbot, text)
        press(qtbot, Key.Key_Tab)
    press(qtbot, Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with controller.store.session() as session:
        saved = session.scalars(select(Conversation)).one()
        assert saved.summary.startswith("Bram werkt graag met dieren.")
        assert [(a.who, a.what) for a in saved.agreements] == [
            ("Mentor", "Belt de zorgboerderij over een contract")
        ]

    # 5. Print the parent report: the new conversation is selected; Alt+T to the language,
    # Down to Arabic, Alt+A prints. (The system print dialog is replaced by a PDF printer,
    # as in the other printing tests: it is the operating system's, not Koers's.)
    activate(qtbot, file_window)
    assert conversations_tab.selected().id == saved.id
    printed = tmp_path / "afdruk.pdf"

    def to_file(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    conversations_tab.printing.ask_printer = to_file
    press(qtbot, Key.Key_T, ALT)
    assert focus() is conversations_tab.language_box
    while conversations_tab.language_box.language() != "ar":
        press(qtbot, Key.Key_Down)
    press(qtbot, Key.Key_A, ALT)
    qtbot.waitUntil(printed.exists)
    # Printed as PDF pages drawn as images: the words are in the report the service made.
    with controller.store.session() as session:
        logged = [e.scopes for e in session.scalars(select(ExportLog))]
    assert logged == ["afgedrukt, in het Nederlands en Arabisch"]
    assert conversations_tab.printing.last_pages >= 1

    # 6. Log an aftercare call: back to the main window, Ctrl+<n> to Nazorg, Tab to the
    # list, Down to Bram's call, Alt+C, Tab to the note, type, Tab to Opslaan, Space.
    activate(qtbot, window)
    nazorg = next(
        r
        for r in range(window.navigation.count())
        if window.navigation.item(r).data(Qt.ItemDataRole.UserRole) == "nazorg"
    )
    press(qtbot, Qt.Key(Key.Key_1 + nazorg), CTRL)
    assert window.current_area_key() == "nazorg"
    worklist = window.areas["nazorg"].worklist
    tab_until(qtbot, lambda w: w is worklist.table)
    press(qtbot, Key.Key_Down)
    for _ in range(worklist.model.rowCount()):
        if worklist.selected_row().student_name.startswith("Bram"):
            break
        press(qtbot, Key.Key_Down)
    assert worklist.selected_row().student_name == "Bram Verhoeven"
    press(qtbot, Key.Key_C, ALT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), CallDialog))
    call_dialog = QApplication.activeModalWidget()
    activate(qtbot, call_dialog)
    tab_until(qtbot, lambda w: w is call_dialog.note)
    type_text(qtbot, "Gaat goed op de zorgboerderij.")
    tab_until(qtbot, lambda w: w is call_dialog.save_button)
    press(qtbot, Key.Key_Space)
    qtbot.waitUntil(lambda: not call_dialog.isVisible())
    with controller.store.session() as session:
        notes = [c.note for c in session.scalars(select(AftercareCall)) if c.made_on]
    assert notes == ["Gaat goed op de zorgboerderij."]
