"""The skeleton of every editing dialog: labelled fields, a problem line, Save and Cancel.

Enter saves (Save is the only default button) and Esc cancels, but asks first when
something was typed since the dialog was filled (`GuardedDialog`). A refusal keeps the
dialog open with the named fields marked and the message under the form, so what was typed
is corrected in place instead of typed again. What Save does is the subclass's `submit`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import ValidationError
from app.ui.common.fields import mark_invalid
from app.ui.common.messages import user_message
from app.ui.common.unsaved_input import FilledForm, only_save_on_enter
from app.ui.style import styled


def save_cancel_buttons(save_text: str | None = None) -> QDialogButtonBox:
    """Save (named `save_text`, the default button) and Annuleren, in the platform's order."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    save.setText(save_text or QCoreApplication.translate("common.form_dialog", "Opslaan"))
    save.setDefault(True)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("common.form_dialog", "Annuleren")
    )
    return buttons


class GuardedDialog(QDialog):
    """A dialog with input: only `save_button` takes Enter; Esc, Annuleren and the close
    button ask before dropping what was typed since the dialog was filled.

    The snapshot of the filled form is taken when the dialog is first shown; a dialog that
    fills itself later (data loaded in the background) calls `mark_clean` once it is filled.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filled = FilledForm(self)

    @property
    def save_button(self) -> QPushButton | None:
        """The button Enter presses; the Save button of the dialog's button box by default."""
        box = self.findChild(QDialogButtonBox)
        return box.button(QDialogButtonBox.StandardButton.Save) if box is not None else None

    def showEvent(self, event: QShowEvent) -> None:
        # Here every button exists and sits in the dialog, before Qt picks the focus.
        only_save_on_enter(self, self.save_button)
        self.filled.mark_clean_once()
        super().showEvent(event)

    def mark_clean(self) -> None:
        """What the form holds now counts as untouched (after filling or saving it)."""
        self.filled.mark_clean()

    def reject(self) -> None:
        if not self.filled.may_close():
            return  # No: the dialog and what was typed stay
        super().reject()

    def discard(self) -> None:
        """Closes without asking: for the program (a lock, a failed load), not the user."""
        super().reject()


class FormDialog(GuardedDialog):
    """`form` for the fields (name them in `fields` to have them marked), `body` for more
    below the form, then the problem line and the buttons."""

    def __init__(
        self,
        title: str,
        parent: QWidget | None = None,
        *,
        save_text: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.fields: dict[str, QWidget] = {}
        self.form = QFormLayout()
        self.problem = QLabel()
        self.problem.setObjectName("wizardProblem")
        styled(self.problem, "problem")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        self.buttons = save_cancel_buttons(save_text)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout()
        self.body.addLayout(self.form)
        layout = QVBoxLayout(self)
        layout.addLayout(self.body)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    @property
    def save_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def submit(self) -> None:
        """What Save does: check, then save or hand what was typed to the caller."""
        raise NotImplementedError

    def show_problems(self, problems: dict[str, str]) -> None:
        """Marks each named field and lists every message; an empty dict clears them."""
        self._mark(problems)
        self.say("\n".join(problems.values()))

    def show_error(self, exc: BaseException) -> None:
        """A refusal: the fields a ValidationError names are marked, its message is shown."""
        self._mark(exc.problems if isinstance(exc, ValidationError) else {})
        self.say(user_message(exc))

    def say(self, message: str) -> None:
        """Shows `message` under the form; an empty one hides the line."""
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    def _mark(self, problems: dict[str, str]) -> None:
        for name, widget in self.fields.items():
            mark_invalid(widget, problems.get(name))
        # The first wrong field takes the focus, so the user can type the correction at once.
        first = next((self.fields[n] for n in problems if n in self.fields), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
