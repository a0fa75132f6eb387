"""The Path tab: where the student stands (phase, case lead, destination), the timeline of
phases, hand-overs, destinations and fall-backs, and the instruments around the placement."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.validation import format_date
from app.models import PathEventKind, Phase
from app.services.common import labels
from app.services.path import overview
from app.services.path.overview import PathView
from app.ui.common.tables import make_table
from app.ui.path.dialogs import (
    DestinationDialog,
    FallBackDialog,
    HandOverDialog,
    InstrumentDialog,
    OutflowPlanDialog,
    PhaseDialog,
)
from app.ui.style import styled
from app.ui.workspace import Workspace

KIND_COLOUR = {
    PathEventKind.PHASE_STARTED: "#1f5f8b",
    PathEventKind.HANDOVER: "#6b4fa0",
    PathEventKind.DESTINATION_SET: "#1d6b2f",
    PathEventKind.FALL_BACK: "#9b1c1c",
    PathEventKind.NOTE: "#555555",
}


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = QTableWidgetItem(value)
            cell.setToolTip(value)
            table.setItem(r, c, cell)
    table.resizeRowsToContents()


class PathTab(QWidget):
    """Built as PathTab(workspace, student_id) by the student file."""

    def __init__(self, workspace: Workspace, student_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.student_id = student_id
        self.view: PathView | None = None
        self.facts: dict[str, QLabel] = {}
        self.timeline = QTreeWidget()
        self.timeline.setHeaderLabels([self.tr("Datum"), self.tr("Wat er gebeurde")])
        self.timeline.setRootIsDecorated(False)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setWordWrap(True)
        self.timeline.setColumnWidth(0, 100)
        self.phases = make_table(
            [
                self.tr("Fase"),
                self.tr("Van"),
                self.tr("Tot"),
                self.tr("Regievoerder"),
                self.tr("Overdracht"),
            ],
            resize=QHeaderView.ResizeMode.ResizeToContents,
            alternating=False,
        )
        self.instruments = make_table(
            [
                self.tr("Instrument"),
                self.tr("Status"),
                self.tr("Van"),
                self.tr("Tot"),
                self.tr("Notitie"),
            ],
            resize=QHeaderView.ResizeMode.ResizeToContents,
            alternating=False,
        )
        self.buttons: dict[str, QPushButton] = {}
        self._build()
        self.load()

    def _button(self, key: str, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda *_: slot())
        button.setVisible(self.workspace.actor.may_edit)
        self.buttons[key] = button
        return button

    def _build(self) -> None:
        facts = QFormLayout()
        facts2 = QFormLayout()
        for form, items in (
            (
                facts,
                [
                    ("profile", self.tr("Uitstroomprofiel")),
                    ("planned", self.tr("Geplande uitstroom")),
                    ("phase", self.tr("Huidige fase")),
                ],
            ),
            (
                facts2,
                [
                    ("lead", self.tr("Regievoerder nu")),
                    ("destination", self.tr("Bestemming")),
                    ("since", self.tr("Sinds")),
                ],
            ),
        ):
            for key, caption in items:
                label = QLabel()
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                label.setWordWrap(True)
                self.facts[key] = label
                form.addRow(f"{caption}:", label)
        top = QHBoxLayout()
        top.addLayout(facts, 1)
        top.addLayout(facts2, 1)

        actions = QHBoxLayout()
        actions.addWidget(self._button("plan", self.tr("Uitstroomplan…"), self.edit_plan))
        actions.addWidget(self._button("phase", self.tr("Nieuwe fase…"), self.new_phase))
        actions.addWidget(self._button("handover", self.tr("Warme overdracht…"), self.hand_over))
        actions.addWidget(self._button("destination", self.tr("Bestemming…"), self.set_destination))
        actions.addWidget(self._button("fall_back", self.tr("Terugval…"), self.fall_back))
        actions.addStretch(1)

        timeline_box = styled(QGroupBox(self.tr("Tijdlijn")), "group")
        tl = QVBoxLayout(timeline_box)
        tl.addWidget(self.timeline)

        phases_box = styled(QGroupBox(self.tr("Fasen en regievoerders")), "group")
        pl = QVBoxLayout(phases_box)
        pl.addWidget(self.phases)
        pb = QHBoxLayout()
        pb.addStretch(1)
        pb.addWidget(
            self._button("edit_phase", self.tr("Fase wijzigen…"), self.edit_selected_phase)
        )
        pl.addLayout(pb)
        self.phases.activated.connect(lambda *_: self.edit_selected_phase())

        instruments_box = styled(QGroupBox(self.tr("Instrumenten")), "group")
        il = QVBoxLayout(instruments_box)
        il.addWidget(self.instruments)
        ib = QHBoxLayout()
        ib.addStretch(1)
        ib.addWidget(
            self._button("add_instrument", self.tr("Instrument toevoegen…"), self.add_instrument)
        )
        ib.addWidget(
            self._button("edit_instrument", self.tr("Wijzigen…"), self.edit_selected_instrument)
        )
        il.addLayout(ib)
        self.instruments.activated.connect(lambda *_: self.edit_selected_instrument())

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(phases_box, 1)
        rl.addWidget(instruments_box, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(timeline_box)
        split.addWidget(right)
        split.setSizes([640, 520])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(split, 1)

    # --- data ---------------------------------------------------------------------------
    def load(self) -> None:
        self.workspace.call(
            overview.path_view,
            self.student_id,
            on_success=self.show_path,
        )

    def show_path(self, view: PathView) -> None:
        self.view = view
        current = view.current
        self.facts["profile"].setText(
            labels.label(labels.OUTFLOW_PROFILE, view.outflow_profile)
            or self.tr("Nog niet gekozen")
        )
        self.facts["planned"].setText(
            format_date(view.planned_outflow) or self.tr("Nog niet gepland")
        )
        phase_text = labels.PHASE[view.current_phase]
        if view.closing_reason:
            phase_text += "\n" + self.tr("Reden afsluiten: {reason}").format(
                reason=view.closing_reason
            )
        self.facts["phase"].setText(phase_text)
        lead = current.lead_text if current and current.lead_text else ""
        self.facts["lead"].setText(lead or self.tr("⚠ Nog geen regievoerder"))
        destination = labels.label(labels.DESTINATION, view.destination) or self.tr(
            "Nog geen bestemming"
        )
        if view.destination_place:
            destination += f" — {view.destination_place}"
        self.facts["destination"].setText(destination)
        self.facts["since"].setText(format_date(view.destination_date) or "—")

        self.timeline.clear()
        bold = QFont()
        bold.setBold(True)
        italic = QFont()
        italic.setItalic(True)
        for entry in reversed(view.timeline):  # newest on top
            item = QTreeWidgetItem([format_date(entry.on), f"● {entry.title}"])
            colour = QBrush(QColor(KIND_COLOUR[entry.kind]))
            item.setForeground(1, colour)
            if entry.kind in (PathEventKind.FALL_BACK, PathEventKind.DESTINATION_SET):
                item.setFont(1, bold)
            self.timeline.addTopLevelItem(item)
            if entry.detail:
                # The explanation on its own line under the event, never cut off.
                child = QTreeWidgetItem([entry.detail])
                child.setForeground(0, QBrush(QColor("#555555")))
                child.setFont(0, italic)
                child.setToolTip(0, entry.detail)
                item.addChild(child)
                child.setFirstColumnSpanned(True)
        self.timeline.expandAll()
        if not view.timeline:
            self.timeline.addTopLevelItem(QTreeWidgetItem(["", self.tr("Nog niets vastgelegd.")]))

        _fill(
            self.phases,
            [
                [
                    labels.PHASE[p.phase],
                    format_date(p.start_date),
                    format_date(p.end_date),
                    p.lead_text or self.tr("— geen —"),
                    format_date(p.handover_date),
                ]
                for p in view.phases
            ],
        )
        _fill(
            self.instruments,
            [
                [
                    labels.INSTRUMENT_KIND[i.kind],
                    labels.INSTRUMENT_STATUS[i.status],
                    format_date(i.start_date),
                    format_date(i.end_date),
                    i.note,
                ]
                for i in view.instruments
            ],
        )
        for row, p in enumerate(view.phases):
            if p.handover_note:
                self.phases.item(row, 4).setToolTip(p.handover_note)
            if p.closing_reason:
                self.phases.item(row, 0).setToolTip(
                    self.tr("Reden afsluiten: {reason}").format(reason=p.closing_reason)
                )
        if "edit_phase" in self.buttons:
            self.buttons["edit_phase"].setEnabled(bool(view.phases))
            self.buttons["edit_instrument"].setEnabled(bool(view.instruments))
            self.buttons["fall_back"].setEnabled(view.destination is not None)

    def timeline_titles(self) -> list[str]:
        """The timeline as shown, newest first (for tests and screen readers)."""
        return [
            self.timeline.topLevelItem(i).text(1).removeprefix("● ")
            for i in range(self.timeline.topLevelItemCount())
        ]

    def _changed(self, *_args, reload_file: bool = False) -> None:
        """After a save: reload, and let the file window tell the cohort."""
        self.load()
        window = self.window()
        saved = getattr(window, "saved", None)
        if saved is not None:
            saved.emit(self.student_id)
        # The plan lives on the student's personal details: reload them if nothing is typed.
        if reload_file and hasattr(window, "is_dirty") and not window.is_dirty():
            window.reload()

    def _open(self, dialog, *, reload_file: bool = False):
        dialog.accepted.connect(lambda: self._changed(reload_file=reload_file))
        dialog.open()
        return dialog

    # --- actions ------------------------------------------------------------------------
    def edit_plan(self) -> OutflowPlanDialog | None:
        if self.view is None:
            return None
        return self._open(
            OutflowPlanDialog(self.workspace, self.student_id, self.view, self), reload_file=True
        )

    def new_phase(self) -> PhaseDialog | None:
        if self.view is None:
            return None
        order = list(Phase)
        suggested = (
            order[min(order.index(self.view.current_phase) + 1, len(order) - 1)]
            if self.view.phases
            else Phase.ORIENTATION
        )
        return self._open(PhaseDialog(self.workspace, self.student_id, None, suggested, self))

    def edit_selected_phase(self) -> PhaseDialog | None:
        row = self.phases.currentRow()
        if self.view is None or row < 0 or not self.workspace.actor.may_edit:
            return None
        phase = self.view.phases[row]
        return self._open(PhaseDialog(self.workspace, self.student_id, phase, parent=self))

    def hand_over(self) -> HandOverDialog | None:
        if self.view is None:
            return None
        return self._open(HandOverDialog(self.workspace, self.student_id, self.view, self))

    def set_destination(self) -> DestinationDialog | None:
        if self.view is None:
            return None
        return self._open(DestinationDialog(self.workspace, self.student_id, self.view, self))

    def fall_back(self) -> FallBackDialog | None:
        if self.view is None:
            return None
        return self._open(FallBackDialog(self.workspace, self.student_id, self.view, self))

    def add_instrument(self) -> InstrumentDialog:
        return self._open(InstrumentDialog(self.workspace, self.student_id, None, self))

    def edit_selected_instrument(self) -> InstrumentDialog | None:
        row = self.instruments.currentRow()
        if self.view is None or row < 0 or not self.workspace.actor.may_edit:
            return None
        instrument = self.view.instruments[row]
        return self._open(InstrumentDialog(self.workspace, self.student_id, instrument, self))
