"""Dialogs for one internship: plan or change it, record an evaluation, break it off.

The dialogs do not save: they emit `submitted` with what was typed and stay open until
the caller reports success (`accept`) or problems (`show_error`), so nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.core.validation import format_date, today
from app.models import Destination, Evaluator, InternshipOutcome, InternshipType
from app.services.common import labels
from app.services.internships.employer_lists import EmployerChoice
from app.services.internships.evaluations import SCORE_LABELS, EvaluationInput
from app.services.internships.lifecycle import CONTRACT_DESTINATIONS
from app.services.internships.planning import DAYS, InternshipInput
from app.ui.common.fields import combo_value, fill_combo, set_combo_value
from app.ui.common.form_dialog import FormDialog


class _Dialog(FormDialog):
    submitted = Signal(object)

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(title, parent)
        self.setMinimumWidth(480)

    def submit(self) -> None:
        self.submitted.emit(self.collect())

    def collect(self):
        raise NotImplementedError


def _date_field(value: str = "") -> QLineEdit:
    field = QLineEdit(value)
    field.setPlaceholderText(QCoreApplication.translate("internships.dialogs", "dd-mm-jjjj"))
    return field


class InternshipDialog(_Dialog):
    """A new internship (`data` None) or changes to one; the student is fixed by the caller,
    or chosen here from `students` when planning from the planner."""

    def __init__(
        self,
        employers: list[EmployerChoice],
        data: InternshipInput | None = None,
        *,
        students: list[tuple[int, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Stage plannen") if data is None else self.tr("Stage wijzigen"), parent
        )
        data = data or InternshipInput()
        self.employers = {e.id: e for e in employers}
        self.student = QComboBox()
        if students is not None:
            fill_combo(self.student, [(name, sid) for sid, name in students], empty=None)
            self.form.addRow(self.tr("Leerling"), self.student)
        self.employer = QComboBox()
        fill_combo(self.employer, [(e.label, e.id) for e in employers], empty=self.tr("— kies —"))
        self.supervisor = QComboBox()
        self.kind = QComboBox()
        fill_combo(
            self.kind, [(labels.INTERNSHIP_TYPE[k], k.value) for k in InternshipType], empty=None
        )
        self.start = _date_field(data.start_date)
        self.end = _date_field(data.end_date)
        self.day_boxes = {d: QCheckBox(d) for d in DAYS[:5]}
        days = QHBoxLayout()
        for day, box in self.day_boxes.items():
            box.setChecked(day in data.days)
            days.addWidget(box)
        days.addStretch(1)
        self.hours = QLineEdit(data.hours_per_week)
        self.goals = QPlainTextEdit(data.learning_goals)
        self.goals.setTabChangesFocus(True)  # Tab goes on to the next field
        self.goals.setFixedHeight(80)
        self.outcome = QComboBox()
        fill_combo(
            self.outcome,
            [(labels.INTERNSHIP_OUTCOME[o], o.value) for o in InternshipOutcome],
            empty=self.tr("— nog niet bekend —"),
        )
        self.form.addRow(self.tr("Werkgever"), self.employer)
        self.form.addRow(self.tr("Praktijkbegeleider"), self.supervisor)
        self.form.addRow(self.tr("Soort stage"), self.kind)
        self.form.addRow(self.tr("Begindatum"), self.start)
        self.form.addRow(self.tr("Einddatum"), self.end)
        self.form.addRow(self.tr("Stagedagen"), days)
        self.form.addRow(self.tr("Uren per week"), self.hours)
        self.form.addRow(self.tr("Leerdoelen"), self.goals)
        self.form.addRow(self.tr("Resultaat / intentie"), self.outcome)
        self.fields = {
            "employer_id": self.employer,
            "supervisor_id": self.supervisor,
            "kind": self.kind,
            "start_date": self.start,
            "end_date": self.end,
            "hours_per_week": self.hours,
            "learning_goals": self.goals,
            "outcome": self.outcome,
        }
        self.employer.currentIndexChanged.connect(self._fill_supervisors)
        set_combo_value(self.employer, data.employer_id)
        self._fill_supervisors()
        set_combo_value(self.supervisor, data.supervisor_id)
        set_combo_value(self.kind, data.kind)
        set_combo_value(self.outcome, data.outcome or None)

    def _fill_supervisors(self, *_args) -> None:
        choice = self.employers.get(combo_value(self.employer))
        contacts = choice.contacts if choice else ()
        options = [
            (
                f"{name} ({labels.CONTACT_ROLE.get(role, role) if role else ''})".replace(
                    " ()", ""
                ),
                cid,
            )
            for cid, name, role in contacts
        ]
        fill_combo(self.supervisor, options, empty=self.tr("— geen —"))
        if len(contacts) == 1:
            self.supervisor.setCurrentIndex(1)

    def student_id(self) -> int | None:
        return combo_value(self.student)

    def collect(self) -> InternshipInput:
        return InternshipInput(
            employer_id=combo_value(self.employer),
            supervisor_id=combo_value(self.supervisor),
            kind=combo_value(self.kind),
            start_date=self.start.text(),
            end_date=self.end.text(),
            days=[d for d, box in self.day_boxes.items() if box.isChecked()],
            hours_per_week=self.hours.text(),
            learning_goals=self.goals.toPlainText(),
            outcome=combo_value(self.outcome) or "",
        )


class EvaluationDialog(_Dialog):
    """A dated evaluation: a score per work competency and comments by both sides."""

    def __init__(self, competencies: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Evaluatie vastleggen"), parent)
        self.on = _date_field(format_date(today()))
        self.final = QCheckBox(self.tr("Eindevaluatie"))
        self.evaluator = QComboBox()
        fill_combo(self.evaluator, [(v, k.value) for k, v in labels.EVALUATOR.items()], empty=None)
        self.form.addRow(self.tr("Datum"), self.on)
        self.form.addRow("", self.final)
        self.form.addRow(self.tr("Door"), self.evaluator)
        self.scores: dict[int, QComboBox] = {}
        options = [(text, n) for n, text in SCORE_LABELS.items()]
        for cid, label in competencies:
            box = QComboBox()
            fill_combo(box, options, empty=self.tr("— niet gescoord —"))
            self.scores[cid] = box
            self.form.addRow(label, box)
        self.supervisor_comment = QPlainTextEdit()
        self.supervisor_comment.setTabChangesFocus(True)  # Tab goes on to the next field
        self.school_comment = QPlainTextEdit()
        self.school_comment.setTabChangesFocus(True)  # Tab goes on to the next field
        for edit in (self.supervisor_comment, self.school_comment):
            edit.setFixedHeight(60)
        self.form.addRow(self.tr("Opmerkingen praktijkbegeleider"), self.supervisor_comment)
        self.form.addRow(self.tr("Opmerkingen school"), self.school_comment)
        self.fields = {"evaluated_on": self.on, "evaluator": self.evaluator}
        set_combo_value(self.evaluator, Evaluator.TOGETHER.value)

    def collect(self) -> EvaluationInput:
        return EvaluationInput(
            evaluated_on=self.on.text(),
            is_final=self.final.isChecked(),
            evaluator=combo_value(self.evaluator),
            scores={cid: combo_value(box) for cid, box in self.scores.items()},
            supervisor_comment=self.supervisor_comment.toPlainText(),
            school_comment=self.school_comment.toPlainText(),
        )


class BreakOffDialog(_Dialog):
    """Breaking an internship off: the date and the reason, both required."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Stage afbreken"), parent)
        self.on = _date_field(format_date(today()))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("bijvoorbeeld: past niet bij de leerling"))
        self.form.addRow(self.tr("Afgebroken op"), self.on)
        self.form.addRow(self.tr("Reden"), self.reason)
        self.save_button.setText(self.tr("Afbreken"))
        self.fields = {"broken_off_on": self.on, "broken_off_reason": self.reason}

    def collect(self) -> tuple[str, str]:
        return self.on.text(), self.reason.text()


class CompleteDialog(_Dialog):
    """Completing an internship with its outcome; a transition internship with a contract
    can set the path's destination in the same step."""

    def __init__(self, may_end_with_contract: bool, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Stage afronden"), parent)
        self.on = _date_field(format_date(today()))
        self.outcome = QComboBox()
        fill_combo(
            self.outcome,
            [(labels.INTERNSHIP_OUTCOME[o], o.value) for o in InternshipOutcome],
            empty=self.tr("— kies —"),
        )
        self.to_destination = QCheckBox(
            self.tr("Werk bij deze werkgever als bestemming vastleggen")
        )
        self.destination = QComboBox()
        fill_combo(
            self.destination,
            [(labels.DESTINATION[d], d.value) for d in CONTRACT_DESTINATIONS],
            empty=None,
        )
        self.form.addRow(self.tr("Datum"), self.on)
        self.form.addRow(self.tr("Resultaat"), self.outcome)
        if may_end_with_contract:
            self.form.addRow("", self.to_destination)
            self.form.addRow(self.tr("Bestemming"), self.destination)
            self.outcome.currentIndexChanged.connect(self._contract_changed)
        self.destination.setEnabled(False)
        self.to_destination.toggled.connect(self.destination.setEnabled)
        self.fields = {"end_date": self.on, "on": self.on, "outcome": self.outcome}
        set_combo_value(self.destination, Destination.REGULAR_WORK.value)

    def _contract_changed(self, *_args) -> None:
        is_contract = combo_value(self.outcome) == InternshipOutcome.CONTRACT_OFFERED.value
        self.to_destination.setChecked(is_contract)

    def collect(self) -> tuple[str, str, str | None]:
        destination = combo_value(self.destination) if self.to_destination.isChecked() else None
        return self.on.text(), combo_value(self.outcome), destination
