"""On PostgreSQL the server keeps a mentor to his or her own students

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 19:00:00.000000

Group roles koers_coordinator, koers_mentor and koers_readonly; a login role per Koers
user (made by koers_set_login, see app/db/server_roles.py) is a member of one of them.
Who a connection is comes from `session_user` matched to `users.username`: SET ROLE does
not change session_user, and no group may change a user's name or role. Row-level
security (forced, so the owner is bound by the same policies) lets a coordinator see every
student, a mentor the students whose mentor he or she is, and a read-only account none;
every table with student data follows its student through the foreign key. A role that is
no Koers user's login (the owner, the DBA, the app role of the single-role mode) keeps
reading every row, so existing installs work on as before. SQLite: nothing to do.
"""

import logging

from alembic import op
from sqlalchemy import Connection, text

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

GROUPS = ("koers_coordinator", "koers_mentor", "koers_readonly")

# Tables that hold a student_id, and tables that hang below one of those (table, column,
# parent table): a row is visible when its parent row is, down to the student.
STUDENT_TABLES = (
    "guardians",
    "profile_assessments",
    "key_decisions",
    "internships",
    "transition_paths",
    "conversations",
    "consents",
    "aftercare_plans",
    "aftercare_calls",
    "aftercare_signals",
    "dropout_report_proposals",
    "meeting_agenda_items",
)
NULLABLE_STUDENT_TABLES = ("drafts", "export_log")
CHILD_TABLES = (
    ("profile_scores", "assessment_id", "profile_assessments"),
    ("key_decision_participants", "decision_id", "key_decisions"),
    ("internship_evaluations", "internship_id", "internships"),
    ("internship_scores", "evaluation_id", "internship_evaluations"),
    ("path_phases", "path_id", "transition_paths"),
    ("path_events", "path_id", "transition_paths"),
    ("instruments", "path_id", "transition_paths"),
    ("conversation_participants", "conversation_id", "conversations"),
    ("agreements", "conversation_id", "conversations"),
    ("meeting_actions", "agenda_item_id", "meeting_agenda_items"),
)
# What a user may change on the own account row (password, lock-out), never name or role.
OWN_USER_COLUMNS = "password_hash, failed_logins, locked_until, updated_at, updated_by_id, version"

FUNCTIONS = """
-- A coordinator's login sees every row; so does every role that is no Koers user's login
-- (the DBA, the owner, the one app role of the single-role mode): table privileges alone
-- govern those, as before this step.
CREATE OR REPLACE FUNCTION koers_sees_every_student() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT pg_has_role(session_user, 'koers_coordinator', 'MEMBER')
        OR NOT (pg_has_role(session_user, 'koers_mentor', 'MEMBER')
                OR pg_has_role(session_user, 'koers_readonly', 'MEMBER'))
$$;

CREATE OR REPLACE FUNCTION koers_current_user_id() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT id FROM users WHERE username = session_user AND active
$$;

CREATE OR REPLACE FUNCTION koers_mentor_id() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT id FROM users
    WHERE username = session_user AND active AND role = 'mentor'
      AND pg_has_role(session_user, 'koers_mentor', 'MEMBER')
$$;

-- Creates, changes or switches off the login role of a Koers user. Runs as the owner
-- (who needs CREATEROLE); only coordinators may call it, and only for a name that is a
-- Koers user and a role that Koers made itself: never the owner, never a superuser.
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
    IF p_role NOT IN ('coordinator', 'mentor', 'read_only') THEN
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
    FOREACH grp IN ARRAY ARRAY['koers_coordinator', 'koers_mentor', 'koers_readonly'] LOOP
        EXECUTE format('REVOKE %I FROM %I', grp, p_username);
    END LOOP;
    grp := CASE p_role WHEN 'coordinator' THEN 'koers_coordinator'
                       WHEN 'mentor' THEN 'koers_mentor' ELSE 'koers_readonly' END;
    EXECUTE format('GRANT %I TO %I', grp, p_username);
END
$$;

-- Anyone changes the own login password (PostgreSQL allows that without CREATEROLE).
CREATE OR REPLACE FUNCTION koers_set_own_password(p_password text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY INVOKER SET search_path FROM CURRENT AS $$
BEGIN
    EXECUTE format('ALTER ROLE %I PASSWORD %L', session_user, p_password);
END
$$;

REVOKE ALL ON FUNCTION koers_set_login(text, text, text, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION koers_set_login(text, text, text, boolean) TO koers_coordinator;
"""


def _groups() -> None:
    for group in GROUPS:
        # Roles belong to the whole cluster: a second Koers database finds them made.
        op.execute(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') "
            f"THEN CREATE ROLE {group} NOLOGIN; END IF; END $$"
        )


def _grants() -> None:
    every = "koers_coordinator, koers_mentor, koers_readonly"
    op.execute(f"GRANT USAGE ON SCHEMA public TO {every}")
    op.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {every}")
    op.execute(
        "GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public "
        "TO koers_coordinator, koers_mentor"
    )
    op.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {every}")
    # Accounts and the schema version are the coordinator's (and the DBA's) alone; everyone
    # writes the audit trail (log-in, views) and the lock-out fields of the own account.
    op.execute("REVOKE INSERT, UPDATE, DELETE ON users, alembic_version FROM koers_mentor")
    op.execute("REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM koers_coordinator")
    op.execute(f"GRANT UPDATE ({OWN_USER_COLUMNS}) ON users TO koers_mentor, koers_readonly")
    op.execute("GRANT INSERT ON audit_log TO koers_readonly")
    # The audit trail stays append-only for every login (see `audit grants`).
    op.execute(f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM {every}")


def _policies() -> None:
    op.execute("ALTER TABLE users ENABLE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE users FORCE ROW LEVEL SECURITY")
    op.execute("CREATE POLICY koers_users_read ON users FOR SELECT USING (true)")
    op.execute(
        "CREATE POLICY koers_users_write ON users FOR ALL "
        "USING (koers_sees_every_student() OR id = koers_current_user_id()) "
        "WITH CHECK (koers_sees_every_student() OR id = koers_current_user_id())"
    )
    rules = {"students": "koers_sees_every_student() OR mentor_id = koers_mentor_id()"}
    visible = "EXISTS (SELECT 1 FROM students s WHERE s.id = {table}.student_id)"
    for table in STUDENT_TABLES:
        rules[table] = visible.format(table=table)
    for table in NULLABLE_STUDENT_TABLES:
        rules[table] = f"{table}.student_id IS NULL OR " + visible.format(table=table)
    for table, column, parent in CHILD_TABLES:
        rules[table] = f"EXISTS (SELECT 1 FROM {parent} p WHERE p.id = {table}.{column})"
    for table, rule in rules.items():
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY koers_own_students ON {table} FOR ALL "
            f"USING ({rule}) WITH CHECK ({rule})"
        )


def _may_install(bind: Connection) -> bool:
    """The groups exist, or the one migrating may create them; else single-role mode stays."""
    found = bind.execute(
        text("SELECT count(*) FROM pg_roles WHERE rolname = ANY(:names)"), {"names": list(GROUPS)}
    ).scalar()
    may_create = bind.execute(
        text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    if found == len(GROUPS) or may_create:
        return True
    logging.getLogger("alembic").warning(
        "Row-level security not installed: the owner may not create the roles %s (see the "
        "README, Shared PostgreSQL store).",
        ", ".join(GROUPS),
    )
    return False


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql" or not _may_install(bind):
        return
    _groups()
    op.execute(FUNCTIONS)
    _grants()
    _policies()


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    tables = ["users", "students", *STUDENT_TABLES, *NULLABLE_STUDENT_TABLES]
    tables += [table for table, _column, _parent in CHILD_TABLES]
    for table in tables:
        for policy in ("koers_own_students", "koers_users_read", "koers_users_write"):
            op.execute(f"DROP POLICY IF EXISTS {policy} ON {table}")
        op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    op.execute("DROP FUNCTION IF EXISTS koers_set_login(text, text, text, boolean)")
    op.execute("DROP FUNCTION IF EXISTS koers_set_own_password(text)")
    for name in ("koers_mentor_id", "koers_current_user_id", "koers_sees_every_student"):
        op.execute(f"DROP FUNCTION IF EXISTS {name}()")
