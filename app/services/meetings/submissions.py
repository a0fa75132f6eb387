"""Putting a student on the agenda: who submits, the question for the table (hulpvraag),
and the consent rule of seed 003 (rules 2 and 3) through the consent gate.

A student with a plan and no question goes straight onto the follow list. A student whose
case was archived is brought back with the new question. Without consent (or a legal basis
the school set for this flow) nothing is written and the refusal names who must agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.dates import age_on
from app.core.errors import ValidationError
from app.core.validation import Problems, format_date, text, today
from app.models import (
    AgendaItem,
    AgendaItemKind,
    Consent,
    ConsentScope,
    FlowDocument,
    ListKind,
    MeetingCase,
    Organisation,
    Student,
)
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import require_student_edit
from app.services.common.rows import existing_student
from app.services.common.school_settings import school_settings
from app.services.consent.gate import may_share
from app.services.consent.givers import givers_missing, join_phrases
from app.services.consent.refusals import refused
from app.services.meetings.closing import list_on
from app.services.meetings.lists import move_to_follow_list
from app.services.meetings.planning import KIND_LABEL, deadline_of, existing_meeting


@dataclass(frozen=True)
class SubmissionInput:
    student_id: int
    question: str = ""
    # Who brings the student in: a partner organisation (None: the school) and the person.
    submitted_by_organisation_id: int | None = None
    submitted_by_name: str = ""
    # A plan exists and there is no question for the table: straight onto the follow list.
    has_plan: bool = False


@dataclass(frozen=True)
class SubmissionResult:
    case_id: int
    item_id: int | None
    list_kind: ListKind
    reopened: bool


def who_must_agree(session: Session, student: Student, on: date) -> str:
    """Seed 003: the young person of 18 or older; a younger one with a parent or guardian;
    and a legal representative for an adult under guardianship. The age limit is the
    school's consent age setting, as for every consent."""
    return join_phrases(_givers(session, student, on))


def _givers(session: Session, student: Student, on: date) -> list[str]:
    nobody = Consent(given_by_student=False, given_on=on)
    return list(givers_missing(nobody, student, school_settings(session).consent_age))


def _check_consent(
    session: Session, actor: Actor, student: Student, host: Organisation | None, on: date
):
    if host is None:
        raise ValidationError(
            {
                "host_organisation_id": "Organiserende partij: kies bij dit overleg eerst voor "
                "welke partij de toestemming geldt (bijvoorbeeld het RMC of de gemeente)."
            }
        )
    decision = may_share(
        session,
        student,
        host,
        ConsentScope.MEETING,
        on,
        document=FlowDocument.MEETING_SUBMISSION,
    )
    if decision.allowed:
        return decision
    age = age_on(student.birth_date, on)
    age_text = f"{age} jaar" if age is not None else "van onbekende leeftijd"
    givers = _givers(session, student, on)
    # "de leerling zelf" alone takes a singular verb: "eerst moet de leerling zelf ...".
    must = "moet" if len(givers) == 1 else "moeten"
    message = (
        f"{student.full_name} kan niet worden aangemeld: {decision.reason} "
        f"{student.first_name} is {age_text}; eerst {must} {join_phrases(givers)} "
        f"akkoord gaan met bespreking in het overleg. Leg die toestemming vast bij Toestemming "
        f"(ontvanger {host.name}, onderdeel 'bespreking in het overleg')."
    )
    raise refused(session, actor, "aanmelding_overleg", student, host, [decision], message)


def submit(
    session: Session,
    actor: Actor,
    meeting_id: int,
    data: SubmissionInput,
    *,
    on: date | None = None,
) -> SubmissionResult:
    """Submits a student for a meeting: one transaction, nothing written when refused."""
    on = on or today()
    meeting = existing_meeting(session, meeting_id)
    student = existing_student(session, data.student_id)
    require_student_edit(actor, student)
    problems = Problems()
    question = text(data.question, "Hulpvraag", "question", problems, max_length=2000)
    by_name = text(
        data.submitted_by_name, "Ingebracht door", "submitted_by_name", problems, max_length=160
    )
    if not data.has_plan and not question:
        problems.add(
            "question",
            "Hulpvraag: formuleer de vraag aan de tafel. Is er al een plan en geen vraag, "
            "kies dan 'Rechtstreeks op de volglijst'.",
        )
    if meeting.minutes_final_on is not None:
        problems.add("meeting", "Dit overleg is al geweest; meld aan voor een volgend overleg.")
    deadline = deadline_of(session, meeting.held_on)
    if on > deadline and not actor.is_coordinator:
        problems.add(
            "meeting",
            f"Aanmelden kon tot en met {format_date(deadline)} (5 werkdagen voor het overleg). "
            "Vraag de uitstroomcoördinator om de leerling alsnog te agenderen.",
        )
    problems.raise_if_any()
    host = (
        session.get(Organisation, meeting.host_organisation_id)
        if meeting.host_organisation_id
        else None
    )
    _check_consent(session, actor, student, host, on)

    case = session.scalars(
        select(MeetingCase).where(
            MeetingCase.student_id == student.id, MeetingCase.kind == meeting.kind
        )
    ).first()
    reopened = False
    if case is None:
        case = MeetingCase(
            student_id=student.id,
            kind=meeting.kind,
            registered_on=on,
            created_by_id=actor.user_id,
        )
        session.add(case)
    elif list_on(case.list_kind, case.follow_until, on) is ListKind.ARCHIVED:
        # Brought back with a new question: a new registration, so a new follow period.
        case.registered_on, case.archived_on, case.follow_until = on, None, None
        reopened = True
    else:
        already = session.scalars(
            select(AgendaItem.id).where(
                AgendaItem.meeting_id == meeting.id, AgendaItem.case_id == case.id
            )
        ).first()
        if already is not None:
            raise ValidationError(
                {
                    "student_id": f"{student.full_name} staat al op de agenda van dit "
                    f"{KIND_LABEL[meeting.kind].lower()}."
                }
            )
    case.updated_by_id = actor.user_id
    item_id = None
    if data.has_plan and not question:
        move_to_follow_list(case, on)
        session.flush()
    else:
        case.list_kind, case.question = ListKind.ACTIVE, question
        session.flush()
        item = AgendaItem(
            meeting_id=meeting.id,
            case_id=case.id,
            student_id=student.id,
            item_kind=AgendaItemKind.SUBMISSION,
            question=question,
            submitted_on=on,
            submitted_by_organisation_id=data.submitted_by_organisation_id,
            submitted_by_name=by_name or actor.display_name,
            submitted_by_user_id=actor.user_id,
            created_by_id=actor.user_id,
            updated_by_id=actor.user_id,
        )
        session.add(item)
        session.flush()
        item_id = item.id
    audit.record(
        session,
        actor,
        "create",
        "meeting_submission",
        student.id,
        f"overleg={meeting.id};casus={case.id};lijst={case.list_kind.value}"
        + (";heropend" if reopened else ""),
    )
    return SubmissionResult(case.id, item_id, case.list_kind, reopened)


def withdraw_submission(session: Session, actor: Actor, item_id: int) -> None:
    """Takes a submission off the agenda before the meeting (a new case is removed too)."""
    item = session.get(AgendaItem, item_id)
    if item is None:
        return
    student = existing_student(session, item.student_id)
    require_student_edit(actor, student)
    case = session.get(MeetingCase, item.case_id)
    session.delete(item)
    session.flush()
    others = session.scalars(select(AgendaItem.id).where(AgendaItem.case_id == case.id)).first()
    if others is None and not case.actions:
        session.delete(case)
    session.flush()
    audit.record(session, actor, "delete", "meeting_submission", student.id, f"item={item_id}")
