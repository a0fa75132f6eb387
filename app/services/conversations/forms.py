"""A conversation as the dialog types it (text, checked by `validation`), and a stored
conversation turned back into that form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time

from app.core.validation import format_date
from app.models import Conversation, ConversationStatus, ConversationType, ParticipantRole


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


def time_text(moment: datetime) -> str:
    """The time as uu:mm; midnight means no time was given."""
    return "" if moment.time() == time(0, 0) else moment.strftime("%H:%M")


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
