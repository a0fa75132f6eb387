"""The editing dialogs' skeleton: Enter saves, Esc cancels, a refusal is shown in place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit

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


def test_enter_in_a_field_saves_and_esc_cancels(qtbot) -> None:
    dialog = _shown(qtbot)
    assert dialog.save_button.text() == "Vastleggen" and dialog.save_button.isDefault()
    dialog.name.setFocus()
    qtbot.keyClicks(dialog.name, "Anna")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.submitted == ["Anna"]
    assert dialog.isVisible()  # the subclass decides when it is done
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert dialog.submitted == ["Anna"]


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
