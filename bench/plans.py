"""`python -m bench.plans`: the query plans of the cohort's queries (the log-in's page and
count, the whole list), kept in bench/plans/ so a change that loses an index, or reads the
whole school through one, shows in review (issue 19).

SQLite's EXPLAIN QUERY PLAN on the cached region (read-only: nothing runs, nothing changes).
"""

from __future__ import annotations

import sqlite3
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.dialects import sqlite

from app.models import Role, Student
from app.services.common.actor import Actor
from app.services.common.permissions import visible_students
from app.services.students.cohort import FIRST_PAGE, _cohort_select
from bench.generate import BENCH_DIR, FULL, cached_region

PLANS = BENCH_DIR / "plans"


def statements() -> dict[str, object]:
    coordinator = Actor(1, "demo", "Demo", Role.COORDINATOR)
    mentor = Actor(2, "mentor", "Mentor", Role.MENTOR)
    count = select(func.count(Student.id)).where(Student.archived.is_(False))
    return {
        "cohort_first_page_coordinator": _cohort_select(coordinator).limit(FIRST_PAGE),
        "cohort_first_page_mentor": _cohort_select(mentor).limit(FIRST_PAGE),
        "cohort_whole_coordinator": _cohort_select(coordinator, whole=True),
        "cohort_whole_mentor": _cohort_select(mentor, whole=True),
        "cohort_count_coordinator": visible_students(count, coordinator),
        "cohort_count_mentor": visible_students(count, mentor),
    }


def main() -> None:
    region = cached_region(FULL.region_students)
    connection = sqlite3.connect(f"{region.resolve().as_uri()}?mode=ro", uri=True)
    PLANS.mkdir(exist_ok=True)
    try:
        for name, stmt in statements().items():
            sql = str(
                stmt.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True})
            )
            plan = connection.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
            lines = [f"-- {name}, {date.today().isoformat()}, SQLite", sql, "", "plan:"]
            lines += [f"  {detail}" for _id, _parent, _unused, detail in plan]
            (PLANS / f"sqlite-{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
            print(name, "|", " / ".join(row[3] for row in plan))
    finally:
        connection.close()


if __name__ == "__main__":
    main()
