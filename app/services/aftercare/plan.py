"""Two years of aftercare: the call plan, the mentor's worklist and logging a call.

The plan starts when the outflow is registered (a leaving date and a destination): calls at
the school's call moments (default 1, 3, 6, 12, 18 and 24 months after leaving), each
assigned to the student's mentor, ending `aftercare_months` after leaving. `sync_plan` is
idempotent: it is called whenever the leaving date or the destination changes, and moves
only the calls not yet made.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import false, func, select, update
from sqlalchemy.orm import Session, aliased

from app.core.errors import NotFoundError
from app.core.validation import Problems
from app.models import (
    AftercareCall,
    AftercarePlan,
    AftercareSignal,
    CallKind,
    Destination,
    Still,
    Student,
    TransitionPath,
    User,
)
from app.services.admin.retention import add_months
from app.services.aftercare.worklist_rows import (
    OVERDUE,
    THIS_WEEK,
    UPCOMING,
    Worklist,
    WorklistRow,
    call_summary,
)
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.names import full_name
from app.services.common.permissions import (
    require_coordinator,
    require_current_coordinator,
    require_student_edit,
    school_filter,
)
from app.services.common.rows import existing_student as load_student
from app.services.common.school_settings import parse_moments, save_settings, school_settings
from app.services.common.stored_values import StoredValues, as_stored

# A young adult on the waakvlam schedule is contacted lightly, every half year.
WAAKVLAM_EVERY_MONTHS = 6
# Calls due after this week but within this many days show as "upcoming".
UPCOMING_DAYS = 42


# --- the school's call moments -----------------------------------------------------------


def call_moments(session: Session) -> tuple[tuple[int, ...], int]:
    """The call moments (months after leaving) and how long aftercare lasts, in months."""
    settings = school_settings(session)
    months = settings.aftercare_months
    return tuple(m for m in settings.aftercare_call_months if m <= months), months


def call_moments_setting(session: Session, actor: Actor) -> tuple[int, ...]:
    """The call moments as the coordinator sets them in Beheer."""
    require_current_coordinator(session, actor)
    return call_moments(session)[0]


def set_call_moments(session: Session, actor: Actor, value: str) -> tuple[int, ...]:
    """Changes the school's call moments (coordinator only); plans follow on their next sync."""
    require_current_coordinator(session, actor)
    settings = school_settings(session)
    problems = Problems()
    try:
        moments = parse_moments(value)
    except ValueError:
        moments = ()
    limit = settings.aftercare_months
    if not moments or moments[-1] > limit:
        problems.add(
            "aftercare_call_months",
            f"Belmomenten: geef hele maanden tussen 1 en {limit}, gescheiden door komma's.",
        )
    problems.raise_if_any()
    if settings.exists:
        save_settings(session, actor, "call_moments", aftercare_call_months=moments)
    return moments


# --- the plan ------------------------------------------------------------------------------


def leaving_date(student: Student) -> date | None:
    """The actual leaving date once known, before that the planned one."""
    return student.actual_outflow_date or student.planned_outflow_date


def plan_of(session: Session, student_id: int) -> AftercarePlan | None:
    return session.scalars(
        select(AftercarePlan).where(AftercarePlan.student_id == student_id)
    ).first()


def sync_plan(session: Session, actor: Actor, student_id: int) -> AftercarePlan | None:
    """Makes or updates the student's aftercare plan to match the registered outflow.

    Idempotent. Calls already made never change; open calls move with the leaving date;
    without a leaving date or destination the open calls are withdrawn.
    """
    student = load_student(session, student_id)
    require_student_edit(actor, student)
    return resync(session, actor, student)


def resync(session: Session, actor: Actor, student: Student) -> AftercarePlan | None:
    destination = session.scalar(
        select(TransitionPath.destination).where(TransitionPath.student_id == student.id)
    )
    leaving = leaving_date(student)
    plan = plan_of(session, student.id)
    calls = list(
        session.scalars(select(AftercareCall).where(AftercareCall.student_id == student.id))
    )
    open_calls = [c for c in calls if c.made_on is None]
    if leaving is None or destination is None:
        if plan is None:
            return None
        plan_id = plan.id
        for call in open_calls:
            session.delete(call)
        if not any(c.made_on for c in calls):
            session.delete(plan)
            plan = None
        session.flush()
        audit.record(session, actor, "update", "aftercare_plan", plan_id, "withdrawn")
        return plan

    moments, months = call_moments(session)
    changed = False
    if plan is None:
        plan = AftercarePlan(
            student_id=student.id,
            outflow_date=leaving,
            ends_on=add_months(leaving, months),
            destination=destination,
            created_by_id=actor.user_id,
            updated_by_id=actor.user_id,
        )
        session.add(plan)
        changed = True
    elif (plan.outflow_date, plan.ends_on) != (leaving, add_months(leaving, months)):
        plan.outflow_date, plan.ends_on = leaving, add_months(leaving, months)
        plan.updated_by_id = actor.user_id
        changed = True
    if plan.destination != destination and not any(c.made_on for c in calls):
        # Corrected before the first call: the plan keeps the destination at outflow.
        plan.destination = destination
        changed = True

    wanted: dict[int, CallKind] = {m: CallKind.PLANNED for m in moments}
    if plan.waakvlam:
        since = plan.waakvlam_since or leaving
        wanted = {m: k for m, k in wanted.items() if add_months(leaving, m) <= since}
        for m in range(WAAKVLAM_EVERY_MONTHS, months + 1, WAAKVLAM_EVERY_MONTHS):
            if add_months(leaving, m) > since:
                wanted[m] = CallKind.WAAKVLAM
    made = {c.months_after_outflow for c in calls if c.made_on and c.kind is not CallKind.RETRY}
    scheduled = {c.months_after_outflow: c for c in open_calls if c.kind is not CallKind.RETRY}
    for call in scheduled.values():
        if call.months_after_outflow not in wanted or call.months_after_outflow in made:
            session.delete(call)
            changed = True
    for moment, kind in wanted.items():
        if moment in made:
            continue
        due = add_months(leaving, moment)
        call = scheduled.get(moment)
        if call is None:
            session.add(
                AftercareCall(
                    student_id=student.id,
                    mentor_id=student.mentor_id,
                    due_date=due,
                    months_after_outflow=moment,
                    kind=kind,
                    created_by_id=actor.user_id,
                    updated_by_id=actor.user_id,
                )
            )
            changed = True
        elif call.due_date != due or call.kind is not kind:
            call.due_date, call.kind = due, kind
            call.updated_by_id = actor.user_id
            changed = True
    session.flush()
    if changed:
        audit.record(session, actor, "update", "aftercare_plan", plan.id, "plan")
    return plan


def reassign_calls(
    session: Session, actor: Actor, call_ids: list[int], mentor_id: int | None
) -> int:
    """Gives open calls to another mentor (coordinator only); returns how many moved."""
    require_coordinator(actor, "Alleen een uitstroomcoördinator kan nazorgcontacten verdelen.")
    if mentor_id is not None and session.get(User, mentor_id) is None:
        raise NotFoundError("Deze mentor bestaat niet (meer).")
    moved = 0
    for call in session.scalars(select(AftercareCall).where(AftercareCall.id.in_(call_ids))):
        if call.made_on is None and call.mentor_id != mentor_id:
            call.mentor_id = mentor_id
            call.updated_by_id = actor.user_id
            moved += 1
            audit.record(session, actor, "update", "aftercare_call", call.id, "mentor")
    session.flush()
    return moved


def refresh_last_calls(session: Session, actor: Actor) -> None:
    """Points every plan at its latest call made (for calls written around `log_call`:
    the demo's and the bench's bulk inserts); coordinator only."""
    require_coordinator(actor)
    latest = (
        select(AftercareCall.id)
        .where(
            AftercareCall.student_id == AftercarePlan.student_id,
            AftercareCall.made_on.is_not(None),
        )
        .order_by(AftercareCall.made_on.desc(), AftercareCall.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    session.execute(update(AftercarePlan.__table__).values(last_call_id=latest))


# --- the worklist --------------------------------------------------------------------------


def week_end(on: date) -> date:
    """The Sunday of `on`'s week (the week starts on Monday)."""
    return on + timedelta(days=6 - on.weekday())


def _scope(stmt, actor: Actor, mentor_id: int | None):
    """Mentors see the calls assigned to them; others all calls of their schools, or one
    mentor's; the board none. `stmt` has joined `Student`."""
    if actor.is_board:
        return stmt.where(false())
    schools = school_filter(actor)
    if schools is not None:
        stmt = stmt.where(schools)
    if not actor.is_coordinator and actor.may_edit:
        return stmt.where(AftercareCall.mentor_id == actor.user_id)
    if mentor_id is not None:
        return stmt.where(AftercareCall.mentor_id == mentor_id)
    return stmt


def due_count(session: Session, actor: Actor, on: date) -> int:
    """How many of my calls are due: overdue or due this week (shown at start)."""
    if actor.is_board:
        return 0  # no calls to make (and its server login may not read them)
    stmt = select(func.count(AftercareCall.id)).where(
        AftercareCall.made_on.is_(None), AftercareCall.due_date <= week_end(on)
    )
    if school_filter(actor) is not None:
        stmt = stmt.join(Student, Student.id == AftercareCall.student_id)
    return session.scalar(_scope(stmt, actor, None)) or 0


def worklist(session: Session, actor: Actor, on: date, mentor_id: int | None = None) -> Worklist:
    """The open calls for `actor` on `on`: overdue, due this week, upcoming (six weeks)."""
    end = week_end(on)
    horizon = end + timedelta(days=UPCOMING_DAYS)
    last = aliased(AftercareCall)
    stmt = _scope(
        select(
            AftercareCall.id,
            AftercareCall.version,
            AftercareCall.student_id,
            as_stored(AftercareCall.due_date, "due_date"),
            AftercareCall.months_after_outflow,
            as_stored(AftercareCall.kind, "kind"),
            Student.first_name,
            Student.prefix,
            Student.surname,
            Student.phone,
            AftercareCall.mentor_id,
            as_stored(TransitionPath.destination, "destination"),
            TransitionPath.destination_place,
            AftercarePlan.waakvlam,
            as_stored(last.made_on, "last_made_on"),
            last.reached.label("last_reached"),
            as_stored(last.still_at_destination, "last_still"),
            last.note.label("last_note"),
        )
        .join(Student, Student.id == AftercareCall.student_id)
        .outerjoin(TransitionPath, TransitionPath.student_id == AftercareCall.student_id)
        .outerjoin(AftercarePlan, AftercarePlan.student_id == AftercareCall.student_id)
        .outerjoin(last, last.id == AftercarePlan.last_call_id)
        .where(AftercareCall.made_on.is_(None), AftercareCall.due_date <= horizon)
        .order_by(AftercareCall.due_date, AftercareCall.id),
        actor,
        mentor_id,
    )
    # Core, not ORM, execution: plain rows, without the ORM's per-row work.
    found = session.connection().execute(stmt).all()
    names = dict(session.execute(select(User.id, User.display_name)).all())
    signals = dict(
        session.execute(
            select(AftercareSignal.student_id, func.count(AftercareSignal.id))
            .where(AftercareSignal.resolved_on.is_(None))
            .group_by(AftercareSignal.student_id)
        ).all()
    )
    summaries: dict[int, str] = {}
    stored = StoredValues()
    rows = []
    # Unpacked by position: 18 attribute look-ups on each of thousands of result rows cost
    # more than building the list (the coordinator's worklist, issue 19).
    for (
        call_id,
        version,
        student_id,
        due_date,
        months,
        kind,
        first_name,
        prefix,
        surname,
        phone,
        mentor_id,
        destination,
        place,
        waakvlam,
        last_made_on,
        last_reached,
        last_still,
        last_note,
    ) in found:
        due_date = stored.date(due_date)
        bucket = OVERDUE if due_date < on else THIS_WEEK if due_date <= end else UPCOMING
        summary = summaries.get(student_id)
        if summary is None:
            summary = summaries[student_id] = (
                call_summary(
                    stored.date(last_made_on),
                    last_reached,
                    stored.enum(Still, last_still),
                    last_note,
                )
                if last_made_on
                else ""
            )
        rows.append(
            WorklistRow(
                call_id,
                version,
                student_id,
                full_name(first_name, prefix, surname),
                phone or "",
                names.get(mentor_id, ""),
                due_date,
                months,
                stored.enum(CallKind, kind),
                bucket,
                stored.enum(Destination, destination),
                place or "",
                bool(waakvlam),
                signals.get(student_id, 0),
                summary,
            )
        )
    audit.record(session, actor, "view", "aftercare_worklist", None, f"rows={len(rows)}")
    return Worklist(on, rows)
