"""`undone_on_error`: an action that fails inside one long transaction (the demo's story)
leaves nothing of itself but what it queued for after the rollback (a refused export's
audit row), and the transaction goes on."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Store
from app.db.store import after_rollback, undone_on_error
from app.models import AuditEntry, Organisation, OrganisationKind
from app.services.common import audit
from app.services.common.actor import Actor


class Refused(Exception):
    pass


def _organisation(session: Session, code: str) -> None:
    session.add(
        Organisation(code=code, name=f"Gemeente {code}", kind=OrganisationKind.MUNICIPALITY)
    )
    session.flush()


def test_the_failed_block_is_undone_and_its_hooks_run_in_the_transaction(
    store: Store, coordinator: Actor
) -> None:
    def refused_action(session: Session) -> None:
        _organisation(session, "WEG")
        after_rollback(
            session, lambda fresh: audit.record(fresh, coordinator, "export_refused", "x", 1, "")
        )
        raise Refused

    with store.session() as session:
        _organisation(session, "VOOR")
        with pytest.raises(Refused), undone_on_error(session):
            refused_action(session)
        _organisation(session, "NA")
    with store.session() as session:
        codes = set(session.scalars(select(Organisation.code)))
        refusals = session.scalars(
            select(AuditEntry.id).where(AuditEntry.action == "export_refused")
        ).all()
    assert {"VOOR", "NA"} <= codes and "WEG" not in codes
    assert len(refusals) == 1
    assert store.run(audit.check_chain, coordinator).intact


def test_a_hook_that_ran_is_not_run_again_when_the_transaction_fails_later(
    store: Store, coordinator: Actor
) -> None:
    ran: list[str] = []
    with pytest.raises(RuntimeError), store.session() as session:
        with pytest.raises(Refused), undone_on_error(session):
            after_rollback(session, lambda _fresh: ran.append("refused"))
            raise Refused
        raise RuntimeError("a later step fails")
    assert ran == ["refused"]


def test_a_block_that_succeeds_is_kept(store: Store, coordinator: Actor) -> None:
    with store.session() as session, undone_on_error(session):
        _organisation(session, "GOED")
    with store.session() as session:
        assert "GOED" in set(session.scalars(select(Organisation.code)))
