"""Internships: planning, the life-cycle, evaluations and the step from internship to job.

The life-cycle is planned -> running -> completed, or broken off (with a reason) from
planned or running. One student's internships may not overlap on the same working days.
A transition internship that ends with a contract sets the path's destination in the
same transaction, linked to the internship.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from app.core.errors import ConflictError, NotFoundError, ValidationError
from app.core.validation import Problems, choice, format_date, parse_date, text, today
from app.models import (
    CompetencyScore,
    Destination,
    Employer,
    EmployerContact,
    Evaluator,
    Internship,
    InternshipEvaluation,
    InternshipOutcome,
    InternshipStatus,
    InternshipType,
    Student,
    WorkCompetency,
)
from app.models.base import utcnow
from app.services.common import audit, labels
from app.services.common.actor import Actor
from app.services.common.permissions import (
    require_coordinator,
    require_student_access,
    require_student_edit,
)
from app.services.common.rows import existing_student, flush_or_conflict
from app.services.path import timeline

DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
DAY_NAMES = {
    "ma": "maandag",
    "di": "dinsdag",
    "wo": "woensdag",
    "do": "donderdag",
    "vr": "vrijdag",
    "za": "zaterdag",
    "zo": "zondag",
}
SCORES = (1, 2, 3, 4)
SCORE_LABELS = {
    1: "1 - veel begeleiding nodig",
    2: "2 - regelmatig begeleiding",
    3: "3 - af en toe begeleiding",
    4: "4 - zelfstandig",
}
CONFLICT_MESSAGE = (
    "Iemand anders heeft deze stage opgeslagen nadat u hem opende. Uw wijzigingen zijn "
    "niet opgeslagen. Open de stage opnieuw en voer ze nogmaals in."
)
CONTRACT_DESTINATIONS = (
    Destination.REGULAR_WORK,
    Destination.WORK_BANENAFSPRAAK,
    Destination.WORK_BBL,
    Destination.BESCHUT_WERK,
)


@dataclass
class InternshipInput:
    """An internship as typed: text, checked by `plan_internship` / `save_internship`."""

    employer_id: int | None = None
    supervisor_id: int | None = None
    kind: str = InternshipType.BLOK.value
    start_date: str = ""
    end_date: str = ""
    days: list[str] = field(default_factory=list)
    hours_per_week: str = ""
    learning_goals: str = ""
    outcome: str = ""
    outcome_note: str = ""


@dataclass(frozen=True, slots=True)
class InternshipRow:
    id: int
    version: int
    student_id: int
    student_name: str
    class_name: str
    employer_id: int
    employer_name: str
    sector: str
    supervisor_name: str
    kind: InternshipType
    start_date: date
    end_date: date | None
    days: str
    hours_per_week: int | None
    status: InternshipStatus
    outcome: str | None
    broken_off_reason: str | None
    # Dutch lists sort on the surname without its prefix: "Berg, Anna van den".
    sort_name: str = ""

    @property
    def period_text(self) -> str:
        return f"{format_date(self.start_date)} t/m {format_date(self.end_date) or 'open'}"


@dataclass
class EvaluationInput:
    evaluated_on: str = ""
    is_final: bool = False
    evaluator: str = Evaluator.TOGETHER.value
    scores: dict[int, int | None] = field(default_factory=dict)  # competency id -> 1..4
    supervisor_comment: str = ""
    school_comment: str = ""


@dataclass(frozen=True, slots=True)
class ScoreView:
    competency_id: int
    label: str
    score: int | None
    note: str


@dataclass(frozen=True)
class EvaluationView:
    id: int
    evaluated_on: date
    is_final: bool
    evaluator: Evaluator
    scores: list[ScoreView]
    supervisor_comment: str
    school_comment: str


@dataclass(frozen=True)
class InternshipDetail:
    row: InternshipRow
    input: InternshipInput
    learning_goals: str
    evaluations: list[EvaluationView]


# --- reading -----------------------------------------------------------------------------


def row_query():
    """Internship rows with student, employer and supervisor names: one query, no N+1,
    plain columns rather than ORM objects (the planner reads thousands of them)."""
    return (
        select(
            Internship.id,
            Internship.version,
            Internship.student_id,
            Student.first_name,
            Student.prefix,
            Student.surname,
            Student.class_name,
            Internship.employer_id,
            Employer.name,
            Employer.sector,
            EmployerContact.name,
            Internship.kind,
            Internship.start_date,
            Internship.end_date,
            Internship.days,
            Internship.hours_per_week,
            Internship.status,
            Internship.outcome,
            Internship.broken_off_reason,
        )
        .join(Student, Student.id == Internship.student_id)
        .join(Employer, Employer.id == Internship.employer_id)
        .outerjoin(EmployerContact, EmployerContact.id == Internship.supervisor_id)
    )


def to_row(values) -> InternshipRow:
    (
        iid,
        version,
        sid,
        first,
        prefix,
        surname,
        class_name,
        eid,
        employer,
        sector,
        supervisor,
        kind,
        start,
        end,
        days,
        hours,
        status,
        outcome,
        reason,
    ) = values
    return InternshipRow(
        iid,
        version,
        sid,
        f"{first} {prefix} {surname}" if prefix else f"{first} {surname}",
        class_name or "",
        eid,
        employer,
        sector or "",
        supervisor or "",
        kind,
        start,
        end,
        days or "",
        hours,
        status,
        outcome,
        reason,
        f"{surname}, {first} {prefix or ''}".strip().lower(),
    )


def _internship(session: Session, internship_id: int) -> Internship:
    internship = session.get(Internship, internship_id)
    if internship is None:
        raise NotFoundError("Deze stage bestaat niet (meer).")
    return internship


def list_for_student(session: Session, actor: Actor, student_id: int) -> list[InternshipRow]:
    """A student's internships, newest first; the view is in the audit trail."""
    require_student_access(actor, existing_student(session, student_id))
    stmt = row_query().where(Internship.student_id == student_id)
    rows = [to_row(v) for v in session.execute(stmt.order_by(Internship.start_date.desc()))]
    audit.record(session, actor, "view", "internships", student_id)
    return rows


def competencies(session: Session, actor: Actor) -> list[tuple[int, str]]:
    """The work competencies evaluations score now (retired ones only show in old ones)."""
    stmt = (
        select(WorkCompetency.id, WorkCompetency.label)
        .where(WorkCompetency.retired.is_(False))
        .order_by(WorkCompetency.position, WorkCompetency.id)
    )
    return [(i, label) for i, label in session.execute(stmt)]


def add_competency(session: Session, actor: Actor, label: str) -> int:
    """The school adds a competency of its own to the default set."""
    require_coordinator(actor)
    p = Problems()
    cleaned = text(label, "Competentie", "label", p, max_length=120, required=True)
    p.raise_if_any()
    if session.scalar(select(WorkCompetency.id).where(WorkCompetency.label == cleaned)):
        raise ValidationError({"label": f"Competentie: '{cleaned}' bestaat al."})
    position = (session.scalar(select(func.max(WorkCompetency.position))) or 0) + 1
    row = WorkCompetency(label=cleaned, position=position, created_by_id=actor.user_id)
    session.add(row)
    session.flush()
    audit.record(session, actor, "create", "work_competency", row.id)
    return row.id


def retire_competency(session: Session, actor: Actor, competency_id: int) -> None:
    """No longer scored; evaluations that scored it keep their score."""
    require_coordinator(actor)
    row = session.get(WorkCompetency, competency_id)
    if row is None:
        raise NotFoundError("Deze competentie bestaat niet (meer).")
    row.retired = True
    audit.record(session, actor, "update", "work_competency", row.id, "retired")


def _evaluations(session: Session, internship_id: int) -> list[EvaluationView]:
    evaluations = session.scalars(
        select(InternshipEvaluation)
        .options(selectinload(InternshipEvaluation.scores))
        .where(InternshipEvaluation.internship_id == internship_id)
        .order_by(InternshipEvaluation.evaluated_on, InternshipEvaluation.id)
    ).all()
    names, order = {}, {}
    for cid, label, position in session.execute(
        select(WorkCompetency.id, WorkCompetency.label, WorkCompetency.position)
    ):
        names[cid], order[cid] = label, position
    return [
        EvaluationView(
            e.id,
            e.evaluated_on,
            e.is_final,
            e.evaluator,
            [
                ScoreView(s.competency_id, names.get(s.competency_id, "?"), s.score, s.note or "")
                for s in sorted(e.scores, key=lambda s: (order.get(s.competency_id, 0), s.id))
            ],
            e.supervisor_comment or "",
            e.school_comment or "",
        )
        for e in evaluations
    ]


def open_internship(session: Session, actor: Actor, internship_id: int) -> InternshipDetail:
    """One internship with its evaluations, for the dialog; the view is audited."""
    internship = _internship(session, internship_id)
    require_student_access(actor, existing_student(session, internship.student_id))
    row = to_row(session.execute(row_query().where(Internship.id == internship_id)).one())
    data = InternshipInput(
        employer_id=internship.employer_id,
        supervisor_id=internship.supervisor_id,
        kind=internship.kind.value,
        start_date=format_date(internship.start_date),
        end_date=format_date(internship.end_date),
        days=parse_days(internship.days),
        hours_per_week=str(internship.hours_per_week or ""),
        learning_goals=internship.learning_goals or "",
        outcome=internship.outcome or "",
        outcome_note=internship.outcome_note or "",
    )
    audit.record(session, actor, "view", "internship", internship.id)
    return InternshipDetail(row, data, data.learning_goals, _evaluations(session, internship.id))


# --- planning and changing ---------------------------------------------------------------


def parse_days(value: str | None) -> list[str]:
    if not value:
        return []
    return [d for d in DAYS if d in {part.strip().lower()[:2] for part in value.split(",")}]


def _days_text(days: list[str]) -> str:
    return ",".join(d for d in DAYS if d in set(days))


def _overlap_problem(
    session: Session,
    student_id: int,
    start: date,
    end: date | None,
    days: list[str],
    exclude_id: int | None,
) -> str | None:
    """The first internship of the student that runs on one of the same days, as a message.

    A broken-off internship counts until the day it was broken off. Without days recorded
    an internship counts as every day.
    """
    last = func.coalesce(Internship.broken_off_on, Internship.end_date)
    stmt = (
        select(Internship, Employer.name)
        .join(Employer, Employer.id == Internship.employer_id)
        .where(
            Internship.student_id == student_id,
            or_(last.is_(None), last >= start),
        )
        .order_by(Internship.start_date)
    )
    if end is not None:
        stmt = stmt.where(Internship.start_date <= end)
    if exclude_id is not None:
        stmt = stmt.where(Internship.id != exclude_id)
    mine = set(days) or set(DAYS)
    for other, employer in session.execute(stmt):
        theirs = set(parse_days(other.days)) or set(DAYS)
        shared = [d for d in DAYS if d in mine & theirs]
        if shared:
            names = ", ".join(DAY_NAMES[d] for d in shared)
            until = format_date(other.end_date) or "open einde"
            return (
                f"Deze leerling loopt op {names} al stage bij {employer} "
                f"({format_date(other.start_date)} t/m {until}). Kies andere dagen of een "
                "andere periode: stages van één leerling mogen niet op dezelfde dagen "
                "overlappen."
            )
    return None


def _validated(session: Session, student_id: int, data: InternshipInput, exclude_id=None) -> dict:
    p = Problems()
    employer = session.get(Employer, data.employer_id) if data.employer_id else None
    if employer is None:
        p.add("employer_id", "Werkgever: kies een werkgever uit het netwerk.")
    elif employer.merged_into_id:
        p.add("employer_id", "Werkgever: deze werkgever is samengevoegd; kies de andere.")
    supervisor = session.get(EmployerContact, data.supervisor_id) if data.supervisor_id else None
    if data.supervisor_id and (supervisor is None or supervisor.employer_id != data.employer_id):
        p.add("supervisor_id", "Praktijkbegeleider: hoort niet bij deze werkgever.")
    kind = choice(data.kind, InternshipType, "Soort stage", "kind", p)
    if kind is None and "kind" not in p.by_field:
        p.add("kind", "Soort stage: kies een soort.")
    start = parse_date(data.start_date, "Begindatum", "start_date", p)
    if start is None and "start_date" not in p.by_field:
        p.add("start_date", "Begindatum: dit veld is verplicht.")
    end = parse_date(data.end_date, "Einddatum", "end_date", p)
    if start and end and end < start:
        p.add("end_date", "Einddatum: ligt vóór de begindatum.")
    unknown = [d for d in data.days if d not in DAYS]
    if unknown:
        p.add("days", f"Stagedagen: '{unknown[0]}' is geen dag.")
    hours = None
    if (data.hours_per_week or "").strip():
        try:
            hours = int(str(data.hours_per_week).strip())
            if not 1 <= hours <= 40:
                p.add("hours_per_week", "Uren per week: kies 1 tot en met 40 uur.")
        except ValueError:
            p.add("hours_per_week", f"Uren per week: '{data.hours_per_week}' is geen getal.")
    outcome = choice(data.outcome, InternshipOutcome, "Resultaat", "outcome", p)
    values = {
        "employer_id": data.employer_id,
        "supervisor_id": data.supervisor_id,
        "kind": kind,
        "start_date": start,
        "end_date": end,
        "days": _days_text(data.days) or None,
        "hours_per_week": hours,
        "learning_goals": text(
            data.learning_goals, "Leerdoelen", "learning_goals", p, max_length=4000
        ),
        "outcome": outcome.value if outcome else None,
        "outcome_note": text(
            data.outcome_note, "Toelichting resultaat", "outcome_note", p, max_length=300
        ),
    }
    p.raise_if_any()
    clash = _overlap_problem(session, student_id, start, end, data.days, exclude_id)
    if clash:
        raise ValidationError({"start_date": clash})
    return values


def plan_internship(session: Session, actor: Actor, student_id: int, data: InternshipInput) -> int:
    """Plans a new internship for a student; returns its id."""
    require_student_edit(actor, existing_student(session, student_id))
    values = _validated(session, student_id, data)
    internship = Internship(
        student_id=student_id,
        status=InternshipStatus.PLANNED,
        created_by_id=actor.user_id,
        updated_by_id=actor.user_id,
        **values,
    )
    session.add(internship)
    session.flush()
    audit.record(session, actor, "create", "internship", internship.id)
    return internship.id


def _editable(session: Session, actor: Actor, internship_id: int, version: int) -> Internship:
    internship = _internship(session, internship_id)
    require_student_edit(actor, existing_student(session, internship.student_id))
    if internship.version != version:
        raise ConflictError(CONFLICT_MESSAGE)
    return internship


def _flush(session: Session, internship: Internship, actor: Actor) -> int:
    internship.updated_by_id = actor.user_id
    internship.updated_at = utcnow()
    flush_or_conflict(session, CONFLICT_MESSAGE)
    return internship.version


def save_internship(
    session: Session, actor: Actor, internship_id: int, expected_version: int, data: InternshipInput
) -> int:
    """Saves changes to an internship read at `expected_version`; returns the new version."""
    internship = _editable(session, actor, internship_id, expected_version)
    values = _validated(session, internship.student_id, data, exclude_id=internship.id)
    changed = [k for k, v in values.items() if getattr(internship, k) != v]
    for key in changed:
        setattr(internship, key, values[key])
    version = _flush(session, internship, actor)
    audit.record(session, actor, "update", "internship", internship.id, ",".join(changed))
    return version


ALLOWED = {
    InternshipStatus.RUNNING: {InternshipStatus.PLANNED},
    InternshipStatus.COMPLETED: {InternshipStatus.RUNNING},
    InternshipStatus.BROKEN_OFF: {InternshipStatus.PLANNED, InternshipStatus.RUNNING},
}


def _move(internship: Internship, to: InternshipStatus) -> None:
    if internship.status not in ALLOWED[to]:
        now = labels.INTERNSHIP_STATUS[internship.status].lower()
        target = labels.INTERNSHIP_STATUS[to].lower()
        raise ValidationError(
            {"status": f"Status: een stage die {now} is kan niet {target} worden."}
        )
    internship.status = to


def start_internship(session: Session, actor: Actor, internship_id: int, version: int) -> int:
    """The planned internship has begun."""
    internship = _editable(session, actor, internship_id, version)
    _move(internship, InternshipStatus.RUNNING)
    new = _flush(session, internship, actor)
    audit.record(session, actor, "update", "internship", internship.id, "status:loopt")
    return new


def complete_internship(
    session: Session,
    actor: Actor,
    internship_id: int,
    version: int,
    outcome: str,
    on: str = "",
    note: str = "",
) -> int:
    """The internship ended as planned, with its outcome."""
    internship = _editable(session, actor, internship_id, version)
    p = Problems()
    result = choice(outcome, InternshipOutcome, "Resultaat", "outcome", p)
    ended = parse_date(on, "Einddatum", "end_date", p) or internship.end_date or today()
    cleaned = text(note, "Toelichting resultaat", "outcome_note", p, max_length=300)
    if result is None and "outcome" not in p.by_field:
        p.add("outcome", "Resultaat: kies hoe de stage is afgelopen.")
    if ended < internship.start_date:
        p.add("end_date", "Einddatum: ligt vóór de begindatum.")
    p.raise_if_any()
    _move(internship, InternshipStatus.COMPLETED)
    internship.outcome, internship.end_date = result.value, ended
    if cleaned:
        internship.outcome_note = cleaned
    new = _flush(session, internship, actor)
    audit.record(session, actor, "update", "internship", internship.id, "status:afgerond")
    return new


def break_off(
    session: Session, actor: Actor, internship_id: int, version: int, on: str, reason: str
) -> int:
    """The internship stopped early: the reason is required and the date is kept."""
    internship = _editable(session, actor, internship_id, version)
    p = Problems()
    stopped = parse_date(on, "Datum afgebroken", "broken_off_on", p)
    if stopped is None and "broken_off_on" not in p.by_field:
        p.add("broken_off_on", "Datum afgebroken: dit veld is verplicht.")
    why = text(reason, "Reden", "broken_off_reason", p, max_length=300, required=True)
    if stopped and stopped < internship.start_date:
        p.add("broken_off_on", "Datum afgebroken: ligt vóór de begindatum van de stage.")
    p.raise_if_any()
    _move(internship, InternshipStatus.BROKEN_OFF)
    internship.broken_off_on, internship.broken_off_reason = stopped, why
    new = _flush(session, internship, actor)
    audit.record(session, actor, "update", "internship", internship.id, "status:afgebroken")
    return new


def record_evaluation(
    session: Session, actor: Actor, internship_id: int, data: EvaluationInput
) -> int:
    """Adds a dated evaluation with a score per work competency; returns its id."""
    internship = _internship(session, internship_id)
    require_student_edit(actor, existing_student(session, internship.student_id))
    p = Problems()
    on = parse_date(data.evaluated_on, "Datum evaluatie", "evaluated_on", p)
    if on is None and "evaluated_on" not in p.by_field:
        p.add("evaluated_on", "Datum evaluatie: dit veld is verplicht.")
    if on and on < internship.start_date:
        p.add("evaluated_on", "Datum evaluatie: ligt vóór het begin van de stage.")
    evaluator = choice(data.evaluator, Evaluator, "Door wie", "evaluator", p) or Evaluator.TOGETHER
    known = {i for i, _ in competencies(session, actor)}
    for competency_id, score in data.scores.items():
        if competency_id not in known:
            p.add("scores", "Scores: een competentie bestaat niet (meer).")
        elif score is not None and score not in SCORES:
            p.add("scores", f"Scores: {score} is geen score; gebruik 1 tot en met 4.")
    supervisor_comment = text(
        data.supervisor_comment,
        "Opmerkingen praktijkbegeleider",
        "supervisor_comment",
        p,
        max_length=4000,
    )
    school_comment = text(
        data.school_comment, "Opmerkingen school", "school_comment", p, max_length=4000
    )
    if not any(s is not None for s in data.scores.values()) and not (
        supervisor_comment or school_comment
    ):
        p.add("scores", "Evaluatie: geef minstens één score of een opmerking.")
    p.raise_if_any()
    evaluation = InternshipEvaluation(
        internship_id=internship.id,
        evaluated_on=on,
        is_final=bool(data.is_final),
        evaluator=evaluator,
        supervisor_comment=supervisor_comment,
        school_comment=school_comment,
        created_by_id=actor.user_id,
        updated_by_id=actor.user_id,
        scores=[
            CompetencyScore(competency_id=c, score=s)
            for c, s in data.scores.items()
            if s is not None
        ],
    )
    session.add(evaluation)
    session.flush()
    audit.record(session, actor, "create", "internship_evaluation", evaluation.id)
    return evaluation.id


def evaluations(session: Session, actor: Actor, internship_id: int) -> list[EvaluationView]:
    """The evaluations of an internship, oldest first, with their scores."""
    internship = _internship(session, internship_id)
    require_student_access(actor, existing_student(session, internship.student_id))
    audit.record(session, actor, "view", "internship", internship.id, "evaluaties")
    return _evaluations(session, internship.id)


def end_with_contract(
    session: Session,
    actor: Actor,
    internship_id: int,
    version: int,
    on: str,
    destination: str = Destination.REGULAR_WORK.value,
) -> int:
    """A transition internship ends with a contract: one step completes it and sets the
    path's destination (work at this employer, from `on`), linked to the internship."""
    internship = _editable(session, actor, internship_id, version)
    p = Problems()
    start_work = parse_date(on, "Datum in dienst", "on", p)
    if start_work is None and "on" not in p.by_field:
        p.add("on", "Datum in dienst: dit veld is verplicht.")
    where = choice(destination, Destination, "Bestemming", "destination", p)
    if where is not None and where not in CONTRACT_DESTINATIONS:
        p.add("destination", "Bestemming: kies een vorm van werk.")
    if internship.kind is not InternshipType.TRANSITIE:
        p.add("kind", "Alleen een transitiestage kan direct de bestemming worden.")
    if internship.status not in (InternshipStatus.RUNNING, InternshipStatus.COMPLETED):
        p.add("status", "Status: de stage moet lopen of afgerond zijn.")
    p.raise_if_any()
    if internship.status is InternshipStatus.RUNNING:
        internship.status = InternshipStatus.COMPLETED
        internship.end_date = internship.end_date or start_work
    internship.outcome = InternshipOutcome.CONTRACT_OFFERED.value
    new = _flush(session, internship, actor)
    employer = session.get(Employer, internship.employer_id)
    timeline.set_destination(
        session,
        actor,
        internship.student_id,
        where,
        employer.name,
        start_work,
        internship_id=internship.id,
    )
    audit.record(session, actor, "update", "internship", internship.id, "contract")
    return new
