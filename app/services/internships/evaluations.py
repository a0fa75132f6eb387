"""Internship evaluations: dated, by the supervisor, the school or together, with a score
per work competency."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.core.validation import Problems, choice, parse_date, text
from app.models import CompetencyScore, Evaluator, InternshipEvaluation, WorkCompetency
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import require_student_access, require_student_edit
from app.services.common.rows import existing_student
from app.services.internships.competencies import competencies
from app.services.internships.planning import find_internship

SCORES = (1, 2, 3, 4)
SCORE_LABELS = {
    1: "1 - veel begeleiding nodig",
    2: "2 - regelmatig begeleiding",
    3: "3 - af en toe begeleiding",
    4: "4 - zelfstandig",
}


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


def evaluation_views(session: Session, internship_id: int) -> list[EvaluationView]:
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


def record_evaluation(
    session: Session, actor: Actor, internship_id: int, data: EvaluationInput
) -> int:
    """Adds a dated evaluation with a score per work competency; returns its id."""
    internship = find_internship(session, internship_id)
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
    internship = find_internship(session, internship_id)
    require_student_access(actor, existing_student(session, internship.student_id))
    audit.record(session, actor, "view", "internship", internship.id, "evaluaties")
    return evaluation_views(session, internship.id)
