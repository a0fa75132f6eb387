"""The board ("bestuur"): counts across its schools, and on PostgreSQL no row of a student

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05 13:00:00.000000

Issue 19, item 4: a school board sees counts per school and never a name. The role is a
value of `users.role` ("board", a VARCHAR: nothing to change on SQLite). On PostgreSQL with
the row-level security of 0012 installed, a board user's login is a member of the new group
koers_board: it may read the tables a session needs (accounts, settings, schools) but holds
no SELECT at all on any table with student data (every table under the koers_own_students
policy), so from SQL directly it gets "permission denied", not even a count. What the board
sees comes through `koers_board_school_counts()`, a SECURITY DEFINER function that returns
per school of the caller's (and only for a board login) the students at school and the
leavers, nothing per student. `koers_sees_every_student()` learns that a board login is no
coordinator (it would otherwise count as "no Koers login" and pass the users' write policy),
and `koers_set_login` accepts the role.
"""

import logging

from alembic import op
from sqlalchemy import Connection, text

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

BOARD = "koers_board"
OWN_USER_COLUMNS = "password_hash, failed_logins, locked_until, updated_at, updated_by_id, version"
OLD_GROUPS = "'koers_coordinator', 'koers_mentor', 'koers_readonly'"
NEW_GROUPS = "'koers_coordinator', 'koers_mentor', 'koers_readonly', 'koers_board'"

SEES_EVERY_STUDENT = """
CREATE OR REPLACE FUNCTION koers_sees_every_student() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT pg_has_role(session_user, 'koers_coordinator', 'MEMBER')
        OR NOT (pg_has_role(session_user, 'koers_mentor', 'MEMBER')
                OR pg_has_role(session_user, 'koers_readonly', 'MEMBER')
                {board})
$$;
"""

BOUND_TO_SCHOOLS = """
CREATE OR REPLACE FUNCTION koers_bound_to_schools() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT pg_has_role(session_user, 'koers_coordinator', 'MEMBER')
        OR pg_has_role(session_user, 'koers_mentor', 'MEMBER')
        OR pg_has_role(session_user, 'koers_readonly', 'MEMBER')
        {board}
$$;
"""

SET_LOGIN = """
CREATE OR REPLACE FUNCTION koers_set_login(
    p_username text, p_password text, p_role text, p_active boolean
) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    existing pg_roles%ROWTYPE;
    grp text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM users WHERE username = p_username) THEN
        RAISE EXCEPTION 'koers_set_login: % is no Koers user', p_username;
    END IF;
    IF p_role NOT IN ({roles}) THEN
        RAISE EXCEPTION 'koers_set_login: unknown role %', p_role;
    END IF;
    SELECT * INTO existing FROM pg_roles WHERE rolname = p_username;
    IF FOUND THEN
        IF existing.rolsuper OR p_username = current_user
           OR coalesce(shobj_description(existing.oid, 'pg_authid'), '') <> 'Koers user' THEN
            RAISE EXCEPTION 'koers_set_login: % is not a Koers login role', p_username;
        END IF;
    ELSE
        EXECUTE format('CREATE ROLE %I NOLOGIN INHERIT', p_username);
        EXECUTE format('COMMENT ON ROLE %I IS %L', p_username, 'Koers user');
    END IF;
    IF p_active AND p_password IS NOT NULL THEN
        EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', p_username, p_password);
    ELSIF NOT p_active THEN
        EXECUTE format('ALTER ROLE %I NOLOGIN PASSWORD NULL', p_username);
    END IF;
    FOREACH grp IN ARRAY ARRAY[{groups}] LOOP
        EXECUTE format('REVOKE %I FROM %I', grp, p_username);
    END LOOP;
    grp := CASE p_role WHEN 'coordinator' THEN 'koers_coordinator'
                       WHEN 'mentor' THEN 'koers_mentor'
                       {board_case}
                       ELSE 'koers_readonly' END;
    EXECUTE format('GRANT %I TO %I', grp, p_username);
END
$$;
"""

BOARD_COUNTS = """
-- Per school of the calling board login: the students at school (the cohort: not archived,
-- not left) and the leavers between two dates. Counts only, never a row per student.
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


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql" or not _row_security_installed(bind):
        return
    if not _may_install(bind):
        return
    op.execute(
        f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{BOARD}') "
        f"THEN CREATE ROLE {BOARD} NOLOGIN; END IF; END $$"
    )
    board_member = f"OR pg_has_role(session_user, '{BOARD}', 'MEMBER')"
    op.execute(SEES_EVERY_STUDENT.format(board=board_member))
    op.execute(BOUND_TO_SCHOOLS.format(board=board_member))
    op.execute(
        SET_LOGIN.format(
            roles="'coordinator', 'mentor', 'read_only', 'board'",
            groups=NEW_GROUPS,
            board_case=f"WHEN 'board' THEN '{BOARD}'",
        )
    )
    op.execute(BOARD_COUNTS)
    op.execute(f"GRANT USAGE ON SCHEMA public TO {BOARD}")
    op.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {BOARD}")
    personal = _personal_tables(bind)
    op.execute(f"REVOKE ALL ON {', '.join(personal)} FROM {BOARD}")
    op.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {BOARD}")
    op.execute(f"GRANT UPDATE ({OWN_USER_COLUMNS}) ON users TO {BOARD}")
    op.execute(f"GRANT INSERT ON audit_log TO {BOARD}")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql" or not _row_security_installed(bind):
        return
    op.execute("DROP FUNCTION IF EXISTS koers_board_school_counts(date, date)")
    op.execute(SEES_EVERY_STUDENT.format(board=""))
    op.execute(BOUND_TO_SCHOOLS.format(board=""))
    op.execute(SET_LOGIN.format(roles="'coordinator', 'mentor', 'read_only'", groups=OLD_GROUPS, board_case=""))
    exists = bind.execute(text("SELECT count(*) FROM pg_roles WHERE rolname = :r"), {"r": BOARD})
    if exists.scalar():
        # The group belongs to the cluster (other Koers databases may use it): only this
        # database's grants go.
        op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {BOARD}")
        op.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {BOARD}")
        op.execute(f"REVOKE USAGE ON SCHEMA public FROM {BOARD}")


def _row_security_installed(bind: Connection) -> bool:
    found = bind.execute(
        text(
            "SELECT count(*) FROM pg_policies "
            "WHERE tablename = 'students' AND policyname = 'koers_own_students'"
        )
    ).scalar()
    return bool(found)


def _may_install(bind: Connection) -> bool:
    found = bind.execute(
        text("SELECT count(*) FROM pg_roles WHERE rolname = :name"), {"name": BOARD}
    ).scalar()
    may_create = bind.execute(
        text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    if found or may_create:
        return True
    logging.getLogger("alembic").warning(
        "The board's group %s not made: the owner may not create roles (see the README, "
        "Several schools on one server).",
        BOARD,
    )
    return False


def _personal_tables(bind: Connection) -> list[str]:
    """Every table with student data: those under the students' policy of 0012/0017."""
    rows = bind.execute(
        text(
            "SELECT DISTINCT tablename FROM pg_policies "
            "WHERE policyname = 'koers_own_students' ORDER BY tablename"
        )
    )
    return [f'"{row[0]}"' for row in rows]
