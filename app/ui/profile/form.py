"""A small base for the editing dialogs of the profile and the path.

The dialog saves through one use case; a validation error keeps it open with the fields
marked and every message listed, so the user fixes everything at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from app.core.errors import ValidationError
from app.ui.common.form_dialog import FormDialog
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


class UseCaseDialog(FormDialog):
    """A form that saves itself through one use case (`use_case`), then closes."""

    def __init__(self, workspace: Workspace, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.workspace = workspace
        self.setModal(True)
        self.result_value: Any = None
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

    def finish_layout(self) -> None:
        self.body.addStretch()  # extra height goes below the fields, not between them

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
