"""A mentor's aftercare in the window: the due count at log-in, the worklist, logging a call."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QSettings, Qt

from app.core.passwords import hash_password
from app.core.validation import format_date, today
from app.models import Destination, Role, User
from app.services.admin import accounts
from app.services.admin.retention import add_months
from app.services.admin.unlock import create_encrypted_database, grant_keys
from app.services.common.actor import Actor
from app.services.path import timeline
from app.services.students import student_file as students
from app.services.students.student_file import StudentInput
from app.ui.startup import StartupController
from app.ui.tasks import TaskRunner
from tests.ui.helpers import new_school

PASSWORD = "nazorg-test-2026"


def _former_student(store, coordinator: Actor, mentor_id: int, first: str, las: str) -> int:
    """Left a month ago: the one-month call is due about now."""
    left = add_months(today(), -1)
    data = StudentInput(
        first_name=first,
        surname="Verhoeven",
        las_key=las,
        phone="06-11223344",
        mentor_id=mentor_id,
        planned_outflow_date=format_date(left),
    )
    sid = store.run(students.create_student, coordinator, data)
    store.run(
        timeline.set_destination, coordinator, sid, Destination.DAGBESTEDING, "De Hoeve", left
    )
    return sid


@pytest.fixture
def school(tmp_path):
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    store, _recovery = create_encrypted_database(url, "De Horizon", "c.peeters", PASSWORD)
    coordinator = store.run(
        accounts.initialise_school,
        school_name="De Horizon",
        brin="12AB",
        username="c.peeters",
        display_name="Ingrid Peeters",
        password=PASSWORD,
    )
    with store.session() as session:
        mentor = User(
            username="m.jansen",
            display_name="Mila Jansen",
            role=Role.MENTOR,
            password_hash=hash_password(PASSWORD),
        )
        session.add(mentor)
        session.flush()
        mentor_id = mentor.id
    grant_keys(store, ["m.jansen"], PASSWORD)
    _former_student(store, coordinator, mentor_id, "Sem", "400001")
    _former_student(store, coordinator, mentor_id, "Lotte", "400002")
    # Another mentor's former student: not on Mila's list.
    _former_student(store, coordinator, coordinator.user_id, "Bram", "400003")
    store.dispose()
    return url


@pytest.fixture
def controller(qtbot, tmp_path, school):
    settings = QSettings(str(tmp_path / "k.ini"), QSettings.Format.IniFormat)
    controller = StartupController(school, settings, TaskRunner(synchronous=True))
    controller.start()
    qtbot.addWidget(controller.login)
    yield controller
    controller.close_database()


def _nazorg_item(window):
    nav = window.navigation
    row = next(
        i for i in range(nav.count()) if nav.item(i).data(Qt.ItemDataRole.UserRole) == "nazorg"
    )
    return row, nav.item(row)


def test_a_mentor_sees_the_due_count_and_logs_a_call_from_the_worklist(qtbot, controller):
    controller.login.username.setText("m.jansen")
    controller.login.password.setText(PASSWORD)
    qtbot.mouseClick(controller.login.button, Qt.MouseButton.LeftButton)
    window = controller.main_window
    assert window is not None, controller.login.message.text()
    qtbot.addWidget(window)

    row, item = _nazorg_item(window)
    assert item.text() == "Nazorg (2)"
    assert "2 nazorgcontacten te doen" in window.statusBar().currentMessage()

    window.navigation.setCurrentRow(row)
    area = window.areas["nazorg"]
    assert area.tabs.tabText(area.tabs.currentIndex()) == "Mijn nazorg"
    tab = area.worklist
    listed = [tab.model.row_at(i) for i in range(tab.model.rowCount())]
    assert sorted(r.student_name for r in listed) == ["Lotte Verhoeven", "Sem Verhoeven"]
    assert all(r.bucket in ("te_laat", "deze_week") for r in listed)
    assert tab.summary.text() == "2 nazorgcontacten te doen (deze week of te laat)."

    tab.table.selectRow(0)
    chosen = tab.selected_row()
    dialog = tab.log_selected()
    qtbot.addWidget(dialog)
    assert dialog.still.currentData() == "zelfde"
    dialog.made_on.setText(format_date(max(chosen.due_date, today() - timedelta(days=1))))
    qtbot.keyClicks(dialog.note, "Gaat goed op de zorgboerderij.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == dialog.DialogCode.Accepted
    remaining = [tab.model.row_at(i).call_id for i in range(tab.model.rowCount())]
    assert chosen.call_id not in remaining and len(remaining) == 1
    assert item.text() == "Nazorg (1)"
    assert tab.status.text().startswith("Het contact is vastgelegd.")

    # The call is in the student's file, on the Nazorg tab.
    file_window = window.open_student(chosen.student_id)
    qtbot.addWidget(file_window)
    calls = file_window.sections["nazorg"].model
    made = [calls.row_at(i) for i in range(calls.rowCount()) if calls.row_at(i).made_on]
    assert [c.note for c in made] == ["Gaat goed op de zorgboerderij."]

    area.tabs.setCurrentIndex(1)
    assert area.retention.model.rowCount() >= 1


def test_coordinator_sends_the_dropout_report_only_with_consent(qtbot, tmp_path, monkeypatch):
    """Versturen naar gemeente: refused with the Dutch reason, then sent once consent for
    'nazorg' is recorded; the proposal leaves the open list."""
    from datetime import date

    from sqlalchemy import select

    from app.models import AftercareCall, ConsentScope, DropoutReportProposal, ExportLog
    from app.services.consent import register as consents
    from app.ui.aftercare.worklist import WorklistTab
    from app.ui.workspace import Workspace
    from tests.consent.helpers import consent_input, full_student, organisations, pdf_text

    store, coordinator = new_school(tmp_path, PASSWORD)

    def arrange(session):
        venlo = organisations(session)["venlo"]
        student = full_student(session, las_key="801")
        call = session.scalars(select(AftercareCall)).first()
        session.add(
            DropoutReportProposal(
                student_id=student.id,
                call_id=call.id,
                proposed_on=date(2026, 10, 2),
                municipality="Venlo",
            )
        )
        return student.id, venlo.id

    student_id, venlo = store.run(arrange)
    workspace = Workspace(
        store, coordinator, store.run(accounts.school_info), TaskRunner(synchronous=True), "t"
    )
    try:
        tab = WorklistTab(workspace)
        qtbot.addWidget(tab)
        tab.refresh()
        assert tab.send_button.text() == "Versturen naar gemeente…"
        assert not tab.send_button.isEnabled()
        tab.proposals.setCurrentRow(0)
        assert tab.send_button.isEnabled()
        out = tmp_path / "melding.pdf"
        monkeypatch.setattr(tab, "ask_save_path", lambda *_: str(out))
        qtbot.mouseClick(tab.send_button, Qt.MouseButton.LeftButton)
        assert not out.exists()
        assert tab.status.text() == (
            "Geen melding uitval van Noémie Ozturk aan Venlo: Er is geen toestemming "
            "vastgelegd om 'nazorg' te delen met Venlo."
        )

        store.run(
            consents.record_consent,
            coordinator,
            student_id,
            consent_input(venlo, scopes=[ConsentScope.AFTERCARE]),
        )
        tab.proposals.setCurrentRow(0)
        qtbot.mouseClick(tab.send_button, Qt.MouseButton.LeftButton)
        assert out.exists() and "Voor Gemeente Venlo" in pdf_text(out)
        assert "Het voorstel staat nu op verstuurd." in tab.status.text()
        assert tab.proposals.item(0).text() == "Geen openstaande voorstellen."
        with store.session() as session:
            assert [log.what for log in session.scalars(select(ExportLog))] == ["vangnetmelding"]
    finally:
        store.dispose()
