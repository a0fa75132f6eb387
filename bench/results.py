"""One measured figure, its budget, and how it is printed and saved."""

from __future__ import annotations

import json
import statistics
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass
class Result:
    name: str
    value: float
    unit: str
    budget: float | None = None  # the figure must be <= budget
    # Kept for old JSON files only: since issue 19 every figure with a budget counts.
    informational: bool = False
    samples: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def ok(self) -> bool | None:
        return None if self.budget is None else self.value <= self.budget

    @property
    def counts(self) -> bool:
        """Whether a miss of this figure is a missed budget."""
        return self.budget is not None and not self.informational

    def line(self) -> str:
        text = f"{self.name}: {_number(self.value)} {self.unit}".rstrip()
        if self.budget is None:
            text += " (informational)"
        else:
            text += f" (budget: {_number(self.budget)} {self.unit}".rstrip() + ")"
            text += " OK" if self.ok else " OVER"
            if self.informational:
                text += " [informational]"
        if self.note:
            text += f"  -- {self.note}"
        return text

    def as_json(self) -> dict:
        data = asdict(self)
        data["ok"] = self.ok
        return data


def _number(value: float) -> str:
    if value == int(value) and abs(value) >= 100:
        return f"{int(value)}"
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}" if abs(value) < 1 else f"{value:.2f}"


def median(values: list[float]) -> float:
    return statistics.median(values)


def ms(seconds: list[float]) -> list[float]:
    return [round(s * 1000, 3) for s in seconds]


def save(path: Path, meta: dict, results: list[Result]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"meta": meta, "results": [r.as_json() for r in results]}
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
