"""Aftercare for the demo school: the former students of the last two outflow years.

Most plans are bulk-inserted with calls made up to a few weeks ago and the recent ones still
open (so every mentor has calls due). A handful of former students go through the real
services, so their stories are consistent everywhere: unreachable three times (a signal), a
new place (on the path timeline), a drop-out (a fall-back and a proposed report), and a
young adult who refuses help (the waakvlam schedule).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import NamedTuple

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from app.core.validation import format_date, today
from app.models import (
    AftercareCall,
    AftercarePlan,
    CallAction,
    CallKind,
    Channel,
    Destination,
    PathEvent,
    PathPhase,
    Still,
    Student,
    TransitionPath,
)
from app.services.admin.retention import add_months
from app.services.aftercare.calls import CallInput, log_call
from app.services.aftercare.plan import call_moments, refresh_last_calls, resync
from app.services.common.actor import Actor


class Former(NamedTuple):
    id: int
    mentor_id: int | None
    actual_outflow_date: date
    destination: object


# What the mentor writes after a call, by where the former student went: a note about work
# never sits beside "Geen werk of studie", nor one about school beside a job.
WORK, SCHOOL, DAY, NONE = "werk", "school", "dagbesteding", "geen"
DESTINATION_KIND = {
    Destination.REGULAR_WORK: WORK,
    Destination.WORK_BANENAFSPRAAK: WORK,
    Destination.WORK_BBL: WORK,
    Destination.BESCHUT_WERK: WORK,
    Destination.ENTREE_MBO: SCHOOL,
    Destination.VMBO: SCHOOL,
    Destination.VSO: SCHOOL,
    Destination.OTHER_PRO: SCHOOL,
    Destination.SCHOOL_UNSETTLED: SCHOOL,
    Destination.TRAINING_ROUTE: SCHOOL,
    Destination.DAGBESTEDING: DAY,
}
REACHED_NOTES = {
    WORK: {
        Still.SAME: [
            "Gaat goed, werkt vier dagen per week.",
            "Tevreden; de leidinggevende is positief over inzet en tempo.",
            "Het werk bevalt goed, wil graag meer uren.",
        ],
        Still.CHANGED: [
            "Andere werkgever gevonden via het werkgeversservicepunt.",
            "Overgestapt naar een andere baan in dezelfde sector.",
        ],
        Still.DROPPED_OUT: ["Contract niet verlengd; zit thuis."],
    },
    SCHOOL: {
        Still.SAME: [
            "Gaat goed op de opleiding; haalt de lessen en de stage.",
            "Loopt prima, reist zelfstandig met de bus naar school.",
        ],
        Still.CHANGED: ["Overgestapt naar een andere opleiding op hetzelfde niveau."],
        Still.DROPPED_OUT: ["Gestopt met de opleiding; doorverwezen naar het jongerenloket."],
    },
    DAY: {
        Still.SAME: [
            "Gaat graag naar de dagbesteding; de begeleider is tevreden.",
            "Loopt prima, gaat vier dagen per week naar de dagbesteding.",
        ],
        Still.CHANGED: ["Naar een andere dagbestedingslocatie, dichter bij huis."],
        Still.DROPPED_OUT: ["Gaat niet meer naar de dagbesteding; zit thuis."],
    },
    NONE: {
        Still.SAME: [
            "Nog steeds zonder werk of opleiding; wil hulp bij het zoeken.",
            "Zit thuis; de consulent van de gemeente is op de hoogte.",
        ],
        Still.CHANGED: ["Heeft toch werk gevonden via het werkgeversservicepunt."],
        Still.DROPPED_OUT: ["Zit thuis; doorverwezen naar het jongerenloket."],
    },
}
UNKNOWN_NOTES = ["Wilde niet vertellen hoe het gaat."]


def call_note(destination: Destination | None, still: Still, rng: random.Random) -> str:
    """A note that fits where the student went and whether they are still there."""
    if still is Still.UNKNOWN:
        return rng.choice(UNKNOWN_NOTES)
    kind = DESTINATION_KIND.get(destination, NONE) if destination else NONE
    return rng.choice(REACHED_NOTES[kind][still])


UNREACHED_NOTES = ["Voicemail ingesproken.", "Geen reactie op WhatsApp.", "Nummer in gesprek."]


def generate(session: Session, actor: Actor, rng: random.Random) -> int:
    """Plans and calls for every former student with a destination; returns the plan count."""
    now = today()
    rows = session.execute(
        select(
            Student.id, Student.mentor_id, Student.actual_outflow_date, TransitionPath.destination
        )
        .join(TransitionPath, TransitionPath.student_id == Student.id)
        .where(Student.actual_outflow_date.is_not(None), TransitionPath.destination.is_not(None))
        .order_by(Student.id)
    ).all()
    if not rows:
        return 0
    rows = _spread_leaving_dates(session, rng, rows)
    # Stories need a year of calls behind them (and the retries of the last one).
    recent = [r for r in rows if add_months(r.actual_outflow_date, 13) <= now]
    # The scripted stories are about jobs (a contract not renewed, a permanent post in
    # sight): told by former students who went to work first.
    recent.sort(key=lambda r: DESTINATION_KIND.get(r.destination) != WORK)
    stories = recent[:5] if len(recent) >= 5 else []
    story_ids = {r.id for r in stories}
    moments, months = call_moments(session)
    plans, calls = [], []
    for r in rows:
        if r.id in story_ids:
            continue
        left = r.actual_outflow_date
        plans.append(
            {
                "student_id": r.id,
                "outflow_date": left,
                "ends_on": add_months(left, months),
                "destination": r.destination,
                "waakvlam": False,
                "created_by_id": actor.user_id,
            }
        )
        calls += _calls(rng, r.id, r.mentor_id, left, moments, now, actor.user_id, r.destination)
    if plans:
        session.execute(insert(AftercarePlan), plans)
    if calls:
        session.execute(insert(AftercareCall), calls)
    refresh_last_calls(session, actor)
    _stories(session, actor, stories, now)
    return len(rows)


def _spread_leaving_dates(session: Session, rng: random.Random, rows) -> list:
    """Not everyone leaves in July: some leave during the school year (a job starts, they
    turn 20), so the calls fall on different days."""
    moved, result = [], []
    for r in rows:
        left = r.actual_outflow_date
        if rng.random() < 0.5:
            left -= timedelta(days=rng.randint(1, 280))
            moved.append({"sid": r.id, "left": left, "old": r.actual_outflow_date})
        result.append((r.id, r.mentor_id, left, r.destination))
    if moved:
        table = Student.__table__
        stmt = (
            update(table)
            .where(table.c.id == bindparam("sid"))
            .values(actual_outflow_date=bindparam("left"))
        )
        session.connection().execute(stmt, moved)
        _move_path_dates(session, moved)
    return [Former(*r) for r in result]


def _move_path_dates(session: Session, moved: list[dict]) -> None:
    """The path tells the same story: the phases and hand-overs around the old leaving day
    (the day before, the day itself, the day after) move with it."""
    for m in moved:
        delta = m["left"] - m["old"]
        near = (m["old"] - timedelta(days=1), m["old"] + timedelta(days=1))
        path_id = session.scalar(
            select(TransitionPath.id).where(TransitionPath.student_id == m["sid"])
        )
        if path_id is None:
            continue
        for phase in session.scalars(select(PathPhase).where(PathPhase.path_id == path_id)):
            for attr in ("start_date", "end_date", "handover_date"):
                value = getattr(phase, attr)
                if value is not None and near[0] <= value <= near[1]:
                    setattr(phase, attr, value + delta)
        for event in session.scalars(select(PathEvent).where(PathEvent.path_id == path_id)):
            if near[0] <= event.happened_on <= near[1]:
                event.happened_on += delta
    session.flush()


def _calls(rng, student_id, mentor_id, left, moments, now, user_id, destination=None) -> list[dict]:
    """The planned calls; those past made (mostly), the last few weeks' often still open."""
    placed, out = True, []
    for m in moments:
        due = add_months(left, m)
        row = {
            "student_id": student_id,
            "mentor_id": mentor_id,
            "due_date": due,
            "months_after_outflow": m,
            "kind": CallKind.PLANNED,
            "refused_help": False,
            "created_by_id": user_id,
        }
        recent = now - due < timedelta(days=21)
        if due >= now or (recent and rng.random() < 0.7):
            out.append(row)
            continue
        made_on = min(now, due + timedelta(days=rng.randint(0, 9)))
        reached = rng.random() < 0.88
        row.update(
            made_on=made_on,
            reached=reached,
            channel=rng.choice([Channel.PHONE, Channel.PHONE, Channel.WHATSAPP]).value,
        )
        if not reached:
            row["note"] = rng.choice(UNREACHED_NOTES)
            out.append(row)
            continue
        if placed:
            still = rng.choices(
                [Still.SAME, Still.CHANGED, Still.DROPPED_OUT, Still.UNKNOWN], [86, 6, 5, 3]
            )[0]
        else:
            still = rng.choices([Still.CHANGED, Still.DROPPED_OUT], [35, 65])[0]
        placed = still is not Still.DROPPED_OUT and (placed or still is Still.CHANGED)
        row.update(
            still_at_destination=still,
            action=(CallAction.VANGNET if still is Still.DROPPED_OUT else CallAction.NONE).value,
            note=call_note(destination, still, rng),
        )
        out.append(row)
    return out


SCRIPTS = [
    ("unreachable", [{"reached": False}, {"reached": False}, {"reached": False}]),
    (
        "changed",
        [
            {
                "still": "veranderd",
                "new_destination": "entree_mbo",
                "new_place": "Gilde Opleidingen, Entree",
                "note": "Werkt daar niet meer; begonnen aan Entree bij Gilde.",
            }
        ],
    ),
    (
        "dropped",
        [
            {
                "still": "uitgevallen",
                "signals": ["werk", "inkomen"],
                "action": "vangnet",
                "note": "Contract niet verlengd, zit thuis. Wil wel weer aan het werk.",
            }
        ],
    ),
    (
        "waakvlam",
        [
            {
                "refused_help": True,
                "signals": ["thuis"],
                "note": "Wil even geen hulp van school; af en toe een appje is goed.",
            }
        ],
    ),
    ("steady", [{"note": "Gaat goed; vaste aanstelling in zicht."}]),
]


def _stories(session: Session, actor: Actor, stories, now: date) -> None:
    """Five former students whose calls go through the services, each with a story told by
    the last call that was due: the calls before it went well."""

    def next_open() -> AftercareCall | None:
        return session.scalars(
            select(AftercareCall)
            .where(AftercareCall.student_id == row.id, AftercareCall.made_on.is_(None))
            .order_by(AftercareCall.due_date, AftercareCall.id)
            .limit(1)
        ).first()

    def log(call: AftercareCall, fields: dict) -> None:
        made_on = format_date(min(now, call.due_date + timedelta(days=2)))
        data = CallInput(made_on=made_on, channel=Channel.PHONE.value, **fields)
        log_call(session, actor, call.id, call.version, data, on=now)

    for row, (_story, steps) in zip(stories, SCRIPTS, strict=False):
        resync(session, actor, session.get(Student, row.id))
        past = session.scalar(
            select(func.count(AftercareCall.id)).where(
                AftercareCall.student_id == row.id, AftercareCall.due_date <= now
            )
        )
        for _ in range(past - 1):
            kind = DESTINATION_KIND.get(row.destination, NONE)
            log(next_open(), {"note": REACHED_NOTES[kind][Still.SAME][0]})
        for fields in steps:
            call = next_open()
            if call is None or call.due_date > now:
                break
            log(call, fields)
