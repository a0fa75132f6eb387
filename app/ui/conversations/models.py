"""Table models of the conversations area: overdue agreements stand out in red."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont

from app.core.validation import format_date
from app.services.common import labels
from app.services.conversations.agreements import AgreementRow
from app.services.conversations.reading import ConversationRow
from app.ui.common.table_model import Index, RowTableModel

OVERDUE_COLOUR = QColor("#9b1c1c")
DONE_COLOUR = QColor("#6b6b6b")


def agreement_state(row: AgreementRow) -> str:
    if row.done:
        return QCoreApplication.translate("conversations.models", "Afgerond {done_on}").format(
            done_on=format_date(row.done_on)
        )
    return (
        QCoreApplication.translate("conversations.models", "Te laat")
        if row.overdue
        else QCoreApplication.translate("conversations.models", "Open")
    )


class AgreementModel(RowTableModel[AgreementRow]):
    """Agreements; overdue ones in red and bold, done ones grey."""

    def __init__(self, *, with_student: bool, parent=None) -> None:
        columns: list[tuple[str, object, object]] = [
            (
                self.tr("Uiterlijk"),
                lambda r: format_date(r.due_date) or "—",
                lambda r: r.due_date or _far(),
            ),
            (self.tr("Status"), agreement_state, agreement_state),
        ]
        if with_student:
            columns.append(
                (self.tr("Leerling"), lambda r: r.student_name, lambda r: r.student_name)
            )
        columns += [
            (self.tr("Wie"), lambda r: r.who, lambda r: r.who.lower()),
            (self.tr("Doet wat"), lambda r: r.what, lambda r: r.what.lower()),
            (
                self.tr("Gesprek"),
                lambda r: (
                    f"{labels.label(labels.CONVERSATION_TYPE, r.conversation_kind)} "
                    f"{r.conversation_date:%d-%m-%Y}"
                ),
                lambda r: r.conversation_date,
            ),
        ]
        super().__init__(
            [c[0] for c in columns],
            {i: c[1] for i, c in enumerate(columns)},
            {i: c[2] for i, c in enumerate(columns)},
            parent=parent,
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        # The date and the state carry the mark; a whole red row would shout.
        if index.isValid() and index.column() in (0, 1):
            row = self.row_at(index.row())
            if role == Qt.ItemDataRole.ForegroundRole:
                if row.overdue:
                    return OVERDUE_COLOUR
                return DONE_COLOUR if row.done else None
            if role == Qt.ItemDataRole.FontRole and row.overdue:
                font = QFont()
                font.setBold(True)
                return font
        return super().data(index, role)


def _far() -> date:
    return date.max


class ConversationModel(RowTableModel[ConversationRow]):
    def __init__(self, parent=None) -> None:
        columns = [
            (self.tr("Datum"), lambda r: f"{r.held_at:%d-%m-%Y}", lambda r: r.held_at),
            (self.tr("Tijd"), lambda r: _time(r), lambda r: r.held_at),
            (
                self.tr("Soort"),
                lambda r: labels.label(labels.CONVERSATION_TYPE, r.kind),
                lambda r: r.kind.value,
            ),
            (
                self.tr("Status"),
                lambda r: labels.label(labels.CONVERSATION_STATUS, r.status),
                lambda r: r.status.value,
            ),
            (self.tr("Plaats"), lambda r: r.place, lambda r: r.place.lower()),
            (self.tr("Deelnemers"), lambda r: r.participants, lambda r: r.participants.lower()),
            (
                self.tr("Open afspraken"),
                _open_text,
                lambda r: (r.overdue_agreements, r.open_agreements),
            ),
        ]
        super().__init__(
            [c[0] for c in columns],
            {i: c[1] for i, c in enumerate(columns)},
            {i: c[2] for i, c in enumerate(columns)},
            parent=parent,
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if (
            index.isValid()
            and role == Qt.ItemDataRole.ForegroundRole
            and self.row_at(index.row()).overdue_agreements
            and index.column() == 6
        ):
            return OVERDUE_COLOUR
        return super().data(index, role)


def _time(row: ConversationRow) -> str:
    return "" if (row.held_at.hour, row.held_at.minute) == (0, 0) else f"{row.held_at:%H:%M}"


def _open_text(row: ConversationRow) -> str:
    if not row.open_agreements:
        return "—"
    if row.overdue_agreements:
        return QCoreApplication.translate(
            "conversations.models", "{open_agreements} ({overdue_agreements} te laat)"
        ).format(open_agreements=row.open_agreements, overdue_agreements=row.overdue_agreements)
    return str(row.open_agreements)
