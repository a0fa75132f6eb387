"""A closed path states why it was closed while the young person had no place

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-25 09:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable text only: paths closed before this step simply have no reason yet.
    with op.batch_alter_table("path_phases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("closing_reason", sa.Text(), nullable=True))
    with op.batch_alter_table("transition_paths", schema=None) as batch_op:
        batch_op.add_column(sa.Column("closing_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("transition_paths", schema=None) as batch_op:
        batch_op.drop_column("closing_reason")
    with op.batch_alter_table("path_phases", schema=None) as batch_op:
        batch_op.drop_column("closing_reason")
