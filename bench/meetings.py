"""The Overleg area on the reference school extended with ten years of meetings: 6 a year
(60 meetings), 2,000 cases and 6,000 actions, most of them long archived, as a school that
has used Koers for ten years would have them.

Measured: the MeetingsArea built and loaded on a synchronous TaskRunner until its tables are
filled (budget 200 ms), and composing the agenda of the next meeting (budget 100 ms), each
the median of repeated runs after one unmeasured warm-up.
"""

from __future__ import annotations

import gc
import random
import time
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, insert, select

from app.core.validation import today
from app.db.store import Store
from app.db.urls import describe
from app.models import (
    AgendaItem,
    AgendaItemKind,
    ListKind,
    MeetingAction,
    MeetingCase,
    MeetingKind,
    MeetingParticipant,
    OrganisationContact,
    OutflowMeeting,
    Student,
)
from app.services.admin import accounts
from app.services.common.actor import Actor
from app.services.meetings.agenda import compose_agenda
from app.services.meetings.closing import follow_until
from app.ui.meetings.view import MeetingsArea
from app.ui.tasks import TaskRunner
from app.ui.workspace import Workspace
from bench.generate import say
from bench.results import Result, median

AREA_BUDGET_MS = 200
AGENDA_BUDGET_MS = 100
RUNS = 10
YEARS, PER_YEAR, CASES, ACTIONS_PER_CASE = 10, 6, 2_000, 3


def add_ten_years(store: Store, actor: Actor, on: date, seed: int = 2026) -> int:
    """Bulk-inserts the meetings, cases and actions; returns the next meeting's id."""
    rng = random.Random(seed)
    stamp = {"created_by_id": actor.user_id, "updated_by_id": actor.user_id, "version": 1}
    with store.session() as session:
        contacts = session.execute(
            select(OrganisationContact.id, OrganisationContact.organisation_id).limit(6)
        ).all()
        host = contacts[0].organisation_id if contacts else None
        students = list(session.scalars(select(Student.id).order_by(Student.id)))
        days = [
            on - timedelta(days=int(365 * YEARS * (1 - n / (YEARS * PER_YEAR))))
            for n in range(YEARS * PER_YEAR)
        ] + [on + timedelta(days=14)]
        meeting_ids = []
        for n, day in enumerate(days):
            kind = MeetingKind.UITSTROOMOVERLEG if n % 2 else MeetingKind.ACTIETAFEL
            meeting = OutflowMeeting(
                kind=kind,
                held_on=day,
                place="Stadhuis",
                starts_at="14:00",
                host_organisation_id=host,
                chair_contact_id=contacts[0].id if contacts else None,
                minutes="Verslag" if day < on else None,
                minutes_final_on=day if day < on else None,
                created_by_id=actor.user_id,
            )
            session.add(meeting)
            session.flush()
            meeting_ids.append((meeting.id, kind, day))
            session.execute(
                insert(MeetingParticipant),
                [
                    {
                        "meeting_id": meeting.id,
                        "organisation_id": o,
                        "contact_id": c,
                        "declaration_signed_on": day,
                        **stamp,
                    }
                    for c, o in contacts
                ],
            )
        upcoming = meeting_ids[-1]
        cases, items, actions = [], [], []
        chosen = rng.sample(students, min(CASES, len(students)))
        for n, student_id in enumerate(chosen):
            meeting_id, kind, day = meeting_ids[int(n * (len(meeting_ids) - 1) / len(chosen))]
            registered = day - timedelta(days=10)
            recent = day > on - timedelta(days=300)
            list_kind = (
                (ListKind.ACTIVE if n % 3 else ListKind.FOLLOW) if recent else ListKind.ARCHIVED
            )
            until = follow_until(registered)
            cases.append(
                {
                    "id": n + 1,
                    "student_id": student_id,
                    "kind": kind.value,
                    "list_kind": list_kind.value,
                    "registered_on": registered,
                    "question": "Welke plek past?",
                    "follow_until": until if list_kind is not ListKind.ACTIVE else None,
                    "archived_on": until + timedelta(days=1)
                    if list_kind is ListKind.ARCHIVED
                    else None,
                    "lead_contact_id": contacts[0].id if contacts else None,
                    "lead_organisation_id": host,
                    "last_discussed_on": day,
                    **stamp,
                }
            )
            items.append(
                {
                    "meeting_id": meeting_id,
                    "case_id": n + 1,
                    "student_id": student_id,
                    "item_kind": AgendaItemKind.SUBMISSION.value,
                    "question": "Welke plek past?",
                    "submitted_on": registered,
                    "submitted_by_name": "Mentor",
                    "note": "Besproken",
                    "decided_list": list_kind.value,
                    "discussed": True,
                    **stamp,
                }
            )
            for k in range(ACTIONS_PER_CASE):
                due = day + timedelta(days=14 * (k + 1))
                actions.append(
                    {
                        "case_id": n + 1,
                        "meeting_id": meeting_id,
                        "what": f"Actie {k + 1}",
                        "owner_user_id": actor.user_id,
                        "owner_name": actor.display_name,
                        "due_date": due,
                        "done_on": due if (not recent or k == 0) else None,
                        **stamp,
                    }
                )
        offset = session.scalar(select(func.coalesce(func.max(MeetingCase.id), 0)))
        for row in cases:
            row["id"] += offset
        for row in (*items, *actions):
            row["case_id"] += offset
        # The demo school already has a few cases: the bench's students are other ones.
        taken = set(session.execute(select(MeetingCase.student_id, MeetingCase.kind)).all())
        keep = {r["id"] for r in cases if (r["student_id"], MeetingKind(r["kind"])) not in taken}
        session.execute(insert(MeetingCase), [r for r in cases if r["id"] in keep])
        session.execute(insert(AgendaItem), [r for r in items if r["case_id"] in keep])
        session.execute(insert(MeetingAction), [r for r in actions if r["case_id"] in keep])
    return upcoming[0]


def measure(app: QApplication, store: Store, actor: Actor) -> list[Result]:
    on = today()
    say(
        f"meetings: {YEARS} years x {PER_YEAR} meetings, {CASES} cases, "
        f"{CASES * ACTIONS_PER_CASE} actions"
    )
    upcoming = add_ten_years(store, actor, on)
    with store.session() as session:
        counts = (
            session.scalar(select(func.count()).select_from(OutflowMeeting)),
            session.scalar(select(func.count()).select_from(MeetingCase)),
            session.scalar(select(func.count()).select_from(MeetingAction)),
        )
    workspace = Workspace(
        store,
        actor,
        store.run(accounts.school_info),
        TaskRunner(synchronous=True),
        describe(str(store.url)),
    )

    def open_area() -> float:
        started = time.perf_counter()
        area = MeetingsArea(workspace)
        area.show()
        app.processEvents()
        elapsed = time.perf_counter() - started
        area.close()
        area.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return elapsed * 1000

    gc.collect()
    open_area()
    area_samples = [open_area() for _ in range(RUNS)]
    store.run(compose_agenda, actor, upcoming)
    agenda_samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        agenda = store.run(compose_agenda, actor, upcoming)
        agenda_samples.append((time.perf_counter() - started) * 1000)
    note = f"{counts[0]} meetings, {counts[1]} cases, {counts[2]} actions"
    return [
        Result(
            "meetings_area_open",
            median(area_samples),
            "ms",
            AREA_BUDGET_MS,
            samples=area_samples,
            note=note,
        ),
        Result(
            "meetings_agenda_composed",
            median(agenda_samples),
            "ms",
            AGENDA_BUDGET_MS,
            samples=agenda_samples,
            note=f"{len(agenda.cases)} cases on the agenda; " + note,
        ),
    ]
