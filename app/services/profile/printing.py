"""The printed one-page profile for the student and parents, logged as an export."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.core.validation import today
from app.models import ItemScale
from app.services.common import labels
from app.services.common.actor import Actor
from app.services.common.export_log import log_file_export
from app.services.common.permissions import require_export, require_student_access
from app.services.common.rows import existing_student
from app.services.common.school_settings import school_settings
from app.services.profile.assessments import AssessmentView, assessment_history, assessment_view
from app.services.profile.decisions import decision_views
from app.services.profile.items import FACTORS


def print_profile(session: Session, actor: Actor, student_id: int) -> bytes:
    """The one-page profile for the student and parents, as PDF; logged as an export."""
    from app.export.profile_pdf import FactorPrint, ProfilePrint, ScaleLegend, render_profile

    require_export(actor)
    student = existing_student(session, student_id)
    require_student_access(actor, student)
    history = assessment_history(session, student_id)
    school = school_settings(session).name
    newest = assessment_view(session, history[0]) if history else None
    factors = []
    for factor in FACTORS:
        scores = newest.by_factor(factor) if newest else []
        factors.append(
            FactorPrint(
                name=labels.FACTOR[factor],
                meaning=labels.FACTOR_MEANING[factor],
                items=[(s.label, s.score_text, s.note) for s in scores],
                text=newest.factor_texts[factor] if newest else "",
            )
        )
    data = ProfilePrint(
        school=school,
        student_name=student.full_name,
        class_name=student.class_name or "",
        birth_date=student.birth_date,
        assessed_on=newest.assessed_on if newest else None,
        assessed_by=newest.assessed_by if newest else "",
        with_whom=_with_whom(newest),
        jobs=[
            (labels.WISH_JOB, newest.wish_job if newest else ""),
            (labels.CHANCE_JOB, newest.chance_job if newest else ""),
        ],
        factors=factors,
        legend=[
            ScaleLegend(labels.ITEM_SCALE[kind], list(labels.SCALE_WORDS[kind].values()))
            for kind in _scales_used(newest)
        ],
        decisions=[
            (d.decided_on, d.decision, d.participants_text)
            for d in decision_views(session, student_id)
        ][:3],
        printed_on=today(),
    )
    pdf = render_profile(data)
    log_file_export(session, actor, "profiel", student_id=student_id, entity="profile")
    return pdf


def _scales_used(view: AssessmentView | None) -> list[ItemScale]:
    """The scales of the printed scores, in a fixed order: only those get a legend line."""
    used = {s.scale for s in view.scores if s.score is not None} if view else set()
    return [kind for kind in ItemScale if kind in used] or [ItemScale.SKILL]


def _with_whom(view: AssessmentView | None) -> str:
    if view is None:
        return ""
    present = ["de school"]
    if view.student_present:
        present.append("de leerling")
    if view.parents_present:
        present.append("ouders of verzorgers")
    return ", ".join(present[:-1]) + " en " + present[-1] if len(present) > 1 else present[0]


def save_profile_pdf(session: Session, actor: Actor, student_id: int, target: str) -> str:
    """Prints the profile to a PDF file (written atomically); returns the path."""
    from pathlib import Path

    from app.core.files import write_atomic

    path = Path(target)
    if path.suffix.lower() != ".pdf":
        path = path.with_suffix(".pdf")
    write_atomic(path, print_profile(session, actor, student_id))
    return str(path)
