"""A Koers process that saves and imports until it is killed (see tests/test_crash_loop.py).

Environment: KOERS_CRASH_DB (the encrypted SQLite file), KOERS_CRASH_KEY (its key, hex),
KOERS_CRASH_USER, KOERS_CRASH_LOG (this run's log), KOERS_CRASH_RUN (a tag for markers),
KOERS_CRASH_SEED and KOERS_CRASH_BASE (comma-separated ids of the students it edits).

Each action is one `Store.run` of real service use cases, so one transaction:
- save: `students.save_student` sets the notes and the first guardian's name to a marker;
- create: `students.create_student` with two guardians, the marker as LAS number;
- batch: an import-like batch of BATCH students created in one session.
Before an action the log gets `begin <kind> <marker> <student>`, and only after the commit
returned it gets `ok <marker>`, written and fsync'ed: a confirmed action is one the user
was told was saved. It says `ready` once the store is open, then `ok` per confirmed action:
on stdout when run as `python -m tests.crash.worker`, through a pipe when the crash loop
forks it from its preloaded server (`child`), which spares every run the imports below.
"""

from __future__ import annotations

import os
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection

from sqlalchemy import select

from app.db.store import Store
from app.models import User
from app.services.common.actor import Actor
from app.services.students import student_file as students
from app.services.students.student_file import GuardianInput, StudentInput

BATCH = 20


@dataclass(frozen=True)
class WorkerConfig:
    db: str
    key_hex: str
    user: str
    log: str
    run: str
    seed: int
    base: tuple[int, ...]


def config_from_environment() -> WorkerConfig:
    env = os.environ
    return WorkerConfig(
        db=env["KOERS_CRASH_DB"],
        key_hex=env["KOERS_CRASH_KEY"],
        user=env["KOERS_CRASH_USER"],
        log=env["KOERS_CRASH_LOG"],
        run=env["KOERS_CRASH_RUN"],
        seed=int(env["KOERS_CRASH_SEED"]),
        base=tuple(int(s) for s in env["KOERS_CRASH_BASE"].split(",")),
    )


def main() -> None:
    work(config_from_environment(), lambda line: print(line, flush=True))


def child(config: WorkerConfig, connection: Connection, stderr_path: str) -> None:
    """The body of a forked run: errors go to a file the loop shows when a run goes wrong."""
    error_file = os.open(stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(error_file, 2)
    work(config, lambda line: connection.send_bytes(line.encode()))


def work(config: WorkerConfig, say: Callable[[str], None]) -> None:
    store = Store(f"sqlite:///{config.db}", key=bytes.fromhex(config.key_hex))
    run = config.run
    rng = random.Random(config.seed)
    base = list(config.base)

    def load_actor(session) -> Actor:
        user = session.scalars(select(User).where(User.username == config.user)).one()
        return Actor(user.id, user.username, user.display_name, user.role)

    def new_student(marker: str, guardians: int) -> StudentInput:
        return StudentInput(
            first_name="Crash",
            surname=marker,
            las_key=marker,
            notes=f"aangemaakt in {marker}",
            guardians=[
                GuardianInput(name=f"Ouder {n} {marker}", relation="ouder")
                for n in range(1, guardians + 1)
            ],
        )

    def import_batch(session, actor: Actor, marker: str) -> list[int]:
        # Like an LAS import: every student of the file in one transaction, or none.
        return [
            students.create_student(session, actor, new_student(f"{marker}-{i:02d}", 1))
            for i in range(BATCH)
        ]

    actor = store.run(load_actor)
    log = os.open(config.log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)

    def record(line: str) -> None:
        os.write(log, (line + "\n").encode())
        os.fsync(log)

    say("ready")
    n = 0
    while True:
        n += 1
        marker = f"{run}a{n}"
        kind = rng.choices(("save", "create", "batch"), weights=(5, 3, 2))[0]
        sid = rng.choice(base) if kind == "save" else 0
        record(f"begin {kind} {marker} {sid}")
        if kind == "save":
            file = store.run(students.open_student_file, actor, sid)
            first = replace(file.input.guardians[0], name=f"Ouder {marker}")
            data = replace(file.input, notes=marker, guardians=[first, *file.input.guardians[1:]])
            store.run(students.save_student, actor, sid, file.version, data)
        elif kind == "create":
            store.run(students.create_student, actor, new_student(marker, 2))
        else:
            store.run(import_batch, actor, marker)
        record(f"ok {marker}")
        say("ok")  # the test may time its kill from here


if __name__ == "__main__":
    sys.exit(main())
