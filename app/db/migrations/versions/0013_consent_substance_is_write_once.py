"""A consent's substance is written once; only its withdrawal is added, once

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 19:00:00.000000

Consents change by new rows, never by overwriting: the services only INSERT a consent and
record a withdrawal by setting withdrawn_on/withdrawn_by on a consent not yet withdrawn.
A trigger holds that for every connection (SQLite and PostgreSQL); on PostgreSQL the DBA
also grants the app's role UPDATE on the withdrawal columns only (`audit grants`).
Links and bookkeeping (conversation_id, created/updated by and at, version) may change:
deleting a conversation or a user sets them to NULL.
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

SUBSTANCE = (
    "student_id",
    "organisation_id",
    "scopes",
    "given_by_student",
    "given_by_guardian",
    "given_by_representative",
    "given_on",
    "form",
    "witness",
    "attachment",
    "attachment_name",
    "valid_until",
    "note",
)
MESSAGE = "consents are written once: record a new consent or a withdrawal"


def _changed(distinct: str) -> str:
    substance = " OR ".join(f"NEW.{c} {distinct} OLD.{c}" for c in SUBSTANCE)
    withdrawal = (
        f"(OLD.withdrawn_on IS NOT NULL AND (NEW.withdrawn_on {distinct} OLD.withdrawn_on "
        f"OR NEW.withdrawn_by {distinct} OLD.withdrawn_by))"
    )
    return f"{substance} OR {withdrawal}"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION consents_write_once() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN IF {_changed('IS DISTINCT FROM')} THEN RAISE EXCEPTION '{MESSAGE}'; "
            "END IF; RETURN NEW; END $$"
        )
        op.execute(
            "CREATE TRIGGER consents_write_once BEFORE UPDATE ON consents "
            "FOR EACH ROW EXECUTE FUNCTION consents_write_once()"
        )
    else:
        op.execute(
            "CREATE TRIGGER consents_write_once BEFORE UPDATE ON consents "
            f"WHEN {_changed('IS NOT')} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER consents_write_once ON consents")
        op.execute("DROP FUNCTION consents_write_once()")
    else:
        op.execute("DROP TRIGGER consents_write_once")
