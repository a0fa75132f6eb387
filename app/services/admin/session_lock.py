"""Locking and unlocking the window: the same user's password to go on."""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.passwords import verify_password
from app.db.store import Store
from app.models import User
from app.services.admin.login_throttle import LoginThrottle
from app.services.common import audit
from app.services.common.actor import Actor

log = logging.getLogger(__name__)


def record_lock(session: Session, actor: Actor, reason: str) -> None:
    audit.record(session, actor, "lock", "user", actor.user_id, reason)


def unlock(session: Session, actor: Actor, password: str) -> bool:
    """True when `password` is the actor's; every attempt is in the audit trail."""
    user = session.scalars(select(User).where(User.id == actor.user_id)).first()
    ok = user is not None and user.active and verify_password(user.password_hash, password)
    audit.record(session, actor, "unlock" if ok else "unlock_failed", "user", actor.user_id)
    return ok


def unlock_after_wait(
    store: Store, actor: Actor, password: str, throttle: LoginThrottle | None = None
) -> bool:
    """The lock screen's try: first the account's growing wait after failures, as at the
    log-in (guessing a colleague's password on a locked PC is not free), then `unlock` in
    its own transaction. The wait is taken outside any transaction: a wait of seconds must
    not hold the database. On SQLite the count is the log-in's own (the same database key).
    """
    throttle = throttle or LoginThrottle()
    database = store.url.render_as_string(hide_password=True)
    throttle.wait(database, actor.username)
    ok = store.run(unlock, actor, password)
    if ok:
        throttle.succeeded(database, actor.username)
    else:
        failures = throttle.failed(database, actor.username)
        log.warning("unlock failed (%d in a row for this account)", failures)
    return ok
