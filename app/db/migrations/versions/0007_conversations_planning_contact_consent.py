"""conversations: planned or held, follow-up link, contact person, consent answers;
participant roles from a fixed list

Revision ID: 0007
Revises: 0003
Create Date: 2026-11-24 05:55:15.564950
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = '0003'
branch_labels = None
depends_on = None

ROLES = (
    "leerling",
    "ouder",
    "mentor",
    "coordinator",
    "rmc",
    "werkmatcher",
    "jobcoach",
    "tolk",
    "wijkteam",
    "anders",
)
ANSWERS = ("ja", "nee", "later")


def _role_type() -> sa.Enum:
    return sa.Enum(*ROLES, name="participantrole", native_enum=False, length=40)


def _answer_type() -> sa.Enum:
    return sa.Enum(*ANSWERS, name="consentanswer", native_enum=False, length=40)


def upgrade() -> None:
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreements_owner_id"), ["owner_id"], unique=False)

    # Roles were free text before: anything outside the list becomes "anders".
    roles = ", ".join(f"'{r}'" for r in ROLES)
    op.execute(f"UPDATE conversation_participants SET role = 'anders' WHERE role NOT IN ({roles})")
    with op.batch_alter_table("conversation_participants", schema=None) as batch_op:
        batch_op.alter_column(
            "role",
            existing_type=sa.VARCHAR(length=80),
            type_=_role_type(),
            existing_nullable=False,
        )

    with op.batch_alter_table("conversations", schema=None) as batch_op:
        # Conversations recorded before this step were all held ones.
        batch_op.add_column(
            sa.Column(
                "status",
                sa.Enum(
                    "gepland", "gehouden", name="conversationstatus", native_enum=False, length=40
                ),
                nullable=False,
                server_default="gehouden",
            )
        )
        batch_op.add_column(sa.Column("follow_up_of_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("contact_name", sa.String(length=160), nullable=True))
        batch_op.add_column(sa.Column("contact_phone", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("contact_email", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("consent_municipality", _answer_type(), nullable=True))
        batch_op.add_column(sa.Column("consent_rmc", _answer_type(), nullable=True))
        batch_op.add_column(sa.Column("consent_answered_by", sa.String(length=160), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_conversations_follow_up_of_id"), ["follow_up_of_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_conversations_follow_up_of_id_conversations"),
            "conversations",
            ["follow_up_of_id"],
            ["id"],
            ondelete="SET NULL",
        )
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.alter_column("status", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_conversations_follow_up_of_id_conversations"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_conversations_follow_up_of_id"))
        for column in (
            "consent_answered_by",
            "consent_rmc",
            "consent_municipality",
            "contact_email",
            "contact_phone",
            "contact_name",
            "follow_up_of_id",
            "status",
        ):
            batch_op.drop_column(column)

    with op.batch_alter_table("conversation_participants", schema=None) as batch_op:
        batch_op.alter_column(
            "role",
            existing_type=_role_type(),
            type_=sa.VARCHAR(length=80),
            existing_nullable=False,
        )

    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreements_owner_id"))
