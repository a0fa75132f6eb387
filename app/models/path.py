"""The transition path: phases with a case lead, destination, instruments and events.

The path is a timeline: a fall-back is a new event, never an overwrite of the past.
`TransitionPath` holds the current state so the cohort can show it without a scan.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Tracked, str_enum


class Phase(StrEnum):
    ORIENTATION = "orientatie"
    TRANSITION_INTERNSHIP = "transitiestage"
    OUTFLOW = "uitstroom"
    AFTERCARE = "nazorg"
    CLOSED = "afgesloten"


class Destination(StrEnum):
    REGULAR_WORK = "regulier_werk"
    WORK_BANENAFSPRAAK = "werk_banenafspraak"
    WORK_BBL = "werk_bbl"
    BESCHUT_WERK = "beschut_werk"
    DAGBESTEDING = "dagbesteding"
    TRAINING_ROUTE = "traject"
    ENTREE_MBO = "entree_mbo"
    # Back to secondary school: the PrO monitor counts vmbo as placed and leaves vso and
    # another PrO school out of its denominator, so the three are kept apart.
    VMBO = "vmbo"
    VSO = "vso"
    OTHER_PRO = "andere_pro"
    # Rows from before the split: back to school, but which school is still to be settled.
    SCHOOL_UNSETTLED = "school_onbekend"
    ABROAD = "buitenland"
    BENEFIT = "uitkering"
    NOTHING = "geen_werk_of_studie"
    UNKNOWN = "onbekend"


class NoWorkReason(StrEnum):
    """Why a young person has no work or study: the PrO monitor counts the first three as
    not placed and leaves the others out of its denominator."""

    BEHAVIOUR_MOTIVATION = "gedrag_motivatie"
    DISMISSAL = "ontslag"
    EARLY_SCHOOL_LEAVING = "voortijdig_schoolverlaten"
    ILLNESS = "ziekte"
    CARE = "zorg"
    OTHER = "anders"


class TransitionPath(Base, Tracked):
    __tablename__ = "transition_paths"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("students.id", ondelete="CASCADE"), unique=True
    )
    current_phase: Mapped[Phase] = mapped_column(str_enum(Phase), default=Phase.ORIENTATION)
    destination: Mapped[Destination | None] = mapped_column(str_enum(Destination))
    destination_place: Mapped[str | None] = mapped_column(String(160))
    destination_date: Mapped[date | None] = mapped_column(Date)
    # Only with "no work or study" or "benefit without work": why (see NoWorkReason).
    no_work_reason: Mapped[NoWorkReason | None] = mapped_column(str_enum(NoWorkReason))
    # Why the case was closed although the young person had no place: a copy of the
    # current closed phase's reason, so the cohort can show it without a scan.
    closing_reason: Mapped[str | None] = mapped_column(Text)

    phases: Mapped[list[PathPhase]] = relationship(
        cascade="all, delete-orphan", order_by="PathPhase.start_date"
    )
    events: Mapped[list[PathEvent]] = relationship(
        cascade="all, delete-orphan", order_by="PathEvent.happened_on"
    )
    instruments: Mapped[list[Instrument]] = relationship(cascade="all, delete-orphan")


class PathPhase(Base, Tracked):
    __tablename__ = "path_phases"

    id: Mapped[int] = mapped_column(primary_key=True)
    path_id: Mapped[int] = mapped_column(
        ForeignKey("transition_paths.id", ondelete="CASCADE"), index=True
    )
    phase: Mapped[Phase] = mapped_column(str_enum(Phase))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    lead_name: Mapped[str | None] = mapped_column(String(160))
    lead_organisation: Mapped[str | None] = mapped_column(String(160))
    lead_contact: Mapped[str | None] = mapped_column(String(160))
    # The case lead as a Netwerk contact. The free-text fields above stay: they show what was
    # typed before the link existed (migration 0014 links what matches a contact by name).
    lead_contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation_contacts.id", ondelete="SET NULL")
    )
    lead_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL")
    )
    lead_since: Mapped[date | None] = mapped_column(Date)
    handover_date: Mapped[date | None] = mapped_column(Date)
    handover_note: Mapped[str | None] = mapped_column(Text)
    # A closed phase whose young person has no place says why it was closed anyway.
    closing_reason: Mapped[str | None] = mapped_column(Text)


class PathEventKind(StrEnum):
    DESTINATION_SET = "bestemming"
    FALL_BACK = "terugval"
    NOTE = "notitie"
    PHASE_STARTED = "fase"
    HANDOVER = "overdracht"


class PathEvent(Base, Tracked):
    __tablename__ = "path_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    path_id: Mapped[int] = mapped_column(
        ForeignKey("transition_paths.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[PathEventKind] = mapped_column(str_enum(PathEventKind))
    happened_on: Mapped[date] = mapped_column(Date)
    destination: Mapped[Destination | None] = mapped_column(str_enum(Destination))
    place: Mapped[str | None] = mapped_column(String(160))
    reason: Mapped[str | None] = mapped_column(Text)
    phase: Mapped[Phase | None] = mapped_column(str_enum(Phase))
    # The internship a destination came from (a transition internship that became a job).
    internship_id: Mapped[int | None] = mapped_column(
        ForeignKey("internships.id", ondelete="SET NULL")
    )


class InstrumentKind(StrEnum):
    BANENAFSPRAAK = "banenafspraak"
    NO_RISK = "no_risk"
    WAGE_SUBSIDY = "loonkostensubsidie"
    JOB_COACH = "jobcoach"
    WORKPLACE_ADJUSTMENT = "werkplekaanpassing"
    SECTOR_CERTIFICATE = "branchecertificaat"
    PRACTICE_CERTIFICATE = "praktijkverklaring"


class InstrumentStatus(StrEnum):
    REQUESTED = "aangevraagd"
    GRANTED = "toegekend"
    ACTIVE = "loopt"
    REFUSED = "afgewezen"
    ENDED = "beeindigd"


class Instrument(Base, Tracked):
    __tablename__ = "instruments"

    id: Mapped[int] = mapped_column(primary_key=True)
    path_id: Mapped[int] = mapped_column(
        ForeignKey("transition_paths.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[InstrumentKind] = mapped_column(str_enum(InstrumentKind))
    status: Mapped[InstrumentStatus] = mapped_column(str_enum(InstrumentStatus))
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(String(300))
