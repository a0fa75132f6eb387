"""Koers' own destination list, mapped one way to the shapes others count in.

Every `Destination` maps to exactly one category of the PrO outflow monitor (Sectorraad
Praktijkonderwijs) and to exactly one VSO outflow profile, so the same students can be
counted in either shape. The monitor's own success rule is here too: work, a training
route, (v)mbo or dagbesteding count as placed; unknown and no work or study as not placed;
abroad, another PrO school and vso leave the denominator.

One simplification: Koers records "back to vmbo, vso or another PrO school" as one
destination. In the monitor those are three categories that all leave the denominator, so
it is counted as one merged category ("ander voortgezet onderwijs"); the rates are the same.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from enum import StrEnum

from app.models import Destination, OutflowProfile


class ProMonitorCategory(StrEnum):
    WORK = "werk"  # also work with bbl
    MBO_BOL = "mbo_bol"
    OTHER_SECONDARY = "ander_vo"  # another PrO school, vso or vmbo
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


PRO_MONITOR: dict[Destination, ProMonitorCategory] = {
    Destination.REGULAR_WORK: ProMonitorCategory.WORK,
    Destination.WORK_BANENAFSPRAAK: ProMonitorCategory.WORK,
    Destination.WORK_BBL: ProMonitorCategory.WORK,
    Destination.BESCHUT_WERK: ProMonitorCategory.WORK,
    Destination.DAGBESTEDING: ProMonitorCategory.DAGBESTEDING,
    Destination.TRAINING_ROUTE: ProMonitorCategory.TRAINING_ROUTE,
    Destination.ENTREE_MBO: ProMonitorCategory.MBO_BOL,
    Destination.OTHER_SCHOOL: ProMonitorCategory.OTHER_SECONDARY,
    Destination.ABROAD: ProMonitorCategory.ABROAD,
    Destination.BENEFIT: ProMonitorCategory.NOTHING,
    Destination.NOTHING: ProMonitorCategory.NOTHING,
    Destination.UNKNOWN: ProMonitorCategory.UNKNOWN,
}

PRO_OUTCOME: dict[ProMonitorCategory, MonitorOutcome] = {
    ProMonitorCategory.WORK: MonitorOutcome.PLACED,
    ProMonitorCategory.MBO_BOL: MonitorOutcome.PLACED,
    ProMonitorCategory.DAGBESTEDING: MonitorOutcome.PLACED,
    ProMonitorCategory.TRAINING_ROUTE: MonitorOutcome.PLACED,
    ProMonitorCategory.OTHER_SECONDARY: MonitorOutcome.OUTSIDE,
    ProMonitorCategory.ABROAD: MonitorOutcome.OUTSIDE,
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
    Destination.OTHER_SCHOOL: VsoShape.VERVOLGONDERWIJS,
    Destination.ABROAD: VsoShape.UNKNOWN,
    Destination.BENEFIT: VsoShape.UNKNOWN,
    Destination.NOTHING: VsoShape.UNKNOWN,
    Destination.UNKNOWN: VsoShape.UNKNOWN,
}

PRO_MONITOR_LABEL = {
    ProMonitorCategory.WORK: "Werk (ook werk met bbl)",
    ProMonitorCategory.MBO_BOL: "Mbo bol",
    ProMonitorCategory.OTHER_SECONDARY: "Andere PrO-school, vso of vmbo",
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


def pro_category(destination: Destination | None) -> ProMonitorCategory:
    return PRO_MONITOR[destination] if destination else ProMonitorCategory.UNKNOWN


def pro_outcome(destination: Destination | None) -> MonitorOutcome:
    return PRO_OUTCOME[pro_category(destination)]


def vso_shape(destination: Destination | None) -> VsoShape:
    return VSO_SHAPE[destination] if destination else VsoShape.UNKNOWN


def count_pro(destinations: Iterable[Destination | None]) -> Counter[ProMonitorCategory]:
    return Counter(pro_category(d) for d in destinations)


def count_vso(destinations: Iterable[Destination | None]) -> Counter[VsoShape]:
    return Counter(vso_shape(d) for d in destinations)


def placed_rate(destinations: Iterable[Destination | None]) -> float | None:
    """The monitor's 'successfully placed' share; None when nobody counts."""
    outcomes = Counter(pro_outcome(d) for d in destinations)
    denominator = outcomes[MonitorOutcome.PLACED] + outcomes[MonitorOutcome.NOT_PLACED]
    return outcomes[MonitorOutcome.PLACED] / denominator if denominator else None
