"""The board's full counts from the server, and LAS student numbers unique per school

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05 21:00:00.000000

Issue 19, item 4. On PostgreSQL with per-user logins (0018) the board's login reads no row
of student data; `koers_board_school_counts` gave it the students at school and the leavers
per school only. It is replaced by one that also gives, per school, the leavers counted by
destination at leaving and, at 6, 12 and 24 months, by destination and the latest reached
aftercare call's answer: counts only, never a row per student. Which destination counts as
"a place" and how an answer counts stay the service's rules (app/services/trends/board.py),
which also suppresses the small cells before anything is shown.

The function runs as the schema owner, whom FORCE ROW LEVEL SECURITY (0012) holds to the
policies like anyone: evaluated for the board's session user they would hide every student.
The students' policy therefore lets a SECURITY DEFINER function of the owner's read its
rows (current_user is then the owner while session_user is the caller): only the owner's
functions do that, and each decides what leaves it.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Connection, text

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

OLD_COUNTS = """
CREATE OR REPLACE FUNCTION koers_board_school_counts(p_from date, p_to date)
RETURNS TABLE (school_id integer, at_school bigint, left_school bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT s.school_id,
           count(*) FILTER (WHERE NOT s.archived AND s.actual_outflow_date IS NULL),
           count(*) FILTER (WHERE s.actual_outflow_date BETWEEN p_from AND p_to)
    FROM students s
    WHERE pg_has_role(session_user, 'koers_board', 'MEMBER')
      AND s.school_id = ANY (koers_my_schools())
    GROUP BY s.school_id
$$;
REVOKE ALL ON FUNCTION koers_board_school_counts(date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION koers_board_school_counts(date, date) TO koers_board;
"""

# figure 'cohort': the students at school (not archived, not left);
# figure 'leaving': the leavers between p_from and p_to per destination at leaving (the
#   aftercare plan's, else the path's: see app/services/trends/filters.py);
# figure 'after': for each p_months[i], those leavers who left by p_left_by[i], per
#   destination at leaving and the answer of the latest reached call planned for then.
NEW_COUNTS = """
CREATE OR REPLACE FUNCTION koers_board_school_counts(
    p_from date, p_to date, p_months integer[], p_left_by date[]
) RETURNS TABLE (
    school_id integer, figure text, months integer, destination text, still text,
    students bigint
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    WITH mine AS (
        SELECT s.id, s.school_id, s.archived, s.actual_outflow_date AS left_on,
               coalesce(p.destination, t.destination)::text AS destination
        FROM students s
        LEFT JOIN transition_paths t ON t.student_id = s.id
        LEFT JOIN aftercare_plans p ON p.student_id = s.id
        WHERE pg_has_role(session_user, 'koers_board', 'MEMBER')
          AND s.school_id = ANY (koers_my_schools())
    ),
    leavers AS (
        SELECT * FROM mine WHERE mine.left_on BETWEEN p_from AND p_to
    ),
    answers AS (
        SELECT DISTINCT ON (c.student_id, c.months_after_outflow)
               c.student_id, c.months_after_outflow AS months,
               c.still_at_destination::text AS still
        FROM aftercare_calls c
        WHERE c.reached AND c.made_on IS NOT NULL
          AND c.months_after_outflow = ANY (p_months)
          AND c.student_id IN (SELECT leavers.id FROM leavers)
        ORDER BY c.student_id, c.months_after_outflow, c.made_on DESC, c.id DESC
    )
    SELECT m.school_id, 'cohort'::text, NULL::integer, NULL::text, NULL::text, count(*)
    FROM mine m WHERE NOT m.archived AND m.left_on IS NULL
    GROUP BY m.school_id
    UNION ALL
    SELECT l.school_id, 'leaving'::text, NULL::integer, l.destination, NULL::text, count(*)
    FROM leavers l
    GROUP BY l.school_id, l.destination
    UNION ALL
    SELECT l.school_id, 'after'::text, h.months, l.destination, a.still, count(*)
    FROM unnest(p_months, p_left_by) AS h(months, left_by)
    JOIN leavers l ON l.left_on <= h.left_by
    LEFT JOIN answers a ON a.student_id = l.id AND a.months = h.months
    GROUP BY l.school_id, h.months, l.destination, a.still
$$;
REVOKE ALL ON FUNCTION koers_board_school_counts(date, date, integer[], date[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION koers_board_school_counts(date, date, integer[], date[])
    TO koers_board;
"""

STUDENT_RULE = (
    "(koers_sees_every_student() OR mentor_id = koers_mentor_id()) AND ("
    "school_id IS NULL OR NOT (SELECT koers_bound_to_schools()) "
    "OR school_id = ANY ((SELECT koers_my_schools())::integer[]))"
)
# Inside a SECURITY DEFINER function of the owner's, current_user is the owner.
OWNER_FUNCTION = (
    "(current_user <> session_user AND "
    "(SELECT r.oid FROM pg_roles r WHERE r.rolname = current_user) = "
    "(SELECT c.relowner FROM pg_class c WHERE c.oid = 'students'::regclass))"
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql" and _board_installed(bind):
        op.execute("DROP FUNCTION koers_board_school_counts(date, date)")
        op.execute(NEW_COUNTS)
        _students_policy(f"{OWNER_FUNCTION} OR ({STUDENT_RULE})")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql" and _board_installed(bind):
        _students_policy(STUDENT_RULE)
        op.execute("DROP FUNCTION koers_board_school_counts(date, date, integer[], date[])")
        op.execute(OLD_COUNTS)


def _board_installed(bind: Connection) -> bool:
    """0018 made the board's function (it skips it where the owner may not make roles)."""
    found = bind.execute(
        text("SELECT count(*) FROM pg_proc WHERE proname = 'koers_board_school_counts'")
    ).scalar()
    return bool(found)


def _students_policy(rule: str) -> None:
    op.execute("DROP POLICY IF EXISTS koers_own_students ON students")
    op.execute(
        f"CREATE POLICY koers_own_students ON students FOR ALL USING ({rule}) WITH CHECK ({rule})"
    )


_ = sa  # the LAS part below uses it
