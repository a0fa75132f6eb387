"""Several schools in one database, in the window: the board's "Bestuur" area (counts, no
names) and the toolbar's school choice of a user who works for two schools."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db import Store, open_store
from app.demo import region as demo_region
from app.models import School, SchoolMember, Student, User
from app.services.admin import accounts
from tests.ui.helpers import main_window, workspace_for

PASSWORD = "regio-venster-2026"


@pytest.fixture(scope="module")
def region_store(tmp_path_factory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("region-ui")
    store = open_store(f"sqlite:///{folder / 'koers.db'}")
    store.run(demo_region.generate_region, password=PASSWORD, schools=2, students=25, seed=5)
    yield store
    store.dispose()


def _surnames(store: Store) -> set[str]:
    with store.session() as session:
        return set(session.scalars(select(Student.surname)))


def test_the_board_gets_only_the_bestuur_area_with_counts_and_no_name(
    region_store: Store, qtbot, tmp_path: Path
) -> None:
    board = region_store.run(accounts.login, demo_region.BOARD_USERNAME, PASSWORD).actor
    window = main_window(qtbot, workspace_for(region_store, board), tmp_path)
    window.show_cohort(None)  # as after log-in: the board's counts load instead
    areas = [window.navigation.item(r).text() for r in range(window.navigation.count())]
    assert areas == ["Bestuur"]
    area = window.areas["bestuur"]
    assert area.model.rowCount() == 2
    shown = {
        area.model.index(r, c).data()
        for r in range(area.model.rowCount())
        for c in range(area.model.columnCount())
    }
    shown |= {
        area.destinations.item(r, c).text()
        for r in range(area.destinations.rowCount())
        for c in range(area.destinations.columnCount())
        if area.destinations.item(r, c) is not None
    }
    assert "De Horizon (demo)" in shown and "De Branding (demo)" in shown
    assert not shown & _surnames(region_store)
    assert not window.new_action.isEnabled() and not window.open_action.isEnabled()


def test_a_user_of_two_schools_chooses_one_in_the_toolbar(
    region_store: Store, qtbot, tmp_path: Path
) -> None:
    with region_store.session() as session:
        first, second = session.scalars(select(School.id).order_by(School.id)).all()
        user_id = session.scalars(select(User.id).where(User.username == "demo")).one()
        session.add(SchoolMember(user_id=user_id, school_id=second))
        session.commit()
    try:
        actor = region_store.run(accounts.login, "demo", PASSWORD).actor
        assert actor.member_of == (first, second)
        window = main_window(qtbot, workspace_for(region_store, actor), tmp_path)
        window.refresh()
        choice = window.school_choice
        assert choice is not None
        labels = [choice.combo.itemText(i) for i in range(choice.combo.count())]
        assert labels == ["Alle scholen", "De Branding (demo)", "De Horizon (demo)"]
        everyone = window.cohort.model.rowCount()
        choice.combo.setCurrentIndex(labels.index("De Branding (demo)"))
        assert window.workspace.actor.school_id == second
        with region_store.session() as session:
            at_second = session.scalar(
                select(func.count(Student.id)).where(
                    Student.school_id == second, Student.archived.is_(False)
                )
            )
        assert window.cohort.model.rowCount() == at_second < everyone
        choice.combo.setCurrentIndex(0)
        assert window.workspace.actor.school_id is None
        assert window.cohort.model.rowCount() == everyone
    finally:
        with region_store.session() as session:
            session.execute(
                SchoolMember.__table__.delete().where(
                    SchoolMember.user_id == user_id, SchoolMember.school_id == second
                )
            )
            session.commit()


def test_a_user_of_one_school_gets_no_choice(region_store: Store, qtbot, tmp_path: Path) -> None:
    actor = region_store.run(accounts.login, "demo2", PASSWORD).actor
    window = main_window(qtbot, workspace_for(region_store, replace(actor)), tmp_path)
    assert window.school_choice is None


def test_the_school_chosen_last_time_is_chosen_again_for_that_user(
    region_store: Store, qtbot, tmp_path: Path
) -> None:
    with region_store.session() as session:
        first, second = session.scalars(select(School.id).order_by(School.id)).all()
        ids = dict(
            session.execute(
                select(User.username, User.id).where(User.username.in_(["demo", "demo2"]))
            ).all()
        )
        session.add_all(
            [
                SchoolMember(user_id=ids["demo"], school_id=second),
                SchoolMember(user_id=ids["demo2"], school_id=first),
            ]
        )
        at_second = session.scalar(
            select(func.count(Student.id)).where(
                Student.school_id == second, Student.archived.is_(False)
            )
        )
        session.commit()
    try:
        # One settings file, as on a shared PC: the choice is the user's own.
        demo = region_store.run(accounts.login, "demo", PASSWORD).actor
        window = main_window(qtbot, workspace_for(region_store, demo), tmp_path)
        window.refresh()
        assert window.school_choice.combo.currentText() == "Alle scholen"
        window.school_choice.combo.setCurrentIndex(
            window.school_choice.combo.findText("De Branding (demo)")
        )
        window.close()

        again = region_store.run(accounts.login, "demo", PASSWORD).actor
        assert again.school_id is None  # the log-in itself knows nothing of it
        window = main_window(qtbot, workspace_for(region_store, again), tmp_path)
        window.refresh()
        assert window.school_choice.combo.currentText() == "De Branding (demo)"
        assert window.workspace.actor.school_id == second
        assert window.cohort.model.rowCount() == at_second
        window.close()

        colleague = region_store.run(accounts.login, "demo2", PASSWORD).actor
        window = main_window(qtbot, workspace_for(region_store, colleague), tmp_path)
        window.refresh()
        assert window.school_choice.combo.currentText() == "Alle scholen"
        window.close()

        # "Alle scholen" is remembered too.
        window = main_window(qtbot, workspace_for(region_store, again), tmp_path)
        window.refresh()
        window.school_choice.combo.setCurrentIndex(0)
        window.close()
        window = main_window(qtbot, workspace_for(region_store, again), tmp_path)
        window.refresh()
        assert window.school_choice.combo.currentText() == "Alle scholen"
        assert window.workspace.actor.school_id is None
    finally:
        with region_store.session() as session:
            session.execute(
                SchoolMember.__table__.delete().where(
                    ((SchoolMember.user_id == ids["demo"]) & (SchoolMember.school_id == second))
                    | ((SchoolMember.user_id == ids["demo2"]) & (SchoolMember.school_id == first))
                )
            )
            session.commit()


def _cell(tab, username: str, column: int) -> str:
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row_at(r).username == username)
    return tab.model.index(row, column).data()


def test_a_coordinator_ticks_the_schools_of_a_user_in_beheer(
    region_store: Store, qtbot, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    from app.services.admin import memberships
    from app.ui.admin.memberships_dialog import SCHOOL_ID
    from app.ui.admin.users import SCHOOLS

    coordinator = region_store.run(accounts.login, "demo", PASSWORD).actor
    mentor = demo_region.region_mentors(2)[1][0][0]  # works for school 2 only
    window = main_window(qtbot, workspace_for(region_store, coordinator), tmp_path)
    window.show()
    window.navigation.setCurrentRow(window.navigation.count() - 1)  # Beheer
    tab = window.admin.users
    assert tab.schools_button.isVisible() and not tab.table.isColumnHidden(SCHOOLS)
    assert _cell(tab, mentor, SCHOOLS) == "De Branding (demo)"
    tab.select_user(next(r.id for r in tab.model.rows() if r.username == mentor))
    dialog = tab.edit_schools()
    items = {dialog.schools.item(n).text(): dialog.schools.item(n) for n in range(2)}
    # School 2 is not the coordinator's: shown, ticked, and not to be changed here.
    branding, horizon = items["De Branding (demo)"], items["De Horizon (demo)"]
    assert branding.checkState() == Qt.CheckState.Checked
    assert not branding.flags() & Qt.ItemFlag.ItemIsEnabled
    assert horizon.checkState() == Qt.CheckState.Unchecked
    horizon.setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _cell(tab, mentor, SCHOOLS) == "De Branding (demo), De Horizon (demo)"
    seen = region_store.run(memberships.memberships, coordinator)
    user_id = next(r.id for r in tab.model.rows() if r.username == mentor)
    assert seen.schools_of(user_id) == {horizon.data(SCHOOL_ID), branding.data(SCHOOL_ID)}

    # Unticking the coordinator's own school again is fine; no school at all is not (as a
    # coordinator of both schools could try).
    dialog = tab.edit_schools()
    for n in range(dialog.schools.count()):
        dialog.schools.item(n).setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "minstens één school" in dialog.problem.text()
    dialog.schools.item(0).setCheckState(Qt.CheckState.Checked)  # De Branding, by name
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _cell(tab, mentor, SCHOOLS) == "De Branding (demo)"


def test_a_schools_own_database_shows_no_schools_in_beheer(qtbot, tmp_path: Path) -> None:
    from tests.ui.helpers import new_school

    store, coordinator = new_school(tmp_path, PASSWORD)
    try:
        window = main_window(qtbot, workspace_for(store, coordinator), tmp_path)
        window.show()
        window.navigation.setCurrentRow(window.navigation.count() - 1)
        tab = window.admin.users
        assert tab.model.rowCount() == 1
        assert not tab.schools_button.isVisible()
        assert tab.edit_schools() is None
    finally:
        store.dispose()


def test_esc_after_ticking_a_school_asks_before_dropping_it(
    region_store: Store, qtbot, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def question(_parent, title, *_args, **_kwargs):
        asked.append(title)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    coordinator = region_store.run(accounts.login, "demo", PASSWORD).actor
    window = main_window(qtbot, workspace_for(region_store, coordinator), tmp_path)
    window.show()
    window.navigation.setCurrentRow(window.navigation.count() - 1)
    tab = window.admin.users
    tab.select_user(tab.model.row_at(0).id)
    dialog = tab.edit_schools()
    qtbot.waitExposed(dialog)
    item = dialog.schools.findItems("De Horizon (demo)", Qt.MatchFlag.MatchExactly)[0]
    item.setCheckState(
        Qt.CheckState.Unchecked
        if item.checkState() == Qt.CheckState.Checked
        else Qt.CheckState.Checked
    )
    qtbot.keyClick(dialog.schools, Qt.Key.Key_Escape)
    assert asked == ["Wijzigingen weggooien?"] and dialog.isVisible()
    dialog.discard()
