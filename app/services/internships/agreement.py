"""The internship agreement (stageovereenkomst): its data from the file, and the logged
print to PDF."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.core.dates import age_on
from app.core.errors import KoersError
from app.core.files import write_atomic
from app.core.validation import today
from app.export.internship_agreement import AgreementData, render_agreement
from app.importers.paths import safe_output_path
from app.models import Employer, EmployerContact, Student
from app.services.common import labels
from app.services.common.actor import Actor
from app.services.common.export_log import log_file_export
from app.services.common.permissions import require_export, require_student_access
from app.services.common.school_settings import school_settings
from app.services.internships.planning import DAY_NAMES, find_internship, parse_days


def agreement_data(session: Session, actor: Actor, internship_id: int):
    """What the stageovereenkomst prints, as plain data for app/export."""
    internship = find_internship(session, internship_id)
    student = session.scalars(
        select(Student)
        .options(selectinload(Student.guardians))
        .where(Student.id == internship.student_id)
    ).one()
    require_student_access(actor, student)
    employer = session.get(Employer, internship.employer_id)
    supervisor = (
        session.get(EmployerContact, internship.supervisor_id) if internship.supervisor_id else None
    )
    school = school_settings(session)
    printed = today()
    age = age_on(student.birth_date, internship.start_date)
    address = ", ".join(
        p
        for p in (student.address, " ".join(x for x in (student.postcode, student.city) if x))
        if p
    )
    employer_address = ", ".join(
        p
        for p in (employer.address, " ".join(x for x in (employer.postcode, employer.city) if x))
        if p
    )
    return AgreementData(
        school_name=school.name,
        school_contact=actor.display_name,
        student_name=student.full_name,
        student_birth_date=student.birth_date,
        student_class=student.class_name or "",
        student_address=address,
        is_minor=age is None or age < 18,
        guardian_names=[g.name for g in student.guardians if g.has_authority],
        employer_name=employer.name,
        employer_address=employer_address,
        sector=employer.sector or "",
        supervisor=supervisor.name if supervisor else "",
        supervisor_contact=", ".join(
            x for x in ((supervisor.phone, supervisor.email) if supervisor else ()) if x
        ),
        kind=labels.INTERNSHIP_TYPE[internship.kind],
        start_date=internship.start_date,
        end_date=internship.end_date,
        days=", ".join(DAY_NAMES[d] for d in parse_days(internship.days)),
        hours_per_week=internship.hours_per_week,
        learning_goals=internship.learning_goals or "",
        printed_on=printed,
    )


def save_agreement(session: Session, actor: Actor, internship_id: int, target: str) -> str:
    """Writes the agreement PDF to `target` and logs it (export log and audit trail);
    the log commits only if the file was written."""
    require_export(actor)
    data = agreement_data(session, actor, internship_id)
    internship = find_internship(session, internship_id)
    path = safe_output_path(target, allowed_suffixes=(".pdf",))
    try:
        write_atomic(path, render_agreement(data))
    except OSError as exc:
        raise KoersError(
            f"Het bestand {target} kon niet worden geschreven: {exc.strerror or exc}."
        ) from None
    log_file_export(
        session,
        actor,
        "stageovereenkomst",
        student_id=internship.student_id,
        basis="overeenkomst met leerling, ouders en werkgever",
        entity="internship",
        entity_id=internship.id,
        detail="stageovereenkomst",
    )
    return str(path)
