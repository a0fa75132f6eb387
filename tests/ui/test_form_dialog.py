"""The editing dialogs' skeleton: Enter saves, Esc cancels, a refusal is shown in place."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QMessageBox

from app.core.errors import ConflictError, ValidationError
from app.ui.common.form_dialog import FormDialog


class _NameDialog(FormDialog):
    def __init__(self) -> None:
        super().__init__("Naam", save_text="Vastleggen")
        self.name = QLineEdit()
        self.place = QLineEdit()
        self.form.addRow("Naam", self.name)
        self.form.addRow("Plaats", self.place)
        self.fields = {"name": self.name, "place": self.place}
        self.submitted: list[str] = []

    def submit(self) -> None:
        self.submitted.append(self.name.text())


def _shown(qtbot) -> _NameDialog:
    dialog = _NameDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _answer(monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> list[str]:
    """Answers the discard question with `answer`; returns the titles of the questions."""
    asked: list[str] = []

    def question(_parent, title, _text, *_args, **_kwargs):
        asked.append(title)
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def test_enter_in_a_field_saves_and_esc_cancels(qtbot, monkeypatch) -> None:
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog = _shown(qtbot)
    assert dialog.save_button.text() == "Vastleggen" and dialog.save_button.isDefault()
    dialog.name.setFocus()
    qtbot.keyClicks(dialog.name, "Anna")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.submitted == ["Anna"]
    assert dialog.isVisible()  # the subclass decides when it is done
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert dialog.submitted == ["Anna"] and asked == ["Wijzigingen weggooien?"]


def test_esc_on_an_untouched_form_closes_without_asking(qtbot, monkeypatch) -> None:
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    dialog = _NameDialog()
    dialog.name.setText("Anna")  # filled before it shows: that is the starting point
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and asked == []


def test_no_to_the_question_keeps_the_dialog_and_what_was_typed(qtbot, monkeypatch) -> None:
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    dialog = _shown(qtbot)
    qtbot.keyClicks(dialog.place, "Zwolle")
    qtbot.keyClick(dialog.place, Qt.Key.Key_Escape)
    dialog.close()  # the window's close button asks the same
    assert asked == ["Wijzigingen weggooien?"] * 2
    assert dialog.isVisible() and dialog.place.text() == "Zwolle"
    dialog.discard()


def test_enter_saves_again_after_the_focus_visited_annuleren(qtbot) -> None:
    """Saving disables Save while it works; Qt then moves the focus to Annuleren. Enter
    after the refusal must save again, not cancel what was typed."""
    dialog = _shown(qtbot)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert not cancel.autoDefault()
    cancel.setFocus()
    dialog.name.setFocus()
    qtbot.keyClicks(dialog.name, "12-13-2026")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    cancel.setFocus()
    qtbot.keyClick(cancel, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.submitted == ["12-13-2026"] * 2
    dialog.discard()


def test_a_validation_error_marks_its_fields_and_focuses_the_first(qtbot) -> None:
    dialog = _shown(qtbot)
    dialog.name.setFocus()
    dialog.show_error(ValidationError({"place": "Plaats: dit veld is verplicht."}))
    assert dialog.problem.isVisible() and "Plaats: dit veld" in dialog.problem.text()
    assert dialog.place.property("invalid") is True and not dialog.name.property("invalid")
    assert dialog.focusWidget() is dialog.place
    dialog.show_problems({})
    assert not dialog.problem.isVisible() and dialog.place.property("invalid") is False


def test_another_refusal_is_said_without_marking_fields(qtbot) -> None:
    dialog = _shown(qtbot)
    dialog.show_error(ConflictError("Iemand anders heeft dit net gewijzigd."))
    assert dialog.problem.text() == "Iemand anders heeft dit net gewijzigd."
    assert not dialog.name.property("invalid") and not dialog.place.property("invalid")
