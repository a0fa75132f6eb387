"""What every step of the story works with: the school's partners at the table, the two
mentors, and the help the steps share (an import, a consent, the garage)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import clock
from app.core.validation import format_date
from app.demo import stories
from app.demo.employers import Network
from app.demo.year import calendar as cast
from app.demo.year.cohorts import Cohort, Pupil, Role
from app.models import (
    Employer,
    Internship,
    Organisation,
    OrganisationContact,
    OrganisationKind,
    Student,
    User,
)
from app.models import Role as UserRole
from app.services.common.actor import Actor
from app.services.consent.register import ConsentInput, record_consent
from app.services.internships import employers
from app.services.las_import import csv_mappings
from app.services.las_import.importer import apply_import
from app.services.las_import.source import ImportSource
from app.services.path.overview import path_view
from app.services.path.phases import PhaseInput, add_phase, update_phase

# The scan of a signed paper consent form: the demo's stands in for the real one.
SIGNED_FORM = b"%PDF-1.4\n% demo: getekend toestemmingsformulier\n"


@dataclass
class Partners:
    """The organisations at the story's table: the RMC (host, with its consultant) and a
    municipality (with its klantmanager)."""

    rmc: int
    consultant: int
    municipality: int
    klantmanager: int

    @classmethod
    def of(cls, session: Session) -> Partners | None:
        def first(kind: OrganisationKind) -> tuple[int, int] | None:
            row = session.execute(
                select(Organisation.id, OrganisationContact.id)
                .join(OrganisationContact, OrganisationContact.organisation_id == Organisation.id)
                .where(Organisation.kind == kind)
                .order_by(Organisation.id, OrganisationContact.id)
                .limit(1)
            ).first()
            return (row[0], row[1]) if row else None

        rmc, municipality = first(OrganisationKind.RMC), first(OrganisationKind.MUNICIPALITY)
        if rmc is None or municipality is None:
            return None
        return cls(rmc[0], rmc[1], municipality[0], municipality[1])


class StoryBase:
    """The school the story runs in, and the help its steps share."""

    def __init__(
        self,
        session: Session,
        coordinator: Actor,
        mentors: tuple[Actor, Actor],
        partners: Partners,
        network: Network | None,
        folder: Path,
    ) -> None:
        self.session = session
        self.coordinator = coordinator
        self.mentors = mentors
        self.partners = partners
        self.network = network
        self.folder = folder
        self.garage = 0

    def _import(self, kind: str, data: bytes, name: str) -> None:
        """As `import auto FILE` does it: a CSV's columns as the school's mapping (or the
        suggested one) reads them."""
        mapping = None
        if kind == "csv":
            headers, _encoding, _delimiter = csv_mappings.csv_headers(data, name)
            mapping = csv_mappings.load_mapping(
                self.session, self.coordinator, csv_mappings.STANDARD_MAPPING, headers
            )
        apply_import(self.session, self.coordinator, ImportSource(kind, data, name, mapping))

    def _ids(self, c: Cohort) -> None:
        keys = {p.person.key: p for p in c.everyone}
        for student_id, key in self.session.execute(
            select(Student.id, Student.las_key).where(Student.las_key.in_(list(keys)))
        ):
            keys[key].id = student_id

    def _employer_for(self, pupil: Pupil) -> int:
        if pupil.role in (Role.GARAGE, Role.BROKEN_OFF):
            return self._garage()
        if self.network is not None:
            found = self.network.in_sector(pupil.story.sector)
            if found:
                return found[pupil.id % len(found)]
        return self._garage()

    def _garage(self) -> int:
        """Garage Hermans: the demo network's, or added to the network as the user would."""
        if not self.garage:
            self.garage = self.session.scalar(
                select(Employer.id).where(Employer.name == cast.GARAGE)
            ) or employers.create_employer(
                self.session,
                self.coordinator,
                employers.EmployerInput(
                    name=cast.GARAGE,
                    postcode="6041 AB",
                    city="Roermond",
                    sector=stories.TECHNICAL,
                    contacts=[employers.ContactInput(cast.GARAGE_SUPERVISOR, "praktijkbegeleider")],
                ),
            )
        return self.garage

    def _lead_current_phase(self, pupil: Pupil, name: str, organisation: str) -> None:
        """Who leads the current phase, as the mentor fills it in on the Traject tab; a
        phase that has a lead (a warm hand-over's receiver) keeps it."""
        view = path_view(self.session, pupil.mentor, pupil.id)
        current = [p for p in view.phases if p.phase is view.current_phase]
        if not current:  # an imported student's path has no phase yet: it starts today
            start = format_date(clock.today())
            phase_input = PhaseInput(view.current_phase.value, start, "", name, organisation)
            add_phase(self.session, pupil.mentor, pupil.id, phase_input)
        elif not current[-1].lead_name:
            phase = current[-1]
            data = replace(phase.to_input(), lead_name=name, lead_organisation=organisation)
            update_phase(self.session, pupil.mentor, phase.id, phase.version, data)

    def _version(self, internship_id: int) -> int:
        return self.session.get(Internship, internship_id).version

    def _consent(self, pupil: Pupil, organisation: int, scopes, given_on: date) -> int:
        guardian = pupil.person.guardian or ""
        return record_consent(
            self.session,
            self.coordinator,
            pupil.id,
            ConsentInput(
                organisation_id=organisation,
                scopes=[s.value for s in scopes],
                given_by_student=True,
                given_by_guardian=guardian,
                given_on=format_date(given_on),
                attachment=SIGNED_FORM,
                attachment_name="toestemming-getekend.pdf",
            ),
        )


def mentors_of(session: Session) -> tuple[Actor, Actor] | None:
    """The cast's two mentors if the school has them, else its first two."""
    rows = session.execute(
        select(User.id, User.username, User.display_name)
        .where(User.role == UserRole.MENTOR, User.active.is_(True))
        .order_by(User.id)
    ).all()
    wanted = [cast.MENTOR_A[0], cast.MENTOR_B[0]]
    chosen = [r for u in wanted for r in rows if r.username == u] or list(rows[:2])
    if len(chosen) < 2:
        chosen = list(rows[:2])
    if len(chosen) < 2:
        return None
    a, b = (Actor(r.id, r.username, r.display_name, UserRole.MENTOR) for r in chosen[:2])
    return a, b
