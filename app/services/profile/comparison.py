"""Two assessments of one student side by side, the changes marked."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.core.errors import NotFoundError
from app.models import Factor, ItemScale
from app.services.common import audit, labels
from app.services.common.actor import Actor
from app.services.common.permissions import require_student_access
from app.services.common.rows import existing_student
from app.services.profile.assessments import AssessmentSummary, assessment_view, find_assessment
from app.services.profile.items import FACTORS, list_items


@dataclass(frozen=True, slots=True)
class ComparedItem:
    factor: Factor
    label: str
    retired: bool
    old_score: int | None
    new_score: int | None
    old_note: str
    new_note: str
    scale: ItemScale = ItemScale.SKILL

    @property
    def old_text(self) -> str:
        return labels.score_words(self.scale, self.old_score)

    @property
    def new_text(self) -> str:
        return labels.score_words(self.scale, self.new_score)

    @property
    def changed(self) -> bool:
        return (self.old_score, self.old_note) != (self.new_score, self.new_note)

    @property
    def direction(self) -> int:
        """+1 better, -1 worse, 0 the same score (or one of the two not scored)."""
        if self.old_score is None or self.new_score is None:
            return 0
        return (self.new_score > self.old_score) - (self.new_score < self.old_score)


@dataclass(frozen=True, slots=True)
class ComparedText:
    label: str
    old: str
    new: str

    @property
    def changed(self) -> bool:
        return self.old != self.new


@dataclass(frozen=True)
class Comparison:
    older: AssessmentSummary
    newer: AssessmentSummary
    items: list[ComparedItem]
    texts: list[ComparedText]

    @property
    def changed_count(self) -> int:
        return sum(i.changed for i in self.items) + sum(t.changed for t in self.texts)


def compare_assessments(
    session: Session, actor: Actor, first_id: int, second_id: int
) -> Comparison:
    """Two assessments of one student side by side, the older first, changes marked."""
    a, b = find_assessment(session, first_id), find_assessment(session, second_id)
    if a.student_id != b.student_id:
        raise NotFoundError("Deze twee beoordelingen horen niet bij dezelfde leerling.")
    require_student_access(actor, existing_student(session, a.student_id))
    older, newer = sorted((a, b), key=lambda x: (x.assessed_on, x.id))
    old_view, new_view = assessment_view(session, older), assessment_view(session, newer)
    old_scores = {s.item_id: s for s in old_view.scores}
    new_scores = {s.item_id: s for s in new_view.scores}
    all_items = {i.id: i for i in list_items(session, actor)}
    # Every item either assessment scored, plus the items in use now, in the school's order.
    shown = [
        i for i in all_items.values() if i.id in old_scores or i.id in new_scores or not i.retired
    ]
    items = []
    for item in shown:
        o, n = old_scores.get(item.id), new_scores.get(item.id)
        items.append(
            ComparedItem(
                item.factor,
                item.label,
                item.retired,
                o.score if o else None,
                n.score if n else None,
                o.note if o else "",
                n.note if n else "",
                item.scale,
            )
        )
    texts = [
        ComparedText(
            f"Toelichting {labels.FACTOR[f]}", old_view.factor_texts[f], new_view.factor_texts[f]
        )
        for f in FACTORS
    ]
    texts += [
        ComparedText(labels.WISH_JOB, old_view.wish_job, new_view.wish_job),
        ComparedText(labels.CHANCE_JOB, old_view.chance_job, new_view.chance_job),
    ]
    audit.record(session, actor, "view", "profile_comparison", a.student_id)
    return Comparison(
        AssessmentSummary(older.id, older.assessed_on, old_view.assessed_by),
        AssessmentSummary(newer.id, newer.assessed_on, new_view.assessed_by),
        items,
        texts,
    )
