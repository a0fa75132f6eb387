"""The first-run wizard: an empty school, or a demo school with fictional students."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from app.ui.common.unsaved_input import FilledForm
from app.ui.style import styled

DEMO_USERNAME = "demo"
# Fields of the school page, as the first-start check names them (app.services.admin.accounts).
SCHOOL_FIELDS = ("school_name", "brin")


@dataclass(frozen=True)
class FirstRunChoice:
    demo: bool
    school_name: str
    brin: str
    username: str
    display_name: str
    password: str
    demo_students: int


class _StartPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Welkom bij Koers"))
        self.setSubTitle(self.tr("Deze database is nog leeg. Hoe wilt u beginnen?"))
        self.empty = QRadioButton(self.tr("Mijn school inrichten (een lege school)"))
        self.demo = QRadioButton(
            self.tr("Eerst rondkijken in een demoschool met fictieve leerlingen")
        )
        self.empty.setChecked(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.demo)
        note = QLabel(
            self.tr(
                "De demoschool bevat verzonnen namen en gegevens. Gebruik haar niet voor echte "
                "leerlingen; maak daarvoor later een nieuwe, lege database."
            )
        )
        note.setWordWrap(True)
        layout.addSpacing(12)
        layout.addWidget(note)


class _SchoolPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Uw school"))
        self.name = QLineEdit()
        self.brin = QLineEdit()
        self.brin.setPlaceholderText(self.tr("bijvoorbeeld 12AB"))
        self.brin.setMaxLength(6)
        # The service's verdict on these fields after "Beginnen" (nothing is written then).
        self.problem = QLabel()
        self.problem.setObjectName("wizardProblem")
        styled(self.problem, "problem")
        self.problem.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Naam van de school"), self.name)
        form.addRow(self.tr("BRIN"), self.brin)
        form.addRow(self.problem)
        self.registerField("school_name*", self.name)
        self.registerField("brin*", self.brin)
        for widget in (self.name, self.brin):
            widget.textChanged.connect(lambda _text: self.problem.clear())


class _DemoPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Demoschool"))
        self.setSubTitle(
            self.tr("U meldt zich aan als gebruiker '{demo_username}'.").format(
                demo_username=DEMO_USERNAME
            )
        )
        self.students = QSpinBox()
        self.students.setRange(0, 5000)
        self.students.setValue(150)
        form = QFormLayout(self)
        form.addRow(self.tr("Aantal fictieve leerlingen"), self.students)


class _AccountPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Uw account als uitstroomcoördinator"))
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setObjectName("wizardProblem")
        styled(self.problem, "problem")
        self.problem.setWordWrap(True)
        self.form = QFormLayout(self)
        self.form.addRow(self.tr("Gebruikersnaam"), self.username)
        self.form.addRow(self.tr("Uw naam"), self.display_name)
        self.form.addRow(self.tr("Wachtwoord"), self.password)
        self.form.addRow(self.tr("Wachtwoord (nogmaals)"), self.repeat)
        self.form.addRow(self.problem)
        for widget in (self.username, self.display_name, self.password, self.repeat):
            widget.textChanged.connect(self.completeChanged)

    def set_demo(self, demo: bool) -> None:
        self.setTitle(
            self.tr("Wachtwoord voor de demo")
            if demo
            else self.tr("Uw account als uitstroomcoördinator")
        )
        self.username.setText(DEMO_USERNAME if demo else self.username.text())
        self.username.setReadOnly(demo)
        if demo and not self.display_name.text():
            self.display_name.setText(self.tr("Ingrid Peeters"))

    def isComplete(self) -> bool:
        filled = all(
            w.text() for w in (self.username, self.display_name, self.password, self.repeat)
        )
        same = self.password.text() == self.repeat.text()
        self.problem.setText(
            "" if same or not self.repeat.text() else self.tr("De wachtwoorden verschillen.")
        )
        return filled and same


class FirstRunWizard(QWizard):
    chosen = Signal(object)  # FirstRunChoice

    START, SCHOOL, DEMO, ACCOUNT = range(4)

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Koers — eerste start"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.start = _StartPage()
        self.school = _SchoolPage()
        self.demo = _DemoPage()
        self.account = _AccountPage()
        self.setPage(self.START, self.start)
        self.setPage(self.SCHOOL, self.school)
        self.setPage(self.DEMO, self.demo)
        self.setPage(self.ACCOUNT, self.account)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Beginnen"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Volgende >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Vorige"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Annuleren"))
        self.resize(620, 440)
        self.currentIdChanged.connect(self._entered)
        # Enter goes to Next or Beginnen (the wizard's default), never to these.
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            self.button(which).setAutoDefault(False)
        self.filled = FilledForm(self)

    def showEvent(self, event: QShowEvent) -> None:
        self.filled.mark_clean_once()
        super().showEvent(event)

    def reject(self) -> None:
        if self.filled.may_close():  # Esc or Annuleren after typing asks first
            super().reject()

    def nextId(self) -> int:
        current = self.currentId()
        if current == self.START:
            return self.DEMO if self.start.demo.isChecked() else self.SCHOOL
        if current in (self.SCHOOL, self.DEMO):
            return self.ACCOUNT
        return -1

    def _entered(self, page_id: int) -> None:
        if page_id == self.ACCOUNT:
            self.account.set_demo(self.start.demo.isChecked())

    def choice(self) -> FirstRunChoice:
        demo = self.start.demo.isChecked()
        return FirstRunChoice(
            demo=demo,
            school_name=self.school.name.text(),
            brin=self.school.brin.text(),
            username=self.account.username.text(),
            display_name=self.account.display_name.text(),
            password=self.account.password.text(),
            demo_students=self.demo.students.value(),
        )

    def accept(self) -> None:
        # The wizard stays open until the school is really created; see StartupController.
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.chosen.emit(self.choice())

    def failed(self, message: str, problems: dict[str, str] | None = None) -> None:
        """The school was not made and nothing was written: every problem shows on the last
        page, and the school's own ones on its page too, for when the user goes back."""
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.account.problem.setText(message)
        school = [text for field, text in (problems or {}).items() if field in SCHOOL_FIELDS]
        self.school.problem.setText("\n".join(school))

    def done_ok(self) -> None:
        super().accept()
