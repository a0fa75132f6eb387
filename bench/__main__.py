"""`python -m bench [--quick] [--postgres] [--out FILE]`: measures the budgets of design.md.

Prints one line per figure, `name: value (budget: X) OK/OVER`, and saves them all as JSON.
Exit code 0 when every budget is met, 1 when one is over.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from bench.generate import BENCH_DIR, FULL, QUICK, say

AREAS = (
    "startup",
    "login",
    "filter",
    "file",
    "encryption",
    "parent_report",
    "aftercare",
    "planner",
    "import",
    "consent",
    "meetings",
    "trends",
)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="small data (20,000 audit rows, region 30,000)"
    )
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="also measure the cohort on a PostgreSQL server started for the run",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=BENCH_DIR / "results" / "latest.json",
        help="where the JSON goes (default: bench/results/latest.json)",
    )
    parser.add_argument(
        "--only",
        default=",".join(AREAS),
        help=f"comma-separated subset of {','.join(AREAS)} (default: all)",
    )
    args = parser.parse_args(argv)
    args.areas = {a.strip() for a in args.only.split(",") if a.strip()}
    unknown = args.areas - set(AREAS)
    if unknown:
        parser.error(f"unknown area(s): {', '.join(sorted(unknown))}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # Imported after the platform is set; app modules import PySide6.
    from bench import generate, startup
    from bench.results import Result, save

    sizes = QUICK if args.quick else FULL
    began = time.perf_counter()
    load_before = os.getloadavg()
    if args.areas == {"consent"}:  # issue 10: needs no reference database
        from bench import consent

        results = consent.main()
        for result in results:
            print(result.line())
        return 1 if any(r.counts and not r.ok for r in results) else 0
    reference = generate.cached_reference(sizes)
    region_areas = {"startup", "login", "filter", "file"} & args.areas
    region = generate.cached_region(sizes.region_students) if region_areas else None
    results: list[Result] = []
    work = Path(tempfile.mkdtemp(prefix="koers-bench-"))
    try:
        from bench.encryption import encrypted_copy, encryption_cost

        # Every figure on an encrypted copy, as a school PC has it (issue 19: never a plain
        # copy for a budget); the copies are made per run, the cache stays as generated.
        data_dir = work / "data"
        encrypted, key = encrypted_copy(reference, data_dir / "koers.db")
        app_url = f"sqlite:///{encrypted}"
        if "startup" in args.areas:
            results += startup.start_to_login(app_url, data_dir, runs=5)
        if "login" in args.areas:
            results += startup.password_to_cohort(app_url, data_dir, runs=3)
        if "encryption" in args.areas:
            results += encryption_cost(reference, work / "cost")
        if "aftercare" in args.areas:
            results += _aftercare(app_url, key)
        if "import" in args.areas:
            from bench import las_import

            results += las_import.sqlite_figures(work)
            results += las_import.postgres_figures() if args.postgres else []
        region_url, region_key = None, None
        if region is not None:
            say(f"encrypting a copy of the region ({sizes.region_students} students)")
            region_dir = work / "region"
            region_db, region_key = encrypted_copy(region, region_dir / "koers.db")
            region_url = f"sqlite:///{region_db}"
            label = f"{sizes.region_students}"
            if "startup" in args.areas:
                results += startup.start_to_login_region(region_url, region_dir, label)
            if "login" in args.areas:
                results += startup.password_to_cohort(
                    region_url, region_dir, runs=3, label=label, budget_s=1.0,
                    first_file_budget_ms=150,
                )  # fmt: skip
        if {"filter", "file", "planner", "meetings", "trends"} & args.areas or args.postgres:
            results += _in_process(args, sizes, (app_url, key), (region_url, region_key))
        if "parent_report" in args.areas:
            from bench.parent_report import render_time

            results += render_time()
        if "consent" in args.areas:
            from bench import consent

            results += consent.main()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print()
    print(f"Koers bench ({'quick' if args.quick else 'full'} data)")
    for result in results:
        print(result.line())
    over = [r for r in results if r.counts and not r.ok]
    print(f"{len(over)} budget(s) over" if over else "all budgets met")
    meta = {
        "when": datetime.now().isoformat(timespec="seconds"),
        "mode": "quick" if args.quick else "full",
        "postgres": args.postgres,
        "areas": sorted(args.areas),
        "sizes": asdict(sizes),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        # Other work on the machine skews every figure: compare runs with similar load.
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "commit": _commit(),
        "seconds": round(time.perf_counter() - began, 1),
    }
    save(args.out, meta, results)
    print(f"saved to {args.out}")
    return 1 if over else 0


def _in_process(args, sizes, school: tuple[str, bytes], region: tuple[str | None, bytes | None]):
    from app.db.store import open_store
    from bench import generate, inprocess

    app = inprocess.application()
    results = []
    store = open_store(school[0], key=school[1])
    try:
        actor = generate.coordinator(store)
        if "filter" in args.areas:
            results += _filter(app, store, actor, f"{sizes.students}", region=False)
        if "file" in args.areas:
            say("student file open: 20 students")
            results += inprocess.student_file_open(app, store, actor, budget_ms=100)
        if "planner" in args.areas:
            from bench.planner import planner_open

            results += planner_open(app, store, actor)
        if "trends" in args.areas:
            from bench.trends import trends_open

            results += trends_open(app, store, actor)
        if "meetings" in args.areas:
            from bench.meetings import measure as meetings_measure

            results += meetings_measure(app, store, actor)
    finally:
        store.dispose()
    region_url, region_key = region
    if region_url is not None and {"filter", "file"} & args.areas:
        store = open_store(region_url, key=region_key)
        label = f"{sizes.region_students}"
        try:
            actor = generate.coordinator(store)
            if "filter" in args.areas:
                results += _filter(app, store, actor, label, region=True)
            if "file" in args.areas:
                results += inprocess.student_file_open(
                    app, store, actor, label=label, budget_ms=150
                )
        finally:
            store.dispose()
    if args.postgres:
        results += _postgres(args, sizes, app)
    return results


def _aftercare(url: str, key: bytes):
    from app.db.store import open_store
    from bench import aftercare, generate

    store = open_store(url, key=key)
    try:
        say("aftercare: worklist and retention table")
        return aftercare.measure(store, generate.coordinator(store))
    finally:
        store.dispose()


def _filter(app, store, actor, label: str, *, region: bool, suffix: str = ""):
    """Loading the cohort, then keystrokes; the budget depends on school or region size.

    The budget is on the keystroke into the real search box until the table has repainted
    (what the user sees); the model-only figure is shown beside it without a budget.
    """
    from bench import inprocess

    rows, results = inprocess.load_cohort(store, actor, label + suffix)
    say(f"cohort filter {label}{suffix}: {len(inprocess.keystrokes()) * 3} keystrokes")
    results += inprocess.filter_keystrokes(rows, label + suffix)
    results += inprocess.filter_keystrokes_in_view(
        app,
        rows,
        label + suffix,
        median_budget_ms=50 if region else None,
        worst_budget_ms=None if region else 16,
    )
    return results


def _postgres(args, sizes, app):
    """The school's students and the region on a PostgreSQL server started for this run."""
    from app.db.store import open_store
    from bench import generate, inprocess, startup
    from bench.postgres import postgres_server

    databases = [("koers_school", sizes.students, False)]
    if {"filter", "file", "login", "trends"} & args.areas:
        databases.append(("koers_region", sizes.region_students, True))
    results = []
    say("starting PostgreSQL")
    with postgres_server() as server:
        for name, count, is_region in databases:
            url = server.create_database(name)
            started = time.perf_counter()
            say(f"PostgreSQL: generating {count} students in {name}")
            generate.build_region(url, count)
            say(f"PostgreSQL: generated in {time.perf_counter() - started:.1f} s")
            if is_region and "login" in args.areas:
                # The password only keeps the app from asking for one: the server trusts
                # 127.0.0.1 (bench/postgres.py).
                app_url = url.replace("postgres@", "postgres:bench@", 1)
                data_dir = Path(tempfile.mkdtemp(prefix="koers-bench-pg-app-"))
                try:
                    results += startup.password_to_cohort(
                        app_url, data_dir, runs=3, label=f"{count}_postgres", budget_s=1.0,
                        first_file_budget_ms=150,
                    )  # fmt: skip
                finally:
                    shutil.rmtree(data_dir, ignore_errors=True)
            store = open_store(url)
            try:
                actor = generate.coordinator(store)
                if "filter" in args.areas:
                    results += _filter(
                        app, store, actor, f"{count}", region=is_region, suffix="_postgres"
                    )
                if "file" in args.areas:
                    results += inprocess.student_file_open(
                        app,
                        store,
                        actor,
                        label=f"{count}_postgres",
                        budget_ms=150 if is_region else None,
                    )
                if "trends" in args.areas and is_region:
                    from bench.trends import trends_open

                    results += trends_open(
                        app, store, actor, label=f"{count}_postgres", budget_ms=1000
                    )
            finally:
                store.dispose()
    return results


def _commit() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=BENCH_DIR.parent,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=BENCH_DIR.parent,
            capture_output=True,
            text=True,
        ).stdout.strip()
        return head + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


if __name__ == "__main__":
    sys.exit(main())
