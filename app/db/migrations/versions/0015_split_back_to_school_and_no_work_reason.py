"""Back to school split in three; no work or study gets a reason; the sector norms as settings

Revision ID: 0015
Revises: 0013
Create Date: 2026-12-10 09:00:00.000000

The PrO outflow monitor counts vmbo as placed but leaves vso and another PrO school out of
its denominator, so one merged destination gave the wrong share. Which school an existing
row meant cannot be known: those rows become "school_onbekend" (back to school, which one
still to be settled), which the cohort shows as a signal until the user chooses.
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

# Every column that stores a destination value.
DESTINATION_COLUMNS = (
    ("transition_paths", "destination"),
    ("path_events", "destination"),
    ("aftercare_plans", "destination"),
)
SPLIT_VALUES = ("vmbo", "vso", "andere_pro", "school_onbekend")


def upgrade() -> None:
    for table, column in DESTINATION_COLUMNS:
        op.execute(
            sa.text(f"UPDATE {table} SET {column} = 'school_onbekend' WHERE {column} = 'ander_vo'")
        )
    # Nullable: a reason is asked only with "no work or study" and "benefit without work".
    with op.batch_alter_table("transition_paths", schema=None) as batch_op:
        batch_op.add_column(sa.Column("no_work_reason", sa.String(length=40), nullable=True))
    # NULL reads as the sector's default norm (90 % placed, 75 % still in place).
    with op.batch_alter_table("school_settings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("norm_placed_percent", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("norm_retained_percent", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("school_settings", schema=None) as batch_op:
        batch_op.drop_column("norm_retained_percent")
        batch_op.drop_column("norm_placed_percent")
    with op.batch_alter_table("transition_paths", schema=None) as batch_op:
        batch_op.drop_column("no_work_reason")
    values = ", ".join(f"'{value}'" for value in SPLIT_VALUES)
    for table, column in DESTINATION_COLUMNS:
        op.execute(
            sa.text(f"UPDATE {table} SET {column} = 'ander_vo' WHERE {column} IN ({values})")
        )
