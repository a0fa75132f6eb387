"""Koers' own destination list, mapped one way to the shapes others count in.

Every `Destination` maps to exactly one category of the PrO outflow monitor (Sectorraad
Praktijkonderwijs), one VSO outflow profile and one Vensters category, so the same students
can be counted in any shape. The monitor's own success rule is here too: work, a training
route, (v)mbo or dagbesteding count as placed; unknown counts as not placed; "no work or
study" counts as not placed when it is *because of* behaviour or motivation, dismissal or
early school leaving, and leaves the denominator for any other reason (illness, care, ...);
abroad, another PrO school and vso leave the denominator.

Two choices of our own, both on the cautious side: "no work or study" without a recorded
reason counts as not placed (the reason is asked, and its absence is a signal), and a
pre-split "back to school, which school unknown" row counts as unknown until it is settled.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from enum import StrEnum

from app.models import Destination, NoWorkReason, OutflowProfile

# A leaver as the rule sees one: the destination and, with no work or study, the reason.
Leaver = tuple[Destination | None, NoWorkReason | None]


class ProMonitorCategory(StrEnum):
    """The monitor's categories, in the order of its own web form and tables."""

    WORK = "werk"  # also work with bbl
    MBO_BOL = "mbo_bol"
    OTHER_PRO = "andere_pro"
    VSO = "vso"
    VMBO = "vmbo"
    DAGBESTEDING = "dagbesteding"
    TRAINING_ROUTE = "traject"
    ABROAD = "buitenland"
    NOTHING = "geen_werk_of_studie"
    UNKNOWN = "onbekend"


class MonitorOutcome(StrEnum):
    PLACED = "geplaatst"
    NOT_PLACED = "niet_geplaatst"
    OUTSIDE = "buiten_noemer"


class VsoShape(StrEnum):
    """The VSO shape: the outflow profile the destination belongs to, plus unknown."""

    ARBEIDSMARKT = OutflowProfile.ARBEIDSMARKT.value
    DAGBESTEDING = OutflowProfile.DAGBESTEDING.value
    VERVOLGONDERWIJS = OutflowProfile.VERVOLGONDERWIJS.value
    UNKNOWN = "onbekend"


class VenstersCategory(StrEnum):
    """The public school profile (Vensters) one and two years after PrO."""

    WORK_CONTRACT = "werk_contract"
    WORK_AND_LEARNING = "werken_en_leren"
    LEARNING = "leren"
    SECONDARY = "voortgezet_onderwijs"
    OTHER = "overig"


# The destinations with which the reason for having no work or study is asked.
NO_WORK_DESTINATIONS = frozenset({Destination.NOTHING, Destination.BENEFIT})
NOT_PLACED_REASONS = frozenset(
    {
        NoWorkReason.BEHAVIOUR_MOTIVATION,
        NoWorkReason.DISMISSAL,
        NoWorkReason.EARLY_SCHOOL_LEAVING,
    }
)

PRO_MONITOR: dict[Destination, ProMonitorCategory] = {
    Destination.REGULAR_WORK: ProMonitorCategory.WORK,
    Destination.WORK_BANENAFSPRAAK: ProMonitorCategory.WORK,
    Destination.WORK_BBL: ProMonitorCategory.WORK,
    Destination.BESCHUT_WERK: ProMonitorCategory.WORK,
    Destination.DAGBESTEDING: ProMonitorCategory.DAGBESTEDING,
    Destination.TRAINING_ROUTE: ProMonitorCategory.TRAINING_ROUTE,
    Destination.ENTREE_MBO: ProMonitorCategory.MBO_BOL,
    Destination.VMBO: ProMonitorCategory.VMBO,
    Destination.VSO: ProMonitorCategory.VSO,
    Destination.OTHER_PRO: ProMonitorCategory.OTHER_PRO,
    Destination.SCHOOL_UNSETTLED: ProMonitorCategory.UNKNOWN,
    Destination.ABROAD: ProMonitorCategory.ABROAD,
    Destination.BENEFIT: ProMonitorCategory.NOTHING,
    Destination.NOTHING: ProMonitorCategory.NOTHING,
    Destination.UNKNOWN: ProMonitorCategory.UNKNOWN,
}

PRO_OUTCOME: dict[ProMonitorCategory, MonitorOutcome] = {
    ProMonitorCategory.WORK: MonitorOutcome.PLACED,
    ProMonitorCategory.MBO_BOL: MonitorOutcome.PLACED,
    ProMonitorCategory.VMBO: MonitorOutcome.PLACED,
    ProMonitorCategory.DAGBESTEDING: MonitorOutcome.PLACED,
    ProMonitorCategory.TRAINING_ROUTE: MonitorOutcome.PLACED,
    ProMonitorCategory.OTHER_PRO: MonitorOutcome.OUTSIDE,
    ProMonitorCategory.VSO: MonitorOutcome.OUTSIDE,
    ProMonitorCategory.ABROAD: MonitorOutcome.OUTSIDE,
    # Decided per leaver by the reason; this is the outcome without one.
    ProMonitorCategory.NOTHING: MonitorOutcome.NOT_PLACED,
    ProMonitorCategory.UNKNOWN: MonitorOutcome.NOT_PLACED,
}

VSO_SHAPE: dict[Destination, VsoShape] = {
    Destination.REGULAR_WORK: VsoShape.ARBEIDSMARKT,
    Destination.WORK_BANENAFSPRAAK: VsoShape.ARBEIDSMARKT,
    Destination.WORK_BBL: VsoShape.ARBEIDSMARKT,
    Destination.BESCHUT_WERK: VsoShape.ARBEIDSMARKT,
    Destination.TRAINING_ROUTE: VsoShape.ARBEIDSMARKT,
    Destination.DAGBESTEDING: VsoShape.DAGBESTEDING,
    Destination.ENTREE_MBO: VsoShape.VERVOLGONDERWIJS,
    Destination.VMBO: VsoShape.VERVOLGONDERWIJS,
    Destination.VSO: VsoShape.VERVOLGONDERWIJS,
    Destination.OTHER_PRO: VsoShape.VERVOLGONDERWIJS,
    Destination.SCHOOL_UNSETTLED: VsoShape.VERVOLGONDERWIJS,
    Destination.ABROAD: VsoShape.UNKNOWN,
    Destination.BENEFIT: VsoShape.UNKNOWN,
    Destination.NOTHING: VsoShape.UNKNOWN,
    Destination.UNKNOWN: VsoShape.UNKNOWN,
}

VENSTERS: dict[Destination, VenstersCategory] = {
    Destination.REGULAR_WORK: VenstersCategory.WORK_CONTRACT,
    Destination.WORK_BANENAFSPRAAK: VenstersCategory.WORK_CONTRACT,
    Destination.BESCHUT_WERK: VenstersCategory.WORK_CONTRACT,
    Destination.WORK_BBL: VenstersCategory.WORK_AND_LEARNING,
    Destination.ENTREE_MBO: VenstersCategory.LEARNING,
    Destination.TRAINING_ROUTE: VenstersCategory.LEARNING,
    Destination.VMBO: VenstersCategory.SECONDARY,
    Destination.VSO: VenstersCategory.SECONDARY,
    Destination.OTHER_PRO: VenstersCategory.SECONDARY,
    Destination.SCHOOL_UNSETTLED: VenstersCategory.SECONDARY,
    Destination.DAGBESTEDING: VenstersCategory.OTHER,
    Destination.ABROAD: VenstersCategory.OTHER,
    Destination.BENEFIT: VenstersCategory.OTHER,
    Destination.NOTHING: VenstersCategory.OTHER,
    Destination.UNKNOWN: VenstersCategory.OTHER,
}

PRO_MONITOR_LABEL = {
    ProMonitorCategory.WORK: "Werk (ook werk met bbl)",
    ProMonitorCategory.MBO_BOL: "Mbo bol",
    ProMonitorCategory.OTHER_PRO: "Andere PrO-school",
    ProMonitorCategory.VSO: "Vso",
    ProMonitorCategory.VMBO: "Vmbo",
    ProMonitorCategory.DAGBESTEDING: "Dagbesteding",
    ProMonitorCategory.TRAINING_ROUTE: "Voorbereidend of scholingstraject",
    ProMonitorCategory.ABROAD: "Verhuisd naar het buitenland",
    ProMonitorCategory.NOTHING: "Geen werk of studie",
    ProMonitorCategory.UNKNOWN: "Onbekend",
}

VSO_SHAPE_LABEL = {
    VsoShape.ARBEIDSMARKT: "Arbeidsmarktgericht",
    VsoShape.DAGBESTEDING: "Dagbesteding",
    VsoShape.VERVOLGONDERWIJS: "Vervolgonderwijs",
    VsoShape.UNKNOWN: "Onbekend",
}

VENSTERS_LABEL = {
    VenstersCategory.WORK_CONTRACT: "Werk met contract",
    VenstersCategory.WORK_AND_LEARNING: "Werken en leren",
    VenstersCategory.LEARNING: "Leren",
    VenstersCategory.SECONDARY: "Voortgezet onderwijs",
    VenstersCategory.OTHER: "Overig",
}

MONITOR_OUTCOME_LABEL = {
    MonitorOutcome.PLACED: "Succesvol geplaatst",
    MonitorOutcome.NOT_PLACED: "Niet succesvol geplaatst",
    MonitorOutcome.OUTSIDE: "Telt niet mee",
}


def pro_category(destination: Destination | None) -> ProMonitorCategory:
    return PRO_MONITOR[destination] if destination else ProMonitorCategory.UNKNOWN


def pro_outcome(
    destination: Destination | None, reason: NoWorkReason | None = None
) -> MonitorOutcome:
    """Placed, not placed or outside the denominator, by the monitor's own rule."""
    category = pro_category(destination)
    if category is ProMonitorCategory.NOTHING and reason is not None:
        return MonitorOutcome.NOT_PLACED if reason in NOT_PLACED_REASONS else MonitorOutcome.OUTSIDE
    return PRO_OUTCOME[category]


def vso_shape(destination: Destination | None) -> VsoShape:
    return VSO_SHAPE[destination] if destination else VsoShape.UNKNOWN


def vensters_category(destination: Destination | None) -> VenstersCategory:
    return VENSTERS[destination] if destination else VenstersCategory.OTHER


def _as_leaver(item: Destination | Leaver | None) -> Leaver:
    return item if isinstance(item, tuple) else (item, None)


def count_pro(leavers: Iterable[Destination | Leaver | None]) -> Counter[ProMonitorCategory]:
    return Counter(pro_category(_as_leaver(item)[0]) for item in leavers)


def count_vso(leavers: Iterable[Destination | Leaver | None]) -> Counter[VsoShape]:
    return Counter(vso_shape(_as_leaver(item)[0]) for item in leavers)


def count_outcomes(leavers: Iterable[Destination | Leaver | None]) -> Counter[MonitorOutcome]:
    return Counter(pro_outcome(*_as_leaver(item)) for item in leavers)


def placed_rate(leavers: Iterable[Destination | Leaver | None]) -> float | None:
    """The monitor's 'successfully placed' share; None when nobody counts."""
    outcomes = count_outcomes(leavers)
    denominator = outcomes[MonitorOutcome.PLACED] + outcomes[MonitorOutcome.NOT_PLACED]
    return outcomes[MonitorOutcome.PLACED] / denominator if denominator else None
