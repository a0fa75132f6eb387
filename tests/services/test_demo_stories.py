"""The demo school reads as real students: names of their own, and aftercare notes that fit
where each former student went."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from app.db import Store
from app.demo import school as demo
from app.demo.aftercare import DESTINATION_KIND, NONE, REACHED_NOTES
from app.models import AftercareCall, Still, Student, TransitionPath


def test_no_two_demo_students_share_first_and_last_name(store: Store) -> None:
    store.run(demo.generate, password="demo-wachtwoord-2026", students=400)
    with store.session() as s:
        names = Counter(
            (first, prefix or "", surname)
            for first, prefix, surname in s.execute(
                select(Student.first_name, Student.prefix, Student.surname)
            )
        )
    assert sum(names.values()) == 400
    assert [name for name, n in names.items() if n > 1] == []


def test_aftercare_notes_fit_the_destination(store: Store) -> None:
    store.run(demo.generate, password="demo-wachtwoord-2026", students=300)
    kind_of_note = {
        note: kind
        for kind, by_still in REACHED_NOTES.items()
        for notes in by_still.values()
        for note in notes
    }
    with store.session() as s:
        rows = s.execute(
            select(
                AftercareCall.student_id,
                AftercareCall.made_on,
                AftercareCall.still_at_destination,
                AftercareCall.note,
                TransitionPath.destination,
            )
            .join(TransitionPath, TransitionPath.student_id == AftercareCall.student_id)
            .where(AftercareCall.made_on.is_not(None))
        ).all()
    # A note tells the destination of its day: after the last change (a new place, a drop
    # out) the notes must fit where the student is now.
    last_change: dict[int, object] = {}
    for sid, made_on, still, _note, _destination in rows:
        if still in (Still.CHANGED, Still.DROPPED_OUT):
            last_change[sid] = max(made_on, last_change.get(sid, made_on))
    checked = [
        (note, destination)
        for sid, made_on, _still, note, destination in rows
        if note in kind_of_note and (sid not in last_change or made_on > last_change[sid])
    ]
    assert len(checked) > 50  # the check saw the school's calls, not a handful
    wrong = [
        (note, destination)
        for note, destination in checked
        if kind_of_note[note] != DESTINATION_KIND.get(destination, NONE)
    ]
    assert wrong == [], wrong
