"""Checking a conversation as typed: every field, the participants and the agreements, each
problem in Dutch naming its field; nothing is saved while one remains.

A held conversation has a summary: without one nothing shows that it happened. After the
student left, the school's contact is aftercare (Nazorg); the conversations that belong to
school time (the advice, the first transition conversation at school) are refused then,
while the ones the path plans after leaving (at the municipality, the outflow conversation,
a check-in, at the kitchen table) stay possible.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from sqlalchemy.orm import Session

from app.core.validation import Problems, choice, email, format_date, parse_date, text, today
from app.models import (
    ConsentAnswer,
    ConversationStatus,
    ConversationType,
    ParticipantRole,
    Student,
    User,
)
from app.services.common import labels
from app.services.conversations.forms import AgreementInput, ConversationInput, ParticipantInput

# A date further away than this is almost always a typing error in the year.
MAX_YEARS_AHEAD = 2
MAX_YEARS_BACK = 10
_TIME_RE = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")
# Conversations held at school while the student is there; after leaving, it is aftercare.
SCHOOL_TIME_KINDS = frozenset({ConversationType.ADVIES, ConversationType.TRANSITIE_1})


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


def _after_leaving_message(student: Student, kind: ConversationType, day: date) -> str:
    left = student.actual_outflow_date
    kind_label = labels.label(labels.CONVERSATION_TYPE, kind)
    return (
        f"Datum: {format_date(day)} ligt na het vertrek van {student.full_name} "
        f"({format_date(left)}). Een {kind_label.lower()} hoort bij de schooltijd; contact na "
        "het vertrek is nazorg. Leg het vast als nazorgcontact op het tabblad Nazorg, of kies "
        "een gesprek dat na school past (bijvoorbeeld een transitiegesprek bij de gemeente)."
    )


def validated(
    session: Session, data: ConversationInput, student: Student | None = None
) -> tuple[dict, list[dict], list[dict]]:
    """Checks every field; returns conversation, participant and agreement values, or raises.

    With `student`, also the rule that school-time conversations end when the student left.
    """
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
        elif (
            student is not None
            and student.actual_outflow_date is not None
            and day > student.actual_outflow_date
            and kind in SCHOOL_TIME_KINDS
        ):
            p.add("date", _after_leaving_message(student, kind, day))
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
    if status is ConversationStatus.HELD and not values["summary"] and "summary" not in p.by_field:
        p.add(
            "summary",
            "Samenvatting: schrijf op wat er besproken is. Een gehouden gesprek heeft een "
            "samenvatting; is het gesprek nog niet geweest, kies dan de status 'Gepland'.",
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
