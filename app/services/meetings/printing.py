"""Printing the meeting's papers: the agenda (for a participant without a signed
declaration, without names: initials and year of birth), the minutes with the action list,
and the confidentiality declaration. Each print is in the export log and the audit trail."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from app.core.files import write_atomic
from app.core.validation import format_date, today
from app.export.meeting_pdf import (
    DeclarationForm,
    MeetingPaper,
    PaperAction,
    PaperCase,
    render_agenda,
    render_declaration,
    render_minutes,
)
from app.models import ConsentScope, FlowDocument, ListKind, MeetingParticipant, Organisation
from app.services.common.actor import Actor
from app.services.common.export_log import log_file_export
from app.services.common.permissions import require_export
from app.services.common.rows import existing_student
from app.services.consent.gate import ShareCheck, may_share
from app.services.consent.sending import log_export, sender_name
from app.services.meetings.agenda import Agenda, AgendaCase, compose_agenda
from app.services.meetings.planning import KIND_LABEL

LIST_LABEL = {
    ListKind.ACTIVE: "Actieve lijst",
    ListKind.FOLLOW: "Volglijst",
    ListKind.ARCHIVED: "Gearchiveerd",
}


def _case(case: AgendaCase, on: date, *, anonymous: bool, minutes: bool) -> PaperCase:
    if anonymous:
        born = f", geboren {case.birth_year}" if case.birth_year else ""
        name = f"{case.initials}{born}"
    else:
        name = f"{case.student_name} ({case.class_name})" if case.class_name else case.student_name
    actions = case.actions if minutes else case.open_actions()
    return PaperCase(
        name=name,
        question=case.question,
        submitted_by=case.submitted_by,
        lead=case.lead,
        note=case.note,
        list_label=LIST_LABEL.get(case.decided_list or case.list_kind, ""),
        actions=[
            PaperAction(
                what=a.what,
                owner=a.owner_name,
                due=format_date(a.due_date) or "—",
                done=format_date(a.done_on),
                overdue=a.overdue_on(on),
            )
            for a in actions
        ],
    )


def meeting_paper(
    session: Session, agenda: Agenda, *, anonymous: bool, minutes: bool
) -> MeetingPaper:
    view = agenda.meeting
    # Overdue as of today for a meeting still to come; as of its day for one held.
    on = min(agenda.held_on, today())
    facts = [
        ("Datum", f"{format_date(view.row.held_on)} {view.row.starts_at}".strip()),
        ("Plaats", view.row.place or "—"),
        ("Voorzitter", view.chair or "—"),
        ("Notulist", view.secretary or "—"),
    ]
    if not minutes:
        facts.append(("Aanmelden tot en met", format_date(view.row.deadline)))

    def cases(rows):
        return [_case(c, on, anonymous=anonymous, minutes=minutes) for c in rows]

    return MeetingPaper(
        school=sender_name(session),
        title=f"{KIND_LABEL[view.row.kind]} {format_date(view.row.held_on)}",
        facts=facts,
        participants=[p.label for p in view.participants],
        submissions=cases(agenda.submissions),
        running=cases(agenda.running),
        follow_review=cases(agenda.follow_review),
        bottlenecks=[(b.category, b.description, b.approach) for b in agenda.bottlenecks],
        anonymous=anonymous,
        minutes=view.minutes,
    )


def _log(session: Session, actor: Actor, what: str, agenda: Agenda, organisation_id) -> None:
    """One export-log line per student on the paper, with the meeting consent it rests on
    (the submission was checked against it; the log says which consent that was)."""
    recipient = session.get(Organisation, organisation_id) if organisation_id else None
    for case in agenda.cases:
        check = None
        if recipient is not None:
            decision = may_share(
                session,
                existing_student(session, case.student_id),
                recipient,
                ConsentScope.MEETING,
                today(),
                document=FlowDocument.MEETING_SUBMISSION,
            )
            check = ShareCheck({ConsentScope.MEETING: decision})
        scopes = frozenset({ConsentScope.MEETING}) if check else frozenset()
        log_export(session, actor, what, case.student_id, organisation_id, check, scopes)


def print_agenda(
    session: Session,
    actor: Actor,
    meeting_id: int,
    out_path: str | Path,
    participant_id: int | None = None,
) -> Path:
    """The agenda for everyone who signed, or for one participant (without names when that
    participant has not signed the declaration for this meeting)."""
    require_export(actor)
    agenda = compose_agenda(session, actor, meeting_id)
    anonymous, organisation_id = False, agenda.meeting.host_organisation_id
    if participant_id is not None:
        participant = session.get(MeetingParticipant, participant_id)
        anonymous = participant is None or participant.declaration_signed_on is None
        organisation_id = participant.organisation_id if participant else organisation_id
    pdf = render_agenda(meeting_paper(session, agenda, anonymous=anonymous, minutes=False))
    _log(
        session,
        actor,
        "agenda overleg" + (" (zonder namen)" if anonymous else ""),
        agenda,
        organisation_id,
    )
    target = Path(out_path)
    write_atomic(target, pdf)
    return target


def print_minutes(session: Session, actor: Actor, meeting_id: int, out_path: str | Path) -> Path:
    """Minutes and action list as one PDF."""
    require_export(actor)
    agenda = compose_agenda(session, actor, meeting_id)
    pdf = render_minutes(meeting_paper(session, agenda, anonymous=False, minutes=True))
    _log(session, actor, "verslag overleg", agenda, agenda.meeting.host_organisation_id)
    target = Path(out_path)
    write_atomic(target, pdf)
    return target


def print_declaration(
    session: Session, actor: Actor, meeting_id: int, out_path: str | Path
) -> Path:
    """The confidentiality declaration with the five points, one line per participant."""
    require_export(actor)
    agenda = compose_agenda(session, actor, meeting_id, record_view=False)
    view = agenda.meeting
    pdf = render_declaration(
        DeclarationForm(
            school=sender_name(session),
            title=f"{KIND_LABEL[view.row.kind]} {format_date(view.row.held_on)}",
            date_text=format_date(view.row.held_on),
            participants=[p.label for p in view.participants],
        )
    )
    # No student on it, but the partners' names are: logged against the meeting.
    log_file_export(
        session,
        actor,
        "geheimhoudingsverklaring overleg",
        organisation_id=view.host_organisation_id,
        entity="meeting",
        entity_id=meeting_id,
        detail=f"geheimhoudingsverklaring;meeting={meeting_id}",
    )
    target = Path(out_path)
    write_atomic(target, pdf)
    return target
