"""The aftercare flags of the cohort's first page from indexes alone

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06 06:00:00.000000

The log-in paints the cohort's first page with its signals (issue 19). Two of them read
aftercare calls: "dropped out" (calls logged as a drop-out) and "call overdue" (calls not
made, due before today). Through the student index alone SQLite read every call of the
page's students from the table, each row on a page of its own; on an encrypted file that
decrypted a few hundred pages for one page of students (96 ms of a cold log-in at 3,000
students, 15 ms for the overdue calls). With the drop-outs in an index of their own and the
student in the open-calls index, both are answered from the index (1.6 ms and 1.1 ms). The
open-calls index keeps its name and its order (due date, then id): the worklists read it in
their own order as before, without a sort.
"""

from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_aftercare_calls_dropped_out",
        "aftercare_calls",
        ["still_at_destination", "student_id", "made_on", "updated_at"],
    )
    op.drop_index("ix_aftercare_calls_open", table_name="aftercare_calls")
    op.create_index(
        "ix_aftercare_calls_open", "aftercare_calls", ["made_on", "due_date", "id", "student_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_aftercare_calls_open", table_name="aftercare_calls")
    op.create_index("ix_aftercare_calls_open", "aftercare_calls", ["made_on", "due_date"])
    op.drop_index("ix_aftercare_calls_dropped_out", table_name="aftercare_calls")
