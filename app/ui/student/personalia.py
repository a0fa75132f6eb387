"""The Personalia tab: personal details, school data and the guardians table."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.common import labels
from app.services.students.student_file import StudentInput
from app.ui.common.fields import combo_value, fill_combo, mark_invalid, set_combo_value
from app.ui.student.guardians import GuardiansEditor
from app.ui.style import styled

DATE_HINT = "dd-mm-jjjj"

# (field, label) per group; the field names are those of StudentInput.
_STUDENT_FIELDS = [
    ("first_name", QT_TRANSLATE_NOOP("student.personalia", "Roepnaam")),
    ("prefix", QT_TRANSLATE_NOOP("student.personalia", "Tussenvoegsel")),
    ("surname", QT_TRANSLATE_NOOP("student.personalia", "Achternaam")),
    ("birth_date", QT_TRANSLATE_NOOP("student.personalia", "Geboortedatum")),
    ("sex", QT_TRANSLATE_NOOP("student.personalia", "Geslacht")),
    (
        "legal_representation",
        QT_TRANSLATE_NOOP("student.personalia", "Wettelijke vertegenwoordiging"),
    ),
]
_SCHOOL_FIELDS = [
    ("las_key", QT_TRANSLATE_NOOP("student.personalia", "Leerlingnummer (LAS)")),
    ("school_type", QT_TRANSLATE_NOOP("student.personalia", "Schoolsoort")),
    ("class_name", QT_TRANSLATE_NOOP("student.personalia", "Klas")),
    ("mentor_id", QT_TRANSLATE_NOOP("student.personalia", "Mentor")),
    ("outflow_profile", QT_TRANSLATE_NOOP("student.personalia", "Uitstroomprofiel")),
    ("enrolment_date", QT_TRANSLATE_NOOP("student.personalia", "Inschrijfdatum")),
    ("planned_outflow_date", QT_TRANSLATE_NOOP("student.personalia", "Geplande uitstroomdatum")),
]
_CONTACT_FIELDS = [
    ("phone", QT_TRANSLATE_NOOP("student.personalia", "Telefoon")),
    ("email", QT_TRANSLATE_NOOP("student.personalia", "E-mail")),
    ("address", QT_TRANSLATE_NOOP("student.personalia", "Adres")),
    ("postcode", QT_TRANSLATE_NOOP("student.personalia", "Postcode")),
    ("city", QT_TRANSLATE_NOOP("student.personalia", "Woonplaats")),
    ("municipality", QT_TRANSLATE_NOOP("student.personalia", "Gemeente")),
]
_CHOICES = {
    "sex": [(text, v.value) for v, text in labels.SEX.items()],
    "school_type": [(text, v.value) for v, text in labels.SCHOOL_TYPE.items()],
    "outflow_profile": [(text, v.value) for v, text in labels.OUTFLOW_PROFILE.items()],
    "legal_representation": [(text, v.value) for v, text in labels.LEGAL_REPRESENTATION.items()],
}
_REQUIRED_CHOICES = {"school_type", "legal_representation"}
_DATES = {"birth_date", "enrolment_date", "planned_outflow_date"}


class PersonaliaTab(QWidget):
    changed = Signal()

    def __init__(self, mentors: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.widgets: dict[str, QWidget] = {}
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)  # Tab goes on to the next field
        self.notes.setPlaceholderText(
            self.tr("Bijzonderheden die voor de uitstroom van belang zijn")
        )
        self.notes.setMaximumHeight(90)
        self.guardians = GuardiansEditor()
        grid = QGridLayout()
        grid.addWidget(self._group(self.tr("Leerling"), _STUDENT_FIELDS), 0, 0)
        grid.addWidget(self._group(self.tr("School"), _SCHOOL_FIELDS, mentors), 0, 1)
        contact = self._group(self.tr("Contact"), _CONTACT_FIELDS)
        contact.layout().addRow(self.tr("Notities"), self.notes)
        grid.addWidget(contact, 0, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        guardians_box = styled(QGroupBox(self.tr("Ouders, verzorgers en contactpersonen")), "group")
        QVBoxLayout(guardians_box).addWidget(self.guardians)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(guardians_box, 1)
        self.notes.textChanged.connect(self.changed)
        self.guardians.changed.connect(self.changed)

    def _group(self, title: str, fields, mentors=None) -> QGroupBox:
        box = styled(QGroupBox(title), "group")
        form = QFormLayout(box)
        for name, label in fields:
            label = QCoreApplication.translate("student.personalia", label)
            if name == "mentor_id":
                widget = QComboBox()
                fill_combo(
                    widget, [(n, i) for i, n in mentors or []], empty=self.tr("(geen mentor)")
                )
                widget.currentIndexChanged.connect(self.changed)
            elif name in _CHOICES:
                widget = QComboBox()
                empty = None if name in _REQUIRED_CHOICES else self.tr("(onbekend)")
                fill_combo(widget, _CHOICES[name], empty=empty)
                widget.currentIndexChanged.connect(self.changed)
            else:
                widget = QLineEdit()
                if name in _DATES:
                    widget.setPlaceholderText(DATE_HINT)
                widget.textEdited.connect(self.changed)
            widget.setAccessibleName(label)
            widget.setObjectName(name)
            self.widgets[name] = widget
            form.addRow(label, widget)
        return box

    def set_input(self, data: StudentInput) -> None:
        for name, widget in self.widgets.items():
            value = getattr(data, name)
            if isinstance(widget, QComboBox):
                set_combo_value(widget, value if value != "" else None)
            else:
                widget.setText(value or "")
        self.notes.setPlainText(data.notes)
        self.guardians.set_guardians(data.guardians)
        self.show_problems({})

    def collect(self) -> StudentInput:
        values = {}
        for name, widget in self.widgets.items():
            if isinstance(widget, QComboBox):
                value = combo_value(widget)
                values[name] = value if name == "mentor_id" else (value or "")
            else:
                values[name] = widget.text().strip()
        return StudentInput(
            **values, notes=self.notes.toPlainText().strip(), guardians=self.guardians.guardians()
        )

    def show_problems(self, problems: dict[str, str]) -> None:
        for name, widget in self.widgets.items():
            mark_invalid(widget, problems.get(name))
        first = next((self.widgets[n] for n in problems if n in self.widgets), None)
        if first is not None:
            first.setFocus()

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.widgets.values():
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(read_only)
            else:
                widget.setEnabled(not read_only)
        self.notes.setReadOnly(read_only)
        self.guardians.set_read_only(read_only)
