"""Koers' destinations map one way onto the PrO monitor, the VSO outflow profiles and
Vensters; the monitor's success rule is its own, checked against the sector's table."""

from __future__ import annotations

import pytest

from app.models import Destination, NoWorkReason
from app.services.path import outflow_categories as oc


def test_every_destination_maps_to_exactly_one_category_in_each_shape() -> None:
    assert set(oc.PRO_MONITOR) == set(Destination)
    assert set(oc.VSO_SHAPE) == set(Destination)
    assert set(oc.VENSTERS) == set(Destination)
    assert set(oc.PRO_OUTCOME) == set(oc.ProMonitorCategory)
    assert set(oc.PRO_MONITOR.values()) == set(oc.ProMonitorCategory)


def test_back_to_school_is_three_categories_and_only_vmbo_counts_as_placed() -> None:
    assert oc.pro_outcome(Destination.VMBO) is oc.MonitorOutcome.PLACED
    assert oc.pro_outcome(Destination.VSO) is oc.MonitorOutcome.OUTSIDE
    assert oc.pro_outcome(Destination.OTHER_PRO) is oc.MonitorOutcome.OUTSIDE
    # A row from before the split counts as unknown until the user settles it.
    assert oc.pro_category(Destination.SCHOOL_UNSETTLED) is oc.ProMonitorCategory.UNKNOWN
    assert oc.pro_outcome(Destination.SCHOOL_UNSETTLED) is oc.MonitorOutcome.NOT_PLACED


@pytest.mark.parametrize(
    ("reason", "outcome"),
    [
        (NoWorkReason.BEHAVIOUR_MOTIVATION, oc.MonitorOutcome.NOT_PLACED),
        (NoWorkReason.DISMISSAL, oc.MonitorOutcome.NOT_PLACED),
        (NoWorkReason.EARLY_SCHOOL_LEAVING, oc.MonitorOutcome.NOT_PLACED),
        (NoWorkReason.ILLNESS, oc.MonitorOutcome.OUTSIDE),
        (NoWorkReason.CARE, oc.MonitorOutcome.OUTSIDE),
        (NoWorkReason.OTHER, oc.MonitorOutcome.OUTSIDE),
        (None, oc.MonitorOutcome.NOT_PLACED),  # not recorded: the cautious side
    ],
)
def test_no_work_or_study_counts_by_its_reason(reason, outcome) -> None:
    assert oc.pro_outcome(Destination.NOTHING, reason) is outcome
    assert oc.pro_outcome(Destination.BENEFIT, reason) is outcome


def _national_table(nothing_not_placed: int) -> list[oc.Leaver]:
    """1,000 leavers in the sector's published national shares (per mille); of the 30 with
    no work or study, `nothing_not_placed` because of behaviour, dismissal or drop-out."""
    shares = [
        (Destination.REGULAR_WORK, 371),  # work 37.1 %
        (Destination.ENTREE_MBO, 421),  # mbo bol 42.1 %
        (Destination.OTHER_PRO, 50),  # another PrO school 5.0 %
        (Destination.VSO, 26),  # vso 2.6 %
        (Destination.VMBO, 24),  # vmbo 2.4 %
        (Destination.DAGBESTEDING, 30),  # 3 %
        (Destination.TRAINING_ROUTE, 24),  # route 2.4 %
        (Destination.ABROAD, 12),  # abroad 1.2 %
        (Destination.UNKNOWN, 12),  # unknown 1.2 %
    ]
    leavers: list[oc.Leaver] = [(d, None) for d, n in shares for _ in range(n)]
    leavers += [(Destination.NOTHING, NoWorkReason.BEHAVIOUR_MOTIVATION)] * nothing_not_placed
    leavers += [(Destination.NOTHING, NoWorkReason.ILLNESS)] * (30 - nothing_not_placed)
    assert len(leavers) == 1000
    return leavers


def test_the_sector_national_figures_give_97_6_percent_placed() -> None:
    leavers = _national_table(nothing_not_placed=9)
    outcomes = oc.count_outcomes(leavers)
    # Placed: work 371 + mbo 421 + vmbo 24 + dagbesteding 30 + route 24.
    assert outcomes[oc.MonitorOutcome.PLACED] == 870
    # Not placed: unknown 12 + the 9 without work or study because of behaviour.
    assert outcomes[oc.MonitorOutcome.NOT_PLACED] == 21
    # Outside: another PrO school 50 + vso 26 + abroad 12 + 21 for another reason.
    assert outcomes[oc.MonitorOutcome.OUTSIDE] == 109
    assert round(100 * oc.placed_rate(leavers), 1) == 97.6


def test_97_6_percent_only_holds_when_part_of_no_work_or_study_leaves_the_denominator() -> None:
    every_one_not_placed = _national_table(nothing_not_placed=30)
    assert round(100 * oc.placed_rate(every_one_not_placed), 1) == 95.4  # 870 / 912
    assert oc.count_pro(every_one_not_placed)[oc.ProMonitorCategory.VMBO] == 24


def test_the_vso_and_vensters_shapes() -> None:
    leavers = [
        Destination.REGULAR_WORK,
        Destination.ENTREE_MBO,
        Destination.NOTHING,
        Destination.ABROAD,
        Destination.VMBO,
        None,
    ]
    assert oc.count_vso(leavers) == {
        oc.VsoShape.ARBEIDSMARKT: 1,
        oc.VsoShape.VERVOLGONDERWIJS: 2,
        oc.VsoShape.UNKNOWN: 3,
    }
    assert oc.vensters_category(Destination.WORK_BBL) is oc.VenstersCategory.WORK_AND_LEARNING
    assert oc.vensters_category(Destination.VSO) is oc.VenstersCategory.SECONDARY
    assert oc.vensters_category(None) is oc.VenstersCategory.OTHER
