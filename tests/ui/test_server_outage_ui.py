"""A student file saved while the PostgreSQL server is down: the user reads why in Dutch,
what was typed stays in the window, and saving again once the server is back stores it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from app.db import open_store
from app.db.connection_errors import LOST_MESSAGE
from app.services.admin import accounts
from app.services.students.student_file import StudentInput, create_student, open_student_file
from tests.pg_control import own_server
from tests.ui.helpers import main_window, workspace_for

pytestmark = pytest.mark.postgres

PASSWORD = "verbinding-test-2026"


def test_a_save_during_an_outage_keeps_the_typed_text_and_saves_after_the_restart(
    qtbot, tmp_path, monkeypatch
):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        staticmethod(lambda _parent, title, text, *a, **k: shown.append((title, text))),
    )
    with own_server() as server:
        store = open_store(server.create_database("koers"))
        try:
            coordinator = store.run(
                accounts.initialise_school,
                school_name="De Horizon",
                brin="12AB",
                username="c.peeters",
                display_name="Ingrid Peeters",
                password=PASSWORD,
            )
            student_id = store.run(
                create_student, coordinator, StudentInput(first_name="Noor", surname="Bakker")
            )
            window = main_window(qtbot, workspace_for(store, coordinator), tmp_path)
            file_window = window.open_student(student_id)
            qtbot.addWidget(file_window)
            city = file_window.personalia.widgets["city"]
            qtbot.keyClicks(city, "Zwolle")
            assert file_window.is_dirty()

            server.stop()
            file_window.save()

            assert shown == [("Verbinding verbroken", LOST_MESSAGE)]
            assert city.text() == "Zwolle" and file_window.is_dirty()

            server.start()
            file_window.save()

            assert len(shown) == 1  # no second message: this time it saved
            assert not file_window.is_dirty()
            stored = store.run(open_student_file, coordinator, student_id)
            assert stored.input.city == "Zwolle"
        finally:
            store.dispose()


def test_a_dialog_saved_during_an_outage_stays_open_with_the_message_and_what_was_typed(
    qtbot, tmp_path
):
    from PySide6.QtCore import Qt
    from sqlalchemy import select

    from app.models import OutflowMeeting
    from app.services.meetings.area import choices
    from app.ui.common.fields import set_combo_value
    from app.ui.meetings.view import MeetingsArea
    from tests.meetings.helpers import network

    with own_server() as server:
        store = open_store(server.create_database("koers"))
        try:
            coordinator = store.run(
                accounts.initialise_school,
                school_name="De Horizon",
                brin="12AB",
                username="c.peeters",
                display_name="Ingrid Peeters",
                password=PASSWORD,
            )
            ids = store.run(network)
            area = MeetingsArea(workspace_for(store, coordinator))
            qtbot.addWidget(area)
            dialog = area.meeting_dialog(store.run(choices, coordinator))
            qtbot.addWidget(dialog)
            qtbot.keyClicks(dialog.place, "De Horizon, lokaal 12")
            set_combo_value(dialog.host, ids["rmc"])
            for row in range(dialog.participants.count()):
                item = dialog.participants.item(row)
                if item.data(Qt.ItemDataRole.UserRole) == ids["consulent"]:
                    item.setCheckState(Qt.CheckState.Checked)

            server.stop()
            dialog.submit()

            assert dialog.problem.text() == LOST_MESSAGE and dialog.problem.isVisibleTo(dialog)
            assert dialog.result() != dialog.DialogCode.Accepted and dialog.result_value is None
            assert dialog.place.text() == "De Horizon, lokaal 12"

            server.start()
            dialog.submit()

            assert dialog.result() == dialog.DialogCode.Accepted, dialog.problem.text()
            with store.session() as session:
                places = session.scalars(select(OutflowMeeting.place)).all()
            assert places == ["De Horizon, lokaal 12"]
        finally:
            store.dispose()
