"""Dated profile assessments: a score per item, a text per factor, wish-job and chance-job.

A new assessment never overwrites an earlier one: the earlier ones stay as history.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.core.errors import ConflictError, NotFoundError
from app.core.validation import Problems, parse_date, text, today
from app.models import Factor, ItemScale, ProfileAssessment, ProfileItem, ProfileScore, User
from app.models.base import utcnow
from app.services.common import audit, labels
from app.services.common.actor import Actor
from app.services.common.permissions import require_student_access, require_student_edit
from app.services.common.rows import existing_student
from app.services.profile.items import FACTORS

# The scores every item can get, each in the words of the item's own scale
# (`labels.SCALE_WORDS`); None means "not scored this time".
SCORES = (1, 2, 3, 4)
TEXT_FIELDS = {f: f"{f.value}_text" for f in Factor}
CONFLICT_MESSAGE = (
    "Deze beoordeling is intussen door iemand anders gewijzigd. Laad het profiel opnieuw."
)


def score_text(score: int | None, scale: ItemScale = ItemScale.SKILL) -> str:
    return labels.score_words(scale, score)


@dataclass(frozen=True, slots=True)
class ScoreInput:
    item_id: int
    score: int | None = None
    note: str = ""


@dataclass(frozen=True)
class AssessmentInput:
    """What the user typed; the date as dd-mm-jjjj text."""

    assessed_on: str = ""
    student_present: bool = False
    parents_present: bool = False
    wish_job: str = ""
    chance_job: str = ""
    factor_texts: dict[str, str] = field(default_factory=dict)
    scores: tuple[ScoreInput, ...] = ()


@dataclass(frozen=True, slots=True)
class ScoreView:
    item_id: int
    factor: Factor
    label: str
    retired: bool
    score: int | None
    note: str
    scale: ItemScale = ItemScale.SKILL

    @property
    def score_text(self) -> str:
        return score_text(self.score, self.scale)


@dataclass(frozen=True)
class AssessmentSummary:
    id: int
    assessed_on: date
    assessed_by: str


@dataclass(frozen=True)
class AssessmentView:
    id: int
    version: int
    student_id: int
    assessed_on: date
    assessed_by: str
    student_present: bool
    parents_present: bool
    wish_job: str
    chance_job: str
    factor_texts: dict[Factor, str]
    scores: list[ScoreView]

    def by_factor(self, factor: Factor) -> list[ScoreView]:
        return [s for s in self.scores if s.factor is factor]

    def to_input(self) -> AssessmentInput:
        """The assessment as a form (to revise it, or to start a new one from it)."""
        from app.core.validation import format_date

        return AssessmentInput(
            assessed_on=format_date(self.assessed_on),
            student_present=self.student_present,
            parents_present=self.parents_present,
            wish_job=self.wish_job,
            chance_job=self.chance_job,
            factor_texts={f.value: t for f, t in self.factor_texts.items()},
            scores=tuple(ScoreInput(s.item_id, s.score, s.note) for s in self.scores),
        )


def _validated_assessment(
    session: Session, data: AssessmentInput, allowed_retired: set[int]
) -> tuple[dict, list[ScoreInput]]:
    problems = Problems()
    assessed_on = parse_date(data.assessed_on, "Datum", "assessed_on", problems)
    if assessed_on is None and "assessed_on" not in problems.by_field:
        problems.add("assessed_on", "Datum: dit veld is verplicht.")
    if assessed_on is not None and assessed_on > today():
        problems.add("assessed_on", "Datum: een beoordeling kan niet in de toekomst liggen.")
    values: dict = {
        "assessed_on": assessed_on,
        "student_present": bool(data.student_present),
        "parents_present": bool(data.parents_present),
        "wish_job": text(data.wish_job, labels.WISH_JOB, "wish_job", problems, max_length=200),
        "chance_job": text(
            data.chance_job, labels.CHANCE_JOB, "chance_job", problems, max_length=200
        ),
    }
    for factor in FACTORS:
        label = labels.FACTOR[factor]
        values[TEXT_FIELDS[factor]] = text(
            data.factor_texts.get(factor.value),
            f"Toelichting {label}",
            TEXT_FIELDS[factor],
            problems,
            max_length=4000,
        )
    items = {i.id: i for i in session.scalars(select(ProfileItem))}
    scores: dict[int, ScoreInput] = {}
    for entry in data.scores:
        item = items.get(entry.item_id)
        field_name = f"score_{entry.item_id}"
        if item is None or (item.retired and entry.item_id not in allowed_retired):
            problems.add(field_name, "Dit profielitem wordt niet meer gebruikt.")
            continue
        if entry.score is not None and entry.score not in SCORES:
            problems.add(field_name, f"{item.label}: kies een score van 1 tot en met {SCORES[-1]}.")
            continue
        note = text(entry.note, f"{item.label} (notitie)", field_name, problems, max_length=300)
        if entry.score is None and not note:
            continue
        scores[entry.item_id] = ScoreInput(entry.item_id, entry.score, note or "")
    problems.raise_if_any()
    return values, list(scores.values())


def record_assessment(
    session: Session, actor: Actor, student_id: int, data: AssessmentInput
) -> int:
    """A new dated assessment; the earlier ones stay as history."""
    require_student_edit(actor, existing_student(session, student_id))
    values, scores = _validated_assessment(session, data, set())
    assessment = ProfileAssessment(
        student_id=student_id,
        created_by_id=actor.user_id,
        updated_by_id=actor.user_id,
        **values,
    )
    assessment.scores = [
        ProfileScore(item_id=s.item_id, score=s.score, note=s.note or None) for s in scores
    ]
    session.add(assessment)
    session.flush()
    audit.record(session, actor, "create", "profile_assessment", assessment.id)
    return assessment.id


def find_assessment(session: Session, assessment_id: int) -> ProfileAssessment:
    assessment = session.get(ProfileAssessment, assessment_id)
    if assessment is None:
        raise NotFoundError("Deze beoordeling bestaat niet (meer).")
    return assessment


def revise_assessment(
    session: Session,
    actor: Actor,
    assessment_id: int,
    expected_version: int,
    data: AssessmentInput,
) -> int:
    """Corrects an assessment read at `expected_version`; returns the new version."""
    assessment = find_assessment(session, assessment_id)
    require_student_edit(actor, existing_student(session, assessment.student_id))
    if assessment.version != expected_version:
        raise ConflictError(CONFLICT_MESSAGE)
    kept = {s.item_id for s in assessment.scores}
    values, scores = _validated_assessment(session, data, kept)
    for key, value in values.items():
        setattr(assessment, key, value)
    by_item = {s.item_id: s for s in assessment.scores}
    wanted = {s.item_id: s for s in scores}
    for item_id, row in list(by_item.items()):
        if item_id not in wanted:
            assessment.scores.remove(row)
    for item_id, entry in wanted.items():
        row = by_item.get(item_id)
        if row is None:
            assessment.scores.append(
                ProfileScore(item_id=item_id, score=entry.score, note=entry.note or None)
            )
        else:
            row.score, row.note = entry.score, entry.note or None
    assessment.updated_by_id = actor.user_id
    assessment.updated_at = utcnow()  # bumps the version, also when only child rows changed
    session.flush()
    audit.record(session, actor, "update", "profile_assessment", assessment.id)
    return assessment.version


def user_names(session: Session, ids: set[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(select(User.id, User.display_name).where(User.id.in_(wanted)))
    return {user_id: name for user_id, name in rows}


def assessment_view(session: Session, assessment: ProfileAssessment) -> AssessmentView:
    items = {i.id: i for i in session.scalars(select(ProfileItem))}
    order = {f: n for n, f in enumerate(FACTORS)}
    scores = []
    for row in assessment.scores:
        item = items[row.item_id]
        scores.append(
            ScoreView(
                row.item_id,
                Factor(item.factor),
                item.label,
                item.retired,
                row.score,
                row.note or "",
                ItemScale(item.scale or ItemScale.SKILL),
            )
        )
    scores.sort(key=lambda s: (order[s.factor], items[s.item_id].position, s.item_id))
    names = user_names(session, {assessment.created_by_id})
    return AssessmentView(
        id=assessment.id,
        version=assessment.version,
        student_id=assessment.student_id,
        assessed_on=assessment.assessed_on,
        assessed_by=names.get(assessment.created_by_id or 0, ""),
        student_present=assessment.student_present,
        parents_present=assessment.parents_present,
        wish_job=assessment.wish_job or "",
        chance_job=assessment.chance_job or "",
        factor_texts={f: getattr(assessment, TEXT_FIELDS[f]) or "" for f in FACTORS},
        scores=scores,
    )


def get_assessment(session: Session, actor: Actor, assessment_id: int) -> AssessmentView:
    assessment = find_assessment(session, assessment_id)
    require_student_access(actor, existing_student(session, assessment.student_id))
    audit.record(session, actor, "view", "profile_assessment", assessment.id)
    return assessment_view(session, assessment)


def assessment_history(session: Session, student_id: int) -> list[ProfileAssessment]:
    return list(
        session.scalars(
            select(ProfileAssessment)
            .where(ProfileAssessment.student_id == student_id)
            .options(selectinload(ProfileAssessment.scores))
            .order_by(ProfileAssessment.assessed_on.desc(), ProfileAssessment.id.desc())
        )
    )
