"""`--screenshots` takes its pictures from the demo school as the school year's story leaves
it: the student file it shows is the story's first student, in the middle of the year."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.core import clock
from app.db import Store, open_store
from app.demo import school as demo
from app.demo.year import calendar as cast
from app.services.admin.accounts import initialise_school
from app.services.common.actor import Actor
from app.services.profile.assessments import assessment_history
from app.services.profile.decisions import decision_views
from app.services.students.student_file import StudentInput, create_student
from app.ui.screenshots import _student_to_show, take_screenshots
from tests.ui.helpers import main_window, workspace_for

MID_YEAR = date(2026, 12, 3)


@pytest.fixture(scope="module")
def demo_school(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Actor]]:
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('story') / 'koers.db'}")
    with clock.held_at(MID_YEAR):
        coordinator = store.run(demo.generate, password="schermafbeelding-2026", students=100)
    yield store, coordinator
    store.dispose()


def test_the_student_file_pictured_is_the_storys_first_student(
    qtbot, demo_school: tuple[Store, Actor], tmp_path: Path
) -> None:
    window = main_window(qtbot, workspace_for(*demo_school), tmp_path)
    window.show()
    window.refresh()
    shown: list[int] = []
    real_open = window.open_student

    def opened(student_id: int):
        shown.append(student_id)
        return real_open(student_id)

    window.open_student = opened
    take_screenshots(window, str(tmp_path / "shots"), (1024, 768))
    [student_id] = shown
    store = demo_school[0]
    [decision] = store.run(decision_views, student_id)
    assert decision.decision == cast.KEY_DECISION
    wish_jobs = {a.wish_job for a in store.run(assessment_history, student_id)}
    assert wish_jobs == {cast.WISH_JOB}
    for name in ("student-profiel", "student-stages", "student-overleg", "nazorg", "overleg"):
        assert (tmp_path / "shots" / f"{name}.png").stat().st_size > 10_000, name


def test_a_school_without_the_story_pictures_its_first_student(
    qtbot, store: Store, tmp_path: Path
) -> None:
    fields = demo.coordinator_fields("eigen-school-2026")
    coordinator = store.run(lambda s: initialise_school(s, **fields))
    for first in ("Anna", "Bram"):
        store.run(create_student, coordinator, StudentInput(first_name=first, surname="Jansen"))
    window = main_window(qtbot, workspace_for(store, coordinator), tmp_path)
    window.show()
    window.refresh()
    assert window.cohort.model.rowCount() == 2
    assert _student_to_show(window) == window.cohort.model.row_at(0).id
