"""What the cohort view narrows its list to, and the index it filters with on every keystroke.

Filtering happens over rows held in memory with precomputed lower-case search keys: a
keystroke on 150,000 students must stay well under 50 ms, which a database round trip or a
Qt proxy over Python data cannot promise.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.services.students.cohort import CohortRow


@dataclass(frozen=True, slots=True)
class CohortFilter:
    """What the user narrowed the cohort to; empty strings mean 'all'."""

    text: str = ""
    school_year: str = ""
    class_name: str = ""
    mentor: str = ""
    profile: str = ""
    phase: str = ""
    signal: str = ""  # a short signal label: only students raising it

    def is_empty(self) -> bool:
        return not any(
            (
                self.text,
                self.school_year,
                self.class_name,
                self.mentor,
                self.profile,
                self.phase,
                self.signal,
            )
        )

    def narrows(self, other: CohortFilter) -> bool:
        """Whether every student this filter keeps, `other` keeps too: each list narrowed
        in `other` is narrowed the same way here, and each word of its text lies inside a
        word of this text ("van" -> "van d", "ber" -> "berg")."""
        for attr in (*CohortIndex.FILTER_COLUMNS, "signal"):
            if getattr(other, attr) not in ("", getattr(self, attr)):
                return False
        words = self.text.lower().split()
        return all(any(old in new for new in words) for old in other.text.lower().split())


class CohortIndex:
    """Column lists over the rows, so each filter pass is one tight comprehension.

    The signals are kept by student id (`raised`), beside the rows rather than in them:
    they arrive after the rows, and a new row per student to carry them took seconds at
    150,000 students.

    Filtering remembers its trail: each keystroke that narrows the last filter looks only
    among what that one found, and a keystroke deleted goes back to what was found before,
    so at 150,000 students only the first letter reads every row (issue 19)."""

    FILTER_COLUMNS = ("school_year", "class_name", "mentor", "profile", "phase")
    # Filters remembered back along the trail (typed text, one per keystroke).
    TRAIL = 64

    def __init__(
        self, rows: Sequence[CohortRow], raised: Mapping[int, tuple[str, ...]] | None = None
    ) -> None:
        self.keys = [row.search_key for row in rows]
        self.ids = [row.id for row in rows]
        # Spelled out, not getattr per row: at 150,000 rows that halves the model's load.
        self.columns = {
            "school_year": [row.school_year for row in rows],
            "class_name": [row.class_name for row in rows],
            "mentor": [row.mentor for row in rows],
            "profile": [row.profile for row in rows],
            "phase": [row.phase for row in rows],
        }
        self._raised: Mapping[int, tuple[str, ...]] = (
            raised if raised is not None else {row.id: row.signals for row in rows if row.signals}
        )
        self._trail: list[tuple[CohortFilter, list[int]]] = []

    def __len__(self) -> int:
        return len(self.keys)

    @property
    def raised(self) -> Mapping[int, tuple[str, ...]]:
        return self._raised

    @raised.setter
    def raised(self, raised: Mapping[int, tuple[str, ...]]) -> None:
        self._raised = raised
        self._trail.clear()  # what the Aandacht filter found has changed

    def put(self, i: int, row: CohortRow) -> None:
        """Row `i` is now `row` (the same student, at the same place in the order)."""
        self.keys[i] = row.search_key
        self.ids[i] = row.id
        for attr, column in self.columns.items():
            column[i] = getattr(row, attr)
        self._trail.clear()

    def filter(self, wanted: CohortFilter) -> list[int]:
        """Indexes of the rows that match every filter; all words of the text must occur.
        The list returned is shared with the trail: read it, do not change it."""
        trail = self._trail
        while trail and not wanted.narrows(trail[-1][0]):
            trail.pop()
        if trail and trail[-1][0] == wanted:
            return trail[-1][1]
        found = self._matching(wanted, trail[-1][1] if trail else range(len(self.keys)))
        trail.append((wanted, found))
        del trail[: -self.TRAIL]
        return found

    def _matching(self, wanted: CohortFilter, candidates: list[int] | range) -> list[int]:
        """Those of `candidates` that match every filter."""
        for attr in self.FILTER_COLUMNS:
            value = getattr(wanted, attr)
            if value:
                column = self.columns[attr]
                candidates = [i for i in candidates if column[i] == value]
        if wanted.signal:
            raised, ids = self.raised, self.ids
            candidates = [i for i in candidates if wanted.signal in raised.get(ids[i], ())]
        keys = self.keys
        for word in wanted.text.lower().split():
            candidates = [i for i in candidates if word in keys[i]]
        return list(candidates)
