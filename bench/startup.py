"""Measurements on separate processes: start to login window, and password to cohort.

(a) `python -m app` against `bench/bare_window.py`, alternated in the same session, both
    with KOERS_EXIT_WHEN_LOGIN_READY=1 and offscreen Qt: wall time from Popen to the
    "login-ready" line on stdout.
(b) `python -m app --smoke --timing --user demo`: the app's own password_to_cohort figure.
(e) the peak RSS of those app processes (os.wait4's rusage).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bench.generate import BENCH_DIR, PASSWORD, say
from bench.results import Result, median

REPO = BENCH_DIR.parent
READY = "login-ready"
TIMEOUT_S = 120
DROPPED_ENV = (
    "KOERS_PASSWORD",
    "KOERS_DATABASE_URL",
    "KOERS_EXIT_WHEN_LOGIN_READY",
    # An installed Koers runs from compiled bytecode; without the cache every start would
    # compile app/ from source. The unmeasured warm-up run writes it.
    "PYTHONDONTWRITEBYTECODE",
)


def app_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment both the app and the bare window run in: offscreen, own settings."""
    env = {k: v for k, v in os.environ.items() if k not in DROPPED_ENV}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        KOERS_DATA_DIR=str(data_dir),
        # QSettings (window state, last database) go here, not into the user's own.
        XDG_CONFIG_HOME=str(data_dir / "config"),
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


@dataclass
class Run:
    seconds: float | None  # until the marker line, None when it never came
    stdout: str
    stderr: str
    returncode: int
    max_rss_mb: float


def run_process(cmd: list[str], env: dict[str, str], marker: str | None = None) -> Run:
    """Runs `cmd` to its end; times Popen to the first stdout line equal to `marker`."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as errors:
        started = time.perf_counter()
        proc = subprocess.Popen(
            cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=errors, text=True
        )
        watchdog = threading.Timer(TIMEOUT_S, proc.kill)
        watchdog.start()
        seen: float | None = None
        lines = []
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                if seen is None and marker is not None and line.strip() == marker:
                    seen = time.perf_counter() - started
                lines.append(line)
            _pid, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
        finally:
            watchdog.cancel()
        errors.seek(0)
        return Run(seen, "".join(lines), errors.read(), proc.returncode, usage.ru_maxrss / 1024)


def start_to_login(database_url: str, data_dir: Path, runs: int = 5) -> list[Result]:
    env = app_env(data_dir, KOERS_EXIT_WHEN_LOGIN_READY="1")
    app_cmd = [sys.executable, "-m", "app", "--database", database_url]
    bare_cmd = [sys.executable, str(BENCH_DIR / "bare_window.py")]

    def timed(cmd: list[str], what: str) -> float:
        run = run_process(cmd, env, READY)
        if run.returncode != 0 or run.seconds is None:
            raise RuntimeError(
                f"{what} never printed {READY!r} (exit {run.returncode}):\n"
                f"{run.stdout}\n{run.stderr[-3000:]}"
            )
        return run.seconds

    say(f"start to login window: {runs} runs each of the app and a bare window, alternated")
    # One unmeasured run each first: the file cache then holds Qt, Python and the app.
    timed(bare_cmd, "bare window")
    timed(app_cmd, "python -m app")
    app_times: list[float] = []
    bare_times: list[float] = []
    for i in range(runs):
        # Alternate who goes first, so neither always runs right after the other.
        order = [(bare_cmd, bare_times), (app_cmd, app_times)]
        if i % 2:
            order.reverse()
        for cmd, times in order:
            times.append(timed(cmd, "bare window" if cmd is bare_cmd else "python -m app"))
    app_s, bare_s = median(app_times), median(bare_times)
    return [
        Result("start_to_login_ratio", app_s / bare_s, "x", budget=1.5),
        Result("start_to_login_app", app_s * 1000, "ms", samples=[t * 1000 for t in app_times]),
        Result(
            "start_to_login_bare_window",
            bare_s * 1000,
            "ms",
            samples=[t * 1000 for t in bare_times],
        ),
    ]


def start_to_login_region(database_url: str, data_dir: Path, label: str, runs: int = 3):
    """The same ratio on the region: start-up must not grow with the database."""
    results = start_to_login(database_url, data_dir, runs=runs)
    for result in results:
        result.name = f"{result.name}_{label}"
    return results


def password_to_cohort(
    database_url: str,
    data_dir: Path,
    runs: int = 3,
    *,
    label: str = "",
    budget_s: float = 0.3,
    first_file_budget_ms: float = 100,
) -> list[Result]:
    """The app's own --timing figures over `runs` smoke runs, and their peak RSS.

    `password_to_cohort`: password confirmed to the cohort painted with its signals;
    `first_file_after_login`: the first row's file opened right after, while the start-up
    checks run beside it, until loaded and painted (app/ui/smoke_timing.py).
    """
    env = app_env(data_dir, KOERS_PASSWORD=PASSWORD)
    cmd = [sys.executable, "-m", "app", "--smoke", "--timing"]
    cmd += ["--database", database_url, "--user", "demo"]
    say(f"password to cohort{label and ' (' + label + ')'}: {runs} smoke runs")
    times: list[float] = []
    files: list[float] = []
    checks_running = 0
    rss: list[float] = []
    shown = ""
    for _ in range(runs):
        run = run_process(cmd, env)
        figures = dict(
            ln.split(" ", 1)[1].split("=", 1)
            for ln in run.stdout.splitlines()
            if ln.startswith("timing ")
        )
        if run.returncode != 0 or "password_to_cohort" not in figures:
            raise RuntimeError(
                f"smoke run failed (exit {run.returncode}):\n{run.stdout}\n{run.stderr[-3000:]}"
            )
        times.append(float(figures["password_to_cohort"]))
        if "first_file_after_login" in figures:
            files.append(float(figures["first_file_after_login"]) * 1000)
            checks_running += int(figures.get("checks_running_at_first_file", "0"))
        rss.append(run.max_rss_mb)
        shown = next((ln for ln in run.stdout.splitlines() if "leerlingen" in ln), shown)
    suffix = f"_{label}" if label else ""
    results = [
        Result(
            f"password_to_cohort{suffix}",
            median(times),
            "s",
            budget=budget_s,
            samples=times,
            note="to the cohort painted with its signals; " + shown.strip(),
        ),
        Result(f"peak_rss_app{suffix}", max(rss), "MB", budget=300, samples=rss),
    ]
    if files:
        results.append(
            Result(
                f"first_file_after_login{suffix}",
                median(files),
                "ms",
                budget=first_file_budget_ms,
                samples=files,
                note=f"start-up checks still running in {checks_running} of {len(files)} runs",
            )
        )
    return results
