"""Locking and unlocking the window: the same user's password to go on."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.passwords import verify_password
from app.models import User
from app.services.common import audit
from app.services.common.actor import Actor


def record_lock(session: Session, actor: Actor, reason: str) -> None:
    audit.record(session, actor, "lock", "user", actor.user_id, reason)


def unlock(session: Session, actor: Actor, password: str) -> bool:
    """True when `password` is the actor's; every attempt is in the audit trail."""
    user = session.scalars(select(User).where(User.id == actor.user_id)).first()
    ok = user is not None and user.active and verify_password(user.password_hash, password)
    audit.record(session, actor, "unlock" if ok else "unlock_failed", "user", actor.user_id)
    return ok
