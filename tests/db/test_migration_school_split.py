"""0015: the merged "back to school" destination is split; old rows wait to be settled."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from app.db import migrate
from app.db.store import Store


def test_back_to_school_rows_become_unsettled_and_paths_get_a_no_work_reason(
    database_url: str,
) -> None:
    store = Store(database_url)
    try:
        with store.engine.begin() as connection:
            config = migrate.alembic_config(store)
            config.attributes["connection"] = connection
            command.upgrade(config, "0013")
        with store.engine.begin() as connection:
            for surname in ("Bos", "Smit"):
                connection.execute(
                    text(
                        "INSERT INTO students (first_name, surname, school_type, "
                        "legal_representation, archived, version, created_at, updated_at) "
                        "VALUES ('Sanne', :surname, 'pro', 'geen', false, 1, "
                        "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
                    ),
                    {"surname": surname},
                )
            ids = dict(connection.execute(text("SELECT surname, id FROM students")).all())
            for surname, destination in (("Bos", "ander_vo"), ("Smit", "regulier_werk")):
                connection.execute(
                    text(
                        "INSERT INTO transition_paths (student_id, current_phase, destination, "
                        "version, created_at, updated_at) VALUES (:s, 'nazorg', :d, 1, "
                        "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
                    ),
                    {"s": ids[surname], "d": destination},
                )
                connection.execute(
                    text(
                        "INSERT INTO aftercare_plans (student_id, outflow_date, ends_on, "
                        "destination, waakvlam, version, created_at, updated_at) VALUES "
                        "(:s, '2025-07-01', '2027-07-01', :d, false, 1, CURRENT_TIMESTAMP, "
                        "CURRENT_TIMESTAMP)"
                    ),
                    {"s": ids[surname], "d": destination},
                )
        assert migrate.upgrade(store) is True
        columns = {c["name"] for c in inspect(store.engine).get_columns("transition_paths")}
        assert "no_work_reason" in columns
        with store.engine.connect() as connection:
            paths = dict(
                connection.execute(
                    text(
                        "SELECT s.surname, p.destination FROM transition_paths p "
                        "JOIN students s ON s.id = p.student_id"
                    )
                ).all()
            )
            plans = dict(
                connection.execute(
                    text(
                        "SELECT s.surname, p.destination FROM aftercare_plans p "
                        "JOIN students s ON s.id = p.student_id"
                    )
                ).all()
            )
        assert paths == {"Bos": "school_onbekend", "Smit": "regulier_werk"}
        assert plans == {"Bos": "school_onbekend", "Smit": "regulier_werk"}
    finally:
        store.dispose()
