"""The outflow cohort as a list, and the filtering the cohort view does on every keystroke.

Filtering happens over rows held in memory with precomputed lower-case search keys: a
keystroke on 150,000 students must stay well under 50 ms, which a database round trip or a
Qt proxy over Python data cannot promise.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.validation import format_date
from app.models import Student, TransitionPath, User
from app.services.common import labels
from app.services.common.actor import Actor
from app.services.common.names import full_name, select_student_names, sort_name
from app.services.common.permissions import require_names, visible_students
from app.services.students import signals


def school_year(day: date | None) -> str:
    """The school year a date falls in; it runs from 1 August to 31 July."""
    if day is None:
        return ""
    start = day.year if day.month >= 8 else day.year - 1
    return f"{start}-{start + 1}"


@dataclass(frozen=True, slots=True)
class CohortRow:
    id: int
    name: str
    sort_name: str
    class_name: str
    mentor: str
    profile: str
    planned_outflow: date | None
    school_year: str
    phase: str
    destination: str
    search_key: str = field(repr=False)
    # Short labels of the signals (app.services.students.signals) this student raises.
    signals: tuple[str, ...] = ()
    # Why a closed path was closed (always given when the young person has no place).
    closing_reason: str = ""

    @property
    def planned_outflow_text(self) -> str:
        return format_date(self.planned_outflow)


def _row(values, signal_labels: tuple[str, ...] = ()) -> CohortRow:
    name_parts = (values.first_name, values.prefix, values.surname)
    name = full_name(*name_parts)
    class_name = values.class_name or ""
    mentor = values.mentor or ""
    profile = labels.label(labels.OUTFLOW_PROFILE, values.outflow_profile)
    phase = labels.label(labels.PHASE, values.current_phase)
    destination = labels.label(labels.DESTINATION, values.destination)
    key = " ".join((name, values.las_key or "", class_name, mentor, profile, phase, destination))
    return CohortRow(
        id=values.id,
        name=name,
        sort_name=sort_name(*name_parts),
        class_name=class_name,
        mentor=mentor,
        profile=profile,
        planned_outflow=values.planned_outflow_date,
        school_year=school_year(values.planned_outflow_date),
        phase=phase,
        destination=destination,
        search_key=key.lower(),
        signals=signal_labels,
        closing_reason=values.closing_reason or "",
    )


def _cohort_select(actor: Actor):
    """The cohort's columns for the students `actor` may see, in name order."""
    require_names(actor)
    stmt = (
        select_student_names(
            Student.las_key,
            Student.class_name,
            Student.outflow_profile,
            Student.planned_outflow_date,
            User.display_name.label("mentor"),
            TransitionPath.current_phase,
            TransitionPath.destination,
            TransitionPath.closing_reason,
        )
        .outerjoin(User, User.id == Student.mentor_id)
        .outerjoin(TransitionPath, TransitionPath.student_id == Student.id)
        .where(Student.archived.is_(False))
        .order_by(Student.surname, Student.first_name, Student.id)
    )
    return visible_students(stmt, actor)


def list_cohort(session: Session, actor: Actor, with_signals: bool = True) -> list[CohortRow]:
    """The students `actor` may see, as rows for the cohort view (not logged: no file read)."""
    stmt = _cohort_select(actor)
    found = signals.compute(session, actor) if with_signals else {}
    # Core execution: plain rows, without the ORM's per-row bookkeeping.
    return [
        _row(values, signals.short_labels(found.get(values.id, ())))
        for values in session.connection().execute(stmt)
    ]


def cohort_signals(session: Session, actor: Actor) -> dict[int, tuple[str, ...]]:
    """The short signal labels per student the actor sees; only students raising one."""
    require_names(actor)
    found = signals.compute(session, actor)
    return {student_id: signals.short_labels(raised) for student_id, raised in found.items()}


@dataclass(frozen=True, slots=True)
class CohortOverview:
    """What the cohort area needs at once: the rows and the mentors to choose from.

    `first_page`: only the first rows in name order, with their signals, and `total` the
    count of the whole cohort; the rest follows (`cohort_overview`)."""

    rows: list[CohortRow]
    mentors: list[tuple[int, str]]
    first_page: bool = False
    total: int = 0


# Enough rows to fill the table on the largest screen, and some to scroll.
FIRST_PAGE = 120


def cohort_first_page(session: Session, actor: Actor, limit: int = FIRST_PAGE) -> CohortOverview:
    """What the log-in paints: the first `limit` students in name order with their signals,
    the count of the whole cohort (not loaded) and the mentors. It walks the name index for
    `limit` rows, so it costs the page, not the school (issue 19)."""
    from app.services.admin.accounts import mentors

    values = list(session.connection().execute(_cohort_select(actor).limit(limit)))
    found = signals.compute(session, actor, student_ids=[v.id for v in values]) if values else {}
    rows = [_row(v, signals.short_labels(found.get(v.id, ()))) for v in values]
    count = visible_students(
        select(func.count(Student.id)).where(Student.archived.is_(False)), actor
    )
    total = session.connection().execute(count).scalar_one()
    return CohortOverview(rows, mentors(session, actor), first_page=len(rows) < total, total=total)


def cohort_overview(session: Session, actor: Actor) -> CohortOverview:
    from app.services.admin.accounts import mentors

    # The signals follow in a second call (`cohort_signals`): the list shows without
    # waiting for them, which keeps the log-in within its budget.
    return CohortOverview(list_cohort(session, actor, with_signals=False), mentors(session, actor))


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


class CohortIndex:
    """Column lists over the rows, so each filter pass is one tight comprehension."""

    FILTER_COLUMNS = ("school_year", "class_name", "mentor", "profile", "phase")

    def __init__(self, rows: Sequence[CohortRow]) -> None:
        self.keys = [row.search_key for row in rows]
        self.columns = {attr: [getattr(row, attr) for row in rows] for attr in self.FILTER_COLUMNS}
        self.signals = [row.signals for row in rows]

    def __len__(self) -> int:
        return len(self.keys)

    def filter(self, wanted: CohortFilter) -> list[int]:
        """Indexes of the rows that match every filter; all words of the text must occur."""
        candidates: list[int] | range = range(len(self.keys))
        for attr in self.FILTER_COLUMNS:
            value = getattr(wanted, attr)
            if value:
                column = self.columns[attr]
                candidates = [i for i in candidates if column[i] == value]
        if wanted.signal:
            raised = self.signals
            candidates = [i for i in candidates if wanted.signal in raised[i]]
        keys = self.keys
        for word in wanted.text.lower().split():
            candidates = [i for i in candidates if word in keys[i]]
        return list(candidates)


def choices(rows: Iterable[CohortRow], attr: str) -> list[str]:
    """The distinct non-empty values of one column, sorted, for a filter list."""
    return sorted({getattr(row, attr) for row in rows} - {""})


def signal_choices() -> list[str]:
    """Every signal the signals service knows, in its order: the Aandacht filter offers
    them all, also those no student raises right now."""
    return list(signals.all_short_labels())


def aftercare_counts(raised: Mapping[int, tuple[str, ...]]) -> list[tuple[str, int]]:
    """How many students raise each aftercare signal (only those some student raises), for
    the line that tells the coordinator at log-in what aftercare needs."""
    counts = Counter(label for labels in raised.values() for label in labels)
    wanted = signals.short_labels(signals.AftercareFlag)
    return [(label, counts[label]) for label in wanted if counts[label]]
