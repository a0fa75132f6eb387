"""What encryption at rest costs: the same work on a plain and an encrypted copy.

The budget (issue "Protect the data"): the encrypted database costs at most 1.3x the plain
one on loading the cohort and on saving a student, measured as a ratio in one run with the
two copies measured alternately, so the machine's load falls on both alike.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from app.db.encrypt import encrypt_file
from app.db.store import Store
from app.services.admin import accounts
from app.services.students import cohort
from app.services.students import student_file as students
from bench.generate import PASSWORD, copy_database, say
from bench.results import Result

RATIO_BUDGET = 1.3


def encrypted_copy(reference: Path, target: Path) -> tuple[Path, bytes]:
    """A copy of the reference database, encrypted the way the app's first log-in does."""
    path = copy_database(reference, target)
    key, _recovery = encrypt_file(path, "Bench", "demo", PASSWORD)
    return path, key


def _timed(fn) -> float:
    began = time.perf_counter()
    fn()
    return time.perf_counter() - began


def encryption_cost(reference: Path, work: Path, rounds: int = 9) -> list[Result]:
    say("encryption cost: plain and encrypted copies of the reference data")
    plain_path = copy_database(reference, work / "plain" / "koers.db")
    encrypted_path, key = encrypted_copy(reference, work / "encrypted" / "koers.db")
    plain = Store(f"sqlite:///{plain_path}")
    encrypted = Store(f"sqlite:///{encrypted_path}", key=key)
    try:
        actor = plain.run(accounts.login, "demo", PASSWORD).actor_or_raise()
        ids = [row.id for row in plain.run(cohort.list_cohort, actor)][:rounds]
        timings: dict[str, dict[str, list[float]]] = {
            "cohort": {"plain": [], "encrypted": []},
            "save": {"plain": [], "encrypted": []},
        }
        for round_number, student_id in enumerate(ids):
            for label, store in (("plain", plain), ("encrypted", encrypted)):
                timings["cohort"][label].append(
                    _timed(lambda s=store: s.run(cohort.list_cohort, actor))
                )
                timings["save"][label].append(
                    _timed(lambda s=store, i=student_id, n=round_number: _save(s, actor, i, n))
                )
    finally:
        plain.dispose()
        encrypted.dispose()
    results = []
    for name, label in (("cohort", "cohort load"), ("save", "saving a student")):
        plain_median = statistics.median(timings[name]["plain"])
        encrypted_median = statistics.median(timings[name]["encrypted"])
        results.append(
            Result(
                f"encrypted_vs_plain_{name}",
                encrypted_median / plain_median,
                "x",
                budget=RATIO_BUDGET,
                note=f"{label}: plain {plain_median * 1000:.1f} ms, "
                f"encrypted {encrypted_median * 1000:.1f} ms (median of {len(ids)})",
            )
        )
    results.append(
        Result(
            "encrypted_vs_plain_file_size",
            encrypted_path.stat().st_size / plain_path.stat().st_size,
            "x",
            note="informational: SQLCipher adds a little per page",
        )
    )
    return results


def _save(store: Store, actor, student_id: int, round_number: int) -> None:
    """Opening the file and saving one changed field: what the user's Ctrl+S does."""
    opened = store.run(students.open_student_file, actor, student_id)
    data = opened.input
    data.phone = f"06-{10000000 + round_number:08d}"
    store.run(students.save_student, actor, student_id, opened.version, data)
