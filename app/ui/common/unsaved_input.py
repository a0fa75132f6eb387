"""Nothing lost by a slip: what a dialog holds, the question before it is dropped, and Enter.

`input_state` reads every input widget under a dialog generically, so a dialog takes one
snapshot after it is filled (`FilledForm`) and compares at cancel time instead of tracking
each field.
`confirm_discard` is the one Dutch question every dialog asks. `only_save_on_enter` makes
the save (or Next/Finish) button the dialog's one default: any other button with
autoDefault would take Enter as soon as it had the focus, and a button made default before
it sat in its dialog is forgotten by Qt once the focus moves (the Enter-cancels bug).
"""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

_CELL_ROLES = (Qt.ItemDataRole.EditRole, Qt.ItemDataRole.CheckStateRole)


def _value(widget: QWidget) -> Hashable:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QAbstractSpinBox):  # spin boxes and date edits
        return widget.text()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        # hasIndex asks the model in C++: a list model's columnCount is private to Python.
        columns = next(c for c in range(1_000) if not model.hasIndex(0, c))
        return tuple(
            str(model.data(model.index(row, column), role))
            for row in range(model.rowCount(QModelIndex()))
            for column in range(columns)
            for role in _CELL_ROLES
        )
    return None


def _inside_another_input(widget: QWidget, root: QWidget) -> bool:
    # A combo box creates its list view when first needed, and spin boxes and combos hold
    # a line edit: their own value already says what these parts show.
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, (QComboBox, QAbstractSpinBox)):
            return True
        parent = parent.parentWidget()
    return False


def input_state(root: QWidget) -> tuple[Hashable, ...]:
    """Every value a user can change under `root`, in widget order: equal means untouched."""
    return tuple(
        (type(widget).__name__, value)
        for widget in root.findChildren(QWidget)
        if (value := _value(widget)) is not None and not _inside_another_input(widget, root)
    )


class FilledForm:
    """The state of `root` once it was filled, to tell at cancel time whether the user
    changed anything and, if so, to ask before dropping it."""

    def __init__(self, root: QWidget) -> None:
        self.root = root
        self._state: tuple[Hashable, ...] | None = None

    def mark_clean(self) -> None:
        """What `root` holds now counts as untouched."""
        self._state = input_state(self.root)

    def mark_clean_once(self) -> None:
        if self._state is None:
            self.mark_clean()

    def changed(self) -> bool:
        return self._state is not None and input_state(self.root) != self._state

    def may_close(self) -> bool:
        """True when nothing was typed, or the user agreed to drop it."""
        return not self.changed() or confirm_discard(self.root)


def confirm_discard(parent: QWidget) -> bool:
    """Asks before typed input is dropped; No (also the default answer) keeps it."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("common.unsaved_input", "Wijzigingen weggooien?"),
        QCoreApplication.translate(
            "common.unsaved_input",
            "U hebt gegevens ingevuld die nog niet zijn opgeslagen. Wilt u ze weggooien?",
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def only_save_on_enter(dialog: QWidget, save: QPushButton | None) -> None:
    """`save` becomes the dialog's default button; no other button takes Enter.

    Call it once every button exists and sits in the dialog (showEvent is a good moment).
    `save` None: no button takes Enter (a dialog that only shows something).
    """
    for button in dialog.findChildren(QPushButton):
        if button is not save:
            button.setAutoDefault(False)
            button.setDefault(False)
    if save is not None:
        # Qt registers the main default only when setDefault(True) happens inside the dialog;
        # a button made default earlier loses it the first time another button has focus.
        save.setDefault(False)
        save.setDefault(True)
