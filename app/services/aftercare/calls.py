"""Logging an aftercare call, and what follows from it.

Not reached: a new attempt a week later, and after three unreachable attempts in a row a
signal. A changed place goes on the path timeline (`timeline.set_destination`); a drop-out is a
fall-back there (`timeline.record_fall_back`) and proposes a report to the municipality's safety
net, which is recorded and not sent (that waits for the consent gate). A young adult who
refuses help moves to the light waakvlam schedule instead of being dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from app.core.errors import ConflictError, NotFoundError, PermissionDeniedError
from app.core.validation import Problems, choice, parse_date, text, today
from app.models import (
    AftercareCall,
    AftercareSignal,
    CallAction,
    CallKind,
    Channel,
    Destination,
    DropoutReportProposal,
    SignalKind,
    Still,
    Student,
)
from app.services.aftercare.plan import load_student, plan_of, resync
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import NOT_YOUR_STUDENT, require_edit
from app.services.path import timeline

RETRY_AFTER_DAYS = 7
UNREACHABLE_IN_A_ROW = 3
# Places that are no placement: a "changed" destination must be a real one.
NO_PLACEMENT = (Destination.NOTHING, Destination.UNKNOWN)

CONFLICT = (
    "Dit nazorgcontact is intussen door iemand anders vastgelegd of gewijzigd. "
    "Er is niets opgeslagen; vernieuw de lijst."
)


@dataclass
class CallInput:
    """A logged call as typed in the dialog."""

    made_on: str = ""
    reached: bool = True
    channel: str = Channel.PHONE.value
    still: str = Still.SAME.value
    new_destination: str = ""
    new_place: str = ""
    signals: list[str] = field(default_factory=list)
    action: str = CallAction.NONE.value
    refused_help: bool = False
    note: str = ""


@dataclass(frozen=True)
class CallOutcome:
    call_id: int
    retry_call_id: int | None
    raised: tuple[SignalKind, ...]
    proposal_id: int | None
    waakvlam: bool


def _require_call_edit(actor: Actor, call: AftercareCall, student: Student) -> None:
    """The student's mentor, the mentor the call was given to, or a coordinator."""
    require_edit(actor)
    if actor.is_coordinator or actor.user_id in (student.mentor_id, call.mentor_id):
        return
    raise PermissionDeniedError(NOT_YOUR_STUDENT)


def _validated(data: CallInput, now: date) -> dict:
    p = Problems()
    made_on = parse_date(data.made_on, "Datum", "made_on", p) if data.made_on else now
    if made_on and made_on > now:
        p.add("made_on", "Datum: een contact kan niet in de toekomst liggen.")
    values = {
        "made_on": made_on,
        "channel": choice(data.channel, Channel, "Hoe", "channel", p),
        "note": text(data.note, "Notitie", "note", p, max_length=2000),
        "still": None,
        "new_destination": None,
        "new_place": None,
        "signals": [],
        "action": CallAction.NONE,
        "refused_help": False,
    }
    if values["channel"] is None and "channel" not in p.by_field:
        p.add("channel", "Hoe: kies telefoon, WhatsApp, e-mail of huisbezoek.")
    if data.reached:
        still = choice(data.still, Still, "Nog op de plek", "still", p)
        if still is None and "still" not in p.by_field:
            p.add("still", "Nog op de plek: kies zelfde, veranderd, uitgevallen of onbekend.")
        values["still"] = still
        if still is Still.CHANGED:
            dest = choice(
                data.new_destination, Destination, "Nieuwe bestemming", "new_destination", p
            )
            if dest is None or dest in NO_PLACEMENT:
                p.add(
                    "new_destination",
                    "Nieuwe bestemming: kies de nieuwe plek; zonder plek is het ‘uitgevallen’.",
                )
            values["new_destination"] = dest
            values["new_place"] = text(data.new_place, "Plek", "new_place", p, max_length=160)
        kinds = [choice(s, SignalKind, "Signalen", "signals", p) for s in data.signals]
        values["signals"] = [
            k for k in dict.fromkeys(kinds) if k and k is not SignalKind.UNREACHABLE
        ]
        values["action"] = choice(data.action, CallAction, "Actie", "action", p) or CallAction.NONE
        values["refused_help"] = bool(data.refused_help)
    p.raise_if_any()
    return values


def log_call(
    session: Session,
    actor: Actor,
    call_id: int,
    expected_version: int,
    data: CallInput,
    *,
    on: date | None = None,
) -> CallOutcome:
    """Records what a call found, and what follows from it.

    Not reached: a new attempt a week later, and after three in a row a signal. A changed
    place goes on the path timeline; a drop-out is a fall-back there and proposes a report
    to the municipality's safety net; refusing help moves the plan to the waakvlam schedule.
    """
    now = on or today()
    call = session.get(AftercareCall, call_id)
    if call is None:
        raise NotFoundError("Dit nazorgcontact bestaat niet (meer).")
    student = load_student(session, call.student_id)
    _require_call_edit(actor, call, student)
    if call.version != expected_version or call.made_on is not None:
        raise ConflictError(CONFLICT)
    v = _validated(data, now)
    call.made_on, call.reached, call.channel = v["made_on"], bool(data.reached), v["channel"]
    call.still_at_destination = v["still"]
    call.signals = ",".join(k.value for k in v["signals"]) or None
    call.action = v["action"].value if data.reached else None
    call.refused_help, call.note = v["refused_help"], v["note"]
    call.updated_by_id = actor.user_id
    session.flush()
    audit.record(
        session,
        actor,
        "update",
        "aftercare_call",
        call.id,
        "reached" if data.reached else "unreached",
    )
    plan = plan_of(session, student.id)
    if plan is not None:
        previous = session.get(AftercareCall, plan.last_call_id) if plan.last_call_id else None
        if previous is None or (previous.made_on, previous.id) <= (call.made_on, call.id):
            plan.last_call_id = call.id
    raised: list[SignalKind] = []
    for kind in v["signals"]:
        session.add(_signal(actor, student.id, call.id, kind, call.made_on))
        raised.append(kind)
    retry_id = proposal_id = None
    if data.reached:
        for signal in _open_signals(session, student.id, SignalKind.UNREACHABLE):
            signal.resolved_on = call.made_on
    else:
        if _unreached_in_a_row(session, student.id) >= UNREACHABLE_IN_A_ROW and not _open_signals(
            session, student.id, SignalKind.UNREACHABLE
        ):
            session.add(_signal(actor, student.id, call.id, SignalKind.UNREACHABLE, call.made_on))
            raised.append(SignalKind.UNREACHABLE)
        retry_id = _plan_retry(session, actor, call)

    if v["still"] is Still.CHANGED:
        timeline.set_destination(
            session,
            actor,
            student.id,
            v["new_destination"],
            v["new_place"],
            call.made_on,
            reason="Gemeld in nazorgcontact",
        )
    elif v["still"] is Still.DROPPED_OUT:
        timeline.record_fall_back(
            session, actor, student.id, call.made_on, "Uitgevallen (nazorgcontact)"
        )
        proposal = DropoutReportProposal(
            student_id=student.id,
            call_id=call.id,
            proposed_on=call.made_on,
            municipality=student.municipality,
            created_by_id=actor.user_id,
            updated_by_id=actor.user_id,
        )
        session.add(proposal)
        session.flush()
        proposal_id = proposal.id
        audit.record(session, actor, "create", "dropout_report_proposal", proposal.id)
    waakvlam = False
    if v["refused_help"]:
        plan = plan_of(session, student.id)
        if plan is not None and not plan.waakvlam:
            plan.waakvlam, plan.waakvlam_since = True, call.made_on
            plan.updated_by_id = actor.user_id
            session.flush()
            resync(session, actor, student)
        waakvlam = True
    session.flush()
    return CallOutcome(call.id, retry_id, tuple(raised), proposal_id, waakvlam)


def _signal(actor: Actor, student_id: int, call_id: int, kind: SignalKind, on: date):
    return AftercareSignal(
        student_id=student_id,
        call_id=call_id,
        kind=kind,
        raised_on=on,
        created_by_id=actor.user_id,
        updated_by_id=actor.user_id,
    )


def _open_signals(session: Session, student_id: int, kind: SignalKind) -> list[AftercareSignal]:
    return list(
        session.scalars(
            select(AftercareSignal).where(
                AftercareSignal.student_id == student_id,
                AftercareSignal.kind == kind,
                AftercareSignal.resolved_on.is_(None),
            )
        )
    )


def _unreached_in_a_row(session: Session, student_id: int) -> int:
    """How many of the latest made calls in a row did not reach the former student."""
    count = 0
    for reached in session.scalars(
        select(AftercareCall.reached)
        .where(AftercareCall.student_id == student_id, AftercareCall.made_on.is_not(None))
        .order_by(AftercareCall.made_on.desc(), AftercareCall.id.desc())
    ):
        if reached:
            break
        count += 1
    return count


def _plan_retry(session: Session, actor: Actor, call: AftercareCall) -> int | None:
    """A new attempt a week later, unless another call is due soon anyway."""
    due = call.made_on + timedelta(days=RETRY_AFTER_DAYS)
    soon = session.scalar(
        select(func.count(AftercareCall.id)).where(
            and_(
                AftercareCall.student_id == call.student_id,
                AftercareCall.made_on.is_(None),
                AftercareCall.due_date <= due + timedelta(days=RETRY_AFTER_DAYS),
            )
        )
    )
    plan = plan_of(session, call.student_id)
    if soon or (plan is not None and due > plan.ends_on):
        return None
    retry = AftercareCall(
        student_id=call.student_id,
        mentor_id=call.mentor_id,
        due_date=due,
        months_after_outflow=call.months_after_outflow,
        kind=CallKind.RETRY,
        created_by_id=actor.user_id,
        updated_by_id=actor.user_id,
    )
    session.add(retry)
    session.flush()
    return retry.id
