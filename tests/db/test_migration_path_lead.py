"""0014 links the path's free-text case lead to a Netwerk contact where the name matches,
and keeps every typed value as it was (so an unmatched lead stays visible)."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from app.db import Store, migrate

NOW = "CURRENT_TIMESTAMP"


def _insert(connection, sql: str, **values) -> int:
    connection.execute(text(sql), values)
    return connection.execute(text("SELECT max(id) FROM " + sql.split()[2])).scalar_one()


def test_free_text_case_leads_are_linked_by_name_and_all_kept(database_url: str) -> None:
    store = Store(database_url)
    try:
        with store.engine.begin() as connection:
            config = migrate.alembic_config(store)
            config.attributes["connection"] = connection
            command.upgrade(config, "0013")
        stamp = f"1, {NOW}, {NOW}"
        with store.engine.begin() as connection:
            rmc = _insert(
                connection,
                "INSERT INTO organisations (code, name, kind, active, version, created_at, "
                f"updated_at) VALUES ('RMC', 'RMC Midden-Limburg', 'rmc', true, {stamp})",
            )
            uwv = _insert(
                connection,
                "INSERT INTO organisations (code, name, kind, active, version, created_at, "
                f"updated_at) VALUES ('UWV', 'UWV Roermond', 'uwv', true, {stamp})",
            )
            ilse = _insert(
                connection,
                "INSERT INTO organisation_contacts (organisation_id, name, version, created_at, "
                f"updated_at) VALUES (:o, 'Ilse Jacobs', {stamp})",
                o=rmc,
            )
            student = _insert(
                connection,
                "INSERT INTO students (first_name, surname, school_type, legal_representation, "
                f"archived, version, created_at, updated_at) VALUES ('Sanne', 'Bos', 'vso', "
                f"'geen', false, {stamp})",
            )
            path = _insert(
                connection,
                "INSERT INTO transition_paths (student_id, current_phase, version, created_at, "
                f"updated_at) VALUES (:s, 'uitstroom', {stamp})",
                s=student,
            )
            leads = [
                ("  ilse   JACOBS ", "RMC", "06-12345678"),  # a contact, typed loosely
                ("Mentor", "School", None),  # nobody in the Netwerk
                ("Onbekende collega", "UWV Roermond", None),  # only the organisation
                (None, None, None),
            ]
            for n, (name, organisation, contact) in enumerate(leads):
                connection.execute(
                    text(
                        "INSERT INTO path_phases (path_id, phase, start_date, lead_name, "
                        "lead_organisation, lead_contact, version, created_at, updated_at) "
                        f"VALUES (:p, 'uitstroom', :d, :n, :o, :c, {stamp})"
                    ),
                    {
                        "p": path,
                        "d": f"2025-0{n + 1}-01",
                        "n": name,
                        "o": organisation,
                        "c": contact,
                    },
                )
        assert migrate.upgrade(store) is True
        with store.engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT lead_name, lead_organisation, lead_contact, lead_contact_id, "
                    "lead_organisation_id FROM path_phases ORDER BY start_date"
                )
            ).all()
            categories = connection.execute(
                text("SELECT count(*) FROM bottleneck_categories")
            ).scalar_one()
        assert [tuple(r) for r in rows] == [
            ("  ilse   JACOBS ", "RMC", "06-12345678", ilse, rmc),
            ("Mentor", "School", None, None, None),
            ("Onbekende collega", "UWV Roermond", None, None, uwv),
            (None, None, None, None, None),
        ]
        assert categories >= 5
    finally:
        store.dispose()
