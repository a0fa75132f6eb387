"""Dialogs of the Profile tab: an assessment, a key decision, and two assessments compared."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.validation import format_date, today
from app.models import DecisionRole, Factor, ItemScale
from app.services.common import labels
from app.services.profile import assessments, comparison, decisions
from app.services.profile.assessments import AssessmentInput, AssessmentSummary, ScoreInput
from app.services.profile.comparison import Comparison
from app.services.profile.decisions import DecisionInput, DecisionView, ParticipantInput
from app.services.profile.items import ItemView
from app.ui.common.tables import make_table
from app.ui.profile.form import UseCaseDialog, date_edit
from app.ui.workspace import Workspace

CHANGED = QColor("#fff4c2")
BETTER, WORSE = (
    QT_TRANSLATE_NOOP("profile.dialogs", "▲ vooruit"),
    QT_TRANSLATE_NOOP("profile.dialogs", "▼ achteruit"),
)


def score_combo(value: int | None, scale: ItemScale = ItemScale.SKILL) -> QComboBox:
    """The scores in the words of the item's own scale (a skill, a support need, a wish)."""
    combo = QComboBox()
    combo.addItem(QCoreApplication.translate("profile.dialogs", "— niet gescoord"), None)
    for score, text in labels.SCALE_WORDS[scale].items():
        combo.addItem(f"{score}  {text}", score)
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)
    return combo


class AssessmentDialog(UseCaseDialog):
    """A new assessment (`assessment_id` None) or a revision of an existing one."""

    def __init__(
        self,
        workspace: Workspace,
        student_id: int,
        items: list[ItemView],
        initial: AssessmentInput | None = None,
        *,
        assessment_id: int | None = None,
        version: int | None = None,
        kept_items: list[ItemView] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Beoordeling herzien") if assessment_id else self.tr("Nieuwe beoordeling")
        super().__init__(workspace, title, parent)
        self.student_id, self.assessment_id, self.version = student_id, assessment_id, version
        initial = initial or AssessmentInput(assessed_on=format_date(today()))
        scores = {s.item_id: s for s in initial.scores}
        self.date = self.add_field("assessed_on", self.tr("Datum"), date_edit(initial.assessed_on))
        present = QHBoxLayout()
        self.student_present = QCheckBox(self.tr("Leerling was erbij"))
        self.student_present.setChecked(initial.student_present)
        self.parents_present = QCheckBox(self.tr("Ouders of verzorgers waren erbij"))
        self.parents_present.setChecked(initial.parents_present)
        present.addWidget(self.student_present)
        present.addWidget(self.parents_present)
        present.addStretch(1)
        self.form.addRow(self.tr("Besproken met"), present)
        self.wish_job = self.add_field("wish_job", self.tr("Wensbaan"), QLineEdit(initial.wish_job))
        self.chance_job = self.add_field(
            "chance_job", self.tr("Kansbaan"), QLineEdit(initial.chance_job)
        )
        self.wish_job.setPlaceholderText(self.tr("Wat de leerling het liefst wil doen"))
        self.chance_job.setPlaceholderText(self.tr("Wat nu haalbaar lijkt"))

        # Items in use, plus retired items this assessment already scored (a revision).
        shown = list(items) + [i for i in (kept_items or []) if i.id not in {x.id for x in items}]
        self.score_combos: dict[int, QComboBox] = {}
        self.note_edits: dict[int, QLineEdit] = {}
        self.factor_texts: dict[Factor, QPlainTextEdit] = {}
        self.factor_tabs = QTabWidget()
        for factor in Factor:
            self.factor_tabs.addTab(
                self._factor_page(
                    factor, [i for i in shown if i.factor is factor], scores, initial
                ),
                labels.FACTOR[factor],
            )
        self.body.addWidget(self.factor_tabs, 1)
        self.finish_layout()
        self.resize(820, 640)

    def _factor_page(
        self,
        factor: Factor,
        items: list[ItemView],
        scores: dict[int, ScoreInput],
        initial: AssessmentInput,
    ) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        meaning = QLabel(labels.FACTOR_MEANING[factor])
        meaning.setWordWrap(True)
        layout.addWidget(meaning)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("<b>Onderdeel</b>")), 0, 0)
        grid.addWidget(QLabel(self.tr("<b>Score</b>")), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>Korte notitie</b>")), 0, 2)
        for row, item in enumerate(items, start=1):
            given = scores.get(item.id)
            caption = item.label + (self.tr(" (niet meer in gebruik)") if item.retired else "")
            grid.addWidget(QLabel(caption), row, 0)
            combo = score_combo(given.score if given else None, item.scale)
            note = QLineEdit(given.note if given else "")
            note.setMaxLength(300)
            self.score_combos[item.id] = combo
            self.note_edits[item.id] = note
            self.fields[f"score_{item.id}"] = combo
            grid.addWidget(combo, row, 1)
            grid.addWidget(note, row, 2)
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)
        layout.addWidget(
            QLabel(self.tr("Toelichting bij {factor}").format(factor=labels.FACTOR[factor]))
        )
        text = QPlainTextEdit(initial.factor_texts.get(factor.value, ""))
        text.setTabChangesFocus(True)
        self.factor_texts[factor] = text
        self.fields[assessments.TEXT_FIELDS[factor]] = text
        layout.addWidget(text, 1)
        return page

    def collect(self) -> AssessmentInput:
        return AssessmentInput(
            assessed_on=self.date.text(),
            student_present=self.student_present.isChecked(),
            parents_present=self.parents_present.isChecked(),
            wish_job=self.wish_job.text(),
            chance_job=self.chance_job.text(),
            factor_texts={f.value: e.toPlainText() for f, e in self.factor_texts.items()},
            scores=tuple(
                ScoreInput(item_id, combo.currentData(), self.note_edits[item_id].text())
                for item_id, combo in self.score_combos.items()
            ),
        )

    def use_case(self):
        if self.assessment_id is None:
            return assessments.record_assessment, (self.student_id, self.collect())
        return assessments.revise_assessment, (self.assessment_id, self.version, self.collect())

    def show_problems(self, problems: dict[str, str]) -> None:
        super().show_problems(problems)
        for index, factor in enumerate(Factor):
            names = {assessments.TEXT_FIELDS[factor]} | {
                f"score_{i}" for i, c in self.score_combos.items() if self._factor_of(c) is factor
            }
            if names & set(problems):
                self.factor_tabs.setCurrentIndex(index)
                break

    def _factor_of(self, combo: QComboBox) -> Factor | None:
        for index, factor in enumerate(Factor):
            if self.factor_tabs.widget(index).isAncestorOf(combo):
                return factor
        return None


ROLES = [
    DecisionRole.STUDENT,
    DecisionRole.PARENT,
    DecisionRole.MENTOR,
    DecisionRole.CASE_LEAD,
    DecisionRole.OTHER,
]
AGREEMENT = [
    (QT_TRANSLATE_NOOP("profile.dialogs", "Eens"), True),
    (QT_TRANSLATE_NOOP("profile.dialogs", "Niet eens"), False),
    (QT_TRANSLATE_NOOP("profile.dialogs", "Niet gezegd"), None),
]


class DecisionDialog(UseCaseDialog):
    """A key decision: what was decided, who took part and whether each agreed."""

    def __init__(
        self,
        workspace: Workspace,
        student_id: int,
        decision: DecisionView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            self.tr("Sleutelbeslissing wijzigen")
            if decision
            else self.tr("Nieuwe sleutelbeslissing")
        )
        super().__init__(workspace, title, parent)
        self.student_id, self.decision = student_id, decision
        initial = decision.to_input() if decision else DecisionInput(format_date(today()))
        self.date = self.add_field("decided_on", self.tr("Datum"), date_edit(initial.decided_on))
        self.text = QPlainTextEdit(initial.decision)
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(90)
        self.add_field("decision", self.tr("Beslissing"), self.text)
        given = {p.role: p for p in initial.participants}
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("<b>Was erbij</b>")), 0, 0)
        grid.addWidget(QLabel(self.tr("<b>Naam (mag leeg)</b>")), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>Eens?</b>")), 0, 2)
        self.rows: dict[DecisionRole, tuple[QCheckBox, QLineEdit, QComboBox]] = {}
        for row, role in enumerate(ROLES, start=1):
            person = given.get(role.value)
            check = QCheckBox(labels.DECISION_ROLE[role])
            check.setChecked(person is not None)
            name = QLineEdit(person.name if person else "")
            agreed = QComboBox()
            for text, value in AGREEMENT:
                agreed.addItem(QCoreApplication.translate("profile.dialogs", text), value)
            agreed.setCurrentIndex([v for _t, v in AGREEMENT].index(person.agreed) if person else 0)
            grid.addWidget(check, row, 0)
            grid.addWidget(name, row, 1)
            grid.addWidget(agreed, row, 2)
            self.rows[role] = (check, name, agreed)
        grid.setContentsMargins(0, 0, 0, 0)
        holder = QWidget()
        holder.setLayout(grid)
        holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.add_field("participants", self.tr("Deelnemers"), holder)
        self.finish_layout()
        self.resize(620, 420)

    def collect(self) -> DecisionInput:
        people = tuple(
            ParticipantInput(role.value, name.text(), agreed.currentData())
            for role, (check, name, agreed) in self.rows.items()
            if check.isChecked()
        )
        return DecisionInput(self.date.text(), self.text.toPlainText(), people)

    def use_case(self):
        if self.decision is None:
            return decisions.add_decision, (self.student_id, self.collect())
        return decisions.update_decision, (self.decision.id, self.decision.version, self.collect())


def _summary_text(summary: AssessmentSummary) -> str:
    by = f" — {summary.assessed_by}" if summary.assessed_by else ""
    return f"{format_date(summary.assessed_on)}{by}"


COMPARE_HEADERS = [
    QT_TRANSLATE_NOOP("profile.dialogs", "Factor"),
    QT_TRANSLATE_NOOP("profile.dialogs", "Onderdeel"),
    QT_TRANSLATE_NOOP("profile.dialogs", "Eerder"),
    QT_TRANSLATE_NOOP("profile.dialogs", "Nu"),
    QT_TRANSLATE_NOOP("profile.dialogs", "Verschil"),
    QT_TRANSLATE_NOOP("profile.dialogs", "Notitie eerder"),
    QT_TRANSLATE_NOOP("profile.dialogs", "Notitie nu"),
]


class CompareDialog(QDialog):
    """Two assessments side by side; every changed line is marked."""

    def __init__(
        self,
        workspace: Workspace,
        history: list[AssessmentSummary],
        older_id: int,
        newer_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("Beoordelingen vergelijken"))
        self.comparison: Comparison | None = None
        self.older = QComboBox()
        self.newer = QComboBox()
        for combo in (self.older, self.newer):
            for summary in history:
                combo.addItem(_summary_text(summary), summary.id)
        self.older.setCurrentIndex(max(0, self.older.findData(older_id)))
        self.newer.setCurrentIndex(max(0, self.newer.findData(newer_id)))
        self.summary = QLabel()
        self.only_changes = QCheckBox(self.tr("Alleen wijzigingen tonen"))
        self.table = make_table(
            [QCoreApplication.translate("profile.dialogs", h) for h in COMPARE_HEADERS],
            widths=[80, 230, 150, 150, 100, 170],
            selection=QAbstractItemView.SelectionMode.ExtendedSelection,
            select_rows=False,
            alternating=False,
        )
        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("Eerder:")))
        choose.addWidget(self.older)
        choose.addSpacing(16)
        choose.addWidget(QLabel(self.tr("Nu:")))
        choose.addWidget(self.newer)
        choose.addStretch(1)
        choose.addWidget(self.only_changes)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Sluiten"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        self.older.currentIndexChanged.connect(self.load)
        self.newer.currentIndexChanged.connect(self.load)
        self.only_changes.toggled.connect(self._fill)
        self.resize(1100, 640)
        self.load()

    def load(self, *_args) -> None:
        self.workspace.call(
            comparison.compare_assessments,
            self.older.currentData(),
            self.newer.currentData(),
            on_success=self.show_comparison,
        )

    def show_comparison(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self._fill()

    def _fill(self, *_args) -> None:
        comparison = self.comparison
        if comparison is None:
            return
        n = comparison.changed_count
        self.summary.setText(
            self.tr("Eerder: {older}   •   Nu: {newer}   •   ").format(
                older=_summary_text(comparison.older), newer=_summary_text(comparison.newer)
            )
            + (
                self.tr("Geen wijzigingen.")
                if n == 0
                else self.tr("{n} wijziging{value}, geel gemarkeerd.").format(
                    n=n, value="en" if n != 1 else ""
                )
            )
        )
        rows = []
        for item in comparison.items:
            if item.direction > 0:
                change = QCoreApplication.translate("profile.dialogs", BETTER)
            elif item.direction < 0:
                change = QCoreApplication.translate("profile.dialogs", WORSE)
            elif not item.changed:
                change = ""
            elif item.old_score is None and item.new_score is not None:
                change = self.tr("nieuw gescoord")
            elif item.new_score is None and item.old_score is not None:
                change = self.tr("niet gescoord")
            else:
                change = self.tr("notitie gewijzigd")
            label = item.label + (self.tr(" (niet meer in gebruik)") if item.retired else "")
            rows.append(
                (
                    item.changed,
                    [
                        labels.FACTOR[item.factor],
                        label,
                        item.old_text or "—",
                        item.new_text or "—",
                        change,
                        item.old_note,
                        item.new_note,
                    ],
                )
            )
        for entry in comparison.texts:
            rows.append(
                (
                    entry.changed,
                    [
                        "",
                        entry.label,
                        "",
                        "",
                        "gewijzigd" if entry.changed else "",
                        entry.old,
                        entry.new,
                    ],
                )
            )
        if self.only_changes.isChecked():
            rows = [r for r in rows if r[0]]
        self.table.setRowCount(len(rows))
        bold = QFont()
        bold.setBold(True)
        for r, (changed, values) in enumerate(rows):
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                if changed:
                    cell.setBackground(QBrush(CHANGED))
                    if c in (2, 3, 4):
                        cell.setFont(bold)
                if c == 4 and value == QCoreApplication.translate("profile.dialogs", WORSE):
                    cell.setForeground(QBrush(QColor("#9b1c1c")))
                elif c == 4 and value == QCoreApplication.translate("profile.dialogs", BETTER):
                    cell.setForeground(QBrush(QColor("#1d6b2f")))
                self.table.setItem(r, c, cell)
        self.table.resizeRowsToContents()

    def changed_rows(self) -> list[str]:
        """The item labels of the rows marked as changed (for tests and screen readers)."""
        result = []
        for r in range(self.table.rowCount()):
            cell = self.table.item(r, 1)
            if cell.background().color() == CHANGED:
                result.append(cell.text())
        return result
