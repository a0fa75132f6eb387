"""A warm hand-over has a receiver, and a path is closed without a place only with a reason
that stays visible; closing never silences the "no destination" signal."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.errors import ValidationError
from app.db import Store
from app.models import Destination, PathEventKind, Phase, Student
from app.services.common.actor import Actor
from app.services.path import overview, phases, timeline
from app.services.path.phases import PhaseInput
from app.services.students import cohort, signals
from app.services.students import student_file as students
from app.services.students.signals import Signal
from app.services.students.student_file import StudentInput

REASON = "Verhuisd naar Duitsland; overgedragen aan het RMC (N. Verhoeven)."


@pytest.fixture
def leaver(store: Store, coordinator: Actor) -> int:
    """Left school in July 2025, in aftercare without a case lead, with no work or study."""
    student_id = store.run(
        students.create_student,
        coordinator,
        StudentInput(
            first_name="Milan",
            surname="Visser",
            las_key="400001",
            enrolment_date="20-08-2022",
            planned_outflow_date="10-07-2025",
        ),
    )
    with store.session() as session:
        session.get(Student, student_id).actual_outflow_date = date(2025, 7, 10)
    store.run(phases.add_phase, coordinator, student_id, PhaseInput("nazorg", "11-07-2025"))
    store.run(
        timeline.record_destination,
        coordinator,
        student_id,
        Destination.NOTHING.value,
        "",
        "01-09-2025",
        "",
        "gedrag_motivatie",
    )
    return student_id


def _signals(store: Store, actor: Actor, student_id: int) -> frozenset[Signal]:
    return store.run(signals.compute, actor).get(student_id, frozenset())


def test_closing_a_case_without_a_place_needs_a_reason(
    store: Store, coordinator: Actor, leaver: int
) -> None:
    # The empty hand-over dialog: today's date, next phase "Afgesloten", nothing typed.
    closing = PhaseInput(Phase.CLOSED.value, "01-10-2025")
    with pytest.raises(ValidationError) as caught:
        store.run(phases.hand_over, coordinator, leaver, "01-10-2025", "", closing)
    assert list(caught.value.problems) == ["closing_reason"]
    message = caught.value.problems["closing_reason"]
    assert message.startswith("Reden afsluiten:")
    assert "Milan Visser heeft geen plek (Geen werk of studie)" in message
    view = store.run(overview.path_view, coordinator, leaver)
    assert view.current_phase is Phase.AFTERCARE
    assert view.current.handover_date is None  # nothing half saved
    # A new phase "Afgesloten" is the same slip by another door.
    with pytest.raises(ValidationError) as caught:
        store.run(phases.add_phase, coordinator, leaver, closing)
    assert "closing_reason" in caught.value.problems
    assert Signal.NO_DESTINATION in _signals(store, coordinator, leaver)


def test_a_hand_over_without_a_receiver_is_refused_naming_the_field(
    store: Store, coordinator: Actor, leaver: int
) -> None:
    nobody = PhaseInput(Phase.OUTFLOW.value, "01-10-2025")
    with pytest.raises(ValidationError) as caught:
        store.run(phases.hand_over, coordinator, leaver, "01-10-2025", "", nobody)
    assert list(caught.value.problems) == ["lead_name"]
    assert caught.value.problems["lead_name"].startswith("Regievoerder: vul in wie de regie")
    receiver = PhaseInput(Phase.OUTFLOW.value, "01-10-2025", "", "N. Verhoeven", "RMC")
    store.run(phases.hand_over, coordinator, leaver, "01-10-2025", "", receiver)
    assert store.run(overview.path_view, coordinator, leaver).current.lead_name == "N. Verhoeven"


def test_the_reason_stays_visible_and_the_signal_stays_raised(
    store: Store, coordinator: Actor, leaver: int
) -> None:
    closing = PhaseInput(Phase.CLOSED.value, "01-10-2025", closing_reason=REASON)
    store.run(phases.hand_over, coordinator, leaver, "01-10-2025", "Dossier naar RMC", closing)

    view = store.run(overview.path_view, coordinator, leaver)
    assert view.current_phase is Phase.CLOSED
    assert view.closing_reason == view.current.closing_reason == REASON
    started = [e for e in view.timeline if e.kind is PathEventKind.PHASE_STARTED]
    assert started[-1].title == "Fase Afgesloten begint"
    assert started[-1].detail == f"Reden afsluiten: {REASON}"
    (row,) = store.run(cohort.list_cohort, coordinator)
    assert (row.phase, row.closing_reason) == ("Afgesloten", REASON)
    # Closing gave the young person no place: of the path's signals only that one stays
    # (aftercare's own flags, here the calls not yet made, go on whatever the phase).
    assert set(_signals(store, coordinator, leaver)) & set(Signal) == {Signal.NO_DESTINATION}
    assert "Geen bestemming" in row.signals and "Geen regievoerder" not in row.signals

    # A correction of the reason shows everywhere; reopening the case clears it.
    corrected = view.current.to_input()
    corrected = PhaseInput(**{**corrected.__dict__, "closing_reason": "Onbereikbaar"})
    store.run(phases.update_phase, coordinator, view.current.id, view.current.version, corrected)
    view = store.run(overview.path_view, coordinator, leaver)
    assert view.closing_reason == "Onbereikbaar"
    assert view.timeline[-1].detail == "Reden afsluiten: Onbereikbaar"
    store.run(
        phases.add_phase, coordinator, leaver, PhaseInput("nazorg", "01-11-2025", "", "Mentor")
    )
    assert store.run(overview.path_view, coordinator, leaver).closing_reason == ""
    assert store.run(cohort.list_cohort, coordinator)[0].closing_reason == ""


def test_a_case_with_a_place_closes_without_a_reason(
    store: Store, coordinator: Actor, leaver: int
) -> None:
    store.run(
        timeline.record_destination,
        coordinator,
        leaver,
        Destination.REGULAR_WORK.value,
        "Albert Heijn",
        "15-09-2025",
    )
    store.run(
        phases.hand_over,
        coordinator,
        leaver,
        "01-10-2025",
        "",
        PhaseInput(Phase.CLOSED.value, "01-10-2025"),
    )
    view = store.run(overview.path_view, coordinator, leaver)
    assert (view.current_phase, view.closing_reason) == (Phase.CLOSED, "")
    found = store.run(signals.compute, coordinator).get(leaver, frozenset())
    assert not set(found) & set(Signal)  # no path signal; aftercare's calls go on
