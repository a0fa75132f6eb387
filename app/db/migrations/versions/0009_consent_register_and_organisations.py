"""Consent register, organisations with contacts and RMC regions, data-flow bases

Revision ID: 0009
Revises: 0005
Create Date: 2026-11-24 05:56:08.085830
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "data_flows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "document",
            sa.Enum(
                "overdrachtsdossier",
                "vertrekkerslijst",
                name="flowdocument",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column(
            "recipient_kind",
            sa.Enum(
                "gemeente",
                "rmc",
                "uwv",
                "zorg",
                "onderwijs",
                "anders",
                name="organisationkind",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column(
            "basis",
            sa.Enum(
                "toestemming", "wettelijke_grondslag", name="basis", native_enum=False, length=40
            ),
            nullable=False,
        ),
        sa.Column("article", sa.String(length=200), nullable=True),
        sa.Column("scopes", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_data_flows_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_data_flows_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_flows")),
        sa.UniqueConstraint("document", "recipient_kind", name=op.f("uq_data_flows_document")),
    )
    op.create_table(
        "organisation_contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("role", sa.String(length=120), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_organisation_contacts_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_organisation_contacts_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_organisation_contacts_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation_contacts")),
    )
    with op.batch_alter_table("organisation_contacts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_organisation_contacts_organisation_id"),
            ["organisation_id"],
            unique=False,
        )

    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("given_by_representative", sa.String(length=160), nullable=True)
        )
        batch_op.add_column(sa.Column("witness", sa.String(length=160), nullable=True))
        batch_op.add_column(sa.Column("attachment", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("attachment_name", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("conversation_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_consents_conversation_id"), ["conversation_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_consents_conversation_id_conversations"),
            "conversations",
            ["conversation_id"],
            ["id"],
            ondelete="SET NULL",
        )

    with op.batch_alter_table("export_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("consent_ids", sa.String(length=200), nullable=True))

    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("alt_name", sa.String(length=160), nullable=True))
        batch_op.add_column(sa.Column("cbs_code", sa.String(length=6), nullable=True))
        batch_op.add_column(sa.Column("rmc_region_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("address", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("notes", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch_op.create_index(
            batch_op.f("ix_organisations_rmc_region_id"), ["rmc_region_id"], unique=False
        )
        batch_op.create_unique_constraint(batch_op.f("uq_organisations_cbs_code"), ["cbs_code"])
        batch_op.create_foreign_key(
            batch_op.f("fk_organisations_rmc_region_id_organisations"),
            "organisations",
            ["rmc_region_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_organisations_rmc_region_id_organisations"), type_="foreignkey"
        )
        batch_op.drop_constraint(batch_op.f("uq_organisations_cbs_code"), type_="unique")
        batch_op.drop_index(batch_op.f("ix_organisations_rmc_region_id"))
        batch_op.drop_column("active")
        batch_op.drop_column("notes")
        batch_op.drop_column("address")
        batch_op.drop_column("rmc_region_id")
        batch_op.drop_column("cbs_code")
        batch_op.drop_column("alt_name")

    with op.batch_alter_table("export_log", schema=None) as batch_op:
        batch_op.drop_column("consent_ids")

    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_consents_conversation_id_conversations"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_consents_conversation_id"))
        batch_op.drop_column("conversation_id")
        batch_op.drop_column("attachment_name")
        batch_op.drop_column("attachment")
        batch_op.drop_column("witness")
        batch_op.drop_column("given_by_representative")

    with op.batch_alter_table("organisation_contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisation_contacts_organisation_id"))

    op.drop_table("organisation_contacts")
    op.drop_table("data_flows")
