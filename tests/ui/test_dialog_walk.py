"""Every dialog of the app, walked the same way: a slip with the keyboard loses nothing.

Enter on a refused form keeps the dialog, what was typed and the message; Esc after
typing asks "Wijzigingen weggooien?" (No keeps everything, Yes closes and saves nothing);
Esc on an untouched form closes without a question, except the recovery key, shown once,
which asks whether it was kept. `WALK` names every dialog class in app/ui; the guard test
below fails when a new one is added without joining the walk.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from app.core.errors import ValidationError
from app.core.validation import format_date, today
from app.models import Destination
from app.services.admin import users
from app.services.admin.retention import add_months
from app.services.aftercare import plan as aftercare_plan
from app.services.common.actor import Actor
from app.services.internships.competencies import competencies
from app.services.path import timeline
from app.services.path.overview import path_view
from app.services.profile.overview import profile_overview
from app.services.students import student_file as students
from app.services.students.student_file import StudentInput
from app.ui.workspace import Workspace
from tests.ui.helpers import new_school, workspace_for

PASSWORD = "dialogen-test-2026"
UI = Path(__file__).resolve().parents[2] / "app" / "ui"


@dataclass
class School:
    workspace: Workspace
    student_id: int
    tmp_path: Path

    @property
    def actor(self) -> Actor:
        return self.workspace.actor

    def run(self, use_case, *args):
        return self.workspace.store.run(use_case, self.actor, *args)


@dataclass
class Opened:
    """A dialog as its caller opens it, and where to type something the app refuses."""

    dialog: QDialog
    field: QLineEdit | QPlainTextEdit | None = None  # None: nothing to type in (no form)
    bad: str = ""
    refuses: bool = True


def _refused_by_the_caller(dialog, field_name: str, message: str) -> None:
    """The internship and account dialogs do not save: their caller runs the use case and
    hands a refusal back with `show_error` (or `show_problems`), as their tabs do."""
    dialog.submitted.connect(
        lambda _value: dialog.show_error(ValidationError({field_name: message}))
    )


# --- the factories, one per dialog class -----------------------------------------------------
def _user(school: School) -> Opened:
    from app.ui.admin.user_dialog import UserDialog

    dialog = UserDialog(None)
    _refused_by_the_caller(dialog, "username", "Gebruikersnaam: bevat ongeldige tekens.")
    return Opened(dialog, dialog.username, "a b")


def _password(school: School) -> Opened:
    from app.ui.admin.user_dialog import PasswordDialog

    [row] = school.run(users.list_users)
    dialog = PasswordDialog(row)
    _refused_by_the_caller(dialog, "password", "Wachtwoord: te kort.")
    return Opened(dialog, dialog.password, "kort")


def _memberships(school: School) -> Opened:
    from app.services.admin.memberships import Memberships, SchoolOption
    from app.ui.admin.memberships_dialog import MembershipsDialog

    [row] = school.run(users.list_users)
    # As in a region: the coordinator's own school, and another one greyed out.
    schools = (SchoolOption(1, "De Horizon", True), SchoolOption(2, "De Branding", False))
    dialog = MembershipsDialog(row, Memberships(schools, {row.id: frozenset({1})}))
    return Opened(dialog)  # check boxes, nothing to type in


def _purge(school: School) -> Opened:
    from app.ui.admin.retention import PurgeDialog

    return Opened(PurgeDialog(school.workspace, []))


def _call(school: School) -> Opened:
    from app.ui.aftercare.call_dialog import CallDialog

    worklist = school.run(aftercare_plan.worklist, today() + timedelta(days=1100))
    dialog = CallDialog(school.workspace, worklist.rows[0], lambda _outcome: None)
    return Opened(dialog, dialog.made_on, "12-13-2026")


def _recovery_key(school: School) -> Opened:
    from app.ui.common.recovery_key import RecoveryKeyDialog

    return Opened(RecoveryKeyDialog("ABCD-EFGH", "De Horizon"))


def _consent(school: School) -> Opened:
    from app.services.consent.recipients import recipient_choices
    from app.ui.consent.tab import ConsentDialog

    recipients, default = school.workspace.store.run(
        recipient_choices, school.actor, school.student_id
    )
    dialog = ConsentDialog(school.workspace, school.student_id, recipients, default)
    return Opened(dialog, dialog.given_on, "31-02-2026")


def _conversation(school: School) -> Opened:
    from app.ui.conversations.dialog import ConversationDialog

    dialog = ConversationDialog(school.workspace, school.student_id)
    return Opened(dialog, dialog.date, "12-13-2026")


def _first_run(school: School) -> Opened:
    from app.ui.first_run import FirstRunWizard

    # Walked on its own below: its refusal is on the last page, behind Volgende.
    return Opened(FirstRunWizard())


def _internship(school: School) -> Opened:
    from app.ui.internships.dialogs import InternshipDialog

    dialog = InternshipDialog([])
    _refused_by_the_caller(dialog, "start_date", "Begindatum: geen geldige datum.")
    return Opened(dialog, dialog.start, "12-13-2026")


def _evaluation(school: School) -> Opened:
    from app.ui.internships.dialogs import EvaluationDialog

    dialog = EvaluationDialog(school.run(competencies))
    _refused_by_the_caller(dialog, "evaluated_on", "Datum: geen geldige datum.")
    return Opened(dialog, dialog.on, "12-13-2026")


def _break_off(school: School) -> Opened:
    from app.ui.internships.dialogs import BreakOffDialog

    dialog = BreakOffDialog()
    _refused_by_the_caller(dialog, "broken_off_on", "Datum: geen geldige datum.")
    return Opened(dialog, dialog.on, "12-13-2026")


def _complete(school: School) -> Opened:
    from app.ui.internships.dialogs import CompleteDialog

    dialog = CompleteDialog(True)
    _refused_by_the_caller(dialog, "completed_on", "Datum: geen geldige datum.")
    return Opened(dialog, dialog.on, "12-13-2026")


def _employer(school: School) -> Opened:
    from app.ui.internships.employers import EmployerDialog

    dialog = EmployerDialog([])
    _refused_by_the_caller(dialog, "banenafspraak_places", "Banenafspraak: geen getal.")
    return Opened(dialog, dialog.banenafspraak, "veel")


def _las_import(school: School) -> Opened:
    from app.ui.las_import.dialog import LasImportDialog

    # No form to refuse before a file is chosen: Enter only must not close it.
    dialog = LasImportDialog(school.workspace)
    return Opened(dialog, dialog.source_combo.lineEdit(), "Magister", refuses=False)


def _organisation(school: School) -> Opened:
    from app.ui.network.view import OrganisationDialog

    dialog = OrganisationDialog(school.workspace, [])
    return Opened(dialog, dialog.cbs, "12-13")


def _path_view(school: School):
    return school.run(path_view, school.student_id)


def _phase(school: School) -> Opened:
    from app.ui.path.dialogs import PhaseDialog

    dialog = PhaseDialog(school.workspace, school.student_id)
    return Opened(dialog, dialog.start, "12-13-2026")


def _hand_over(school: School) -> Opened:
    from app.ui.path.dialogs import HandOverDialog

    dialog = HandOverDialog(school.workspace, school.student_id, _path_view(school))
    return Opened(dialog, dialog.date, "12-13-2026")


def _destination(school: School) -> Opened:
    from app.ui.path.dialogs import DestinationDialog

    dialog = DestinationDialog(school.workspace, school.student_id, _path_view(school))
    return Opened(dialog, dialog.date, "12-13-2026")


def _fall_back(school: School) -> Opened:
    from app.ui.path.dialogs import FallBackDialog

    dialog = FallBackDialog(school.workspace, school.student_id, _path_view(school))
    return Opened(dialog, dialog.date, "12-13-2026")


def _instrument(school: School) -> Opened:
    from app.ui.path.dialogs import InstrumentDialog

    dialog = InstrumentDialog(school.workspace, school.student_id)
    return Opened(dialog, dialog.start, "12-13-2026")


def _outflow_plan(school: School) -> Opened:
    from app.ui.path.dialogs import OutflowPlanDialog

    dialog = OutflowPlanDialog(school.workspace, school.student_id, _path_view(school))
    return Opened(dialog, dialog.planned, "12-13-2026")


def _assessment(school: School) -> Opened:
    from app.ui.profile.dialogs import AssessmentDialog

    items = school.run(profile_overview, school.student_id).items
    dialog = AssessmentDialog(school.workspace, school.student_id, items)
    return Opened(dialog, dialog.date, "12-13-2026")


def _decision(school: School) -> Opened:
    from app.ui.profile.dialogs import DecisionDialog

    dialog = DecisionDialog(school.workspace, school.student_id)
    return Opened(dialog, dialog.date, "12-13-2026")


def _compare(school: School) -> Opened:
    from app.ui.profile.dialogs import CompareDialog

    return Opened(CompareDialog(school.workspace, [], 0, 0))


def _database(school: School) -> Opened:
    from app.ui.settings.database_dialog import DatabaseDialog

    settings = QSettings(str(school.tmp_path / "koers.ini"), QSettings.Format.IniFormat)
    dialog = DatabaseDialog(settings)
    dialog.server.setChecked(True)  # the starting point; an empty server name is refused
    return Opened(dialog, dialog.database, "   ")


def _help(school: School) -> Opened:
    from app.ui.help.window import HelpWindow

    window = HelpWindow()
    window.show_page("regels")
    return Opened(window)


def _tour(school: School) -> Opened:
    from app.ui.help.tour import Tour

    return Opened(Tour())


def _meeting_choices(school: School):
    from app.services.meetings.area import choices

    return school.run(choices)


def _meeting(school: School) -> Opened:
    from app.ui.meetings.dialogs import MeetingDialog

    dialog = MeetingDialog(school.workspace, _meeting_choices(school), today())
    return Opened(dialog, dialog.starts_at, "25:99")


def _submission(school: School) -> Opened:
    from app.ui.meetings.dialogs import SubmissionDialog

    dialog = SubmissionDialog(school.workspace, _meeting_choices(school), meeting_id=1)
    return Opened(dialog, dialog.by_name, "Mentor")  # no student chosen: refused


def _case(school: School) -> Opened:
    from app.ui.meetings.dialogs import CaseDialog

    choices = _meeting_choices(school)
    return Opened(CaseDialog(school.workspace, choices, 1, 1, "Sem Verhoeven", None))


def _action(school: School) -> Opened:
    from app.ui.meetings.dialogs import ActionDialog

    choices = _meeting_choices(school)
    dialog = ActionDialog(school.workspace, choices, 1, 1, today())
    return Opened(dialog, dialog.what, "Bellen")  # no owner chosen: refused


WALK: dict[str, Callable[[School], Opened]] = {
    "UserDialog": _user,
    "PasswordDialog": _password,
    "MembershipsDialog": _memberships,
    "PurgeDialog": _purge,
    "CallDialog": _call,
    "RecoveryKeyDialog": _recovery_key,
    "ConsentDialog": _consent,
    "ConversationDialog": _conversation,
    "FirstRunWizard": _first_run,
    "InternshipDialog": _internship,
    "EvaluationDialog": _evaluation,
    "BreakOffDialog": _break_off,
    "CompleteDialog": _complete,
    "EmployerDialog": _employer,
    "LasImportDialog": _las_import,
    "OrganisationDialog": _organisation,
    "PhaseDialog": _phase,
    "HandOverDialog": _hand_over,
    "DestinationDialog": _destination,
    "FallBackDialog": _fall_back,
    "InstrumentDialog": _instrument,
    "OutflowPlanDialog": _outflow_plan,
    "AssessmentDialog": _assessment,
    "DecisionDialog": _decision,
    "CompareDialog": _compare,
    "DatabaseDialog": _database,
    "HelpWindow": _help,
    "Tour": _tour,
    "MeetingDialog": _meeting,
    "SubmissionDialog": _submission,
    "CaseDialog": _case,
    "ActionDialog": _action,
}


@pytest.fixture
def school(tmp_path: Path) -> Iterator[School]:
    """A school with one student who left a month ago: a path, a profile, aftercare calls."""
    store, coordinator = new_school(tmp_path, PASSWORD)
    left = add_months(today(), -1)
    student = store.run(
        students.create_student,
        coordinator,
        StudentInput(
            first_name="Sem",
            surname="Verhoeven",
            las_key="400001",
            phone="06-11223344",
            mentor_id=coordinator.user_id,
            planned_outflow_date=format_date(left),
        ),
    )
    store.run(
        timeline.set_destination, coordinator, student, Destination.DAGBESTEDING, "De Hoeve", left
    )
    yield School(workspace_for(store, coordinator), student, tmp_path)
    store.dispose()


class Answers:
    """Stands in for the user at every message box: the discard question gets the next of
    `answers`; a warning is recorded as the message the user saw."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.asked: list[str] = []
        self.answers: list[QMessageBox.StandardButton] = []
        self.warnings: list[str] = []

        def question(_parent, title, _text, *_args, **_kwargs):
            self.asked.append(title)
            return self.answers.pop(0)

        def warning(_parent, _title, text, *_args, **_kwargs):
            self.warnings.append(text)
            return QMessageBox.StandardButton.Ok

        monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
        monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))


def _show(qtbot, opened: Opened) -> QDialog:
    dialog = opened.dialog
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _press(qtbot, opened: Opened, key: Qt.Key) -> None:
    target = opened.field if opened.field is not None else opened.dialog
    qtbot.keyClick(target, key)


def _text(field: QWidget) -> str:
    return field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()


def _message_shown(dialog: QDialog, answers: Answers) -> bool:
    problem = dialog.findChild(QLabel, "wizardProblem")
    in_place = problem is not None and problem.isVisible() and bool(problem.text())
    return in_place or bool(answers.warnings)


# Shown once and never again: Esc asks even though nothing was typed (its own test below).
ASKS_BEFORE_CLOSING = {"RecoveryKeyDialog"}


@pytest.mark.parametrize("name", sorted(set(WALK) - ASKS_BEFORE_CLOSING))
def test_esc_on_an_untouched_dialog_closes_without_asking(name, school, qtbot, monkeypatch):
    answers = Answers(monkeypatch)
    opened = WALK[name](school)
    dialog = _show(qtbot, opened)
    _press(qtbot, opened, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and answers.asked == []


@pytest.mark.parametrize("name", sorted(n for n in WALK if n != "FirstRunWizard"))
def test_enter_keeps_a_refused_form_and_esc_asks_before_dropping_it(
    name, school, qtbot, monkeypatch
):
    answers = Answers(monkeypatch)
    opened = WALK[name](school)
    if opened.field is None:
        pytest.skip("shows something, has no form to type in")
    dialog, field = _show(qtbot, opened), opened.field
    field.setFocus()
    field.clear()
    qtbot.keyClicks(field, opened.bad)
    _press(qtbot, opened, Qt.Key.Key_Return)
    assert dialog.isVisible() and _text(field) == opened.bad
    assert answers.asked == []  # Enter never reached Annuleren
    if opened.refuses:
        assert _message_shown(dialog, answers)

    answers.answers = [QMessageBox.StandardButton.No]
    _press(qtbot, opened, Qt.Key.Key_Escape)
    assert answers.asked == ["Wijzigingen weggooien?"]
    assert dialog.isVisible() and _text(field) == opened.bad

    answers.answers = [QMessageBox.StandardButton.Yes]
    _press(qtbot, opened, Qt.Key.Key_Escape)
    assert len(answers.asked) == 2
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_the_first_run_wizard_keeps_the_account_after_enter_and_asks_at_esc(
    school, qtbot, monkeypatch
):
    from app.ui.first_run import FirstRunWizard

    answers = Answers(monkeypatch)
    wizard = FirstRunWizard()
    refused: list[str] = []

    def refuse(choice) -> None:  # as the start-up does when the school cannot be made
        refused.append(choice.password)
        wizard.failed("Wachtwoord: gebruik minstens 12 tekens.")

    wizard.chosen.connect(refuse)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    _press(qtbot, Opened(wizard), Qt.Key.Key_Return)  # Volgende
    qtbot.keyClicks(wizard.school.name, "De Horizon")
    qtbot.keyClicks(wizard.school.brin, "12AB")
    qtbot.keyClick(wizard.school.brin, Qt.Key.Key_Return)  # Volgende
    assert wizard.currentId() == FirstRunWizard.ACCOUNT
    account = wizard.account
    for field, text in (
        (account.username, "c.peeters"),
        (account.display_name, "Ingrid Peeters"),
        (account.password, "kort"),
        (account.repeat, "anders"),
    ):
        qtbot.keyClicks(field, text)
    qtbot.keyClick(account.repeat, Qt.Key.Key_Return)  # the passwords differ: nothing happens
    assert wizard.isVisible() and refused == []
    assert account.problem.text() == "De wachtwoorden verschillen."
    account.repeat.clear()
    qtbot.keyClicks(account.repeat, "kort")
    qtbot.keyClick(account.repeat, Qt.Key.Key_Return)  # Beginnen: refused by the start-up
    assert refused == ["kort"] and "12 tekens" in account.problem.text()
    # The focus sat on Annuleren while Beginnen was busy: Enter still means Beginnen.
    cancel = wizard.button(FirstRunWizard.WizardButton.CancelButton)
    cancel.setFocus()
    qtbot.keyClick(cancel, Qt.Key.Key_Return)
    assert wizard.isVisible() and refused == ["kort", "kort"] and answers.asked == []
    assert account.display_name.text() == "Ingrid Peeters"

    answers.answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    qtbot.keyClick(account.password, Qt.Key.Key_Escape)
    assert wizard.isVisible() and account.password.text() == "kort"
    qtbot.keyClick(account.password, Qt.Key.Key_Escape)
    assert answers.asked == ["Wijzigingen weggooien?"] * 2 and not wizard.isVisible()
    assert wizard.result() == QDialog.DialogCode.Rejected


def test_the_recovery_key_is_not_closed_by_a_slip(school, qtbot, monkeypatch):
    from PySide6.QtWidgets import QPushButton

    answers = Answers(monkeypatch)
    opened = WALK["RecoveryKeyDialog"](school)
    dialog = _show(qtbot, opened)
    answers.answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.No]
    _press(qtbot, opened, Qt.Key.Key_Escape)
    dialog.close()  # the window's close button
    assert answers.asked == ["Herstelsleutel bewaard?"] * 2 and dialog.isVisible()

    answers.answers = [QMessageBox.StandardButton.Yes]
    _press(qtbot, opened, Qt.Key.Key_Escape)
    assert len(answers.asked) == 3 and not dialog.isVisible()

    # The explicit "I kept it" closes at once.
    kept = _show(qtbot, WALK["RecoveryKeyDialog"](school))
    [done] = [b for b in kept.findChildren(QPushButton) if b.text() == "Ik heb de sleutel bewaard"]
    qtbot.mouseClick(done, Qt.MouseButton.LeftButton)
    assert not kept.isVisible() and kept.result() == QDialog.DialogCode.Accepted
    assert len(answers.asked) == 3


def _dialog_classes() -> set[str]:
    """Every class in app/ui deriving (directly or through another) from QDialog or QWizard."""
    bases: dict[str, set[str]] = {}
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                names = {
                    b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases
                }
                bases[node.name] = names

    def is_dialog(name: str, seen: frozenset[str] = frozenset()) -> bool:
        if name in ("QDialog", "QWizard"):
            return True
        return name not in seen and any(
            is_dialog(base, seen | {name}) for base in bases.get(name, ())
        )

    return {name for name in bases if is_dialog(name) and name not in ("QDialog", "QWizard")}


# Bases no user opens by themselves: their subclasses are walked.
BASES = {
    "GuardedDialog",
    "FormDialog",
    "UseCaseDialog",
    "ServiceDialog",
    "_Dialog",
    "AccountDialog",
}


def test_every_dialog_of_the_app_is_walked() -> None:
    found = _dialog_classes()
    assert {"ConversationDialog", "FirstRunWizard", "PhaseDialog"} <= found  # the scan works
    missing = found - BASES - set(WALK)
    assert not missing, f"add these dialogs to WALK in {Path(__file__).name}: {sorted(missing)}"
    assert not set(WALK) - found, "WALK names a dialog that no longer exists"
