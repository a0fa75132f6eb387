"""Partner organisations, their contact persons, the consent to share a student's
information with them, and the basis the school set per data flow."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Boolean, Date, ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Tracked, str_enum


class OrganisationKind(StrEnum):
    MUNICIPALITY = "gemeente"
    RMC = "rmc"
    UWV = "uwv"
    CARE = "zorg"
    EDUCATION = "onderwijs"
    OTHER = "anders"


class Organisation(Base, Tracked):
    """A partner. `code` is the short code used everywhere (a municipality's CBS code where
    known); `cbs_code` is only ever filled from a CBS table or by hand, never guessed."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(160))
    # The second name: an RMC region is called "Doorstroompunt" since May 2023.
    alt_name: Mapped[str | None] = mapped_column(String(160))
    kind: Mapped[OrganisationKind] = mapped_column(str_enum(OrganisationKind))
    cbs_code: Mapped[str | None] = mapped_column(String(6), unique=True)
    # A municipality's RMC region (another organisation of kind RMC).
    rmc_region_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    contact_name: Mapped[str | None] = mapped_column(String(160))
    contact_email: Mapped[str | None] = mapped_column(String(200))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    contacts: Mapped[list[OrganisationContact]] = relationship(
        cascade="all, delete-orphan", order_by="OrganisationContact.id"
    )


class OrganisationContact(Base, Tracked):
    """A person to call at a partner, with the role they hold there."""

    __tablename__ = "organisation_contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(160))
    role: Mapped[str | None] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))


class ConsentScope(StrEnum):
    """What may be shared; a consent names a set of these."""

    PROFILE = "profiel"
    INTERNSHIPS = "stages"
    CONVERSATIONS = "gesprekken"
    PATH = "traject"
    AFTERCARE = "nazorg"
    # Being put on the agenda of an uitstroomoverleg or actietafel (seed 003, rules 2-3).
    MEETING = "overleg"


class ConsentForm(StrEnum):
    PAPER = "papier"  # signed form, scanned as a PDF attachment
    VERBAL = "mondeling"  # with a witness
    DIGITAL = "digitaal"


class Consent(Base, Tracked):
    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("students.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    scopes: Mapped[str] = mapped_column(String(200))  # comma-separated ConsentScope values
    given_by_student: Mapped[bool] = mapped_column(default=False)
    given_by_guardian: Mapped[str | None] = mapped_column(String(160))
    given_by_representative: Mapped[str | None] = mapped_column(String(160))
    given_on: Mapped[date] = mapped_column(Date)
    form: Mapped[ConsentForm] = mapped_column(str_enum(ConsentForm))
    witness: Mapped[str | None] = mapped_column(String(160))
    attachment: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    attachment_name: Mapped[str | None] = mapped_column(String(200))
    valid_until: Mapped[date | None] = mapped_column(Date)
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    withdrawn_by: Mapped[str | None] = mapped_column(String(160))
    # The conversation where it was given, if any.
    conversation_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="SET NULL"), index=True
    )
    note: Mapped[str | None] = mapped_column(Text)

    @property
    def scope_set(self) -> frozenset[ConsentScope]:
        # An unknown name (typed in by hand, or from a later version) never grants anything.
        known = {s.value for s in ConsentScope}
        return frozenset(ConsentScope(s) for s in (self.scopes or "").split(",") if s in known)


class FlowDocument(StrEnum):
    """What leaves the school."""

    TRANSITION_REPORT = "overdrachtsdossier"
    LEAVERS_LIST = "vertrekkerslijst"
    MEETING_SUBMISSION = "aanmelding_overleg"


class Basis(StrEnum):
    CONSENT = "toestemming"
    LEGAL = "wettelijke_grondslag"


class DataFlow(Base, Tracked):
    """The basis the school set for one document to one kind of recipient.

    Without a row the basis is consent. A legal basis names its article and the scopes
    it covers.
    """

    __tablename__ = "data_flows"
    __table_args__ = (UniqueConstraint("document", "recipient_kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document: Mapped[FlowDocument] = mapped_column(str_enum(FlowDocument))
    recipient_kind: Mapped[OrganisationKind] = mapped_column(str_enum(OrganisationKind))
    basis: Mapped[Basis] = mapped_column(str_enum(Basis), default=Basis.CONSENT)
    article: Mapped[str | None] = mapped_column(String(200))
    scopes: Mapped[str] = mapped_column(String(200), default="")
