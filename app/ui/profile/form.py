"""A small base for the editing dialogs of the profile and the path.

The dialog saves through one use case; a validation error keeps it open with the fields
marked and every message listed, so the user fixes everything at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import ValidationError
from app.ui.common.fields import mark_invalid
from app.ui.common.messages import show_error
from app.ui.workspace import Workspace

DATE_HINT = "dd-mm-jjjj"


def date_edit(value: str = "") -> QLineEdit:
    edit = QLineEdit(value)
    edit.setPlaceholderText(DATE_HINT)
    edit.setMaximumWidth(130)
    return edit


def enum_combo(mapping: dict, empty: str | None = None) -> QComboBox:
    """A combo over a label dict {enum: Dutch label}; the data is the enum's value."""
    combo = QComboBox()
    if empty is not None:
        combo.addItem(empty, None)
    for value, label in mapping.items():
        combo.addItem(label, value.value)
    return combo


def select_data(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


class FormDialog(QDialog):
    def __init__(self, workspace: Workspace, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(title)
        self.setModal(True)
        self.result_value: Any = None
        self.fields: dict[str, QWidget] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setStyleSheet("color: #b00020;")
        self.problems.setWordWrap(True)
        self.problems.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Opslaan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)

    def finish_layout(self) -> None:
        self.body.addStretch()  # extra height goes below the fields, not between them
        self.body.addWidget(self.problems)
        self.body.addWidget(self.buttons)

    def add_field(self, name: str, label: str, widget: QWidget) -> QWidget:
        self.fields[name] = widget
        self.form.addRow(label, widget)
        return widget

    # --- saving -------------------------------------------------------------------------
    def use_case(self) -> tuple[Callable[..., Any], tuple]:
        raise NotImplementedError

    def submit(self) -> None:
        self.show_problems({})
        call, args = self.use_case()
        self.workspace.call(call, *args, on_success=self._saved, on_error=self._failed)

    def _saved(self, value: Any) -> None:
        self.result_value = value
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.show_problems(exc.problems)
        else:
            show_error(self, exc)

    def show_problems(self, problems: dict[str, str]) -> None:
        for name, widget in self.fields.items():
            mark_invalid(widget, problems.get(name))
        self.problems.setText("\n".join(problems.values()))
        self.problems.setVisible(bool(problems))
        first = next((self.fields[n] for n in problems if n in self.fields), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
