"""Every figure of the trends area equals a count worked out by hand; the comments name the
students behind each count (see conftest.LEAVERS)."""

from __future__ import annotations

from sqlalchemy import event

from app.db import Store
from app.models import OutflowProfile
from app.services.common.actor import Actor
from app.services.trends import figures
from app.services.trends.figures import Shape
from app.services.trends.filters import Dimension, TrendFilters
from app.services.trends.honest import Share, share_text

from .conftest import LEAVERS, ON, Leaver, add_leavers

ALL = TrendFilters()


def _row(rows, year, group=""):
    return next(r for r in rows if r.year == year and (r.group or "") == group)


def test_destinations_in_koers_own_list_and_in_both_monitor_shapes(
    school: Store, coordinator: Actor
) -> None:
    pro = school.run(figures.destinations, coordinator, ALL, shape=Shape.PRO, on=ON)
    assert [r.year for r in pro] == [2023, 2024]
    expected_pro = {
        "werk": 1,  # Anna
        "mbo_bol": 1,  # Bram
        "vmbo": 1,  # Cees
        "geen_werk_of_studie": 2,  # Dirk, Eva
        "buitenland": 1,  # Fenna
        "andere_pro": 1,  # Gijs
        "onbekend": 1,  # Hugo
        "dagbesteding": 1,  # Ilse
    }
    assert {k: v for k, v in _row(pro, 2023).counts.items() if v} == expected_pro
    assert _row(pro, 2024).counts["werk"] == 2  # Jan, Kim
    vso = school.run(figures.destinations, coordinator, ALL, shape=Shape.VSO, on=ON)
    assert {k: v for k, v in _row(vso, 2023).counts.items() if v} == {
        "arbeidsmarktgericht": 1,  # Anna
        "vervolgonderwijs": 3,  # Bram, Cees, Gijs
        "dagbesteding": 1,  # Ilse
        "onbekend": 4,  # Dirk, Eva, Fenna, Hugo
    }
    koers = school.run(figures.destinations, coordinator, ALL, shape=Shape.KOERS, on=ON)
    assert _row(koers, 2023).counts["onbekend"] == 1  # Hugo: no destination recorded
    assert _row(koers, 2023).students == 9


def test_placement_by_the_monitor_rule_at_leaving_and_after_one_year(
    school: Store, coordinator: Actor
) -> None:
    row = _row(school.run(figures.placement, coordinator, ALL, on=ON), 2023)
    assert row.leavers == 9
    # Placed: Anna, Bram, Cees, Ilse; not: Eva (behaviour), Hugo (unknown);
    # outside: Dirk (illness), Fenna (abroad), Gijs (another PrO school).
    assert row.monitor[None] == Share(hits=4, known=6, outside=3)
    assert row.monitor_unknown[None] == 1  # Hugo
    assert round(row.monitor[None].value, 3) == 0.667
    # After a year: Anna placed; Bram moved to vso (outside); Cees dropped out; the six
    # others were not reached at twelve months and count as unknown, so not placed.
    assert row.monitor[12] == Share(hits=1, known=8, outside=1)
    assert row.monitor_unknown[12] == 6  # Dirk, Eva, Fenna, Gijs, Hugo, Ilse


def test_retention_never_counts_unknown_as_in_place(school: Store, coordinator: Actor) -> None:
    rows = school.run(figures.placement, coordinator, ALL, on=ON)
    # Asked of those with a place at leaving: Anna, Bram, Cees, Gijs, Ilse.
    old = _row(rows, 2023)
    assert old.retention[6] == Share(hits=1, known=1, unknown=4)  # Ilse; no percentage
    assert old.retention[6].value is None
    assert old.retention[12] == Share(hits=2, known=3, unknown=2)  # Anna, Bram; Cees out
    assert old.retention[24] == Share(hits=1, known=1, unknown=4)  # Anna
    # Jan and Kim: both calls reached someone who could not say. Never "100 %".
    new = _row(rows, 2024)
    assert new.retention[6] == Share(unknown=2)
    assert share_text(new.retention[6]) == "— (n=0, 2 onbekend)"
    assert 24 not in new.retention  # their two-year moment is still to come


def test_fewer_than_five_students_give_a_count_but_no_percentage() -> None:
    assert Share(hits=4, known=4).value is None
    assert share_text(Share(hits=4, known=4)) == "— (n=4)"
    assert Share(hits=4, known=5).value == 0.8
    assert share_text(Share(hits=4, known=5, unknown=1)) == "80 % (n=5, 1 onbekend)"


def test_figures_per_profile_and_filtered(school: Store, coordinator: Actor) -> None:
    by_profile = school.run(
        figures.destinations,
        coordinator,
        ALL,
        shape=Shape.VSO,
        dimension=Dimension.PROFILE,
        on=ON,
    )
    assert _row(by_profile, 2023, "vervolgonderwijs").students == 2  # Bram, Cees
    assert _row(by_profile, 2023, "dagbesteding").students == 1  # Ilse
    kampen = TrendFilters(municipality="Kampen")
    rows = school.run(figures.destinations, coordinator, kampen, shape=Shape.PRO, on=ON)
    assert [r.students for r in rows] == [2]  # Eva, Gijs
    only_2024 = TrendFilters(first_year=2024, profile=OutflowProfile.ARBEIDSMARKT)
    rows = school.run(figures.placement, coordinator, only_2024, on=ON)
    assert [(r.year, r.leavers) for r in rows] == [(2024, 2)]  # Jan, Kim


def test_the_counting_happens_in_sql_not_per_student(school: Store, coordinator: Actor) -> None:
    """The number of statements does not grow with the number of leavers."""

    def statements() -> int:
        seen: list[str] = []

        def count(_conn, _cursor, statement, *_args) -> None:
            if statement.lstrip().upper().startswith("SELECT"):
                seen.append(statement)

        event.listen(school.engine, "before_cursor_execute", count)
        try:
            school.run(figures.placement, coordinator, ALL, on=ON)
            school.run(figures.destinations, coordinator, ALL, shape=Shape.PRO, on=ON)
        finally:
            event.remove(school.engine, "before_cursor_execute", count)
        return len(seen)

    before = statements()
    with school.session() as session:
        many = {f"Extra{n}": Leaver(LEAVERS["Anna"].left, None) for n in range(60)}
        add_leavers(session, many, surname="Extra")
    assert statements() == before
