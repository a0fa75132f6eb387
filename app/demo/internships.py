"""The demo school's internships across the years (snuffel, blok, lint and transition
internships, evaluations, one broken off), on the employer network `app.demo.employers` made."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from app.core.validation import today
from app.demo import stories
from app.demo.employers import Network
from app.demo.stories import Story
from app.models import (
    CompetencyScore,
    Evaluator,
    Internship,
    InternshipEvaluation,
    InternshipOutcome,
    InternshipStatus,
    InternshipType,
    Student,
    TransitionPath,
    WorkCompetency,
)
from app.services.common.actor import Actor

DAY_SETS = ["ma,di", "wo,do", "di,do", "ma,wo,vr", "ma,di,do", "vr"]
COMMENTS_SUPERVISOR = [
    "Komt op tijd en werkt netjes. Mag iets meer vragen stellen.",
    "Werkt rustig en zorgvuldig; het tempo gaat vooruit.",
    "Goed met klanten, heeft soms moeite met nieuwe taken.",
    "Zelfstandiger geworden; kan de vaste taken alleen.",
]
COMMENTS_SCHOOL = [
    "Leerdoelen besproken met de leerling; volgende keer extra aandacht voor pauzes.",
    "Stagebezoek gedaan; leerling voelt zich op zijn plek.",
    "Doorgesproken met ouders: positief over de vorderingen.",
]


def school_year(day: date) -> int:
    return day.year if day.month >= 8 else day.year - 1


# A demo school is some hundreds of students; the bench's 3,000-student reference school
# brings its own 12,000 internships (bench/generate.py), so the demo's stop at this many.
MAX_STUDENTS = 400


def generate(
    session: Session,
    actor: Actor,
    rng: random.Random,
    network: Network,
    *,
    max_students: int = MAX_STUDENTS,
) -> None:
    """Gives the demo students internships that fit their path and their story, on the
    employer network `app.demo.employers` made."""
    now = today()
    students = session.execute(
        select(
            Student.id,
            Student.planned_outflow_date,
            Student.actual_outflow_date,
            Student.outflow_profile,
            TransitionPath.destination,
            TransitionPath.destination_place,
        )
        .join(TransitionPath, TransitionPath.student_id == Student.id)
        .where(Student.planned_outflow_date.is_not(None))
        .order_by(Student.id)
    ).all()
    if len(students) > max_students:
        students = sorted(rng.sample(students, max_students))
    by_name = {network.name[eid]: eid for eid in reversed(network.ids)}
    internships: list[dict] = []
    for sid, leaving, left, profile, destination, place in students:
        # A job after school is at the employer of the transition internship.
        hired_by = by_name.get(place) if destination in stories.WORK else None
        placed = destination is not None and hired_by is None
        internships += _student_internships(
            rng,
            sid,
            leaving,
            left is not None,
            now,
            network,
            stories.story_for(sid, profile),
            hired_by,
            placed,
            actor,
        )
    if not internships:
        return
    if not any(r["status"] is InternshipStatus.BROKEN_OFF for r in internships):
        # The demo always shows at least one broken-off internship.
        next(r for r in internships if _break_off(rng, r, now))
    session.execute(insert(Internship), internships)
    _evaluations(session, rng, actor, now)


def _status(start: date, end: date, now: date) -> InternshipStatus:
    if start > now:
        return InternshipStatus.PLANNED
    if end >= now:
        return InternshipStatus.RUNNING
    return InternshipStatus.COMPLETED


def _student_internships(
    rng: random.Random,
    sid: int,
    leaving: date,
    has_left: bool,
    now: date,
    network: Network,
    story: Story,
    hired_by: int | None,
    placed_elsewhere: bool,
    actor: Actor,
) -> list[dict]:
    """Orientation internships in the years before leaving, a transition internship in the
    final year; periods follow each other so none overlap. All in the story's sector, but
    now and then an orientation internship elsewhere, which says so in its goals."""
    rows = []
    in_sector = network.in_sector(story.sector) or network.ids
    elsewhere = [eid for eid in network.ids if eid not in in_sector]
    final_start = date(leaving.year - 1, 9, 1)
    cursor = date(leaving.year - 2, 9, 15)
    for kind, weeks in (
        (InternshipType.SNUFFEL, 2),
        (InternshipType.BLOK, 10),
        (InternshipType.LINT, 16),
    ):
        if rng.random() < 0.25 or cursor + timedelta(weeks=weeks) >= final_start:
            continue
        start = cursor + timedelta(days=rng.randint(0, 20))
        end = start + timedelta(weeks=weeks)
        cursor = end + timedelta(days=7)
        orientation = kind is not InternshipType.LINT and elsewhere and rng.random() < 0.15
        eid = rng.choice(elsewhere if orientation else in_sector)
        row = _row(rng, sid, kind, start, end, now, network, eid, actor)
        if orientation:
            row["learning_goals"] = f"{stories.ORIENTATION} {row['learning_goals']}"
        rows.append(row)
    if rng.random() < 0.75 and (has_left or final_start <= now + timedelta(days=300)):
        start = final_start + timedelta(days=rng.randint(0, 40))
        end = date(leaving.year, 6, 26)
        eid = hired_by or rng.choice(in_sector)
        row = _row(rng, sid, InternshipType.TRANSITIE, start, end, now, network, eid, actor)
        row["outcome"] = _transition_outcome(rng, row["status"], hired_by, placed_elsewhere)
        rows.append(row)
    if rows and rng.random() < 0.05:
        _break_off(rng, rows[-1], now)
    return rows


def _transition_outcome(
    rng: random.Random, status: InternshipStatus, hired: int | None, placed_elsewhere: bool
) -> str | None:
    """The employer who hires the student offered the contract; a student who went to school
    or day care was offered none."""
    if status is InternshipStatus.COMPLETED:
        if hired:
            return InternshipOutcome.CONTRACT_OFFERED.value
        if placed_elsewhere:
            return rng.choice([InternshipOutcome.POSITIVE, InternshipOutcome.NONE]).value
        return rng.choice(
            [InternshipOutcome.CONTRACT_OFFERED] * 3
            + [InternshipOutcome.POSITIVE, InternshipOutcome.NONE]
        ).value
    if status is InternshipStatus.RUNNING and (
        hired or (not placed_elsewhere and rng.random() < 0.4)
    ):
        return InternshipOutcome.INTENTION_TO_CONTRACT.value
    return None


# The learning goals every internship shares, after what the student does there.
HABITS = "Op tijd komen en om hulp vragen als iets niet lukt."

REASONS = [
    "Het werk was te zwaar; samen met de leerling besloten te stoppen.",
    "Leerling voelde zich niet veilig bij een collega.",
    "Het bedrijf is gestopt met leerlingen begeleiden (reorganisatie).",
    "Te vaak te laat gekomen, ondanks afspraken.",
]


def _break_off(rng: random.Random, row: dict, now: date) -> bool:
    """Breaks a begun internship off a few weeks in; a transition internship that ended
    stays as it was (its outcome is the path's)."""
    hiring = (
        InternshipOutcome.CONTRACT_OFFERED.value,
        InternshipOutcome.INTENTION_TO_CONTRACT.value,
    )
    if (
        row["status"] is InternshipStatus.PLANNED
        or (row["status"] is InternshipStatus.COMPLETED and row["kind"] is InternshipType.TRANSITIE)
        or row["outcome"] in hiring
    ):
        return False
    stop = row["start_date"] + timedelta(days=rng.randint(10, 40))
    if stop > now or stop > row["end_date"]:
        return False
    row.update(
        status=InternshipStatus.BROKEN_OFF,
        broken_off_on=stop,
        outcome=None,
        broken_off_reason=rng.choice(REASONS),
    )
    return True


def _row(rng, sid, kind, start, end, now, network: Network, eid: int, actor) -> dict:
    status = _status(start, end, now)
    return {
        "student_id": sid,
        "employer_id": eid,
        "supervisor_id": network.supervisor.get(eid),
        "kind": kind,
        "start_date": start,
        "end_date": end,
        "days": rng.choice(DAY_SETS),
        "hours_per_week": rng.choice([8, 12, 16, 20, 24]),
        "learning_goals": f"{network.work[eid]} {HABITS}",
        "status": status,
        "outcome": (
            rng.choice([InternshipOutcome.POSITIVE, InternshipOutcome.FOLLOW_UP_INTERNSHIP]).value
            if status is InternshipStatus.COMPLETED
            else None
        ),
        "broken_off_reason": None,
        "broken_off_on": None,
        "created_by_id": actor.user_id,
    }


def _evaluations(session: Session, rng: random.Random, actor: Actor, now: date) -> None:
    """A mid-term evaluation for most internships that began, a final one for finished ones."""
    skills = list(
        session.scalars(select(WorkCompetency.id).where(WorkCompetency.retired.is_(False)))
    )
    done = session.execute(
        select(Internship.id, Internship.start_date, Internship.end_date, Internship.status).where(
            Internship.status.in_([InternshipStatus.RUNNING, InternshipStatus.COMPLETED])
        )
    ).all()
    evaluations = []
    for iid, start, end, status in done:
        if rng.random() < 0.3:
            continue
        middle = start + (min(end, now) - start) / 2
        evaluations.append((iid, middle, False))
        if status is InternshipStatus.COMPLETED:
            evaluations.append((iid, end, True))
    if not evaluations:
        return
    first = (
        session.scalar(
            select(InternshipEvaluation.id).order_by(InternshipEvaluation.id.desc()).limit(1)
        )
        or 0
    ) + 1
    session.execute(
        insert(InternshipEvaluation),
        [
            {
                "id": first + n,
                "internship_id": iid,
                "evaluated_on": on,
                "is_final": final,
                "evaluator": rng.choice(list(Evaluator)),
                "supervisor_comment": rng.choice(COMMENTS_SUPERVISOR),
                "school_comment": rng.choice(COMMENTS_SCHOOL) if rng.random() < 0.6 else None,
                "created_by_id": actor.user_id,
            }
            for n, (iid, on, final) in enumerate(evaluations)
        ],
    )
    base = {n: rng.randint(1, 3) for n in range(len(evaluations))}
    session.execute(
        insert(CompetencyScore),
        [
            {
                "evaluation_id": first + n,
                "competency_id": skill,
                "score": min(4, base[n] + rng.choice([0, 0, 1]) + (1 if final else 0)),
            }
            for n, (_iid, _on, final) in enumerate(evaluations)
            for skill in skills
        ],
    )
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text(
                "SELECT setval(pg_get_serial_sequence('internship_evaluations', 'id'), "
                "(SELECT coalesce(max(id), 1) FROM internship_evaluations))"
            )
        )
