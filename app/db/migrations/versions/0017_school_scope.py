"""Schools as a scope: a database several schools share keeps each user to his or her schools

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05 10:00:00.000000

Issue 19, item 4: a region or a school board runs Koers for many schools on one PostgreSQL
server. `schools` lists them (a location is a school of its own), `school_members` says who
works for which, `students.school_id` where a student belongs (NULL in a school's own
database, which keeps working as before). On PostgreSQL with the row-level security of 0012
installed, the students' policy also asks that the student's school is one of the session
user's: every table with student data follows its student, so a coordinator of school A gets
none of school B's rows, from SQL directly. A user of a shared database with no membership
sees only students without a school (closed by default); a role that is no Koers user's
login (the DBA, the owner, the single app role) keeps reading every row. The groups may only
read the two tables: memberships are the DBA's to set, no coordinator can add a school.

On SQLite the column is added in place (ALTER TABLE ... ADD COLUMN ... REFERENCES), never by
recreating the students table, whose children would follow a DROP under foreign keys.
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

OLD_RULE = "koers_sees_every_student() OR mentor_id = koers_mentor_id()"
SCHOOL_RULE = (
    "school_id IS NULL OR NOT (SELECT koers_bound_to_schools()) "
    "OR school_id = ANY ((SELECT koers_my_schools())::integer[])"
)

FUNCTIONS = """
-- Whether the session user is a Koers user's login (a member of a Koers group): only those
-- are bound to their schools; the DBA, the owner and the single app role are not.
CREATE OR REPLACE FUNCTION koers_bound_to_schools() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT pg_has_role(session_user, 'koers_coordinator', 'MEMBER')
        OR pg_has_role(session_user, 'koers_mentor', 'MEMBER')
        OR pg_has_role(session_user, 'koers_readonly', 'MEMBER')
$$;

-- The schools the session user works for (an active Koers user's memberships).
CREATE OR REPLACE FUNCTION koers_my_schools() RETURNS integer[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT coalesce(array_agg(m.school_id), ARRAY[]::integer[])
    FROM school_members m JOIN users u ON u.id = m.user_id
    WHERE u.username = session_user AND u.active
$$;
"""


def upgrade() -> None:
    bind = op.get_bind()
    op.create_table(
        "schools",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("brin", sa.String(length=6), nullable=False),
        sa.Column("location", sa.String(length=2), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_schools")),
    )
    op.create_table(
        "school_members",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["school_id"],
            ["schools.id"],
            name=op.f("fk_school_members_school_id_schools"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_school_members_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "school_id", name=op.f("pk_school_members")),
    )
    if bind.dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE students ADD COLUMN school_id INTEGER REFERENCES schools (id)"
        )
    else:
        op.add_column("students", sa.Column("school_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f("fk_students_school_id_schools"),
            "students",
            "schools",
            ["school_id"],
            ["id"],
        )
    op.create_index(op.f("ix_students_school_id"), "students", ["school_id"])
    if bind.dialect.name == "postgresql" and _row_security_installed(bind):
        op.execute(FUNCTIONS)
        op.execute(
            "GRANT SELECT ON schools, school_members "
            "TO koers_coordinator, koers_mentor, koers_readonly"
        )
        _students_policy(f"({OLD_RULE}) AND ({SCHOOL_RULE})")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql" and _row_security_installed(bind):
        _students_policy(OLD_RULE)
        op.execute("DROP FUNCTION IF EXISTS koers_my_schools()")
        op.execute("DROP FUNCTION IF EXISTS koers_bound_to_schools()")
    op.drop_index(op.f("ix_students_school_id"), table_name="students")
    if bind.dialect.name == "sqlite":
        op.execute("ALTER TABLE students DROP COLUMN school_id")
    else:
        op.drop_constraint(op.f("fk_students_school_id_schools"), "students", type_="foreignkey")
        op.drop_column("students", "school_id")
    op.drop_table("school_members")
    op.drop_table("schools")


def _row_security_installed(bind: sa.Connection) -> bool:
    """0012 installed the policies (it skips them where the owner may not make roles)."""
    found = bind.execute(
        sa.text(
            "SELECT count(*) FROM pg_policies "
            "WHERE tablename = 'students' AND policyname = 'koers_own_students'"
        )
    ).scalar()
    return bool(found)


def _students_policy(rule: str) -> None:
    op.execute("DROP POLICY IF EXISTS koers_own_students ON students")
    op.execute(
        f"CREATE POLICY koers_own_students ON students FOR ALL USING ({rule}) WITH CHECK ({rule})"
    )
