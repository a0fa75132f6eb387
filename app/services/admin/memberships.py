"""Which user works for which school, in a database several schools share (issue 19, item 4).

A coordinator sets the memberships of the schools he or she works for, and of no other: a
coordinator of school A can give a user school A or take it away, never school B (not to
himself either). Every user keeps at least one school, or would see only the students of
no school. Each change is in the audit trail. On PostgreSQL with per-user logins the Koers
groups may only read `school_members`; the change goes through the server's
`koers_set_school_members` (0019), which holds the same rule for a login that calls it from
SQL directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from app.core.errors import NotFoundError, PermissionDeniedError, ValidationError
from app.db import server_roles
from app.models import School, SchoolMember, User
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.common.permissions import require_current_coordinator

NO_SCHOOLS = "Deze database heeft geen scholen: er is niets in te delen."
AT_LEAST_ONE = "Scholen: een gebruiker hoort bij minstens één school."
UNKNOWN_SCHOOL = "Scholen: deze school bestaat niet (meer); vernieuw het overzicht."
NOT_YOUR_SCHOOL = "Scholen: u kunt alleen de scholen indelen waar u zelf voor werkt ({names})."
USER_GONE = "Deze gebruiker bestaat niet (meer)."


@dataclass(frozen=True, slots=True)
class SchoolOption:
    school_id: int
    name: str
    may_change: bool  # one of the coordinator's own schools


@dataclass(frozen=True, slots=True)
class Memberships:
    """Every school (by name; none in a school's own database) and who works for which."""

    schools: tuple[SchoolOption, ...]
    of_user: dict[int, frozenset[int]]  # user id -> school ids

    @property
    def shared(self) -> bool:
        return bool(self.schools)

    def schools_of(self, user_id: int) -> frozenset[int]:
        return self.of_user.get(user_id, frozenset())

    def names_of(self, user_id: int) -> str:
        """'De Branding, De Horizon': the user's schools, in the order of the list."""
        mine = self.schools_of(user_id)
        return ", ".join(s.name for s in self.schools if s.school_id in mine)


def memberships(session: Session, actor: Actor) -> Memberships:
    """The schools and every user's memberships; coordinator only."""
    require_current_coordinator(session, actor)
    names = _school_names(session)
    of_user: dict[int, set[int]] = {}
    for user_id, school_id in session.execute(select(SchoolMember.user_id, SchoolMember.school_id)):
        of_user.setdefault(user_id, set()).add(school_id)
    own = of_user.get(actor.user_id, set())
    return Memberships(
        tuple(SchoolOption(sid, name, sid in own) for sid, name in names.items()),
        {user_id: frozenset(ids) for user_id, ids in of_user.items()},
    )


def set_memberships(
    session: Session, actor: Actor, user_id: int, school_ids: Iterable[int]
) -> frozenset[int]:
    """The schools `user_id` works for become `school_ids`; returns them."""
    require_current_coordinator(session, actor)
    names = _school_names(session)
    if not names:
        raise ValidationError({"schools": NO_SCHOOLS})
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(USER_GONE)
    wanted = frozenset(school_ids)
    if wanted - names.keys():
        raise ValidationError({"schools": UNKNOWN_SCHOOL})
    current = _schools_of(session, user_id)
    own = _schools_of(session, actor.user_id)
    if (wanted ^ current) - own:
        mine = ", ".join(names[sid] for sid in names if sid in own) or "geen"
        raise PermissionDeniedError(NOT_YOUR_SCHOOL.format(names=mine))
    if not wanted:
        raise ValidationError({"schools": AT_LEAST_ONE})
    if wanted == current:
        return wanted
    if server_roles.enforced(session):
        session.execute(
            text("SELECT koers_set_school_members(:user_id, CAST(:schools AS integer[]))"),
            {"user_id": user_id, "schools": sorted(wanted)},
        )
    else:
        session.execute(
            delete(SchoolMember).where(
                SchoolMember.user_id == user_id, SchoolMember.school_id.in_(current - wanted)
            )
        )
        session.add_all(SchoolMember(user_id=user_id, school_id=sid) for sid in wanted - current)
        session.flush()
    added = [names[sid] for sid in names if sid in wanted - current]
    removed = [names[sid] for sid in names if sid in current - wanted]
    detail = "; ".join(
        part
        for part in (
            f"scholen erbij: {', '.join(added)}" if added else "",
            f"scholen eraf: {', '.join(removed)}" if removed else "",
        )
        if part
    )
    audit.record(session, actor, "update", "user", user_id, detail)
    return wanted


def _school_names(session: Session) -> dict[int, str]:
    """School id -> name, by name."""
    rows = session.execute(select(School.id, School.name).order_by(School.name, School.id))
    return {school_id: name for school_id, name in rows}


def _schools_of(session: Session, user_id: int) -> frozenset[int]:
    return frozenset(
        session.scalars(select(SchoolMember.school_id).where(SchoolMember.user_id == user_id))
    )
