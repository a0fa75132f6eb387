"""The crash loop: Koers killed with SIGKILL at random moments during saves and imports.

Each run starts a fresh worker process (tests/crash/worker.py) on an encrypted SQLite
database, forked from a server that imported Koers once (on a loaded machine the imports
were most of a run), lets it confirm a few actions, and kills it a random 30-400 ms later.
Then the database is opened as at a restart and must pass `quick_check` and
`cipher_integrity_check`, hold every action the worker confirmed (logged, fsync'ed, only
after the commit returned), and hold no part of any other action: the one in flight at the
kill is either all there or not at all. Runs go in parallel lanes, each with its own database.

The loop counts what it must see, not runs: a busy machine confirms fewer actions per run,
so it runs until the targets are reached, and fails only when its time bound passes first.
"""

from __future__ import annotations

import json
import multiprocessing
import multiprocessing.context
import os
import random
import signal
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from app.db.store import Store, sqlcipher_connect
from app.services.admin import accounts
from app.services.admin.unlock import create_encrypted_database
from app.services.common import audit
from app.services.students import student_file as students
from app.services.students.student_file import GuardianInput, StudentInput
from tests.crash.worker import BATCH, WorkerConfig, child

LANES = max(1, min(3, os.cpu_count() or 1))
# The kill comes a random 30-400 ms after the worker confirmed a random 0-5 actions: on an
# idle machine the delay alone spans many actions, on a busy one the confirmed actions
# still come at a steady rate per run, whatever share of a core the worker gets.
CONFIRM_FIRST = (0, 5)
KILL_AFTER = (0.030, 0.400)  # seconds
# About 45 s on two idle cores; room for a busy machine, while both loops (idle and with
# every core busy) still fit the suite's ten minutes, one after the other.
BOUND_SECONDS = 300.0
# CI replays one sequence of actions and kill delays; elsewhere each run tries a new one.
CI_SEED = 20260101
BASE_STUDENTS = 5
USER = "c.peeters"
PASSWORD = "horizon-2026-veilig"
CHAIN_EVERY = 25  # runs between full audit-chain verifications (it reads every entry)


@dataclass(frozen=True)
class Targets:
    """What the loop must have seen before it may stop."""

    confirmed_actions: int = 200
    killed_mid_action: int = 100
    # Both outcomes of a kill inside an action: it had committed (all of it is there) or
    # it had not (none of it is there).
    mid_action_committed: int = 1
    mid_action_rolled_back: int = 1


def choose_seed() -> int:
    """KOERS_CRASH_SEED replays a failed loop; CI always runs the same one."""
    if "KOERS_CRASH_SEED" in os.environ:
        return int(os.environ["KOERS_CRASH_SEED"])
    if os.environ.get("CI") == "true":
        return CI_SEED
    return random.randrange(2**32)


@dataclass
class Figures:
    runs: int = 0
    kills: int = 0
    integrity_failures: int = 0
    lost_confirmed: int = 0
    partial: int = 0
    confirmed_actions: int = 0
    killed_mid_action: int = 0
    mid_action_committed: int = 0
    problems: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def mid_action_rolled_back(self) -> int:
        return self.killed_mid_action - self.mid_action_committed

    def add(self, **counts: int) -> None:
        with self.lock:
            for name, value in counts.items():
                setattr(self, name, getattr(self, name) + value)

    def problem(self, kind: str, text: str) -> None:
        with self.lock:
            setattr(self, kind, getattr(self, kind) + 1)
            self.problems.append(f"{kind}: {text}")

    def missing(self, targets: Targets) -> dict[str, str]:
        """Each target not reached yet, as "reached/wanted"."""
        with self.lock:
            return {
                name: f"{getattr(self, name)}/{wanted}"
                for name, wanted in asdict(targets).items()
                if getattr(self, name) < wanted
            }


@dataclass
class Lane:
    """One database and what it must hold: the confirmed actions so far, plus the actions
    in flight at a kill that turned out to have committed."""

    number: int
    db: Path
    key: bytes
    base: list[int]
    notes: dict[int, str]
    saves: Counter = field(default_factory=Counter)
    creates: set[str] = field(default_factory=set)
    batches: set[str] = field(default_factory=set)


def _new_lane(number: int, folder: Path) -> Lane:
    folder.mkdir(parents=True)
    db = folder / "koers.db"
    store, _recovery = create_encrypted_database(f"sqlite:///{db}", "De Horizon", USER, PASSWORD)
    try:
        actor = store.run(
            accounts.initialise_school,
            school_name="De Horizon",
            brin="12AB",
            username=USER,
            display_name="Ingrid Peeters",
            password=PASSWORD,
        )
        base = [
            store.run(
                students.create_student,
                actor,
                StudentInput(
                    first_name="Basis",
                    surname=f"Leerling {n}",
                    las_key=f"B{n}",
                    notes="basis",
                    guardians=[GuardianInput(name="Ouder basis"), GuardianInput(name="Tweede")],
                ),
            )
            for n in range(BASE_STUDENTS)
        ]
        assert store.key is not None
        return Lane(number, db, store.key, base, dict.fromkeys(base, "basis"))
    finally:
        store.dispose()


def _context() -> multiprocessing.context.ForkServerContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.crash.worker"])
    return context


def _one_run(lane: Lane, run: int, rng: random.Random, figures: Figures) -> None:
    log = lane.db.with_name(f"run-{run:03d}.log")
    stderr = lane.db.with_name(f"run-{run:03d}.err")
    config = WorkerConfig(
        db=str(lane.db),
        key_hex=lane.key.hex(),
        user=USER,
        log=str(log),
        run=f"L{lane.number}R{run}",
        seed=rng.randrange(2**32),
        base=tuple(lane.base),
    )
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(target=child, args=(config, sender, str(stderr)), daemon=True)
    worker.start()
    sender.close()  # the child holds the only sending end: a dead child reads as EOF
    try:
        ready = _said(receiver, "ready", 1)
        confirmed = ready and _said(receiver, "ok", rng.randint(*CONFIRM_FIRST))
        if confirmed:
            time.sleep(rng.uniform(*KILL_AFTER))
        alive = worker.is_alive()
        if alive:
            os.kill(worker.pid, signal.SIGKILL)
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join(60)
        receiver.close()
    figures.add(runs=1)
    if not (ready and alive and worker.exitcode == -signal.SIGKILL):
        errors = stderr.read_text(errors="replace") if stderr.exists() else ""
        figures.problem(
            "integrity_failures",
            f"lane {lane.number} run {run}: the worker was not killed while working "
            f"(ready={ready}, confirmed={confirmed}, exit={worker.exitcode}): {errors[-2000:]}",
        )
        return
    figures.add(kills=1)
    _check(lane, run, log, figures)


def _said(receiver: Connection, line: str, times: int) -> bool:
    """Whether the worker said `line` `times` times, each within a minute."""
    for _ in range(times):
        try:
            if not receiver.poll(60) or receiver.recv_bytes().decode() != line:
                return False
        except EOFError:  # the worker died
            return False
    return True


def _parse(log: Path) -> tuple[list[tuple[str, str, int]], list[tuple[str, str, int]]]:
    """(confirmed actions in order, actions begun but never confirmed)."""
    begun: list[tuple[str, str, int]] = []
    confirmed: set[str] = set()
    text = log.read_text() if log.exists() else ""
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[0] == "begin":
            begun.append((parts[1], parts[2], int(parts[3])))
        elif len(parts) == 2 and parts[0] == "ok":
            confirmed.add(parts[1])
    return [b for b in begun if b[1] in confirmed], [b for b in begun if b[1] not in confirmed]


def _check(lane: Lane, run: int, log: Path, figures: Figures) -> None:
    where = f"lane {lane.number} run {run}"
    confirmed, unconfirmed = _parse(log)
    figures.add(confirmed_actions=len(confirmed))
    if len(unconfirmed) > 1:
        figures.problem("partial", f"{where}: more than one action in flight: {unconfirmed}")
    connection = sqlcipher_connect(lane.db, lane.key)
    try:
        quick = connection.execute("PRAGMA quick_check").fetchall()
        cipher = connection.execute("PRAGMA cipher_integrity_check").fetchall()
        if quick != [("ok",)] or cipher:
            figures.problem("integrity_failures", f"{where}: quick_check={quick} cipher={cipher}")
            return
        keyed = dict(connection.execute("SELECT las_key, id FROM students WHERE las_key LIKE 'L%'"))
        marks = ",".join("?" * len(lane.base))
        base = {
            row[0]: (row[1], row[2])
            for row in connection.execute(
                f"SELECT id, notes, version FROM students WHERE id IN ({marks})", lane.base
            )
        }
        first_guardian = dict(
            connection.execute(
                "SELECT g.student_id, g.name FROM guardians g WHERE g.id = "
                "(SELECT min(h.id) FROM guardians h WHERE h.student_id = g.student_id)"
            )
        )
        guardians = dict(
            connection.execute("SELECT student_id, count(*) FROM guardians GROUP BY student_id")
        )
        paths = dict(
            connection.execute(
                "SELECT student_id, count(*) FROM transition_paths GROUP BY student_id"
            )
        )
        logged = {
            (row[0], row[1]): row[2]
            for row in connection.execute(
                "SELECT entity_id, action, count(*) FROM audit_log WHERE entity = 'student' "
                "AND action IN ('create', 'update') GROUP BY entity_id, action"
            )
        }
    finally:
        connection.close()

    for kind, marker, sid in confirmed:
        if kind == "save":
            lane.notes[sid] = marker
            lane.saves[sid] += 1
        elif kind == "create":
            lane.creates.add(marker)
        else:
            lane.batches.add(marker)
    batch_sizes = Counter(k.rsplit("-", 1)[0] for k in keyed if "-" in k)
    for kind, marker, sid in unconfirmed:
        figures.add(killed_mid_action=1)
        if kind == "save" and base.get(sid, (None,))[0] == marker:
            lane.notes[sid] = marker
            lane.saves[sid] += 1
            figures.add(mid_action_committed=1)
        elif kind == "create" and marker in keyed:
            lane.creates.add(marker)
            figures.add(mid_action_committed=1)
        elif kind == "batch" and batch_sizes.get(marker) == BATCH:
            lane.batches.add(marker)
            figures.add(mid_action_committed=1)

    # Every confirmed action is there; nothing is there that was neither confirmed nor
    # the whole of an action in flight.
    singles = {k for k in keyed if "-" not in k}
    for marker in sorted(lane.creates - singles):
        figures.problem("lost_confirmed", f"{where}: created student {marker} is missing")
    for marker in sorted(singles - lane.creates):
        figures.problem("partial", f"{where}: student {marker} from no whole action")
    for marker in sorted(lane.batches):
        if batch_sizes.get(marker, 0) != BATCH:
            figures.problem(
                "lost_confirmed", f"{where}: batch {marker} has {batch_sizes.get(marker, 0)}"
            )
    for marker, size in sorted(batch_sizes.items()):
        if marker not in lane.batches:
            figures.problem("partial", f"{where}: batch {marker} holds {size} of {BATCH}")
    for las_key, sid in keyed.items():
        want = 1 if "-" in las_key else 2
        got = (guardians.get(sid, 0), paths.get(sid, 0), logged.get((sid, "create"), 0))
        if got != (want, 1, 1):
            figures.problem("partial", f"{where}: student {las_key} has guardians/path/audit {got}")
    for sid in lane.base:
        notes, version = base[sid]
        if notes != lane.notes[sid]:
            figures.problem(
                "lost_confirmed", f"{where}: student {sid} notes {notes!r}, not {lane.notes[sid]}"
            )
        if first_guardian.get(sid) != f"Ouder {notes}":
            figures.problem(
                "partial", f"{where}: student {sid} notes {notes!r}, guardian {first_guardian}"
            )
        updates = logged.get((sid, "update"), 0)
        if (version, updates) != (1 + lane.saves[sid], lane.saves[sid]):
            figures.problem(
                "partial",
                f"{where}: student {sid} version {version}, {updates} logged updates, "
                f"{lane.saves[sid]} saves",
            )
    if run % CHAIN_EVERY == 0:
        _check_chain(lane, where, figures)


def _check_chain(lane: Lane, where: str, figures: Figures) -> None:
    store = Store(f"sqlite:///{lane.db}", key=lane.key)
    try:
        broken = store.run(audit.verify_chain)
    finally:
        store.dispose()
    if broken is not None:
        figures.problem("integrity_failures", f"{where}: audit chain broken at entry {broken}")


@dataclass
class Outcome:
    figures: Figures
    targets: Targets
    seed: int
    bound: float
    seconds: float
    errors: list[BaseException]
    students_created: int

    def summary(self) -> str:
        """The counts reached and the seed, for the log and any failure message."""
        f = self.figures
        report = {
            "runs": f.runs,
            "kills": f.kills,
            "integrity_failures": f.integrity_failures,
            "lost_confirmed": f.lost_confirmed,
            "partial": f.partial,
            "confirmed_actions": f.confirmed_actions,
            "killed_mid_action": f.killed_mid_action,
            "mid_action_committed": f.mid_action_committed,
            "mid_action_rolled_back": f.mid_action_rolled_back,
            "students_created": self.students_created,
            "lanes": LANES,
            "seed": self.seed,
            "seconds": round(self.seconds, 1),
            "bound": self.bound,
        }
        lines = [f"crash loop: {json.dumps(report)}", f"replay: KOERS_CRASH_SEED={self.seed}"]
        lines += [f"   {problem}" for problem in self.figures.problems[:20]]
        return "\n".join(lines)

    def assert_crash_safe(self) -> None:
        """Nothing confirmed lost, nothing half written, and every target reached in time."""
        f = self.figures
        assert not self.errors, f"{self.errors}\n{self.summary()}"
        assert f.problems == [], self.summary()
        assert f.kills == f.runs, self.summary()
        assert (f.integrity_failures, f.lost_confirmed, f.partial) == (0, 0, 0), self.summary()
        missing = f.missing(self.targets)
        assert not missing, (
            f"the time bound of {self.bound:.0f} s passed before the targets were reached "
            f"(reached/wanted: {missing})\n{self.summary()}"
        )


def run_crash_loop(folder: Path, seed: int, targets: Targets, bound: float) -> Outcome:
    """Kill workers in LANES parallel lanes until the targets are reached, a problem is
    found, or `bound` seconds have passed; a run under way at the bound still finishes."""
    started = time.perf_counter()
    deadline = started + bound
    figures = Figures()
    lanes = [_new_lane(n, folder / f"lane{n}") for n in range(LANES)]
    errors: list[BaseException] = []
    done = threading.Event()

    def drive(lane: Lane) -> None:
        rng = random.Random(seed * 100 + lane.number)
        run = 0
        try:
            while not done.is_set() and time.perf_counter() < deadline:
                run += 1
                _one_run(lane, run, rng, figures)
                # A problem already fails the loop: stop there rather than at the bound.
                if figures.problems or not figures.missing(targets):
                    done.set()
            _check_chain(lane, f"lane {lane.number} at the end", figures)
        except BaseException as exc:  # reported by assert_crash_safe, with the figures
            errors.append(exc)
            done.set()

    threads = [
        threading.Thread(target=drive, args=(lane,), name=f"crash-lane-{lane.number}")
        for lane in lanes
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Outcome(
        figures=figures,
        targets=targets,
        seed=seed,
        bound=bound,
        seconds=time.perf_counter() - started,
        errors=errors,
        students_created=sum(len(lane.creates) + BATCH * len(lane.batches) for lane in lanes),
    )
