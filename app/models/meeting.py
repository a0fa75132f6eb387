"""The outflow meeting (uitstroomoverleg / actietafel) with partners: meetings, who sits at
the table, the cases (casussen) on the active and follow lists, what is submitted and decided
per meeting, the actions, general bottlenecks and escalations."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Tracked, str_enum


class MeetingKind(StrEnum):
    # The school's own meeting, three times a year; the school chairs or keeps the minutes.
    UITSTROOMOVERLEG = "uitstroomoverleg"
    # The municipality's table, five or six times a year; the school is one partner.
    ACTIETAFEL = "actietafel"


class ListKind(StrEnum):
    ACTIVE = "actief"
    FOLLOW = "volglijst"
    ARCHIVED = "gearchiveerd"


class AgendaItemKind(StrEnum):
    SUBMISSION = "aanmelding"  # a new question for the table
    REVIEW = "voortgang"  # a running case discussed again


class OutflowMeeting(Base, Tracked):
    __tablename__ = "outflow_meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[MeetingKind] = mapped_column(
        str_enum(MeetingKind), default=MeetingKind.UITSTROOMOVERLEG
    )
    held_on: Mapped[date] = mapped_column(Date, index=True)
    starts_at: Mapped[str | None] = mapped_column(String(5))  # "14:00"
    place: Mapped[str | None] = mapped_column(String(160))
    # The organisation the consent for discussing a student at this table is registered to
    # (for an actietafel the municipality that runs it, for an uitstroomoverleg the RMC).
    host_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL")
    )
    chair_contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation_contacts.id", ondelete="SET NULL")
    )
    secretary_contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation_contacts.id", ondelete="SET NULL")
    )
    # The general part of the minutes (opening, announcements); per case see AgendaItem.note.
    minutes: Mapped[str | None] = mapped_column(Text)
    # Set when the minutes are final: the meeting was held.
    minutes_final_on: Mapped[date | None] = mapped_column(Date)

    participants: Mapped[list[MeetingParticipant]] = relationship(
        cascade="all, delete-orphan", order_by="MeetingParticipant.id"
    )
    items: Mapped[list[AgendaItem]] = relationship(
        cascade="all, delete-orphan", order_by="AgendaItem.id"
    )
    bottlenecks: Mapped[list[Bottleneck]] = relationship(
        cascade="all, delete-orphan", order_by="Bottleneck.id"
    )


class MeetingParticipant(Base, Tracked):
    """A partner at the table, with the confidentiality declaration signed for this meeting."""

    __tablename__ = "meeting_participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("outflow_meetings.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation_contacts.id", ondelete="SET NULL")
    )
    declaration_signed_on: Mapped[date | None] = mapped_column(Date)


class MeetingCase(Base, Tracked):
    """One young person's case at one kind of table: on the active list, the follow list
    or archived. Reopening an archived case keeps the row and starts a new registration."""

    __tablename__ = "meeting_cases"
    __table_args__ = (
        UniqueConstraint("student_id", "kind"),
        Index("ix_meeting_cases_kind_list", "kind", "list_kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("students.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[MeetingKind] = mapped_column(str_enum(MeetingKind))
    list_kind: Mapped[ListKind] = mapped_column(str_enum(ListKind), default=ListKind.ACTIVE)
    # The day of the (latest) registration: the follow list runs until 1 October of the
    # year after its year.
    registered_on: Mapped[date] = mapped_column(Date)
    question: Mapped[str | None] = mapped_column(Text)
    # Set when the case moved to the follow list; archived on `follow_until` + 1 day.
    follow_until: Mapped[date | None] = mapped_column(Date)
    archived_on: Mapped[date | None] = mapped_column(Date)
    # The one case lead (regievoerder) chosen at the table: an organisation and a contact.
    lead_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL")
    )
    lead_contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation_contacts.id", ondelete="SET NULL")
    )
    lead_since: Mapped[date | None] = mapped_column(Date)
    last_discussed_on: Mapped[date | None] = mapped_column(Date)

    actions: Mapped[list[MeetingAction]] = relationship(
        cascade="all, delete-orphan", order_by="MeetingAction.id"
    )
    escalations: Mapped[list[Escalation]] = relationship(
        cascade="all, delete-orphan", order_by="Escalation.id"
    )


class AgendaItem(Base, Tracked):
    """A case at one meeting: a submission (with the question for the table) or a review,
    and what was recorded there."""

    __tablename__ = "meeting_agenda_items"
    __table_args__ = (UniqueConstraint("meeting_id", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("outflow_meetings.id", ondelete="CASCADE"), index=True
    )
    case_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_cases.id", ondelete="CASCADE"), index=True
    )
    student_id: Mapped[int] = mapped_column(
        ForeignKey("students.id", ondelete="CASCADE"), index=True
    )
    item_kind: Mapped[AgendaItemKind] = mapped_column(
        str_enum(AgendaItemKind), default=AgendaItemKind.SUBMISSION
    )
    question: Mapped[str | None] = mapped_column(Text)
    submitted_on: Mapped[date | None] = mapped_column(Date)
    submitted_by_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL")
    )
    submitted_by_name: Mapped[str | None] = mapped_column(String(160))
    submitted_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    # Recorded at the meeting.
    note: Mapped[str | None] = mapped_column(Text)
    decided_list: Mapped[ListKind | None] = mapped_column(str_enum(ListKind))
    discussed: Mapped[bool] = mapped_column(Boolean, default=False)


class MeetingAction(Base, Tracked):
    """What someone does for a case before a date. The owner is a school user (a mentor
    sees the actions he or she owns) or a partner's contact."""

    __tablename__ = "meeting_actions"
    __table_args__ = (Index("ix_meeting_actions_open", "case_id", "done_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_cases.id", ondelete="CASCADE"), index=True
    )
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("outflow_meetings.id", ondelete="SET NULL"), index=True
    )
    what: Mapped[str] = mapped_column(Text)
    owner_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    owner_contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation_contacts.id", ondelete="SET NULL"), index=True
    )
    # The owner's name as recorded, kept when a user or contact is removed later.
    owner_name: Mapped[str] = mapped_column(String(160))
    due_date: Mapped[date | None] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)


class BottleneckCategory(Base, Tracked):
    """A kind of general bottleneck; the school extends the list, retired ones stay counted."""

    __tablename__ = "bottleneck_categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Bottleneck(Base, Tracked):
    """A general bottleneck raised at a meeting, after the cases and apart from them."""

    __tablename__ = "meeting_bottlenecks"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("outflow_meetings.id", ondelete="CASCADE"), index=True
    )
    category_id: Mapped[int] = mapped_column(
        ForeignKey("bottleneck_categories.id", ondelete="RESTRICT"), index=True
    )
    description: Mapped[str] = mapped_column(Text)
    approach: Mapped[str | None] = mapped_column(Text)


class EscalationRoute(StrEnum):
    # A VO/VSO student: the case lead calls in the samenwerkingsverband's coordinator.
    SWV_COORDINATOR = "coordinator_swv"
    # Anyone else: the case lead's own manager.
    LEAD_MANAGER = "leidinggevende"


class Escalation(Base, Tracked):
    """A stalled case taken up a level, as seed 003 says: to whom, when and why."""

    __tablename__ = "meeting_escalations"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_cases.id", ondelete="CASCADE"), index=True
    )
    route: Mapped[EscalationRoute] = mapped_column(str_enum(EscalationRoute))
    escalated_on: Mapped[date] = mapped_column(Date)
    to_name: Mapped[str] = mapped_column(String(160))
    reason: Mapped[str] = mapped_column(Text)


class SchoolFreeDay(Base, Tracked):
    """A day the school is closed besides weekends and public holidays (study day, a
    holiday bridge day): it is no working day for a submission deadline."""

    __tablename__ = "school_free_days"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    label: Mapped[str | None] = mapped_column(String(120))
