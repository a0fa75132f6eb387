"""The conversation report for the parents: its data, and printing or saving it (logged).

Who may print it: coordinators for every student, and mentors for the students they mentor.
Unlike exports to partners (coordinator only, `require_export`), this report goes to the
parents who took part in the conversation, not to a third party, and the mentor is often
the one who held the conversation. Read-only users may not print it. Every print and every
saved PDF is written to the export log and the audit trail; a preview alone is a view.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import KoersError
from app.core.files import write_atomic
from app.core.validation import today
from app.export import parent_report as report_writer
from app.export.parent_report import (
    ParentReportData,
    ReportAgreement,
    ReportNextConversation,
    ReportParticipant,
)
from app.models import ConversationStatus, Guardian
from app.services.common import audit, labels
from app.services.common.actor import Actor
from app.services.common.export_log import log_file_export
from app.services.common.file_names import file_name
from app.services.common.permissions import require_edit, require_student_access
from app.services.common.rows import existing_student as student_for
from app.services.common.school_settings import school_settings
from app.services.conversations.forms import time_text
from app.services.conversations.people import people, who_text
from app.services.conversations.reading import load, next_conversation

WHAT = "oudergespreksverslag"
BASIS = "verslag voor de ouders of verzorgers die bij het gesprek waren"
PLANNED_MESSAGE = "Dit gesprek is nog gepland. Een verslag kan pas als het gesprek is gehouden."


@dataclass(frozen=True)
class ParentReportFile:
    filename: str
    pdf: bytes


def _check(session: Session, actor: Actor, conversation_id: int):
    conversation = load(session, conversation_id)
    student = student_for(session, conversation.student_id)
    require_edit(actor)
    require_student_access(actor, student)
    if conversation.status is ConversationStatus.PLANNED:
        raise KoersError(PLANNED_MESSAGE)
    return conversation, student


def report_data(session: Session, actor: Actor, conversation_id: int) -> ParentReportData:
    """The plain data the report is built from (checked and audited as a view)."""
    c, student = _check(session, actor, conversation_id)
    school = school_settings(session)
    nxt = next_conversation(session, c)
    guardians = session.scalars(select(Guardian).where(Guardian.student_id == student.id))
    persons = people(c.participants, student, guardians)
    audit.record(session, actor, "view", "parent_report", c.id)
    return ParentReportData(
        school_name=school.name,
        student_name=student.full_name,
        kind=labels.label(labels.CONVERSATION_TYPE, c.kind),
        on=c.held_at.date(),
        time=time_text(c.held_at),
        place=c.place or "",
        participants=[
            ReportParticipant(p.name, person.role_text, p.organisation or "", p.present)
            for p, person in zip(c.participants, persons, strict=True)
        ],
        agenda=c.agenda or "",
        summary=c.summary or "",
        advice=c.advice or "",
        decisions=c.decisions or "",
        agreements=[
            ReportAgreement(who_text(a.who, persons, student), a.what, a.due_date, a.done_on)
            for a in c.agreements
        ],
        next=ReportNextConversation(
            nxt.held_at.date(),
            time_text(nxt.held_at),
            labels.label(labels.CONVERSATION_TYPE, nxt.kind),
            nxt.place or "",
        )
        if nxt is not None
        else None,
        contact_name=c.contact_name or "",
        contact_phone=c.contact_phone or "",
        contact_email=c.contact_email or "",
        consent_asked=c.share_consent_asked,
        consent_municipality=labels.label(labels.CONSENT_ANSWER, c.consent_municipality),
        consent_rmc=labels.label(labels.CONSENT_ANSWER, c.consent_rmc),
        printed_on=today(),
    )


def _filename(data: ParentReportData) -> str:
    return file_name("gespreksverslag", data.student_name, data.on)


def report_pdf(session: Session, actor: Actor, conversation_id: int) -> ParentReportFile:
    """The report as PDF bytes, for the preview and the printer."""
    data = report_data(session, actor, conversation_id)
    return ParentReportFile(_filename(data), report_writer.render(data))


def _log(session: Session, actor: Actor, conversation_id: int, how: str) -> None:
    c = load(session, conversation_id)
    log_file_export(
        session,
        actor,
        WHAT,
        student_id=c.student_id,
        scopes=how,
        basis=BASIS,
        entity="conversation",
        entity_id=c.id,
        detail=f"{WHAT}:{how}",
    )


def record_printed(session: Session, actor: Actor, conversation_id: int) -> None:
    """Logs that the report went to a printer (called once the print job was made)."""
    _check(session, actor, conversation_id)
    _log(session, actor, conversation_id, "afgedrukt")


def save_parent_report(session: Session, actor: Actor, conversation_id: int, path: Path) -> Path:
    """Writes the report as a PDF file (atomically) and logs it."""
    report = report_pdf(session, actor, conversation_id)
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(".pdf")
    write_atomic(target, report.pdf)
    _log(session, actor, conversation_id, "opgeslagen als pdf")
    return target
