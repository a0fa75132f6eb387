"""The Denken / Doen / Willen / Zijn profile: items, dated assessments, comparison,
wish-job and chance-job, and the key decisions taken with the student.

Items belong to the school's method and are managed by the coordinator; retiring an item
hides it from new assessments but every old assessment keeps showing its score, with the
label it has now.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.core.errors import ConflictError, NotFoundError
from app.core.validation import Problems, choice, parse_date, text, today
from app.models import (
    DecisionParticipant,
    DecisionRole,
    ExportLog,
    Factor,
    KeyDecision,
    ProfileAssessment,
    ProfileItem,
    ProfileScore,
    SchoolSettings,
    User,
)
from app.models.base import utcnow
from app.services.common import audit, labels
from app.services.common.actor import Actor
from app.services.common.permissions import (
    require_coordinator,
    require_export,
    require_student_access,
    require_student_edit,
)
from app.services.common.rows import existing_student

# The small scale every item is scored on; None means "not scored this time".
SCALE = {
    1: "Lukt nog niet",
    2: "Lukt met veel hulp",
    3: "Lukt met een beetje hulp",
    4: "Lukt zelfstandig",
}
FACTORS = list(Factor)
TEXT_FIELDS = {f: f"{f.value}_text" for f in Factor}
CONFLICT_MESSAGE = (
    "Deze beoordeling is intussen door iemand anders gewijzigd. Laad het profiel opnieuw."
)
DECISION_CONFLICT = (
    "Deze sleutelbeslissing is intussen door iemand anders gewijzigd. Laad het profiel opnieuw."
)


def score_text(score: int | None) -> str:
    return SCALE.get(score, "") if score is not None else ""


# --- items ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ItemView:
    id: int
    factor: Factor
    label: str
    position: int
    retired: bool


def _item_view(item: ProfileItem) -> ItemView:
    return ItemView(item.id, Factor(item.factor), item.label, item.position, item.retired)


def list_items(session: Session, actor: Actor, include_retired: bool = True) -> list[ItemView]:
    """The items per factor in the school's order (factor order Denken, Doen, Willen, Zijn)."""
    stmt = select(ProfileItem)
    if not include_retired:
        stmt = stmt.where(ProfileItem.retired.is_(False))
    items = [_item_view(i) for i in session.scalars(stmt)]
    order = {f: n for n, f in enumerate(FACTORS)}
    return sorted(items, key=lambda i: (order[i.factor], i.position, i.id))


def _validated_label(label: str | None, problems: Problems) -> str | None:
    return text(label, "Omschrijving", "label", problems, max_length=120, required=True)


def add_item(session: Session, actor: Actor, factor: Factor | str, label: str) -> int:
    require_coordinator(actor)
    problems = Problems()
    wanted = choice(factor, Factor, "Factor", "factor", problems)
    if wanted is None and "factor" not in problems.by_field:
        problems.add("factor", "Factor: kies Denken, Doen, Willen of Zijn.")
    cleaned = _validated_label(label, problems)
    problems.raise_if_any()
    last = session.scalar(
        select(func.max(ProfileItem.position)).where(ProfileItem.factor == wanted)
    )
    item = ProfileItem(
        factor=wanted,
        label=cleaned,
        position=(last if last is not None else -1) + 1,
        retired=False,
        created_by_id=actor.user_id,
        updated_by_id=actor.user_id,
    )
    session.add(item)
    session.flush()
    audit.record(session, actor, "create", "profile_item", item.id)
    return item.id


def _item(session: Session, item_id: int) -> ProfileItem:
    item = session.get(ProfileItem, item_id)
    if item is None:
        raise NotFoundError("Dit profielitem bestaat niet (meer).")
    return item


def rename_item(session: Session, actor: Actor, item_id: int, label: str) -> None:
    """Renames an item; old assessments show the new name (the item is the same thing)."""
    require_coordinator(actor)
    item = _item(session, item_id)
    problems = Problems()
    cleaned = _validated_label(label, problems)
    problems.raise_if_any()
    item.label = cleaned
    item.updated_by_id = actor.user_id
    session.flush()
    audit.record(session, actor, "update", "profile_item", item.id, "label")


def move_item(session: Session, actor: Actor, item_id: int, step: int) -> None:
    """Moves an item up (step -1) or down (+1) among the items of its factor."""
    require_coordinator(actor)
    item = _item(session, item_id)
    siblings = list(
        session.scalars(
            select(ProfileItem)
            .where(ProfileItem.factor == item.factor)
            .order_by(ProfileItem.position, ProfileItem.id)
        )
    )
    index = siblings.index(item)
    target = index + step
    if not 0 <= target < len(siblings):
        return
    siblings.insert(target, siblings.pop(index))
    for position, sibling in enumerate(siblings):
        if sibling.position != position:
            sibling.position = position
            sibling.updated_by_id = actor.user_id
    session.flush()
    audit.record(session, actor, "update", "profile_item", item.id, "position")


def retire_item(session: Session, actor: Actor, item_id: int, retired: bool = True) -> None:
    """Retires an item (no longer offered) or brings it back; scores already given stay."""
    require_coordinator(actor)
    item = _item(session, item_id)
    item.retired = retired
    item.updated_by_id = actor.user_id
    session.flush()
    audit.record(
        session, actor, "update", "profile_item", item.id, "retired" if retired else "restored"
    )


# --- assessments ------------------------------------------------------------------------


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

    @property
    def score_text(self) -> str:
        return score_text(self.score)


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
        "wish_job": text(data.wish_job, "Wensbaan", "wish_job", problems, max_length=200),
        "chance_job": text(data.chance_job, "Kansbaan", "chance_job", problems, max_length=200),
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
        if entry.score is not None and entry.score not in SCALE:
            problems.add(field_name, f"{item.label}: kies een score van 1 tot en met {len(SCALE)}.")
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


def _assessment(session: Session, assessment_id: int) -> ProfileAssessment:
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
    assessment = _assessment(session, assessment_id)
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


def _user_names(session: Session, ids: set[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(select(User.id, User.display_name).where(User.id.in_(wanted)))
    return {user_id: name for user_id, name in rows}


def _view(session: Session, assessment: ProfileAssessment) -> AssessmentView:
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
            )
        )
    scores.sort(key=lambda s: (order[s.factor], items[s.item_id].position, s.item_id))
    names = _user_names(session, {assessment.created_by_id})
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
    assessment = _assessment(session, assessment_id)
    require_student_access(actor, existing_student(session, assessment.student_id))
    audit.record(session, actor, "view", "profile_assessment", assessment.id)
    return _view(session, assessment)


def _history(session: Session, student_id: int) -> list[ProfileAssessment]:
    return list(
        session.scalars(
            select(ProfileAssessment)
            .where(ProfileAssessment.student_id == student_id)
            .options(selectinload(ProfileAssessment.scores))
            .order_by(ProfileAssessment.assessed_on.desc(), ProfileAssessment.id.desc())
        )
    )


# --- key decisions ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ParticipantInput:
    role: str
    name: str = ""
    agreed: bool | None = None


@dataclass(frozen=True)
class DecisionInput:
    decided_on: str = ""
    decision: str = ""
    participants: tuple[ParticipantInput, ...] = ()


@dataclass(frozen=True)
class DecisionView:
    id: int
    version: int
    decided_on: date
    decision: str
    participants: list[ParticipantInput]

    def to_input(self) -> DecisionInput:
        from app.core.validation import format_date

        return DecisionInput(format_date(self.decided_on), self.decision, tuple(self.participants))

    @property
    def participants_text(self) -> str:
        """'Leerling (eens), Ouder: Fatima Jansen (oneens)' for lists and prints."""
        return participants_text(self.participants)


AGREED_TEXT = {True: "eens", False: "niet eens", None: "niet gezegd"}


def participants_text(participants: list[ParticipantInput]) -> str:
    parts = []
    for p in participants:
        who = labels.label(labels.DECISION_ROLE, DecisionRole(p.role))
        if p.name:
            who += f": {p.name}"
        parts.append(f"{who} ({AGREED_TEXT[p.agreed]})")
    return ", ".join(parts)


def _validated_decision(data: DecisionInput) -> tuple[dict, list[ParticipantInput]]:
    problems = Problems()
    decided_on = parse_date(data.decided_on, "Datum", "decided_on", problems)
    if decided_on is None and "decided_on" not in problems.by_field:
        problems.add("decided_on", "Datum: dit veld is verplicht.")
    decision = text(
        data.decision, "Beslissing", "decision", problems, max_length=2000, required=True
    )
    people = []
    for n, p in enumerate(data.participants):
        role = choice(p.role, DecisionRole, "Deelnemer", f"participant_{n}", problems)
        name = text(p.name, "Naam deelnemer", f"participant_{n}", problems, max_length=160)
        if role is not None:
            people.append(ParticipantInput(role.value, name or "", p.agreed))
    if not people and "participants" not in problems.by_field:
        problems.add("participants", "Deelnemers: kies wie er bij de beslissing waren.")
    problems.raise_if_any()
    return {"decided_on": decided_on, "decision": decision}, people


def add_decision(session: Session, actor: Actor, student_id: int, data: DecisionInput) -> int:
    require_student_edit(actor, existing_student(session, student_id))
    values, people = _validated_decision(data)
    decision = KeyDecision(
        student_id=student_id, created_by_id=actor.user_id, updated_by_id=actor.user_id, **values
    )
    decision.participants = [
        DecisionParticipant(role=DecisionRole(p.role), name=p.name or None, agreed=p.agreed)
        for p in people
    ]
    session.add(decision)
    session.flush()
    audit.record(session, actor, "create", "key_decision", decision.id)
    return decision.id


def update_decision(
    session: Session, actor: Actor, decision_id: int, expected_version: int, data: DecisionInput
) -> int:
    decision = session.get(KeyDecision, decision_id)
    if decision is None:
        raise NotFoundError("Deze sleutelbeslissing bestaat niet (meer).")
    require_student_edit(actor, existing_student(session, decision.student_id))
    if decision.version != expected_version:
        raise ConflictError(DECISION_CONFLICT)
    values, people = _validated_decision(data)
    for key, value in values.items():
        setattr(decision, key, value)
    decision.participants = [
        DecisionParticipant(role=DecisionRole(p.role), name=p.name or None, agreed=p.agreed)
        for p in people
    ]
    decision.updated_by_id = actor.user_id
    decision.updated_at = utcnow()  # bumps the version, also when only child rows changed
    session.flush()
    audit.record(session, actor, "update", "key_decision", decision.id)
    return decision.version


def _decisions(session: Session, student_id: int) -> list[DecisionView]:
    rows = session.scalars(
        select(KeyDecision)
        .where(KeyDecision.student_id == student_id)
        .options(selectinload(KeyDecision.participants))
        .order_by(KeyDecision.decided_on.desc(), KeyDecision.id.desc())
    )
    return [
        DecisionView(
            d.id,
            d.version,
            d.decided_on,
            d.decision,
            [ParticipantInput(p.role.value, p.name or "", p.agreed) for p in d.participants],
        )
        for d in rows
    ]


# --- the tab's data ---------------------------------------------------------------------


@dataclass(frozen=True)
class ProfileOverview:
    student_id: int
    student_name: str
    items: list[ItemView]
    history: list[AssessmentSummary]
    newest: AssessmentView | None
    decisions: list[DecisionView]


def profile_overview(session: Session, actor: Actor, student_id: int) -> ProfileOverview:
    """What the Profile tab shows: the newest assessment, the history and the decisions."""
    student = existing_student(session, student_id)
    require_student_access(actor, student)
    history = _history(session, student_id)
    names = _user_names(session, {a.created_by_id for a in history})
    audit.record(session, actor, "view", "profile", student_id)
    return ProfileOverview(
        student_id=student_id,
        student_name=student.full_name,
        items=list_items(session, actor, include_retired=False),
        history=[
            AssessmentSummary(a.id, a.assessed_on, names.get(a.created_by_id or 0, ""))
            for a in history
        ],
        newest=_view(session, history[0]) if history else None,
        decisions=_decisions(session, student_id),
    )


# --- comparing two assessments ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ComparedItem:
    factor: Factor
    label: str
    retired: bool
    old_score: int | None
    new_score: int | None
    old_note: str
    new_note: str

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
    a, b = _assessment(session, first_id), _assessment(session, second_id)
    if a.student_id != b.student_id:
        raise NotFoundError("Deze twee beoordelingen horen niet bij dezelfde leerling.")
    require_student_access(actor, existing_student(session, a.student_id))
    older, newer = sorted((a, b), key=lambda x: (x.assessed_on, x.id))
    old_view, new_view = _view(session, older), _view(session, newer)
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
            )
        )
    texts = [
        ComparedText(
            f"Toelichting {labels.FACTOR[f]}", old_view.factor_texts[f], new_view.factor_texts[f]
        )
        for f in FACTORS
    ]
    texts += [
        ComparedText("Wensbaan", old_view.wish_job, new_view.wish_job),
        ComparedText("Kansbaan", old_view.chance_job, new_view.chance_job),
    ]
    audit.record(session, actor, "view", "profile_comparison", a.student_id)
    return Comparison(
        AssessmentSummary(older.id, older.assessed_on, old_view.assessed_by),
        AssessmentSummary(newer.id, newer.assessed_on, new_view.assessed_by),
        items,
        texts,
    )


# --- the printed one-page profile -------------------------------------------------------


def print_profile(session: Session, actor: Actor, student_id: int) -> bytes:
    """The one-page profile for the student and parents, as PDF; logged as an export."""
    from app.export.profile_pdf import FactorPrint, ProfilePrint, render_profile

    require_export(actor)
    student = existing_student(session, student_id)
    require_student_access(actor, student)
    history = _history(session, student_id)
    school = session.scalars(select(SchoolSettings.name).limit(1)).first() or ""
    newest = _view(session, history[0]) if history else None
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
        wish_job=newest.wish_job if newest else "",
        chance_job=newest.chance_job if newest else "",
        factors=factors,
        decisions=[
            (d.decided_on, d.decision, d.participants_text) for d in _decisions(session, student_id)
        ][:3],
        printed_on=today(),
    )
    pdf = render_profile(data)
    session.add(ExportLog(user_id=actor.user_id, student_id=student_id, what="profiel"))
    audit.record(session, actor, "print", "profile", student_id)
    return pdf


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
