"""The Trends area's one use case: what each tab shows for the named leavers of conftest,
and a bounded number of statements however many students there are."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from app.core.errors import PermissionDeniedError, ValidationError
from app.db import Store
from app.export.trend_report import ShareLines, StackedBars
from app.models import Role
from app.services.common.actor import Actor
from app.services.trends import norms
from app.services.trends.area import Tab, trends_view
from app.services.trends.figures import Shape
from app.services.trends.filters import Dimension, TrendFilters

from .conftest import LEAVERS, ON, Leaver, add_leavers

ALL = TrendFilters()


def _view(school: Store, actor: Actor, filters=ALL, shape=Shape.PRO, dimension=Dimension.NONE):
    return school.run(trends_view, actor, filters, shape, dimension, ON)


def test_the_destinations_tab_counts_every_leaver_with_n_and_unknown(
    school: Store, coordinator: Actor
) -> None:
    view = _view(school, coordinator)
    assert view.leavers == 11  # Anna..Ilse (2023), Jan, Kim (2024)
    assert view.unknown == 1  # Hugo: no destination recorded
    (section,) = view.sections[Tab.DESTINATIONS]
    assert isinstance(section.chart, StackedBars)
    assert list(section.chart.x_labels) == ["2023-2024", "2024-2025"]
    assert any("n = 11 vertrekkers" in note and "<5" in note for note in section.notes)
    assert view.choices.years == (2023, 2024)
    assert view.choices.municipalities == ("Kampen", "Zwolle")


def test_filters_and_shape_change_what_is_shown(school: Store, coordinator: Actor) -> None:
    kampen = _view(school, coordinator, TrendFilters(municipality="Kampen"))
    assert kampen.leavers == 2  # Eva, Gijs
    koers = _view(school, coordinator, shape=Shape.KOERS).sections[Tab.DESTINATIONS][0]
    pro = _view(school, coordinator, shape=Shape.PRO).sections[Tab.DESTINATIONS][0]
    # The switch shows another list of categories (the table's rows or columns).
    assert (koers.header, [r[0] for r in koers.rows]) != (pro.header, [r[0] for r in pro.rows])


def test_placement_is_drawn_against_the_norms(school: Store, coordinator: Actor) -> None:
    placed, retained = _view(school, coordinator).sections[Tab.PLACEMENT]
    assert isinstance(placed.chart, ShareLines) and placed.chart.norm == 90
    assert retained.chart.norm == 75
    # A year on, six of the 2023 leavers are unknown (Dirk, Eva, Fenna, Gijs, Hugo, Ilse):
    # the monitor counts them as not placed, inside n, and the table says so.
    assert "waarvan onbekend 6" in placed.rows[0][2]
    # 2024-2025: Jan and Kim, both unknown at six months: never '100 %'.
    assert retained.rows[1][1].startswith("—")


def test_breakdown_per_municipality(school: Store, coordinator: Actor) -> None:
    where, shares = _view(school, coordinator, dimension=Dimension.MUNICIPALITY).sections[
        Tab.BREAKDOWN
    ]
    assert list(where.chart.x_labels) == ["Kampen", "Zwolle"]
    assert [row[0] for row in shares.rows] == ["Kampen", "Zwolle"]


def test_opening_the_area_costs_a_fixed_number_of_statements(
    school: Store, coordinator: Actor
) -> None:
    def statements() -> int:
        seen: list[str] = []

        def count(_conn, _cursor, statement, *_args) -> None:
            seen.append(statement)

        event.listen(school.engine, "before_cursor_execute", count)
        try:
            _view(school, coordinator, dimension=Dimension.RMC_REGION)
        finally:
            event.remove(school.engine, "before_cursor_execute", count)
        return len([s for s in seen if s.lstrip().upper().startswith("SELECT")])

    before = statements()
    with school.session() as session:
        many = {f"Extra{n}": Leaver(LEAVERS["Anna"].left, None) for n in range(80)}
        add_leavers(session, many, surname="Extra")
    assert statements() == before
    assert before <= 40  # every tab at once; PostgreSQL adds the audit lock statements


def test_norms_are_saved_and_a_bad_value_is_refused_in_dutch(
    school: Store, coordinator: Actor
) -> None:
    mentor = Actor(user_id=coordinator.user_id, username="m", display_name="M", role=Role.MENTOR)
    assert school.run(norms.norms, coordinator).placed_percent == 90
    assert "Sectorraad Praktijkonderwijs" in school.run(norms.norms, coordinator).source
    school.run(norms.set_norms, coordinator, "85", "70 %")
    assert school.run(norms.norms, coordinator).retained_percent == 70
    with pytest.raises(ValidationError) as refused:
        school.run(norms.set_norms, coordinator, "95", "120")
    assert "Norm nog op een plek" in str(refused.value)
    assert school.run(norms.norms, coordinator).placed_percent == 85  # nothing written
    with pytest.raises(PermissionDeniedError):
        school.run(norms.set_norms, mentor, "80", "70")
