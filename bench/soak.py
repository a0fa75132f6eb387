"""`python -m bench.soak [--processes 20] [--seconds 600] [--restart-at S]`: many PCs on one
server, editing, importing and exporting.

A PostgreSQL server is started for the run (`bench.postgres`, fsync on), a demo school
generated in it, and `--processes` worker processes each log in as the coordinator and, until
the time is up, do what a coordinator does all day, on a small set of files so that they
collide often:

- edit (most turns): open a random hot file, add one to a counter in its notes and save it
  with the version read. A save refused as changed elsewhere (ConflictError, the message
  the user sees) is counted and retried on a fresh read.
- import (one turn in `IMPORT_EVERY`): read in an EDEXML file from the LAS with twenty
  students, the same keys in every process (so imports collide on new students) and a town
  that changes from one import to the next (so they update rows others update too).
- export (one turn in `EXPORT_EVERY`): write the transition report (PDF) of a hot file to
  its school's default recipient, through the consent gate; a refusal by the gate is the
  gate working and is counted as such.

With `--restart-at S` the server is restarted (`pg_ctl restart -m fast`, as for an update)
S seconds into the run. An action that fails because the server went away must raise the
app's ConnectionLostError (counted; the worker waits a moment and goes on, as a user would
click again); any other exception counts as unhandled, deadlocks included.

At the end, for each hot file, the counter must equal the number of saves the workers had
confirmed: a smaller one is a lost update. A save that failed with the connection may still
have committed (the server went away after the commit, before the answer): such a save is
stored but not confirmed, and is reported separately, never as lost. The audit chain is
verified over the whole run. Exit code 1 on a lost update, an unhandled error or a broken
chain.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from bench.generate import say

PASSWORD = "soak-wachtwoord-2026"
HOT_STUDENTS = 10
IMPORT_EVERY = 40
EXPORT_EVERY = 25
IMPORTED_STUDENTS = 20
# A user who is told the connection dropped clicks again after a moment, not at once.
PAUSE_AFTER_LOST = 0.5


@dataclass
class Tally:
    saved: Counter[int] = field(default_factory=Counter)
    conflicts: int = 0
    imports: int = 0
    import_conflicts: int = 0
    exports: int = 0
    exports_refused: int = 0
    connection_lost: int = 0
    unhandled: int = 0
    first_errors: list[str] = field(default_factory=list)


def _import_file(turn: int) -> bytes:
    from app.demo.las_files import edexml_document, generate_students

    towns = ["Venlo", "Roermond", "Weert"]
    students = generate_students(IMPORTED_STUDENTS, seed=9, reference=date(2026, 10, 1))
    students = [replace(s, city=towns[turn % len(towns)]) for s in students]
    return edexml_document(students, peildatum=date(2026, 10, 1))


def _worker(url: str, seconds: float, seed: int, out) -> None:
    from app.core.errors import ConflictError, ConnectionLostError, KoersError
    from app.db import Store
    from app.services.admin import accounts
    from app.services.consent.gate import ConsentRefusedError
    from app.services.consent.report_export import export_report
    from app.services.las_import import importer
    from app.services.las_import.source import ImportSource
    from app.services.students.student_file import open_student_file, save_student

    store = Store(url)
    tally = Tally()
    folder = Path(tempfile.mkdtemp(prefix="koers-soak-"))
    try:
        actor = store.run(accounts.login, "demo", PASSWORD).actor
        ids = _hot_ids(store)
        rng = random.Random(seed)
        end = time.monotonic() + seconds
        turn = 0
        while time.monotonic() < end:
            turn += 1
            student_id = rng.choice(ids)
            kind = "edit"
            if rng.randrange(IMPORT_EVERY) == 0:
                kind = "import"
            elif rng.randrange(EXPORT_EVERY) == 0:
                kind = "export"
            try:
                if kind == "edit":
                    file = store.run(open_student_file, actor, student_id)
                    count = int(file.input.notes or 0)
                    data = replace(file.input, notes=str(count + 1))
                    store.run(save_student, actor, student_id, file.version, data)
                    tally.saved[student_id] += 1
                elif kind == "import":
                    source = ImportSource("edexml", _import_file(seed + turn), "leerlingen.xml")
                    store.run(importer.apply_import, actor, source)
                    tally.imports += 1
                else:
                    pdf = folder / f"dossier-{turn}.pdf"
                    store.run(export_report, actor, student_id, "auto", pdf)
                    pdf.unlink(missing_ok=True)
                    tally.exports += 1
            except ConflictError:
                if kind == "import":
                    tally.import_conflicts += 1
                else:
                    tally.conflicts += 1
            except ConnectionLostError:
                tally.connection_lost += 1
                time.sleep(PAUSE_AFTER_LOST)
            except KoersError as exc:
                if isinstance(exc, ConsentRefusedError):
                    tally.exports_refused += 1  # the consent gate said no, in Dutch
                else:
                    tally.unhandled += 1
                    if len(tally.first_errors) < 3:
                        tally.first_errors.append(f"{kind}: {type(exc).__name__}: {exc}")
            except Exception:
                tally.unhandled += 1
                if len(tally.first_errors) < 3:
                    tally.first_errors.append(f"{kind}: {traceback.format_exc(limit=4)}")
    finally:
        store.dispose()
    out.put(tally)


def _hot_ids(store) -> list[int]:
    from sqlalchemy import select

    from app.models import Student

    with store.session() as session:
        return list(session.scalars(select(Student.id).order_by(Student.id).limit(HOT_STUDENTS)))


def _run(args: argparse.Namespace, server) -> tuple[Tally, dict[int, int], list[int], object]:
    from sqlalchemy import select

    from app.db import open_store
    from app.demo import school as demo
    from app.models import Student
    from app.services.common.audit_chain import verify_chain

    url = server.create_database("koers_soak")
    store = open_store(url)
    store.run(demo.generate, password=PASSWORD, students=60, seed=7)
    with store.session() as session:
        for student in session.scalars(select(Student).order_by(Student.id).limit(HOT_STUDENTS)):
            student.notes = "0"
    hot = _hot_ids(store)
    store.dispose()
    say(f"soak: {args.processes} processes for {args.seconds:.0f} s on {len(hot)} files")
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    workers = [
        context.Process(target=_worker, args=(url, args.seconds, n, queue))
        for n in range(args.processes)
    ]
    started = time.monotonic()
    for worker in workers:
        worker.start()
    if args.restart_at is not None:
        time.sleep(max(0.0, started + args.restart_at - time.monotonic()))
        say(f"soak: restarting the server at {time.monotonic() - started:.0f} s")
        server.restart()
        say("soak: the server is back")
    reports = [queue.get(timeout=args.seconds + 300) for _ in workers]
    for worker in workers:
        worker.join()
    total = Tally()
    for report in reports:
        total.saved.update(report.saved)
        for name in ("conflicts", "imports", "import_conflicts", "exports", "exports_refused",
                     "connection_lost", "unhandled"):  # fmt: skip
            setattr(total, name, getattr(total, name) + getattr(report, name))
        total.first_errors += report.first_errors
    store = open_store(url)
    with store.session() as session:
        stored = {
            s.id: int(s.notes or 0)
            for s in session.scalars(select(Student).where(Student.id.in_(hot)))
        }
        broken_at = verify_chain(session)
    store.dispose()
    return total, stored, hot, broken_at


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__)
    parser.add_argument("--processes", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument(
        "--restart-at",
        type=float,
        default=None,
        metavar="SECONDS",
        help="restart the server (pg_ctl restart -m fast) this many seconds into the run",
    )
    args = parser.parse_args(argv)

    from bench.postgres import postgres_server

    with postgres_server() as server:
        total, stored, hot, broken_at = _run(args, server)
    confirmed = total.saved
    lost = sum(max(0, confirmed[i] - stored[i]) for i in hot)
    extra = sum(max(0, stored[i] - confirmed[i]) for i in hot)
    restart = "no" if args.restart_at is None else f"once, at {args.restart_at:.0f} s"
    print(f"processes: {args.processes}, seconds: {args.seconds:.0f}, files: {len(hot)}")
    print(f"server restarted: {restart}")
    print(
        f"saves confirmed: {sum(confirmed.values())}, stored counter total: {sum(stored.values())}"
    )
    print(f"conflicts reported to the user (and retried): {total.conflicts}")
    print(f"imports: {total.imports}, refused as changed elsewhere: {total.import_conflicts}")
    print(f"exports written: {total.exports}, refused by the consent gate: {total.exports_refused}")
    print(f"actions refused with the connection lost (Dutch message): {total.connection_lost}")
    print(f"lost updates: {lost}, saves stored but not confirmed: {extra}")
    print(f"unhandled errors (deadlocks included): {total.unhandled}")
    for error in total.first_errors[:5]:
        print(error)
    print(f"audit chain: {'intact' if broken_at is None else f'broken at entry {broken_at}'}")
    return 1 if lost or total.unhandled or broken_at is not None else 0


if __name__ == "__main__":
    raise SystemExit(main())
