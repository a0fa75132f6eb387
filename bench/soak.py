"""`python -m bench.soak [--processes 20] [--seconds 600]`: many PCs editing one server.

A PostgreSQL server is started for the run (`bench.postgres`), a demo school generated in
it, and `--processes` worker processes each log in as the coordinator and, until the time is
up, open a random file of a small set of students (so that they collide often), add one to a
counter in its notes and save it with the version they read. A save refused as changed
elsewhere (ConflictError, the message the user sees) is counted and retried on a fresh read;
any other exception is counted as unhandled. At the end, for each student, the counter must
equal the number of saves the workers had confirmed: a smaller one is a lost update. The
audit chain is verified over the whole run.

Issue 19, item 5, in part: editing only (no imports or exports yet), and no server restart.
Exit code 1 on a lost update, an unhandled error or a broken chain.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import time
from collections import Counter
from dataclasses import replace

from bench.generate import say

PASSWORD = "soak-wachtwoord-2026"
HOT_STUDENTS = 10


def _worker(url: str, seconds: float, seed: int, out) -> None:
    from app.core.errors import ConflictError
    from app.db import Store
    from app.services.admin import accounts
    from app.services.students.student_file import open_student_file, save_student

    store = Store(url)
    saved: Counter[int] = Counter()
    conflicts = unhandled = 0
    try:
        actor = store.run(accounts.login, "demo", PASSWORD).actor
        ids = _hot_ids(store)
        rng = random.Random(seed)
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            student_id = rng.choice(ids)
            try:
                file = store.run(open_student_file, actor, student_id)
                count = int(file.input.notes or 0)
                data = replace(file.input, notes=str(count + 1))
                store.run(save_student, actor, student_id, file.version, data)
                saved[student_id] += 1
            except ConflictError:
                conflicts += 1
            except Exception:
                unhandled += 1
    finally:
        store.dispose()
    out.put((dict(saved), conflicts, unhandled))


def _hot_ids(store) -> list[int]:
    from sqlalchemy import select

    from app.models import Student

    with store.session() as session:
        return list(session.scalars(select(Student.id).order_by(Student.id).limit(HOT_STUDENTS)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__)
    parser.add_argument("--processes", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=600)
    args = parser.parse_args(argv)

    from sqlalchemy import select

    from app.db import open_store
    from app.demo import school as demo
    from app.models import Student
    from app.services.common.audit_chain import verify_chain
    from bench.postgres import postgres_server

    with postgres_server() as server:
        url = server.create_database("koers_soak")
        store = open_store(url)
        store.run(demo.generate, password=PASSWORD, students=60, seed=7)
        with store.session() as session:
            for student in session.scalars(select(Student).order_by(Student.id).limit(10)):
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
        for worker in workers:
            worker.start()
        reports = [queue.get(timeout=args.seconds + 300) for _ in workers]
        for worker in workers:
            worker.join()
        confirmed: Counter[int] = Counter()
        for saved, _c, _u in reports:
            confirmed.update(saved)
        conflicts = sum(r[1] for r in reports)
        unhandled = sum(r[2] for r in reports)
        store = open_store(url)
        with store.session() as session:
            stored = {
                s.id: int(s.notes or 0)
                for s in session.scalars(select(Student).where(Student.id.in_(hot)))
            }
            broken_at = verify_chain(session)
        store.dispose()
    lost = sum(max(0, confirmed[i] - stored[i]) for i in hot)
    extra = sum(max(0, stored[i] - confirmed[i]) for i in hot)
    print(f"processes: {args.processes}, seconds: {args.seconds:.0f}, files: {len(hot)}")
    print(
        f"saves confirmed: {sum(confirmed.values())}, stored counter total: {sum(stored.values())}"
    )
    print(f"conflicts reported to the user (and retried): {conflicts}")
    print(f"lost updates: {lost}, saves stored but not confirmed: {extra}")
    print(f"unhandled errors (deadlocks included): {unhandled}")
    print(f"audit chain: {'intact' if broken_at is None else f'broken at entry {broken_at}'}")
    return 1 if lost or unhandled or broken_at is not None else 0


if __name__ == "__main__":
    raise SystemExit(main())
