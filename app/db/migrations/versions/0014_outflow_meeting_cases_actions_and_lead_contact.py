"""The outflow meeting: meetings, participants, cases on the active and follow lists,
submissions, actions, bottlenecks, escalations, school free days; the path's case lead as a
Netwerk contact

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 08:00:00.000000

The meeting tables of 0001 were never written by any version, so they are reshaped in place
(their row-level security policies on PostgreSQL follow the new parent of an action).
The path's free-text case lead stays as typed; a phase whose lead's name matches exactly one
Netwerk contact (case and spaces ignored) gets that contact and its organisation linked, and
one whose organisation text matches exactly one organisation gets that organisation.
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# A school extends this list; these are the bottlenecks seed 003 and issue 17 name.
BOTTLENECK_CATEGORIES = (
    "Geen passende plek",
    "Wachtlijst zorg",
    "Vervoer",
    "Financiering",
    "Regels tussen gemeenten",
    "Anders",
)
# Tables of the meeting with a student, and those below a case (table, column, parent).
STUDENT_TABLES = ("meeting_cases",)
CHILD_TABLES = (
    ("meeting_actions", "case_id", "meeting_cases"),
    ("meeting_escalations", "case_id", "meeting_cases"),
)
NEW_TABLES = (
    "bottleneck_categories",
    "school_free_days",
    "meeting_cases",
    "meeting_bottlenecks",
    "meeting_escalations",
    "meeting_participants",
)


def _row_security_installed() -> bool:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return False
    found = bind.execute(
        text("SELECT count(*) FROM pg_proc WHERE proname = 'koers_sees_every_student'")
    ).scalar()
    return bool(found)


def _secure_new_tables() -> None:
    """What 0012 did for every table then, for the tables made here (PostgreSQL only)."""
    every = "koers_coordinator, koers_mentor, koers_readonly"
    for table in NEW_TABLES:
        op.execute(f"GRANT SELECT ON {table} TO {every}")
        op.execute(f"GRANT INSERT, UPDATE, DELETE ON {table} TO koers_coordinator, koers_mentor")
    op.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {every}")
    rules = {}
    for table in STUDENT_TABLES:
        rules[table] = f"EXISTS (SELECT 1 FROM students s WHERE s.id = {table}.student_id)"
    for table, column, parent in CHILD_TABLES:
        rules[table] = f"EXISTS (SELECT 1 FROM {parent} p WHERE p.id = {table}.{column})"
    for table, rule in rules.items():
        op.execute(f"DROP POLICY IF EXISTS koers_own_students ON {table}")
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY koers_own_students ON {table} FOR ALL "
            f"USING ({rule}) WITH CHECK ({rule})"
        )


def _link_path_leads() -> None:
    """Links each phase's free-text lead to the one contact (or organisation) it names."""
    bind = op.get_bind()
    contacts: dict[str, list[tuple[int, int, str]]] = {}
    rows = bind.execute(
        text(
            "SELECT c.id, c.organisation_id, c.name, o.name FROM organisation_contacts c "
            "JOIN organisations o ON o.id = c.organisation_id"
        )
    )
    for contact_id, organisation_id, name, organisation_name in rows:
        contacts.setdefault(_key(name), []).append(
            (contact_id, organisation_id, _key(organisation_name))
        )
    organisations: dict[str, list[int]] = {}
    for organisation_id, name, alt_name in bind.execute(
        text("SELECT id, name, alt_name FROM organisations")
    ):
        for each in {_key(name), _key(alt_name)} - {""}:
            organisations.setdefault(each, []).append(organisation_id)
    phases = bind.execute(
        text(
            "SELECT id, lead_name, lead_organisation, lead_contact FROM path_phases "
            "WHERE lead_name IS NOT NULL OR lead_organisation IS NOT NULL"
        )
    ).all()
    for phase_id, lead_name, lead_organisation, lead_contact in phases:
        contact_id = organisation_id = None
        matches = contacts.get(_key(lead_name), []) or contacts.get(_key(lead_contact), [])
        if len(matches) > 1 and lead_organisation:
            matches = [m for m in matches if m[2] == _key(lead_organisation)]
        if len(matches) == 1:
            contact_id, organisation_id = matches[0][0], matches[0][1]
        else:
            found = organisations.get(_key(lead_organisation), [])
            if len(found) == 1:
                organisation_id = found[0]
        if contact_id or organisation_id:
            bind.execute(
                text(
                    "UPDATE path_phases SET lead_contact_id = :contact, "
                    "lead_organisation_id = :organisation WHERE id = :id"
                ),
                {"contact": contact_id, "organisation": organisation_id, "id": phase_id},
            )


def _key(value: str | None) -> str:
    return " ".join((value or "").split()).casefold()


def upgrade() -> None:
    secure = _row_security_installed()
    if secure:
        # The action's parent changes from the agenda item to the case; its policy follows.
        op.execute("DROP POLICY IF EXISTS koers_own_students ON meeting_actions")
    op.create_table(
        "bottleneck_categories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_bottleneck_categories_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_bottleneck_categories_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bottleneck_categories")),
        sa.UniqueConstraint("name", name=op.f("uq_bottleneck_categories_name")),
    )
    op.create_table(
        "school_free_days",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_school_free_days_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_school_free_days_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school_free_days")),
        sa.UniqueConstraint("day", name=op.f("uq_school_free_days_day")),
    )
    op.create_table(
        "meeting_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "uitstroomoverleg", "actietafel", name="meetingkind", native_enum=False, length=40
            ),
            nullable=False,
        ),
        sa.Column(
            "list_kind",
            sa.Enum(
                "actief", "volglijst", "gearchiveerd", name="listkind", native_enum=False, length=40
            ),
            nullable=False,
        ),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("question", sa.Text(), nullable=True),
        sa.Column("follow_until", sa.Date(), nullable=True),
        sa.Column("archived_on", sa.Date(), nullable=True),
        sa.Column("lead_organisation_id", sa.Integer(), nullable=True),
        sa.Column("lead_contact_id", sa.Integer(), nullable=True),
        sa.Column("lead_since", sa.Date(), nullable=True),
        sa.Column("last_discussed_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_meeting_cases_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["lead_contact_id"],
            ["organisation_contacts.id"],
            name=op.f("fk_meeting_cases_lead_contact_id_organisation_contacts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["lead_organisation_id"],
            ["organisations.id"],
            name=op.f("fk_meeting_cases_lead_organisation_id_organisations"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["students.id"],
            name=op.f("fk_meeting_cases_student_id_students"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_meeting_cases_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_cases")),
        sa.UniqueConstraint("student_id", "kind", name=op.f("uq_meeting_cases_student_id")),
    )
    with op.batch_alter_table("meeting_cases", schema=None) as batch_op:
        batch_op.create_index("ix_meeting_cases_kind_list", ["kind", "list_kind"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_meeting_cases_student_id"), ["student_id"], unique=False
        )

    op.create_table(
        "meeting_bottlenecks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("approach", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["bottleneck_categories.id"],
            name=op.f("fk_meeting_bottlenecks_category_id_bottleneck_categories"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_meeting_bottlenecks_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["outflow_meetings.id"],
            name=op.f("fk_meeting_bottlenecks_meeting_id_outflow_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_meeting_bottlenecks_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_bottlenecks")),
    )
    with op.batch_alter_table("meeting_bottlenecks", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_bottlenecks_category_id"), ["category_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_meeting_bottlenecks_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "meeting_escalations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "route",
            sa.Enum(
                "coordinator_swv",
                "leidinggevende",
                name="escalationroute",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("escalated_on", sa.Date(), nullable=False),
        sa.Column("to_name", sa.String(length=160), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["meeting_cases.id"],
            name=op.f("fk_meeting_escalations_case_id_meeting_cases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_meeting_escalations_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_meeting_escalations_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_escalations")),
    )
    with op.batch_alter_table("meeting_escalations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_escalations_case_id"), ["case_id"], unique=False
        )

    op.create_table(
        "meeting_participants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("declaration_signed_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["organisation_contacts.id"],
            name=op.f("fk_meeting_participants_contact_id_organisation_contacts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_meeting_participants_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["outflow_meetings.id"],
            name=op.f("fk_meeting_participants_meeting_id_outflow_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_meeting_participants_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_meeting_participants_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_participants")),
    )
    with op.batch_alter_table("meeting_participants", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_participants_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_meeting_participants_organisation_id"), ["organisation_id"], unique=False
        )

    with op.batch_alter_table("meeting_actions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("case_id", sa.Integer(), nullable=False))
        batch_op.add_column(sa.Column("meeting_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("owner_user_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("owner_contact_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("owner_name", sa.String(length=160), nullable=False))
        batch_op.drop_index(batch_op.f("ix_meeting_actions_agenda_item_id"))
        batch_op.create_index(batch_op.f("ix_meeting_actions_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_meeting_actions_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index("ix_meeting_actions_open", ["case_id", "done_on"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_meeting_actions_owner_contact_id"), ["owner_contact_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_meeting_actions_owner_user_id"), ["owner_user_id"], unique=False
        )
        batch_op.drop_constraint(
            batch_op.f("fk_meeting_actions_agenda_item_id_meeting_agenda_items"), type_="foreignkey"
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_meeting_actions_meeting_id_outflow_meetings"),
            "outflow_meetings",
            ["meeting_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_meeting_actions_owner_contact_id_organisation_contacts"),
            "organisation_contacts",
            ["owner_contact_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_meeting_actions_owner_user_id_users"),
            "users",
            ["owner_user_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_meeting_actions_case_id_meeting_cases"),
            "meeting_cases",
            ["case_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.drop_column("agenda_item_id")
        batch_op.drop_column("who")

    with op.batch_alter_table("meeting_agenda_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("case_id", sa.Integer(), nullable=False))
        batch_op.add_column(
            sa.Column(
                "item_kind",
                sa.Enum(
                    "aanmelding", "voortgang", name="agendaitemkind", native_enum=False, length=40
                ),
                nullable=False,
                server_default="aanmelding",
            )
        )
        batch_op.add_column(sa.Column("submitted_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("submitted_by_organisation_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("submitted_by_name", sa.String(length=160), nullable=True))
        batch_op.add_column(sa.Column("submitted_by_user_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("note", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "decided_list",
                sa.Enum(
                    "actief",
                    "volglijst",
                    "gearchiveerd",
                    name="listkind",
                    native_enum=False,
                    length=40,
                ),
                nullable=True,
            )
        )
        batch_op.add_column(
            sa.Column("discussed", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.create_index(
            batch_op.f("ix_meeting_agenda_items_case_id"), ["case_id"], unique=False
        )
        batch_op.create_unique_constraint(
            batch_op.f("uq_meeting_agenda_items_meeting_id"), ["meeting_id", "case_id"]
        )
        batch_op.drop_constraint(
            batch_op.f("fk_meeting_agenda_items_lead_organisation_id_organisations"),
            type_="foreignkey",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_meeting_agenda_items_submitted_by_user_id_users"),
            "users",
            ["submitted_by_user_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_meeting_agenda_items_submitted_by_organisation_id_organisations"),
            "organisations",
            ["submitted_by_organisation_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_meeting_agenda_items_case_id_meeting_cases"),
            "meeting_cases",
            ["case_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.drop_column("registered_on")
        batch_op.drop_column("list_kind")
        batch_op.drop_column("lead_organisation_id")

    with op.batch_alter_table("outflow_meetings", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "kind",
                sa.Enum(
                    "uitstroomoverleg",
                    "actietafel",
                    name="meetingkind",
                    native_enum=False,
                    length=40,
                ),
                nullable=False,
                server_default="uitstroomoverleg",
            )
        )
        batch_op.add_column(sa.Column("starts_at", sa.String(length=5), nullable=True))
        batch_op.add_column(sa.Column("host_organisation_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("chair_contact_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("secretary_contact_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("minutes_final_on", sa.Date(), nullable=True))
        batch_op.create_index(batch_op.f("ix_outflow_meetings_held_on"), ["held_on"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_outflow_meetings_secretary_contact_id_organisation_contacts"),
            "organisation_contacts",
            ["secretary_contact_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_outflow_meetings_host_organisation_id_organisations"),
            "organisations",
            ["host_organisation_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_outflow_meetings_chair_contact_id_organisation_contacts"),
            "organisation_contacts",
            ["chair_contact_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.drop_column("bottlenecks")

    categories = sa.table(
        "bottleneck_categories",
        sa.column("name", sa.String),
        sa.column("active", sa.Boolean),
        sa.column("created_at", sa.DateTime),
        sa.column("updated_at", sa.DateTime),
        sa.column("version", sa.Integer),
    )
    now = datetime.now(UTC).replace(tzinfo=None)
    op.bulk_insert(
        categories,
        [
            {"name": name, "active": True, "created_at": now, "updated_at": now, "version": 1}
            for name in BOTTLENECK_CATEGORIES
        ],
    )

    with op.batch_alter_table("path_phases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lead_contact_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("lead_organisation_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("lead_since", sa.Date(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_path_phases_lead_contact_id_organisation_contacts"),
            "organisation_contacts",
            ["lead_contact_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_path_phases_lead_organisation_id_organisations"),
            "organisations",
            ["lead_organisation_id"],
            ["id"],
            ondelete="SET NULL",
        )

    _link_path_leads()
    if secure:
        _secure_new_tables()


def downgrade() -> None:
    if _row_security_installed():
        for table in ("meeting_actions", "meeting_escalations", "meeting_cases"):
            op.execute(f"DROP POLICY IF EXISTS koers_own_students ON {table}")
    with op.batch_alter_table("path_phases", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_path_phases_lead_organisation_id_organisations"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_path_phases_lead_contact_id_organisation_contacts"), type_="foreignkey"
        )
        batch_op.drop_column("lead_since")
        batch_op.drop_column("lead_organisation_id")
        batch_op.drop_column("lead_contact_id")

    with op.batch_alter_table("outflow_meetings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("bottlenecks", sa.TEXT(), nullable=True))
        batch_op.drop_constraint(
            batch_op.f("fk_outflow_meetings_chair_contact_id_organisation_contacts"),
            type_="foreignkey",
        )
        batch_op.drop_constraint(
            batch_op.f("fk_outflow_meetings_host_organisation_id_organisations"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_outflow_meetings_secretary_contact_id_organisation_contacts"),
            type_="foreignkey",
        )
        batch_op.drop_index(batch_op.f("ix_outflow_meetings_held_on"))
        batch_op.drop_column("minutes_final_on")
        batch_op.drop_column("secretary_contact_id")
        batch_op.drop_column("chair_contact_id")
        batch_op.drop_column("host_organisation_id")
        batch_op.drop_column("starts_at")
        batch_op.drop_column("kind")

    with op.batch_alter_table("meeting_agenda_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lead_organisation_id", sa.INTEGER(), nullable=True))
        batch_op.add_column(sa.Column("list_kind", sa.VARCHAR(length=40), nullable=False))
        batch_op.add_column(sa.Column("registered_on", sa.DATE(), nullable=True))
        batch_op.drop_constraint(
            batch_op.f("fk_meeting_agenda_items_case_id_meeting_cases"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_meeting_agenda_items_submitted_by_organisation_id_organisations"),
            type_="foreignkey",
        )
        batch_op.drop_constraint(
            batch_op.f("fk_meeting_agenda_items_submitted_by_user_id_users"), type_="foreignkey"
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_meeting_agenda_items_lead_organisation_id_organisations"),
            "organisations",
            ["lead_organisation_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.drop_constraint(batch_op.f("uq_meeting_agenda_items_meeting_id"), type_="unique")
        batch_op.drop_index(batch_op.f("ix_meeting_agenda_items_case_id"))
        batch_op.drop_column("discussed")
        batch_op.drop_column("decided_list")
        batch_op.drop_column("note")
        batch_op.drop_column("submitted_by_user_id")
        batch_op.drop_column("submitted_by_name")
        batch_op.drop_column("submitted_by_organisation_id")
        batch_op.drop_column("submitted_on")
        batch_op.drop_column("item_kind")
        batch_op.drop_column("case_id")

    with op.batch_alter_table("meeting_actions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("who", sa.VARCHAR(length=160), nullable=False))
        batch_op.add_column(sa.Column("agenda_item_id", sa.INTEGER(), nullable=False))
        batch_op.drop_constraint(
            batch_op.f("fk_meeting_actions_case_id_meeting_cases"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_meeting_actions_owner_user_id_users"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_meeting_actions_owner_contact_id_organisation_contacts"),
            type_="foreignkey",
        )
        batch_op.drop_constraint(
            batch_op.f("fk_meeting_actions_meeting_id_outflow_meetings"), type_="foreignkey"
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_meeting_actions_agenda_item_id_meeting_agenda_items"),
            "meeting_agenda_items",
            ["agenda_item_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.drop_index(batch_op.f("ix_meeting_actions_owner_user_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_actions_owner_contact_id"))
        batch_op.drop_index("ix_meeting_actions_open")
        batch_op.drop_index(batch_op.f("ix_meeting_actions_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_actions_case_id"))
        batch_op.create_index(
            batch_op.f("ix_meeting_actions_agenda_item_id"), ["agenda_item_id"], unique=False
        )
        batch_op.drop_column("owner_name")
        batch_op.drop_column("owner_contact_id")
        batch_op.drop_column("owner_user_id")
        batch_op.drop_column("meeting_id")
        batch_op.drop_column("case_id")

    with op.batch_alter_table("meeting_participants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_participants_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_participants_meeting_id"))

    op.drop_table("meeting_participants")
    with op.batch_alter_table("meeting_escalations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_escalations_case_id"))

    op.drop_table("meeting_escalations")
    with op.batch_alter_table("meeting_bottlenecks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_bottlenecks_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_bottlenecks_category_id"))

    op.drop_table("meeting_bottlenecks")
    with op.batch_alter_table("meeting_cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_cases_student_id"))
        batch_op.drop_index("ix_meeting_cases_kind_list")

    op.drop_table("meeting_cases")
    op.drop_table("school_free_days")
    op.drop_table("bottleneck_categories")
    if _row_security_installed():
        rule = (
            "EXISTS (SELECT 1 FROM meeting_agenda_items p "
            "WHERE p.id = meeting_actions.agenda_item_id)"
        )
        op.execute(
            f"CREATE POLICY koers_own_students ON meeting_actions FOR ALL "
            f"USING ({rule}) WITH CHECK ({rule})"
        )
