"""The path out of school: phases with case leads and warm hand-overs, instruments, and
dates that cannot be (a phase ending before it starts, outflow before enrolment)."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.errors import ConflictError, ValidationError
from app.db import Store
from app.models import (
    Destination,
    InstrumentKind,
    InstrumentStatus,
    NoWorkReason,
    PathEventKind,
    Phase,
)
from app.services.common.actor import Actor
from app.services.path import instruments, outflow_plan, overview, phases, timeline
from app.services.path.instruments import InstrumentInput
from app.services.path.phases import PhaseInput
from app.services.students import student_file as students
from app.services.students.student_file import StudentInput


@pytest.fixture
def student_id(store: Store, coordinator: Actor) -> int:
    data = StudentInput(
        first_name="Milan",
        surname="Visser",
        las_key="400001",
        birth_date="03-04-2008",
        enrolment_date="20-08-2022",
        planned_outflow_date="10-07-2026",
        outflow_profile="arbeidsmarktgericht",
    )
    return store.run(students.create_student, coordinator, data)


def test_a_phase_ending_before_it_starts_is_refused_naming_the_field(
    store: Store, coordinator: Actor, student_id: int
) -> None:
    bad = PhaseInput(Phase.ORIENTATION.value, "01-09-2025", "31-08-2025", "Jan Smit", "School")
    with pytest.raises(ValidationError) as caught:
        store.run(phases.add_phase, coordinator, student_id, bad)
    assert caught.value.problems == {
        "end_date": "Einddatum: de fase kan niet eindigen vóór de begindatum."
    }
    with pytest.raises(ValidationError) as caught:
        store.run(phases.add_phase, coordinator, student_id, PhaseInput("", "", ""))
    assert set(caught.value.problems) == {"phase", "start_date"}
    assert "Begindatum" in caught.value.problems["start_date"]
    assert store.run(overview.path_view, coordinator, student_id).phases == []


def test_outflow_before_enrolment_is_refused_naming_the_field(
    store: Store, coordinator: Actor, student_id: int
) -> None:
    with pytest.raises(ValidationError) as caught:
        store.run(
            outflow_plan.set_outflow_plan, coordinator, student_id, "dagbesteding", "01-07-2022"
        )
    assert "Geplande uitstroom" in caught.value.problems["planned_outflow_date"]
    assert "inschrijfdatum" in caught.value.problems["planned_outflow_date"]
    with pytest.raises(ValidationError) as caught:
        store.run(
            timeline.record_destination,
            coordinator,
            student_id,
            Destination.REGULAR_WORK.value,
            "Bakkerij",
            "01-01-2020",
        )
    assert "Datum bestemming" in caught.value.problems["destination_date"]
    # The core call used by other areas refuses the same impossible date.
    with pytest.raises(ValidationError) as caught:
        store.run(
            timeline.set_destination,
            coordinator,
            student_id,
            Destination.REGULAR_WORK,
            None,
            date(2020, 1, 1),
        )
    assert "destination_date" in caught.value.problems
    store.run(outflow_plan.set_outflow_plan, coordinator, student_id, "dagbesteding", "01-07-2027")
    view = store.run(overview.path_view, coordinator, student_id)
    assert view.planned_outflow == date(2027, 7, 1)


def test_phases_with_case_leads_and_a_warm_hand_over(
    store: Store, coordinator: Actor, student_id: int
) -> None:
    store.run(
        phases.add_phase,
        coordinator,
        student_id,
        PhaseInput(Phase.ORIENTATION.value, "01-09-2024", "", "Marieke van Dijk", "De Horizon"),
    )
    store.run(
        phases.hand_over,
        coordinator,
        student_id,
        "25-08-2025",
        "Kennismaking met jobcoach gehad",
        PhaseInput(Phase.TRANSITION_INTERNSHIP.value, "01-09-2025", "", "Ahmed Koç", "Werkbedrijf"),
    )
    view = store.run(overview.path_view, coordinator, student_id)
    assert view.current_phase is Phase.TRANSITION_INTERNSHIP
    first, second = view.phases
    assert (first.end_date, first.handover_date) == (date(2025, 8, 31), date(2025, 8, 25))
    assert first.handover_note == "Kennismaking met jobcoach gehad"
    assert second.lead_text == "Ahmed Koç, Werkbedrijf"
    assert [(e.on, e.kind) for e in view.timeline] == [
        (date(2024, 9, 1), PathEventKind.PHASE_STARTED),
        (date(2025, 8, 25), PathEventKind.HANDOVER),
        (date(2025, 9, 1), PathEventKind.PHASE_STARTED),
    ]
    # Correcting a phase is guarded by its version.
    store.run(phases.update_phase, coordinator, second.id, second.version, second.to_input())
    with pytest.raises(ConflictError):
        store.run(phases.update_phase, coordinator, second.id, second.version, second.to_input())
    with pytest.raises(ValidationError) as caught:
        store.run(phases.hand_over, coordinator, student_id, "01-01-2025", "", PhaseInput())
    assert "Datum overdracht" in caught.value.problems["handover_date"]


def test_instruments_with_status_and_dates(
    store: Store, coordinator: Actor, student_id: int
) -> None:
    data = InstrumentInput(
        InstrumentKind.WAGE_SUBSIDY.value, InstrumentStatus.REQUESTED.value, "01-08-2026"
    )
    instrument_id = store.run(instruments.add_instrument, coordinator, student_id, data)
    granted = InstrumentInput(
        InstrumentKind.WAGE_SUBSIDY.value, InstrumentStatus.GRANTED.value, "01-08-2026", "", "UWV"
    )
    store.run(instruments.update_instrument, coordinator, instrument_id, 1, granted)
    (view,) = store.run(overview.path_view, coordinator, student_id).instruments
    assert (view.kind, view.status, view.note) == (
        InstrumentKind.WAGE_SUBSIDY,
        InstrumentStatus.GRANTED,
        "UWV",
    )
    bad = InstrumentInput("jobcoach", "loopt", "01-08-2026", "01-07-2026")
    with pytest.raises(ValidationError) as caught:
        store.run(instruments.add_instrument, coordinator, student_id, bad)
    assert "Einddatum" in caught.value.problems["end_date"]


def test_a_fall_back_from_the_form_keeps_the_earlier_destination(
    store: Store, coordinator: Actor, student_id: int
) -> None:
    store.run(
        timeline.record_destination,
        coordinator,
        student_id,
        Destination.WORK_BANENAFSPRAAK.value,
        "Jumbo Venlo",
        "01-08-2026",
    )
    with pytest.raises(ValidationError) as caught:
        store.run(timeline.record_fall_back_from_form, coordinator, student_id, "01-09-2026", "")
    assert "Reden" in caught.value.problems["reason"]
    store.run(
        timeline.record_fall_back_from_form,
        coordinator,
        student_id,
        "01-10-2026",
        "Contract gestopt",
    )
    view = store.run(overview.path_view, coordinator, student_id)
    assert view.destination is Destination.NOTHING
    titles = [e.title for e in view.timeline]
    assert titles == [
        "Bestemming: Werk met banenafspraak — Jumbo Venlo",
        "Terugval uit Werk met banenafspraak — Jumbo Venlo",
    ]


def test_a_mentor_sees_and_edits_only_the_paths_of_their_own_students(
    store: Store, coordinator: Actor, student_id: int
) -> None:
    from app.core.errors import PermissionDeniedError
    from app.models import Role, User

    with store.session() as session:
        users = [User(username=n, display_name=n, role=Role.MENTOR) for n in ("m.a", "m.b")]
        session.add_all(users)
        session.flush()
        own, other = (Actor(u.id, u.username, u.display_name, u.role) for u in users)
    file = store.run(students.open_student_file, coordinator, student_id)
    file.input.mentor_id = own.user_id
    store.run(students.save_student, coordinator, student_id, file.version, file.input)

    phase = PhaseInput(Phase.ORIENTATION.value, "01-09-2025", "", "M. A", "School")
    store.run(phases.add_phase, own, student_id, phase)
    assert store.run(overview.path_view, own, student_id).phases[0].lead_name == "M. A"
    for call, args in (
        (overview.path_view, (student_id,)),
        (phases.add_phase, (student_id, phase)),
        (instruments.add_instrument, (student_id, InstrumentInput())),
        (timeline.record_destination, (student_id, "dagbesteding", "", "01-08-2026")),
    ):
        with pytest.raises(PermissionDeniedError):
            store.run(call, other, *args)


def test_no_work_or_study_asks_its_reason_and_keeps_it_only_there(
    store: Store, coordinator: Actor, student_id: int
) -> None:
    """The PrO monitor counts "no work or study" by its reason, so the form asks for it."""
    with pytest.raises(ValidationError) as caught:
        store.run(
            timeline.record_destination,
            coordinator,
            student_id,
            Destination.NOTHING.value,
            "",
            "10-07-2026",
        )
    assert set(caught.value.problems) == {"no_work_reason"}
    assert "Reden" in caught.value.problems["no_work_reason"]
    store.run(
        timeline.record_destination,
        coordinator,
        student_id,
        Destination.NOTHING.value,
        "",
        "10-07-2026",
        "",
        NoWorkReason.ILLNESS.value,
    )
    assert store.run(lambda s: path_reason(s, student_id)) is NoWorkReason.ILLNESS
    # Another destination clears it: a reason belongs to having no work or study only.
    store.run(
        timeline.record_destination,
        coordinator,
        student_id,
        Destination.VMBO.value,
        "Vmbo De Brug",
        "01-09-2026",
        "",
        NoWorkReason.ILLNESS.value,
    )
    assert store.run(lambda s: path_reason(s, student_id)) is None


def path_reason(session, student_id: int) -> NoWorkReason | None:
    return timeline.path_of(session, student_id).no_work_reason
