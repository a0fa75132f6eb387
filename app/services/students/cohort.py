"""The outflow cohort as a list: its rows, their signals, the first page at log-in and the
rows a save reads again. The filtering the view does on every keystroke is in
`app.services.students.cohort_filter`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from app.core.validation import format_date
from app.models import Student, TransitionPath, User
from app.services.common import labels
from app.services.common.actor import Actor
from app.services.common.names import full_name, select_student_names, sort_name
from app.services.common.permissions import not_archived, require_names, visible_students
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


# The labels the rows show, by stored value (the slow path, `labels.label`, covers the rest).
_PROFILES: dict[object, str] = dict(labels.OUTFLOW_PROFILE)
_PHASES: dict[object, str] = dict(labels.PHASE)
_DESTINATIONS: dict[object, str] = dict(labels.DESTINATION)


class _RowMaker:
    """Builds cohort rows from plain result rows, sharing what repeats between them.

    At 150,000 students a string or date per row and per column is tens of megabytes and a
    second of parsing (issue 19): a class, a mentor, a label, a leaving date and its school
    year come back thousands of times, so each is made once and the rows share it.
    """

    def __init__(self) -> None:
        self._shared: dict[str, str] = {}
        self._dates: dict[object, tuple[date | None, str]] = {}

    def share(self, text: str | None) -> str:
        if not text:
            return ""
        return self._shared.setdefault(text, text)

    def leaving(self, stored: object) -> tuple[date | None, str]:
        """The planned leaving date and its school year, from the stored value: an ISO
        text where the column is read as text (SQLite), a date where the driver makes one."""
        known = self._dates.get(stored)
        if known is None:
            day = date.fromisoformat(stored) if isinstance(stored, str) else stored
            known = self._dates[stored] = (day, self.share(school_year(day)))
        return known

    def row(self, values: Sequence, signal_labels: tuple[str, ...] = ()) -> CohortRow:
        """A row from the values of `_cohort_select`, in its column order (unpacked as a
        tuple: reading a result row's fields by name costs more than the rest together)."""
        (
            student_id,
            first_name,
            prefix,
            surname,
            las_key,
            class_name,
            stored_profile,
            stored_leaving,
            mentor,
            stored_phase,
            stored_destination,
            closing_reason,
        ) = values
        if first_name and surname:  # the usual case, without full_name's general join
            name = f"{first_name} {prefix} {surname}" if prefix else f"{first_name} {surname}"
        else:
            name = full_name(first_name, prefix, surname)
        share = self._shared.setdefault
        class_name = share(class_name, class_name) if class_name else ""
        mentor = share(mentor, mentor) if mentor else ""
        # Labels are looked up by the stored value: a StrEnum member equals its value.
        profile = _PROFILES.get(stored_profile) or labels.label(
            labels.OUTFLOW_PROFILE, stored_profile
        )
        phase = _PHASES.get(stored_phase) or labels.label(labels.PHASE, stored_phase)
        destination = _DESTINATIONS.get(stored_destination) or labels.label(
            labels.DESTINATION, stored_destination
        )
        planned, year = self._dates.get(stored_leaving) or self.leaving(stored_leaving)
        key = " ".join((name, las_key or "", class_name, mentor, profile, phase, destination))
        return CohortRow(
            id=student_id,
            name=name,
            sort_name=sort_name(first_name, prefix, surname),
            class_name=class_name,
            mentor=mentor,
            profile=profile,
            planned_outflow=planned,
            school_year=year,
            phase=phase,
            destination=destination,
            search_key=key.lower(),
            signals=signal_labels,
            closing_reason=self.share(closing_reason),
        )


def _row(values, signal_labels: tuple[str, ...] = ()) -> CohortRow:
    """One row from values named like `_cohort_select`'s columns (a list shares its values
    through one `_RowMaker`)."""
    return _RowMaker().row([getattr(values, name) for name in _COLUMNS], signal_labels)


# The order of a whole list: by name as the list sorts it.
_SORT_NAME = attrgetter("sort_name")
# `_cohort_select`'s columns, in order.
_COLUMNS = (
    "id",
    "first_name",
    "prefix",
    "surname",
    "las_key",
    "class_name",
    "outflow_profile",
    "planned_outflow_date",
    "mentor",
    "current_phase",
    "destination",
    "closing_reason",
)


def _cohort_select(actor: Actor, *, whole: bool = False):
    """The cohort's columns for the students `actor` may see; a page comes in name order.

    The stored values come as they are (no enum or date conversion per row: `_RowMaker`
    converts each distinct value once). `whole`: the whole list, in id order (`list_cohort`
    sorts it the way the list shows it), read front to back where that is the whole table
    (`not_archived`; 150,000 encrypted students: 3.5 s -> 0.5 s)."""
    require_names(actor)
    stmt = (
        select_student_names(
            Student.las_key,
            Student.class_name,
            type_coerce(Student.outflow_profile, String).label("outflow_profile"),
            type_coerce(Student.planned_outflow_date, String).label("planned_outflow_date"),
            User.display_name.label("mentor"),
            type_coerce(TransitionPath.current_phase, String).label("current_phase"),
            type_coerce(TransitionPath.destination, String).label("destination"),
            TransitionPath.closing_reason,
        )
        .outerjoin(User, User.id == Student.mentor_id)
        .outerjoin(TransitionPath, TransitionPath.student_id == Student.id)
    )
    stmt = stmt.where(not_archived(actor, whole=whole))
    if whole:
        # A table read front to back comes in id order: ordering by id costs no sort.
        stmt = stmt.order_by(Student.id)
    else:
        stmt = stmt.order_by(Student.surname, Student.first_name, Student.id)
    return visible_students(stmt, actor)


class _SignalLabels:
    """The short labels of each student's signals, one shared tuple per combination: most
    students raise none or the same one or two (only students with a signal are looked up)."""

    def __init__(self, found: Mapping[int, Iterable[signals.Kind]]) -> None:
        self.found = found
        self._by_kinds: dict[frozenset, tuple[str, ...]] = {}

    def __call__(self, student_id: int) -> tuple[str, ...]:
        raised = self.found.get(student_id)
        if not raised:
            return ()
        kinds = frozenset(raised)
        known = self._by_kinds.get(kinds)
        if known is None:
            known = self._by_kinds[kinds] = signals.short_labels(kinds)
        return known


def list_cohort(session: Session, actor: Actor, with_signals: bool = True) -> list[CohortRow]:
    """The students `actor` may see, as rows for the cohort view in its name order (not
    logged: no file read)."""
    stmt = _cohort_select(actor, whole=True)
    found = signals.compute(session, actor) if with_signals else {}
    labels_of = _SignalLabels(found)
    maker = _RowMaker()
    # Core execution: plain rows, without the ORM's per-row bookkeeping.
    rows = [
        maker.row(values, labels_of(values[0])) for values in session.connection().execute(stmt)
    ]
    # Sorted here, as the list shows names (surname first, without its prefix): the same
    # on every database, and cheaper than the database's sort of the wide rows. The rows
    # come in id order and the sort is stable: equal names stay in id order.
    rows.sort(key=_SORT_NAME)
    return rows


def cohort_signals(session: Session, actor: Actor) -> dict[int, tuple[str, ...]]:
    """The short signal labels per student the actor sees; only students raising one."""
    require_names(actor)
    labels_of = _SignalLabels(signals.compute(session, actor))
    return {student_id: labels_of(student_id) for student_id in labels_of.found}


@dataclass(frozen=True, slots=True)
class CohortOverview:
    """What the cohort area needs at once: the rows and the mentors to choose from.

    `first_page`: only the first rows in name order, with their signals, and `total` the
    count of the whole cohort; the rest follows (`cohort_overview`)."""

    rows: list[CohortRow]
    mentors: list[tuple[int, str]]
    first_page: bool = False
    total: int = 0
    # The rows carry their signals (a first page does, also one that holds everyone).
    with_signals: bool = False


# Enough rows to fill the table on the largest screen, and some to scroll.
FIRST_PAGE = 120


def cohort_first_page(session: Session, actor: Actor, limit: int = FIRST_PAGE) -> CohortOverview:
    """What the log-in paints: the first `limit` students in name order with their signals,
    the count of the whole cohort (not loaded) and the mentors. It walks the name index for
    `limit` rows, so it costs the page, not the school (issue 19)."""
    from app.services.admin.accounts import mentors

    rows = _rows_with_signals(session, actor, _cohort_select(actor).limit(limit))
    count = visible_students(
        select(func.count(Student.id)).where(Student.archived.is_(False)), actor
    )
    total = session.connection().execute(count).scalar_one()
    return CohortOverview(
        rows, mentors(session, actor), first_page=len(rows) < total, total=total, with_signals=True
    )


def cohort_rows(session: Session, actor: Actor, student_ids: Collection[int]) -> list[CohortRow]:
    """The rows of some students as the list shows them, with their signals: what changed
    after a save, so the list updates those rows and not the whole school (issue 19).
    A student the actor no longer sees (archived, another mentor's) has no row."""
    wanted = sorted(set(student_ids))
    if not wanted:
        return []
    return _rows_with_signals(session, actor, _cohort_select(actor).where(Student.id.in_(wanted)))


def _rows_with_signals(session: Session, actor: Actor, stmt) -> list[CohortRow]:
    """The rows `stmt` (a narrowed `_cohort_select`) reads, with the signals of just those
    students: a page or a few rows cost what they hold, not the school."""
    values = list(session.connection().execute(stmt))
    found = signals.compute(session, actor, student_ids=[v[0] for v in values]) if values else {}
    labels_of = _SignalLabels(found)
    maker = _RowMaker()
    return [maker.row(v, labels_of(v[0])) for v in values]


def cohort_overview(session: Session, actor: Actor) -> CohortOverview:
    from app.services.admin.accounts import mentors

    # The signals follow in a second call (`cohort_signals`): the list shows without
    # waiting for them, which keeps the log-in within its budget.
    return CohortOverview(list_cohort(session, actor, with_signals=False), mentors(session, actor))


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
