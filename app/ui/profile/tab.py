"""The Profile tab: the four quadrants of the newest (or a chosen) assessment, the history,
comparison, wish-job and chance-job, key decisions, and the printable one-page profile."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.validation import format_date, today
from app.models import Factor
from app.services.common import labels
from app.services.common.file_names import file_name
from app.services.profile import assessments, items, overview, printing
from app.services.profile.assessments import AssessmentView
from app.services.profile.decisions import DecisionView
from app.services.profile.overview import ProfileOverview
from app.ui.common.fields import width_not_from_items
from app.ui.common.save_dialog import ask_save_path
from app.ui.common.tables import make_table
from app.ui.profile.dialogs import AssessmentDialog, CompareDialog, DecisionDialog
from app.ui.workspace import Workspace

QUADRANT_COLOURS = {
    Factor.DENKEN: "#e8f0f6",
    Factor.DOEN: "#eef6ec",
    Factor.WILLEN: "#fdf3e3",
    Factor.ZIJN: "#f3eef8",
}


def _fit_height(table: QTableWidget, minimum: int = 1) -> None:
    """Makes a small table exactly as tall as its rows, so nothing scrolls inside it."""
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    rows = max(rows, minimum * table.verticalHeader().defaultSectionSize())
    table.setFixedHeight(rows + table.horizontalHeader().height() + 2 * table.frameWidth() + 2)


class Quadrant(QGroupBox):
    """One factor: its items with score and note, and the free text."""

    def __init__(self, factor: Factor, parent: QWidget | None = None) -> None:
        super().__init__(labels.FACTOR[factor], parent)
        self.factor = factor
        self.setObjectName(f"quadrant_{factor.value}")
        self.setStyleSheet(
            f"QGroupBox#quadrant_{factor.value} {{ background: {QUADRANT_COLOURS[factor]}; "
            "font-weight: bold; border: 1px solid #b8c7d3; border-radius: 4px; "
            "margin-top: 14px; padding-top: 6px; }"
            f"QGroupBox#quadrant_{factor.value}::title {{ subcontrol-origin: margin; left: 8px; }}"
        )
        meaning = QLabel(labels.FACTOR_MEANING[factor])
        meaning.setWordWrap(True)
        meaning.setStyleSheet("font-weight: normal; font-style: italic; color: #555;")
        self.table = make_table(
            [self.tr("Onderdeel"), self.tr("Score"), self.tr("Notitie")],
            resize=QHeaderView.ResizeMode.ResizeToContents,
            stretch=[2],
            selection=QAbstractItemView.SelectionMode.NoSelection,
            select_rows=False,
            alternating=False,
        )
        self.table.setStyleSheet("font-weight: normal;")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setStyleSheet("font-weight: normal;")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(meaning)
        layout.addWidget(self.table)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def show_assessment(self, view: AssessmentView | None) -> None:
        scores = view.by_factor(self.factor) if view else []
        self.table.setRowCount(len(scores))
        for row, score in enumerate(scores):
            label = score.label + (self.tr(" (niet meer in gebruik)") if score.retired else "")
            for column, value in enumerate((label, score.score_text or "—", score.note)):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        _fit_height(self.table)
        if view is None:
            self.text.setText(self.tr("Nog geen beoordeling."))
        else:
            self.text.setText(view.factor_texts[self.factor] or "")

    def rows(self) -> list[tuple[str, str, str]]:
        return [
            tuple(self.table.item(r, c).text() for c in range(3))
            for r in range(self.table.rowCount())
        ]


class ProfileTab(QWidget):
    """Built as ProfileTab(workspace, student_id) by the student file."""

    def __init__(self, workspace: Workspace, student_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.student_id = student_id
        self.overview: ProfileOverview | None = None
        self.shown: AssessmentView | None = None
        may_edit = workspace.actor.may_edit
        self.history = QComboBox()
        width_not_from_items(self.history, 28)
        self.history.setAccessibleName(self.tr("Beoordeling"))
        self.new_button = QPushButton(self.tr("Nieuwe beoordeling…"))
        self.revise_button = QPushButton(self.tr("Herzien…"))
        self.compare_button = QPushButton(self.tr("Vergelijken…"))
        self.print_button = QPushButton(self.tr("Afdrukken / opslaan als pdf…"))
        self.new_button.setVisible(may_edit)
        self.revise_button.setVisible(may_edit)
        self.print_button.setVisible(workspace.actor.is_coordinator)
        self.new_button.setToolTip(
            self.tr("Een nieuwe, gedateerde beoordeling; de vorige blijft bewaard")
        )
        self.revise_button.setToolTip(self.tr("Een fout in de getoonde beoordeling verbeteren"))
        self.print_button.setToolTip(self.tr("Het profiel op één pagina, voor leerling en ouders"))
        self.meta = QLabel()
        self.meta.setObjectName("profileMeta")
        self.quadrants = {f: Quadrant(f) for f in Factor}
        self.wish_job = QLabel()
        self.chance_job = QLabel()
        for label in (self.wish_job, self.chance_job):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.decisions = make_table(
            [self.tr("Datum"), self.tr("Sleutelbeslissing"), self.tr("Wie deden mee")],
            resize=QHeaderView.ResizeMode.ResizeToContents,
            stretch=[1, 2],
            alternating=False,
        )
        self.decisions.setAccessibleName(self.tr("Sleutelbeslissingen"))
        self.decisions.setMinimumHeight(110)
        self.add_decision_button = QPushButton(self.tr("Sleutelbeslissing toevoegen…"))
        self.edit_decision_button = QPushButton(self.tr("Wijzigen…"))
        for button in (self.add_decision_button, self.edit_decision_button):
            button.setVisible(may_edit)
        self._build()
        self.history.currentIndexChanged.connect(self._history_chosen)
        self.new_button.clicked.connect(self.new_assessment)
        self.revise_button.clicked.connect(self.revise_assessment)
        self.compare_button.clicked.connect(self.compare)
        self.print_button.clicked.connect(self.print_profile)
        self.add_decision_button.clicked.connect(lambda: self.edit_decision(None))
        self.edit_decision_button.clicked.connect(self._edit_selected_decision)
        self.decisions.activated.connect(self._edit_selected_decision)
        self.load()

    def _build(self) -> None:
        # Which assessment on one line, what to do with it on the next: on one line they
        # made the file wider than a 1024 px screen.
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Beoordeling van")))
        bar.addWidget(self.history)
        bar.addWidget(self.meta, 1)
        actions = QHBoxLayout()
        for button in (self.new_button, self.revise_button, self.compare_button, self.print_button):
            actions.addWidget(button)
        actions.addStretch(1)
        grid = QGridLayout()
        grid.setSpacing(10)
        grid.addWidget(self.quadrants[Factor.DENKEN], 0, 0)
        grid.addWidget(self.quadrants[Factor.DOEN], 0, 1)
        grid.addWidget(self.quadrants[Factor.WILLEN], 1, 0)
        grid.addWidget(self.quadrants[Factor.ZIJN], 1, 1)
        jobs = QHBoxLayout()
        for caption, label in (
            (self.tr("Wensbaan"), self.wish_job),
            (self.tr("Kansbaan"), self.chance_job),
        ):
            box = QFrame()
            box.setFrameShape(QFrame.Shape.StyledPanel)
            inner = QVBoxLayout(box)
            title = QLabel(f"<b>{caption}</b>")
            inner.addWidget(title)
            inner.addWidget(label)
            jobs.addWidget(box, 1)
        decision_bar = QHBoxLayout()
        decision_bar.addWidget(QLabel(self.tr("<b>Sleutelbeslissingen</b>")))
        decision_bar.addStretch(1)
        decision_bar.addWidget(self.add_decision_button)
        decision_bar.addWidget(self.edit_decision_button)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(grid)
        layout.addLayout(jobs)
        layout.addLayout(decision_bar)
        layout.addWidget(self.decisions)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.addLayout(bar)
        outer.addLayout(actions)
        outer.addWidget(scroll, 1)

    # --- data -------------------------------------------------------------------------
    def load(self) -> None:
        self.workspace.call(
            overview.profile_overview,
            self.student_id,
            on_success=self.show_overview,
        )

    def show_overview(self, overview: ProfileOverview) -> None:
        self.overview = overview
        self.history.blockSignals(True)
        self.history.clear()
        for n, summary in enumerate(overview.history):
            text = format_date(summary.assessed_on)
            if summary.assessed_by:
                text += f" — {summary.assessed_by}"
            if n == 0:
                text += self.tr(" (nieuwste)")
            self.history.addItem(text, summary.id)
        if not overview.history:
            self.history.addItem(self.tr("Nog geen beoordeling"), None)
        self.history.blockSignals(False)
        self.show_assessment(overview.newest)
        self._show_decisions(overview.decisions)
        has = bool(overview.history)
        self.revise_button.setEnabled(has)
        self.compare_button.setEnabled(len(overview.history) >= 2)
        self.history.setEnabled(has)

    def show_assessment(self, view: AssessmentView | None) -> None:
        self.shown = view
        for quadrant in self.quadrants.values():
            quadrant.show_assessment(view)
        if view is None:
            self.meta.setText("")
            self.wish_job.setText(self.tr("Nog niet besproken"))
            self.chance_job.setText(self.tr("Nog niet besproken"))
            return
        present = [
            who
            for who, yes in (("leerling", view.student_present), ("ouders", view.parents_present))
            if yes
        ]
        self.meta.setText(
            self.tr("Besproken met: {present}").format(present=", ".join(present))
            if present
            else ""
        )
        self.wish_job.setText(view.wish_job or self.tr("Nog niet besproken"))
        self.chance_job.setText(view.chance_job or self.tr("Nog niet besproken"))

    def _show_decisions(self, decisions: list[DecisionView]) -> None:
        self.decisions.setRowCount(len(decisions))
        for row, d in enumerate(decisions):
            for column, value in enumerate(
                (format_date(d.decided_on), d.decision, d.participants_text)
            ):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                cell.setData(Qt.ItemDataRole.UserRole, d.id)
                self.decisions.setItem(row, column, cell)
        self.decisions.resizeRowsToContents()
        _fit_height(self.decisions, minimum=3)
        self.edit_decision_button.setEnabled(bool(decisions))

    def _history_chosen(self, index: int) -> None:
        assessment_id = self.history.itemData(index)
        if assessment_id is None:
            return
        self.workspace.call(
            assessments.get_assessment,
            assessment_id,
            on_success=self.show_assessment,
        )

    def _changed(self) -> None:
        """After a save: reload, and let the file window tell the cohort."""
        self.load()
        saved = getattr(self.window(), "saved", None)
        if saved is not None:
            saved.emit(self.student_id)

    # --- actions ------------------------------------------------------------------------
    def new_assessment(self) -> AssessmentDialog | None:
        if self.overview is None:
            return None
        initial = None
        if self.overview.newest is not None:
            # Start from the newest: scores carry over, the date is today.
            from app.core.validation import today

            base = self.overview.newest.to_input()
            active = {i.id for i in self.overview.items}
            initial = assessments.AssessmentInput(
                assessed_on=format_date(today()),
                student_present=False,
                parents_present=False,
                wish_job=base.wish_job,
                chance_job=base.chance_job,
                factor_texts=base.factor_texts,
                scores=tuple(s for s in base.scores if s.item_id in active),
            )
        dialog = AssessmentDialog(
            self.workspace, self.student_id, self.overview.items, initial, parent=self
        )
        dialog.accepted.connect(self._changed)
        dialog.open()
        return dialog

    def revise_assessment(self) -> AssessmentDialog | None:
        view = self.shown
        if self.overview is None or view is None:
            return None
        kept = [
            items.ItemView(s.item_id, s.factor, s.label, 0, s.retired, s.scale)
            for s in view.scores
            if s.retired
        ]
        dialog = AssessmentDialog(
            self.workspace,
            self.student_id,
            self.overview.items,
            view.to_input(),
            assessment_id=view.id,
            version=view.version,
            kept_items=kept,
            parent=self,
        )
        dialog.accepted.connect(self._changed)
        dialog.open()
        return dialog

    def compare(self) -> CompareDialog | None:
        if self.overview is None or len(self.overview.history) < 2:
            return None
        history = self.overview.history
        shown = self.shown.id if self.shown else history[0].id
        newer = history[0].id  # the newest, against the one on screen (or the one before)
        older = shown if shown != newer else history[1].id
        dialog = CompareDialog(self.workspace, history, older, newer, parent=self)
        dialog.open()
        return dialog

    def edit_decision(self, decision: DecisionView | None) -> DecisionDialog:
        dialog = DecisionDialog(self.workspace, self.student_id, decision, parent=self)
        dialog.accepted.connect(self._changed)
        dialog.open()
        return dialog

    def _edit_selected_decision(self, *_args) -> None:
        row = self.decisions.currentRow()
        if self.overview is None or row < 0 or not self.workspace.actor.may_edit:
            return
        self.edit_decision(self.overview.decisions[row])

    def print_profile(self) -> None:
        name = self.overview.student_name if self.overview else ""
        target = ask_save_path(
            self,
            self.tr("Profiel opslaan als pdf"),
            file_name("profiel", name, today()),
            self.tr("PDF-bestanden (*.pdf)"),
        )
        if target:
            self.save_pdf(target, open_after=True)

    def save_pdf(self, target: str, *, open_after: bool = False) -> None:
        def done(path: str) -> None:
            if open_after:
                QDesktopServices.openUrl(QUrl.fromLocalFile(path))

        self.workspace.call(
            printing.save_profile_pdf,
            self.student_id,
            target,
            on_success=done,
        )
