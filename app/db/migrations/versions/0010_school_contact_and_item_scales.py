"""School phone and e-mail for reports; each profile item on its own scale

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# The default items (0004) that are not skills: scored as support needed, or as a wish.
SUPPORT_ITEMS = ("Steun van gezin en netwerk", "Begeleidingsbehoefte")
WISH_ITEMS = ("Motivatie voor werk", "Interesses en hobby's")


def upgrade() -> None:
    with op.batch_alter_table("school_settings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("phone", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("email", sa.String(length=200), nullable=True))
    with op.batch_alter_table("profile_items", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "scale",
                sa.Enum(
                    "vaardigheid",
                    "steun",
                    "wens",
                    name="itemscale",
                    native_enum=False,
                    length=40,
                    create_constraint=False,
                ),
                nullable=False,
                server_default="vaardigheid",
            )
        )
    items = sa.table("profile_items", sa.column("label", sa.String), sa.column("scale", sa.String))
    # Only the default items by their default names; a school's own items stay skills
    # until the coordinator says otherwise in Beheer.
    op.execute(items.update().where(items.c.label.in_(SUPPORT_ITEMS)).values(scale="steun"))
    op.execute(items.update().where(items.c.label.in_(WISH_ITEMS)).values(scale="wens"))


def downgrade() -> None:
    with op.batch_alter_table("profile_items", schema=None) as batch_op:
        batch_op.drop_column("scale")
    with op.batch_alter_table("school_settings", schema=None) as batch_op:
        batch_op.drop_column("email")
        batch_op.drop_column("phone")
