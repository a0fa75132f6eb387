"""The board's full counts from the server, LAS numbers unique per school, memberships

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

A LAS student number was unique in the whole database; two schools sharing one may well use
the same number. It becomes unique per school: a unique index on (school, number), students
of no school counting as one school. On SQLite the old constraint is part of the students
table, and rebuilding that table is no option inside the upgrade's transaction (foreign keys
stay on there, and dropping the old table would cascade into every child table); the
constraint is taken out of the table's definition in sqlite_schema instead, its automatic
index renamed to an ordinary one on the same column (the same records on disk) and dropped.

Memberships (`school_members`) were the DBA's to set. A coordinator now sets them for the
schools he or she works for (app/services/admin/memberships.py); the Koers groups still may
only read the table, and a coordinator's login changes it through
`koers_set_school_members`, which holds the same rule: only the caller's own schools change,
and the user keeps at least one school.
"""

import re

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


SET_MEMBERS = """
CREATE OR REPLACE FUNCTION koers_set_school_members(p_user_id integer, p_schools integer[])
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    own integer[] := koers_my_schools();
    held integer[];
BEGIN
    IF NOT pg_has_role(session_user, 'koers_coordinator', 'MEMBER') THEN
        RAISE EXCEPTION 'koers_set_school_members: coordinators only'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF coalesce(cardinality(p_schools), 0) = 0 THEN
        RAISE EXCEPTION 'koers_set_school_members: a user keeps at least one school';
    END IF;
    SELECT coalesce(array_agg(m.school_id), ARRAY[]::integer[]) INTO held
    FROM school_members m WHERE m.user_id = p_user_id;
    IF EXISTS (SELECT 1 FROM unnest(p_schools) s(id) WHERE s.id <> ALL (held) AND s.id <> ALL (own))
       OR EXISTS (SELECT 1 FROM unnest(held) h(id) WHERE h.id <> ALL (p_schools)
                  AND h.id <> ALL (own)) THEN
        RAISE EXCEPTION 'koers_set_school_members: only the caller''s own schools change'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    DELETE FROM school_members m WHERE m.user_id = p_user_id AND m.school_id <> ALL (p_schools);
    INSERT INTO school_members (user_id, school_id)
    SELECT p_user_id, s.id FROM unnest(p_schools) s(id)
    ON CONFLICT DO NOTHING;
END
$$;
REVOKE ALL ON FUNCTION koers_set_school_members(integer, integer[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION koers_set_school_members(integer, integer[]) TO koers_coordinator;
"""

OLD_UNIQUE = "uq_students_las_key"
NEW_UNIQUE = (
    "CREATE UNIQUE INDEX uq_students_school_las_key ON students (coalesce(school_id, 0), las_key)"
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        _drop_sqlite_table_constraint(bind)
    else:
        op.drop_constraint(OLD_UNIQUE, "students", type_="unique")
    op.execute(NEW_UNIQUE)
    if bind.dialect.name == "postgresql" and _row_security_installed(bind):
        op.execute(SET_MEMBERS)
    if bind.dialect.name == "postgresql" and _board_installed(bind):
        op.execute("DROP FUNCTION koers_board_school_counts(date, date)")
        op.execute(NEW_COUNTS)
        _students_policy(f"{OWNER_FUNCTION} OR ({STUDENT_RULE})")


def downgrade() -> None:
    bind = op.get_bind()
    op.execute("DROP INDEX uq_students_school_las_key")
    if bind.dialect.name == "sqlite":
        # The same rule, as an index rather than in the table's definition.
        op.execute(f"CREATE UNIQUE INDEX {OLD_UNIQUE} ON students (las_key)")
    else:
        op.create_unique_constraint(OLD_UNIQUE, "students", ["las_key"])
    if bind.dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS koers_set_school_members(integer, integer[])")
    if bind.dialect.name == "postgresql" and _board_installed(bind):
        _students_policy(STUDENT_RULE)
        op.execute("DROP FUNCTION koers_board_school_counts(date, date, integer[], date[])")
        op.execute(OLD_COUNTS)


def _row_security_installed(bind: Connection) -> bool:
    """0012 made the groups and the policies (it skips them where the owner may not)."""
    found = bind.execute(
        text(
            "SELECT count(*) FROM pg_policies "
            "WHERE tablename = 'students' AND policyname = 'koers_own_students'"
        )
    ).scalar()
    return bool(found)


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


def _drop_sqlite_table_constraint(bind: Connection) -> None:
    """Takes UNIQUE (las_key) out of the students table, in the running transaction."""
    table_sql = bind.execute(
        text("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'students'")
    ).scalar_one()
    without = re.sub(rf",\s*CONSTRAINT {OLD_UNIQUE} UNIQUE \(las_key\)", "", table_sql)
    if without == table_sql:
        return  # not there (a database made without it)
    auto_index = next(
        row.name
        for row in bind.execute(text("PRAGMA index_list(students)"))
        if row.origin == "u"
        and [c.name for c in bind.execute(text(f"PRAGMA index_info('{row.name}')"))] == ["las_key"]
    )
    version = bind.execute(text("PRAGMA schema_version")).scalar_one()
    bind.execute(text("PRAGMA writable_schema = ON"))
    bind.execute(
        text("UPDATE sqlite_schema SET sql = :sql WHERE type = 'table' AND name = 'students'"),
        {"sql": without},
    )
    bind.execute(
        text(
            "UPDATE sqlite_schema SET name = 'ix_students_las_key_old', "
            "sql = 'CREATE INDEX ix_students_las_key_old ON students (las_key)' "
            "WHERE type = 'index' AND name = :name"
        ),
        {"name": auto_index},
    )
    # Every connection rereads the schema: the version tells them it changed.
    bind.execute(text(f"PRAGMA schema_version = {int(version) + 1}"))
    bind.execute(text("PRAGMA writable_schema = OFF"))
    bind.execute(text("DROP INDEX ix_students_las_key_old"))
