"""Koers' destinations map one way onto the PrO monitor and onto the VSO outflow profiles."""

from __future__ import annotations

from app.models import Destination
from app.services.path import outflow_categories as oc


def test_every_destination_maps_to_exactly_one_category_in_each_shape() -> None:
    assert set(oc.PRO_MONITOR) == set(Destination)
    assert set(oc.VSO_SHAPE) == set(Destination)
    assert set(oc.PRO_OUTCOME) == set(oc.ProMonitorCategory)
    assert set(oc.PRO_MONITOR.values()) == set(oc.ProMonitorCategory)


def test_the_monitor_success_rule() -> None:
    assert oc.pro_category(Destination.WORK_BBL) is oc.ProMonitorCategory.WORK
    assert oc.pro_outcome(Destination.DAGBESTEDING) is oc.MonitorOutcome.PLACED
    assert oc.pro_outcome(None) is oc.MonitorOutcome.NOT_PLACED
    assert oc.pro_outcome(Destination.ABROAD) is oc.MonitorOutcome.OUTSIDE
    leavers = [
        Destination.REGULAR_WORK,
        Destination.ENTREE_MBO,
        Destination.NOTHING,
        Destination.ABROAD,  # leaves the denominator
        None,
    ]
    assert oc.placed_rate(leavers) == 0.5
    assert oc.count_vso(leavers) == {
        oc.VsoShape.ARBEIDSMARKT: 1,
        oc.VsoShape.VERVOLGONDERWIJS: 1,
        oc.VsoShape.UNKNOWN: 3,
    }
