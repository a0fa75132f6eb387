"""The cohort's name order as an index, for its first page and its count

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05 08:00:00.000000

The log-in paints the first page of the cohort in name order and counts the whole cohort
(issue 19). Without this index SQLite walks ix_students_surname and sorts each surname's
rows in a temporary b-tree, and counts by reading every page of the students table (on an
encrypted file: decrypting all of it). With it the page is a range of the index in order,
and the count reads only the index. The plans are in bench/plans/.
"""

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_students_cohort_order", "students", ["archived", "surname", "first_name", "id"]
    )


def downgrade() -> None:
    op.drop_index("ix_students_cohort_order", table_name="students")
