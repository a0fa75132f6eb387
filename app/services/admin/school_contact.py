"""The school's phone and e-mail: how a receiver of a report (municipality, RMC) reaches it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.core.errors import KoersError
from app.core.validation import Problems, email, text
from app.services.common.actor import Actor
from app.services.common.permissions import require_current_coordinator
from app.services.common.school_settings import NO_SCHOOL, save_settings, school_settings


@dataclass(frozen=True)
class SchoolContact:
    phone: str
    email: str


def school_contact(session: Session, actor: Actor) -> SchoolContact:
    """The phone and e-mail the school's reports give, as the coordinator sets them in Beheer."""
    require_current_coordinator(session, actor)
    settings = school_settings(session)
    return SchoolContact(settings.phone, settings.email)


def set_school_contact(session: Session, actor: Actor, phone: str, mail: str) -> SchoolContact:
    """Changes the school's phone and e-mail (coordinator only); empty clears one."""
    require_current_coordinator(session, actor)
    problems = Problems()
    cleaned_phone = text(phone, "Telefoon school", "phone", problems, max_length=40)
    cleaned_mail = email(mail, "E-mail school", "email", problems)
    problems.raise_if_any()
    if not school_settings(session).exists:
        raise KoersError(NO_SCHOOL)
    saved = save_settings(
        session, actor, "school_contact", phone=cleaned_phone or "", email=cleaned_mail or ""
    )
    return SchoolContact(saved.phone, saved.email)
