"""Conversations with the student and parents: recording, changing and reading them.

Mentors record conversations for the students they mentor, coordinators for every student;
read-only users only read. Each read and each change is in the audit trail (ids only).
A conversation has a kind, a status (planned or held), a date, participants, the texts and
the agreements; `app.services.conversations.agreements` follows the agreements up afterwards and
`app.services.conversations.planning` proposes the next conversation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.core.errors import ConflictError, NotFoundError, ValidationError
from app.core.validation import Problems, choice, email, format_date, parse_date, text, today
from app.models import (
    Agreement,
    ConsentAnswer,
    Conversation,
    ConversationStatus,
    ConversationType,
    Guardian,
    Participant,
    ParticipantRole,
    User,
)
from app.models.base import utcnow
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import require_student_access, require_student_edit
from app.services.common.rows import existing_student as student_for
from app.services.common.rows import flush_or_conflict

# A date further away than this is almost always a typing error in the year.
MAX_YEARS_AHEAD = 2
MAX_YEARS_BACK = 10

CONFLICT_MESSAGE = (
    "Iemand anders heeft dit gesprek opgeslagen nadat u het opende. "
    "Uw wijzigingen zijn niet opgeslagen. Open het gesprek opnieuw en voer ze nogmaals in."
)
_TIME_RE = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")


@dataclass
class ParticipantInput:
    name: str = ""
    role: str = ParticipantRole.PARENT.value
    organisation: str = ""
    present: bool = True  # False: invited, but not there
    id: int | None = None


@dataclass
class AgreementInput:
    what: str = ""
    who: str = ""
    due_date: str = ""  # dd-mm-jjjj
    owner_id: int | None = None  # the Koers user who follows it up
    done_on: str = ""  # dd-mm-jjjj; empty while open
    id: int | None = None


@dataclass
class ConversationInput:
    """A conversation as typed in the dialog: text, checked by `create`/`save`."""

    kind: str = ConversationType.ADVIES.value
    status: str = ConversationStatus.HELD.value
    date: str = ""  # dd-mm-jjjj
    time: str = ""  # uu:mm, may stay empty
    place: str = ""
    agenda: str = ""
    summary: str = ""
    advice: str = ""
    decisions: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    consent_asked: bool = False
    consent_municipality: str = ""
    consent_rmc: str = ""
    consent_answered_by: str = ""
    follow_up_of_id: int | None = None
    participants: list[ParticipantInput] = field(default_factory=list)
    agreements: list[AgreementInput] = field(default_factory=list)


@dataclass(frozen=True)
class LinkedConversation:
    id: int
    kind: ConversationType
    status: ConversationStatus
    held_at: datetime
    place: str


@dataclass(frozen=True)
class ConversationFile:
    """One conversation as the dialog shows it, with the version it was read at."""

    id: int
    version: int
    student_id: int
    student_name: str
    input: ConversationInput
    previous: LinkedConversation | None
    next: LinkedConversation | None


@dataclass(frozen=True)
class ConversationRow:
    """A line in the student's list of conversations."""

    id: int
    kind: ConversationType
    status: ConversationStatus
    held_at: datetime
    place: str
    participants: str
    open_agreements: int
    overdue_agreements: int


# --- reading ------------------------------------------------------------------------------


def load(session: Session, conversation_id: int) -> Conversation:
    conversation = session.scalars(
        select(Conversation)
        .options(selectinload(Conversation.participants), selectinload(Conversation.agreements))
        .where(Conversation.id == conversation_id)
    ).first()
    if conversation is None:
        raise NotFoundError("Dit gesprek bestaat niet (meer).")
    return conversation


def time_text(moment: datetime) -> str:
    """The time as uu:mm; midnight means no time was given."""
    return "" if moment.time() == time(0, 0) else moment.strftime("%H:%M")


def list_for_student(session: Session, actor: Actor, student_id: int) -> list[ConversationRow]:
    """The student's conversations, newest first, with their open and overdue agreements."""
    student = student_for(session, student_id)
    require_student_access(actor, student)
    conversations = session.scalars(
        select(Conversation)
        .options(selectinload(Conversation.participants), selectinload(Conversation.agreements))
        .where(Conversation.student_id == student_id)
        .order_by(Conversation.held_at.desc(), Conversation.id.desc())
    ).all()
    now = today()
    rows = []
    for c in conversations:
        still_open = [a for a in c.agreements if a.done_on is None]
        rows.append(
            ConversationRow(
                id=c.id,
                kind=c.kind,
                status=c.status,
                held_at=c.held_at,
                place=c.place or "",
                participants=", ".join(p.name for p in c.participants),
                open_agreements=len(still_open),
                overdue_agreements=sum(1 for a in still_open if a.due_date and a.due_date < now),
            )
        )
    audit.record(session, actor, "view", "student_conversations", student_id)
    return rows


def _linked(c: Conversation | None) -> LinkedConversation | None:
    if c is None:
        return None
    return LinkedConversation(c.id, c.kind, c.status, c.held_at, c.place or "")


def next_conversation(session: Session, conversation: Conversation) -> Conversation | None:
    """The follow-up planned from this one; else the student's next conversation after it."""
    follow_up = session.scalars(
        select(Conversation)
        .where(Conversation.follow_up_of_id == conversation.id)
        .order_by(Conversation.held_at)
        .limit(1)
    ).first()
    if follow_up is not None:
        return follow_up
    return session.scalars(
        select(Conversation)
        .where(
            Conversation.student_id == conversation.student_id,
            Conversation.held_at > conversation.held_at,
            Conversation.id != conversation.id,
        )
        .order_by(Conversation.held_at)
        .limit(1)
    ).first()


def to_input(c: Conversation) -> ConversationInput:
    return ConversationInput(
        kind=c.kind.value,
        status=c.status.value,
        date=format_date(c.held_at.date()),
        time=time_text(c.held_at),
        place=c.place or "",
        agenda=c.agenda or "",
        summary=c.summary or "",
        advice=c.advice or "",
        decisions=c.decisions or "",
        contact_name=c.contact_name or "",
        contact_phone=c.contact_phone or "",
        contact_email=c.contact_email or "",
        consent_asked=c.share_consent_asked,
        consent_municipality=c.consent_municipality.value if c.consent_municipality else "",
        consent_rmc=c.consent_rmc.value if c.consent_rmc else "",
        consent_answered_by=c.consent_answered_by or "",
        follow_up_of_id=c.follow_up_of_id,
        participants=[
            ParticipantInput(p.name, p.role.value, p.organisation or "", p.present, p.id)
            for p in c.participants
        ],
        agreements=[
            AgreementInput(
                a.what,
                a.who,
                format_date(a.due_date),
                a.owner_id,
                format_date(a.done_on),
                a.id,
            )
            for a in c.agreements
        ],
    )


def open_conversation(session: Session, actor: Actor, conversation_id: int) -> ConversationFile:
    """Reads one conversation for `actor`; every read is in the audit trail."""
    c = load(session, conversation_id)
    student = student_for(session, c.student_id)
    require_student_access(actor, student)
    previous = session.get(Conversation, c.follow_up_of_id) if c.follow_up_of_id else None
    audit.record(session, actor, "view", "conversation", c.id)
    return ConversationFile(
        id=c.id,
        version=c.version,
        student_id=c.student_id,
        student_name=student.full_name,
        input=to_input(c),
        previous=_linked(previous),
        next=_linked(next_conversation(session, c)),
    )


def staff_choices(session: Session, actor: Actor) -> list[tuple[int, str]]:
    """The active users an agreement can be assigned to, for the owner list."""
    rows = session.execute(
        select(User.id, User.display_name).where(User.active).order_by(User.display_name)
    )
    return [(row.id, row.display_name) for row in rows]


def school_contact_default(session: Session, actor: Actor, student_id: int) -> ConversationInput:
    """A new conversation's starting values: today, the student and the user as contact."""
    student = student_for(session, student_id)
    require_student_access(actor, student)
    return ConversationInput(
        date=format_date(today()),
        contact_name=actor.display_name,
        participants=[
            ParticipantInput(student.full_name, ParticipantRole.STUDENT.value),
            # The parents are invited to every conversation; untick who did not come.
            *(
                ParticipantInput(g.name, ParticipantRole.PARENT.value)
                for g in session.scalars(
                    select(Guardian).where(Guardian.student_id == student_id).order_by(Guardian.id)
                )
            ),
            ParticipantInput(
                actor.display_name,
                ParticipantRole.COORDINATOR.value
                if actor.is_coordinator
                else ParticipantRole.MENTOR.value,
            ),
        ],
    )


# --- checking -----------------------------------------------------------------------------


def _parse_time(value: str, problems: Problems) -> time | None:
    if not value or not value.strip():
        return time(0, 0)
    match = _TIME_RE.match(value)
    if match:
        hours, minutes = int(match.group(1)), int(match.group(2))
        if hours < 24 and minutes < 60 and (hours, minutes) != (0, 0):
            return time(hours, minutes)
    problems.add(
        "time", f"Tijd: '{value.strip()}' is geen tijd; gebruik uu:mm, bijvoorbeeld 14:30."
    )
    return None


def _validated(session: Session, data: ConversationInput) -> tuple[dict, list[dict], list[dict]]:
    """Checks every field; returns conversation, participant and agreement values, or raises."""
    p = Problems()
    kind = choice(data.kind, ConversationType, "Soort gesprek", "kind", p)
    if kind is None and "kind" not in p.by_field:
        p.add("kind", "Soort gesprek: kies een soort.")
    status = choice(data.status, ConversationStatus, "Status", "status", p)
    status = status or ConversationStatus.HELD
    day = parse_date(data.date, "Datum", "date", p)
    if day is None and "date" not in p.by_field:
        p.add("date", "Datum: dit veld is verplicht.")
    at = _parse_time(data.time, p)
    now = today()
    if day is not None:
        if day > _years_later(now, MAX_YEARS_AHEAD):
            p.add(
                "date",
                f"Datum: {format_date(day)} ligt meer dan {MAX_YEARS_AHEAD} jaar in de toekomst; "
                "controleer het jaartal.",
            )
        elif day < _years_later(now, -MAX_YEARS_BACK):
            p.add(
                "date",
                f"Datum: {format_date(day)} ligt meer dan {MAX_YEARS_BACK} jaar terug; "
                "controleer het jaartal.",
            )
        elif status is ConversationStatus.HELD and day > now:
            p.add(
                "date",
                f"Datum: {format_date(day)} ligt in de toekomst. Een gesprek dat nog moet "
                "komen, slaat u op met de status 'Gepland'.",
            )
    values = {
        "kind": kind,
        "status": status,
        "held_at": datetime.combine(day, at) if day and at else None,
        "place": text(data.place, "Plaats", "place", p, max_length=160),
        "agenda": text(data.agenda, "Vragen en agenda", "agenda", p, max_length=8000),
        "summary": text(data.summary, "Samenvatting", "summary", p, max_length=8000),
        "advice": text(data.advice, "Advies van de school", "advice", p, max_length=8000),
        "decisions": text(data.decisions, "Besluiten", "decisions", p, max_length=8000),
        "contact_name": text(
            data.contact_name, "Contactpersoon school", "contact_name", p, max_length=160
        ),
        "contact_phone": text(
            data.contact_phone, "Telefoon contactpersoon", "contact_phone", p, max_length=40
        ),
        "contact_email": email(data.contact_email, "E-mail contactpersoon", "contact_email", p),
        "share_consent_asked": bool(data.consent_asked),
        "consent_municipality": choice(
            data.consent_municipality,
            ConsentAnswer,
            "Toestemming gemeente",
            "consent_municipality",
            p,
        ),
        "consent_rmc": choice(data.consent_rmc, ConsentAnswer, "Toestemming RMC", "consent_rmc", p),
        "consent_answered_by": text(
            data.consent_answered_by,
            "Toestemming gegeven door",
            "consent_answered_by",
            p,
            max_length=160,
        ),
        "follow_up_of_id": data.follow_up_of_id,
    }
    answered = values["consent_municipality"] or values["consent_rmc"]
    if answered and not data.consent_asked:
        p.add(
            "consent_asked",
            "Toestemmingsvraag: er is een antwoord ingevuld, maar de vraag staat niet als "
            "gesteld aangevinkt.",
        )
    said_yes = ConsentAnswer.YES in (values["consent_municipality"], values["consent_rmc"])
    if said_yes and not values["consent_answered_by"]:
        p.add(
            "consent_answered_by",
            "Toestemming gegeven door: vul in wie ja heeft gezegd (leerling, ouder of verzorger).",
        )
    participants = _validated_participants(data.participants, status, p)
    agreements = _validated_agreements(session, data.agreements, day, p)
    p.raise_if_any()
    return values, participants, agreements


def _validated_participants(
    items: list[ParticipantInput], status: ConversationStatus, p: Problems
) -> list[dict]:
    if not items:
        p.add("participants", "Deelnemers: voeg minstens één deelnemer toe.")
        return []
    result = []
    for n, item in enumerate(items, start=1):
        prefix = f"Deelnemer {n}"
        result.append(
            {
                "id": item.id,
                "name": text(
                    item.name,
                    f"{prefix}, naam",
                    f"participant{n}.name",
                    p,
                    max_length=160,
                    required=True,
                ),
                "role": choice(
                    item.role, ParticipantRole, f"{prefix}, rol", f"participant{n}.role", p
                )
                or ParticipantRole.OTHER,
                "organisation": text(
                    item.organisation,
                    f"{prefix}, organisatie",
                    f"participant{n}.organisation",
                    p,
                    max_length=160,
                ),
                "present": bool(item.present),
            }
        )
    if status is ConversationStatus.HELD and not any(i.present for i in items):
        p.add(
            "participants",
            "Deelnemers: bij een gehouden gesprek is minstens één deelnemer aanwezig.",
        )
    return result


def _validated_agreements(
    session: Session, items: list[AgreementInput], day: date | None, p: Problems
) -> list[dict]:
    result = []
    now = today()
    for n, item in enumerate(items, start=1):
        prefix = f"Afspraak {n}"
        due = parse_date(item.due_date, f"{prefix}, uiterlijk", f"agreement{n}.due_date", p)
        done = parse_date(item.done_on, f"{prefix}, afgerond op", f"agreement{n}.done_on", p)
        if due and day and due < day:
            p.add(
                f"agreement{n}.due_date",
                f"{prefix}, uiterlijk: {format_date(due)} ligt vóór de datum van het gesprek "
                f"({format_date(day)}).",
            )
        if due and due > _years_later(day or now, MAX_YEARS_AHEAD):
            p.add(
                f"agreement{n}.due_date",
                f"{prefix}, uiterlijk: {format_date(due)} ligt te ver vooruit; "
                "controleer het jaartal.",
            )
        if done and done > now:
            p.add(
                f"agreement{n}.done_on",
                f"{prefix}, afgerond op: {format_date(done)} ligt in de toekomst.",
            )
        elif done and day and done < day:
            p.add(
                f"agreement{n}.done_on",
                f"{prefix}, afgerond op: {format_date(done)} ligt vóór de datum van het gesprek.",
            )
        if item.owner_id is not None and session.get(User, item.owner_id) is None:
            p.add(f"agreement{n}.owner_id", f"{prefix}, volgt op: deze gebruiker bestaat niet.")
        result.append(
            {
                "id": item.id,
                "what": text(
                    item.what,
                    f"{prefix}, wat",
                    f"agreement{n}.what",
                    p,
                    max_length=2000,
                    required=True,
                ),
                "who": text(
                    item.who,
                    f"{prefix}, wie",
                    f"agreement{n}.who",
                    p,
                    max_length=160,
                    required=True,
                ),
                "due_date": due,
                "done_on": done,
                "owner_id": item.owner_id,
            }
        )
    return result


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# --- changing -----------------------------------------------------------------------------


def create(session: Session, actor: Actor, student_id: int, data: ConversationInput) -> int:
    """Records a conversation (held or planned) for a student; returns its id."""
    student = student_for(session, student_id)
    require_student_edit(actor, student)
    values, participants, agreements = _validated(session, data)
    _check_follow_up_link(session, values["follow_up_of_id"], student_id, None)
    conversation = Conversation(
        student_id=student_id, created_by_id=actor.user_id, updated_by_id=actor.user_id, **values
    )
    conversation.participants = [
        Participant(**{k: v for k, v in item.items() if k != "id"}) for item in participants
    ]
    conversation.agreements = [
        Agreement(
            created_by_id=actor.user_id,
            updated_by_id=actor.user_id,
            **{k: v for k, v in item.items() if k != "id"},
        )
        for item in agreements
    ]
    session.add(conversation)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "conversation",
        conversation.id,
        f"student={student_id},participants={len(participants)},agreements={len(agreements)}",
    )
    return conversation.id


def _check_follow_up_link(
    session: Session, follow_up_of_id: int | None, student_id: int, own_id: int | None
) -> None:
    if follow_up_of_id is None:
        return
    earlier = session.get(Conversation, follow_up_of_id)
    if earlier is None or earlier.student_id != student_id or earlier.id == own_id:
        raise ValidationError(
            {"follow_up_of_id": "Vervolg op: dat gesprek hoort niet bij deze leerling."}
        )


def save(
    session: Session,
    actor: Actor,
    conversation_id: int,
    expected_version: int,
    data: ConversationInput,
) -> int:
    """Saves changes to a conversation read at `expected_version`; returns the new version."""
    conversation = load(session, conversation_id)
    student = student_for(session, conversation.student_id)
    require_student_edit(actor, student)
    if conversation.version != expected_version:
        raise ConflictError(CONFLICT_MESSAGE)
    values, participants, agreements = _validated(session, data)
    _check_follow_up_link(
        session, values["follow_up_of_id"], conversation.student_id, conversation.id
    )
    changed = [key for key, value in values.items() if getattr(conversation, key) != value]
    for key in changed:
        setattr(conversation, key, values[key])
    changed += _apply_participants(conversation, participants)
    changed += _apply_agreements(actor, conversation, agreements)
    if not changed:
        return conversation.version
    conversation.updated_by_id = actor.user_id
    conversation.updated_at = utcnow()
    flush_or_conflict(session, CONFLICT_MESSAGE)
    audit.record(session, actor, "update", "conversation", conversation.id, ",".join(changed))
    return conversation.version


def _apply_participants(conversation: Conversation, items: list[dict]) -> list[str]:
    existing = {p.id: p for p in conversation.participants}
    kept: list[Participant] = []
    changed: list[str] = []
    for values in items:
        participant = existing.get(values.pop("id"))
        if participant is None:
            participant = Participant(**values)
            changed.append("participant_added")
        else:
            if any(getattr(participant, k) != v for k, v in values.items()):
                changed.append("participant_changed")
            for key, value in values.items():
                setattr(participant, key, value)
        kept.append(participant)
    if set(existing) - {p.id for p in kept if p.id is not None}:
        changed.append("participant_removed")
    conversation.participants = kept
    return sorted(set(changed))


def _apply_agreements(actor: Actor, conversation: Conversation, items: list[dict]) -> list[str]:
    existing = {a.id: a for a in conversation.agreements}
    kept: list[Agreement] = []
    changed: list[str] = []
    for values in items:
        agreement = existing.get(values.pop("id"))
        if agreement is None:
            agreement = Agreement(
                created_by_id=actor.user_id, updated_by_id=actor.user_id, **values
            )
            changed.append("agreement_added")
        elif any(getattr(agreement, k) != v for k, v in values.items()):
            changed.append("agreement_changed")
            for key, value in values.items():
                setattr(agreement, key, value)
            agreement.updated_by_id = actor.user_id
        kept.append(agreement)
    if set(existing) - {a.id for a in kept if a.id is not None}:
        changed.append("agreement_removed")
    conversation.agreements = kept
    return sorted(set(changed))


def delete(session: Session, actor: Actor, conversation_id: int, expected_version: int) -> None:
    """Removes a conversation with its participants and agreements."""
    conversation = load(session, conversation_id)
    student = student_for(session, conversation.student_id)
    require_student_edit(actor, student)
    if conversation.version != expected_version:
        raise ConflictError(CONFLICT_MESSAGE)
    session.delete(conversation)
    session.flush()
    audit.record(session, actor, "delete", "conversation", conversation_id, f"student={student.id}")


@dataclass(frozen=True)
class ConsentAnswers:
    """What was answered to the consent question at one conversation (for the consent area)."""

    conversation_id: int
    held_on: date
    municipality: ConsentAnswer | None
    rmc: ConsentAnswer | None
    answered_by: str


def consent_answers_for(session: Session, student_id: int) -> list[ConsentAnswers]:
    """The student's answers to the consent question, newest first.

    A plain read for other services (the consent records), which check access themselves;
    a "ja" here is what was said, not yet a consent record.
    """
    rows = session.scalars(
        select(Conversation)
        .where(Conversation.student_id == student_id, Conversation.share_consent_asked)
        .order_by(Conversation.held_at.desc())
    )
    return [
        ConsentAnswers(
            c.id,
            c.held_at.date(),
            c.consent_municipality,
            c.consent_rmc,
            c.consent_answered_by or "",
        )
        for c in rows
    ]


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())
