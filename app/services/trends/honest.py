"""Honest figures: every share states its n and how many are unknown, unknown is never
counted as placed, and under five students there is a count but no percentage."""

from __future__ import annotations

from dataclasses import dataclass

from app.services.trends.filters import MIN_FOR_A_SHARE


@dataclass(frozen=True, slots=True)
class Share:
    """`hits` of the `known` students (n); `unknown` are outside n, `outside` left the
    denominator by the rule (the PrO monitor's abroad, vso, another PrO school, ...)."""

    hits: int = 0
    known: int = 0
    unknown: int = 0
    outside: int = 0

    @property
    def students(self) -> int:
        return self.known + self.unknown + self.outside

    @property
    def value(self) -> float | None:
        """The share, or None when fewer than five students stand behind it."""
        if self.known < MIN_FOR_A_SHARE:
            return None
        return self.hits / self.known

    def __add__(self, other: Share) -> Share:
        return Share(
            self.hits + other.hits,
            self.known + other.known,
            self.unknown + other.unknown,
            self.outside + other.outside,
        )


def percent_text(share: Share) -> str:
    """'83 %', or '—' when there is no percentage to show."""
    return "—" if share.value is None else f"{round(100 * share.value)} %"


def share_text(share: Share) -> str:
    """'83 % (n=12, 3 onbekend)': the percentage with what stands behind it."""
    if share.students == 0:
        return ""
    text = f"{percent_text(share)} (n={share.known}"
    if share.unknown:
        text += f", {share.unknown} onbekend"
    return text + ")"
