"""Demo data for the path: destination events with now and then a fall-back, the
instruments around a placement, and real (generated) case leads with warm hand-overs.
Built on the students and phases `app.demo.students` made; never real people."""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.demo import stories
from app.demo.bulk import bulk_update
from app.models import (
    Destination,
    Instrument,
    InstrumentKind,
    InstrumentStatus,
    PathEvent,
    PathEventKind,
    PathPhase,
    Phase,
    Student,
    TransitionPath,
)
from app.services.common.actor import Actor

HANDOVER_NOTES = [
    "Kennismakingsgesprek met leerling en ouders; profiel en stageverslagen overgedragen.",
    "Driegesprek op school gehouden; afspraken over contactmomenten gemaakt.",
    "Warme overdracht op de werkplek met de praktijkbegeleider erbij.",
]

EXTERNAL_LEADS = [
    ("Ahmed Ko\u00e7", "Werkbedrijf Noord-Limburg"),
    ("Esther Claessens", "Gemeente Venlo, team werk"),
    ("Bas Geurts", "UWV Roermond"),
    ("Mirjam Hendrix", "Gilde Opleidingen"),
]

FALL_BACK_REASONS = [
    "Contract niet verlengd na de proeftijd",
    "Stage afgebroken: te zware werkdagen",
    "Gestopt met de opleiding, miste structuur",
]


def save_extras(session: Session, events: list, instruments: list, updates: list) -> None:
    """Writes what `path_extras` collected for all students, in three statements."""
    if events:
        session.execute(insert(PathEvent), events)
    if instruments:
        session.execute(insert(Instrument), instruments)
    if updates:
        bulk_update(session, TransitionPath, updates)


def path_extras(rng: random.Random, s, events: list, instruments: list, updates: list) -> None:
    """Destination events for the destinations `app.demo.students` set, a fall-back now and
    then, and the instruments that go with the placement."""
    if s.destination is None:
        if s.actual_outflow_date is None and rng.random() < 0.2:
            instruments.append(
                {
                    "path_id": s.path_id,
                    "kind": InstrumentKind.PRACTICE_CERTIFICATE,
                    "status": InstrumentStatus.REQUESTED,
                    "start_date": None,
                }
            )
        return
    on = s.destination_date
    if s.actual_outflow_date is not None and rng.random() < 0.12:
        # A fall-back: the first placement ended; the current destination came after it.
        # From work to school or the other way round: a first place of the other kind.
        first = rng.choice(
            [Destination.ENTREE_MBO]
            if s.destination in stories.WORK
            else [Destination.REGULAR_WORK, Destination.WORK_BBL]
        )
        # A first place in the student's story too.
        story = stories.story_for(s.id, s.outflow_profile)
        first_place = stories.place_without_network(story, first)
        fell = on + timedelta(days=rng.randint(60, 200))
        events.append(_event(s.path_id, PathEventKind.DESTINATION_SET, on, first, first_place))
        events.append(
            _event(
                s.path_id,
                PathEventKind.FALL_BACK,
                fell,
                first,
                first_place,
                rng.choice(FALL_BACK_REASONS),
            )
        )
        if rng.random() < 0.4:
            updates.append(
                {
                    "id": s.path_id,
                    "destination": Destination.NOTHING,
                    "destination_place": None,
                    "destination_date": fell,
                }
            )
            return
        new_on = fell + timedelta(days=rng.randint(20, 90))
        events.append(
            _event(
                s.path_id, PathEventKind.DESTINATION_SET, new_on, s.destination, s.destination_place
            )
        )
        updates.append({"id": s.path_id, "destination_date": new_on})
        on = new_on
    else:
        events.append(
            _event(s.path_id, PathEventKind.DESTINATION_SET, on, s.destination, s.destination_place)
        )
    kinds: list[tuple[InstrumentKind, InstrumentStatus]] = []
    if s.destination is Destination.WORK_BANENAFSPRAAK:
        kinds = [
            (InstrumentKind.BANENAFSPRAAK, InstrumentStatus.GRANTED),
            (InstrumentKind.WAGE_SUBSIDY, InstrumentStatus.ACTIVE),
            (InstrumentKind.NO_RISK, InstrumentStatus.ACTIVE),
        ]
        if rng.random() < 0.6:
            kinds.append((InstrumentKind.JOB_COACH, InstrumentStatus.ACTIVE))
    elif s.destination is Destination.BESCHUT_WERK:
        kinds = [(InstrumentKind.WORKPLACE_ADJUSTMENT, InstrumentStatus.GRANTED)]
    elif s.destination in (Destination.REGULAR_WORK, Destination.WORK_BBL) and rng.random() < 0.5:
        kinds = [(InstrumentKind.SECTOR_CERTIFICATE, InstrumentStatus.GRANTED)]
    for kind, status in kinds:
        instruments.append(
            {
                "path_id": s.path_id,
                "kind": kind,
                "status": status,
                "start_date": on,
                "end_date": on + timedelta(days=730)
                if kind is InstrumentKind.WAGE_SUBSIDY
                else None,
                "note": "Aangevraagd via UWV" if kind is InstrumentKind.BANENAFSPRAAK else None,
            }
        )


def _event(path_id, kind, on, destination, place, reason=None) -> dict:
    return {
        "path_id": path_id,
        "kind": kind,
        "happened_on": on,
        "destination": destination,
        "place": place,
        "reason": reason,
    }


def add_leads(session: Session, rng: random.Random, users: dict, actor: Actor) -> None:
    """Real (generated) case leads instead of the role names `app.demo.students` set, with
    warm hand-overs; a few current phases keep no lead, so the cohort shows that signal."""
    rows = list(
        session.execute(
            select(
                PathPhase.id,
                PathPhase.path_id,
                PathPhase.phase,
                PathPhase.start_date,
                Student.mentor_id,
            )
            .join(TransitionPath, TransitionPath.id == PathPhase.path_id)
            .join(Student, Student.id == TransitionPath.student_id)
            .order_by(PathPhase.path_id, PathPhase.start_date)
        )
    )
    school = "De Horizon"
    coordinator = users.get(actor.user_id, "Uitstroomcoördinator")
    changes = []
    for n, row in enumerate(rows):
        following = (
            rows[n + 1] if n + 1 < len(rows) and rows[n + 1].path_id == row.path_id else None
        )
        mentor = users.get(row.mentor_id, "Mentor")
        if row.phase == Phase.ORIENTATION:
            lead, org = mentor, school
        elif row.phase == Phase.TRANSITION_INTERNSHIP:
            lead, org = rng.choice(EXTERNAL_LEADS) if rng.random() < 0.35 else (coordinator, school)
        elif row.phase == Phase.OUTFLOW:
            lead, org = coordinator, school
        else:
            lead, org = mentor, f"{school} (nazorg)"
        change = {
            "id": row.id,
            "lead_name": lead,
            "lead_organisation": org,
            "end_date": None,
            "handover_date": None,
            "handover_note": None,
        }
        if following is not None:
            change["end_date"] = following.start_date - timedelta(days=1)
            if rng.random() < 0.8:
                change["handover_date"] = max(
                    row.start_date, following.start_date - timedelta(days=rng.randint(1, 14))
                )
                change["handover_note"] = rng.choice(HANDOVER_NOTES)
        elif rng.random() < 0.06:
            change["lead_name"] = None
            change["lead_organisation"] = None
        changes.append(change)
    if changes:
        bulk_update(session, PathPhase, changes)
