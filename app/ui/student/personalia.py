"""The Personalia tab: personal details, school data and the guardians table."""

from __future__ import annotations

from PySide6.QtCore import Signal
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

DATE_HINT = "dd-mm-jjjj"

# (field, label) per group; the field names are those of StudentInput.
_STUDENT_FIELDS = [
    ("first_name", "Roepnaam"),
    ("prefix", "Tussenvoegsel"),
    ("surname", "Achternaam"),
    ("birth_date", "Geboortedatum"),
    ("sex", "Geslacht"),
    ("legal_representation", "Wettelijke vertegenwoordiging"),
]
_SCHOOL_FIELDS = [
    ("las_key", "Leerlingnummer (LAS)"),
    ("school_type", "Schoolsoort"),
    ("class_name", "Klas"),
    ("mentor_id", "Mentor"),
    ("outflow_profile", "Uitstroomprofiel"),
    ("enrolment_date", "Inschrijfdatum"),
    ("planned_outflow_date", "Geplande uitstroomdatum"),
]
_CONTACT_FIELDS = [
    ("phone", "Telefoon"),
    ("email", "E-mail"),
    ("address", "Adres"),
    ("postcode", "Postcode"),
    ("city", "Woonplaats"),
    ("municipality", "Gemeente"),
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
        self.notes.setPlaceholderText("Bijzonderheden die voor de uitstroom van belang zijn")
        self.notes.setMaximumHeight(90)
        self.guardians = GuardiansEditor()
        grid = QGridLayout()
        grid.addWidget(self._group("Leerling", _STUDENT_FIELDS), 0, 0)
        grid.addWidget(self._group("School", _SCHOOL_FIELDS, mentors), 0, 1)
        contact = self._group("Contact", _CONTACT_FIELDS)
        contact.layout().addRow("Notities", self.notes)
        grid.addWidget(contact, 0, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        guardians_box = QGroupBox("Ouders, verzorgers en contactpersonen")
        QVBoxLayout(guardians_box).addWidget(self.guardians)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(guardians_box, 1)
        self.notes.textChanged.connect(self.changed)
        self.guardians.changed.connect(self.changed)

    def _group(self, title: str, fields, mentors=None) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        for name, label in fields:
            if name == "mentor_id":
                widget = QComboBox()
                fill_combo(widget, [(n, i) for i, n in mentors or []], empty="(geen mentor)")
                widget.currentIndexChanged.connect(self.changed)
            elif name in _CHOICES:
                widget = QComboBox()
                empty = None if name in _REQUIRED_CHOICES else "(onbekend)"
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
