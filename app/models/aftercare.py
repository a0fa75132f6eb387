"""Two years of aftercare: the plan per former student, its calls and what each call found.

A plan is made once the outflow is registered (leaving date and destination). Its calls are
planned at the school's call moments; a call not reached gets a new attempt; a young adult
who refuses help stays on a light "waakvlam" schedule instead of being dropped.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Tracked, str_enum
from app.models.path import Destination


class Still(StrEnum):
    SAME = "zelfde"
    CHANGED = "veranderd"
    DROPPED_OUT = "uitgevallen"
    UNKNOWN = "onbekend"


class CallKind(StrEnum):
    PLANNED = "gepland"
    RETRY = "nieuwe_poging"
    WAAKVLAM = "waakvlam"


class Channel(StrEnum):
    PHONE = "telefoon"
    WHATSAPP = "whatsapp"
    EMAIL = "email"
    VISIT = "huisbezoek"


class CallAction(StrEnum):
    NONE = "geen"
    VANGNET = "vangnet"
    JOB_COACH = "jobcoach"
    CARE = "zorg"


class SignalKind(StrEnum):
    WORK = "werk"
    INCOME = "inkomen"
    HOUSING = "wonen"
    HEALTH = "gezondheid"
    HOME = "thuis"
    JUSTICE = "justitie"
    UNREACHABLE = "onbereikbaar"


class ProposalStatus(StrEnum):
    PROPOSED = "voorgesteld"
    SENT = "verstuurd"
    DECLINED = "afgezien"


class AftercarePlan(Base, Tracked):
    """One former student's aftercare: from the leaving date until two years after it."""

    __tablename__ = "aftercare_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("students.id", ondelete="CASCADE"), unique=True
    )
    outflow_date: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    # Where the student went when the plan was made: the retention figures group by it.
    destination: Mapped[Destination | None] = mapped_column(str_enum(Destination))
    waakvlam: Mapped[bool] = mapped_column(Boolean, default=False)
    waakvlam_since: Mapped[date | None] = mapped_column(Date)
    # The latest call made, kept by the call log so the worklist needs no scan of history.
    last_call_id: Mapped[int | None] = mapped_column(
        ForeignKey("aftercare_calls.id", ondelete="SET NULL")
    )


class AftercareCall(Base, Tracked):
    """One planned call; `made_on` is set once the call is logged."""

    __tablename__ = "aftercare_calls"
    # The worklist reads the open calls by due date: all of them, or one mentor's. The
    # cohort's aftercare flags (calls overdue, drop-outs) come from the indexes alone,
    # without a table page per call (migration 0020).
    __table_args__ = (
        Index("ix_aftercare_calls_open", "made_on", "due_date", "id", "student_id"),
        Index(
            "ix_aftercare_calls_dropped_out",
            "still_at_destination",
            "student_id",
            "made_on",
            "updated_at",
        ),
        Index("ix_aftercare_calls_mentor_open", "mentor_id", "made_on", "due_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("students.id", ondelete="CASCADE"), index=True
    )
    mentor_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    due_date: Mapped[date] = mapped_column(Date, index=True)
    months_after_outflow: Mapped[int | None] = mapped_column()
    kind: Mapped[CallKind] = mapped_column(str_enum(CallKind), default=CallKind.PLANNED)
    made_on: Mapped[date | None] = mapped_column(Date)
    reached: Mapped[bool | None] = mapped_column(Boolean)
    channel: Mapped[str | None] = mapped_column(String(40))
    still_at_destination: Mapped[Still | None] = mapped_column(str_enum(Still))
    # Comma-separated SignalKind values.
    signals: Mapped[str | None] = mapped_column(String(200))
    action: Mapped[str | None] = mapped_column(String(80))
    refused_help: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)


class AftercareSignal(Base, Tracked):
    """A signal raised in aftercare (from a call, or three unreachable attempts in a row)."""

    __tablename__ = "aftercare_signals"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("students.id", ondelete="CASCADE"), index=True
    )
    call_id: Mapped[int | None] = mapped_column(
        ForeignKey("aftercare_calls.id", ondelete="SET NULL")
    )
    kind: Mapped[SignalKind] = mapped_column(str_enum(SignalKind))
    raised_on: Mapped[date] = mapped_column(Date)
    resolved_on: Mapped[date | None] = mapped_column(Date)


class DropoutReportProposal(Base, Tracked):
    """A proposed report to the municipality's safety net (vangnet) after a drop-out.

    Nothing leaves the school from here: sending waits for the consent gate.
    """

    __tablename__ = "dropout_report_proposals"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("students.id", ondelete="CASCADE"), index=True
    )
    call_id: Mapped[int | None] = mapped_column(
        ForeignKey("aftercare_calls.id", ondelete="SET NULL")
    )
    proposed_on: Mapped[date] = mapped_column(Date)
    municipality: Mapped[str | None] = mapped_column(String(80))
    status: Mapped[ProposalStatus] = mapped_column(
        str_enum(ProposalStatus), default=ProposalStatus.PROPOSED
    )
    note: Mapped[str | None] = mapped_column(Text)
