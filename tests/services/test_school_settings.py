"""The school's settings: one typed read with the defaults, one audited write."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.core.errors import KoersError
from app.db.store import Store
from app.models import AuditEntry, SchoolSettings
from app.services.common.actor import Actor
from app.services.common.school_settings import (
    DEFAULT_CALL_MONTHS,
    DEFAULT_CONSENT_AGE,
    DEFAULTS,
    save_settings,
    school_settings,
)


def test_a_database_without_a_school_reads_as_the_defaults(store: Store) -> None:
    with store.session() as session:
        settings = school_settings(session)
    assert not settings.exists
    assert settings == DEFAULTS
    assert (settings.consent_age, settings.aftercare_call_months) == (16, (1, 3, 6, 12, 18, 24))
    assert (settings.aftercare_months, settings.retention_months) == (24, 24)


def test_a_new_school_starts_with_every_setting_at_its_default(
    store: Store, coordinator: Actor
) -> None:
    with store.session() as session:
        settings = school_settings(session)
        row = session.scalars(select(SchoolSettings)).one()
    assert settings.exists and settings.name == row.name and settings.brin == row.brin
    assert (settings.consent_age, settings.idle_lock_minutes) == (16, 5)
    assert settings.aftercare_call_months == DEFAULT_CALL_MONTHS
    assert row.aftercare_call_months == "1,3,6,12,18,24"


def test_nonsense_typed_into_the_database_reads_as_the_default(
    store: Store, coordinator: Actor
) -> None:
    with store.session() as session:
        row = session.scalars(select(SchoolSettings)).one()
        row.consent_age = 0  # would let every child consent alone
        row.aftercare_call_months = "een, drie"
    with store.session() as session:
        settings = school_settings(session)
    assert settings.consent_age == DEFAULT_CONSENT_AGE
    assert settings.aftercare_call_months == DEFAULT_CALL_MONTHS


def test_a_saved_setting_is_read_back_and_audited(store: Store, coordinator: Actor) -> None:
    saved = store.run(save_settings, coordinator, "call_moments", aftercare_call_months=(2, 12))

    assert saved.aftercare_call_months == (2, 12)
    with store.session() as session:
        assert school_settings(session).aftercare_call_months == (2, 12)
        assert session.scalars(select(SchoolSettings.aftercare_call_months)).one() == "2,12"
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "school_settings")
        ).one()
    assert (entry.action, entry.detail) == ("update", "call_moments")


def test_saving_refuses_a_database_without_a_school_and_an_unknown_setting(
    store: Store, coordinator: Actor
) -> None:
    with pytest.raises(TypeError):
        store.run(save_settings, coordinator, "x", colour="blauw")
    with store.session() as session:
        session.delete(session.scalars(select(SchoolSettings)).one())
    with pytest.raises(KoersError, match="nog geen school"):
        store.run(save_settings, coordinator, "retention", retention_months=12)
