"""`python -m bench.growth [--sizes 3000,30000,150000]`: every cohort screen at three sizes.

The same kind of data at each size (the region generator: demo users, students with their
guardians and paths), each on an SQLCipher copy as a school PC has it, measured in one run:

- out of process: start to the enabled log-in button against a bare window, password to the
  cohort's first page painted with its signals, and the first file opened right after, with
  the peak RSS (`bench.startup`, one smoke run per size: the figure is the app's own clock);
- in this process: the services behind the cohort (first page, the whole list, its signals,
  the whole list with its signals, the one row a save reads again), the model over the whole
  list and the signals set after it, the filter from keystroke to repaint, and a student
  file opened in its window.

Growth budgets (issue 19): every screen at most linear in the students (its figure at the
largest size is at most `largest / smallest` times the one at the smallest); the log-in, the
first page and the first file flat (at most 3.3 times, the ratio of the 150k budget of 1 s
to the 3k budget of 0.3 s for the log-in). The figures go to `bench/results/growth.json`
and the plot (growth factor against students, log-log, with the flat and linear lines) to
`bench/growth.png`, drawn with QPainter: no plotting library.
Exit code 1 when a growth budget is missed.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import shutil
import tempfile
import time
from datetime import datetime
from pathlib import Path

from bench.generate import BENCH_DIR, say

SIZES = (3_000, 30_000, 150_000)
# (name, what it is, growth kind): "flat" or "linear".
SCREENS: tuple[tuple[str, str, str], ...] = (
    ("start_to_login_ratio", "start to log-in button / bare window", "flat"),
    ("password_to_cohort", "password to first page painted, with signals", "flat"),
    ("first_file_after_login", "first student file right after log-in", "flat"),
    ("cohort_first_page", "cohort_first_page (service)", "flat"),
    ("student_file_open", "student file window, median of 10", "flat"),
    ("cohort_overview", "whole cohort list (service)", "linear"),
    ("cohort_signals", "whole cohort's signals (service)", "linear"),
    ("list_cohort_with_signals", "whole cohort with signals", "linear"),
    ("cohort_row_after_save", "the saved student's row again, with signals", "flat"),
    ("cohort_model", "CohortModel.set_rows over the whole list", "linear"),
    ("cohort_model_signals", "CohortModel.set_signals: signals after the list", "linear"),
    ("filter_view_median", "filter, keystroke to repaint (median)", "linear"),
    ("peak_rss_app", "peak RSS of the app (MB)", "linear"),
)
FLAT_FACTOR = 1.0 / 0.3  # the log-in's budgets: 0.3 s at 3k, 1 s at 150k


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.growth", description=__doc__)
    parser.add_argument("--sizes", default=",".join(str(n) for n in SIZES))
    parser.add_argument("--out", type=Path, default=BENCH_DIR / "results" / "growth.json")
    parser.add_argument("--plot", type=Path, default=BENCH_DIR / "growth.png")
    parser.add_argument(
        "--from-json", type=Path, help="only draw the plot and print the table of a saved run"
    )
    args = parser.parse_args(argv)
    args.sizes = [int(n) for n in args.sizes.split(",")]
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if args.from_json:
        data = json.loads(args.from_json.read_text())
    else:
        data = {"when": datetime.now().isoformat(timespec="seconds"), "figures": {}}
        data["load_average_before"] = [round(x, 2) for x in os.getloadavg()]
        for size in args.sizes:
            data["figures"][str(size)] = measure(size)
        data["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(data, indent=2))
        say(f"saved to {args.out}")
    checks = growth_checks(data["figures"])
    print(table(data["figures"], checks))
    if len(data["figures"]) > 1:
        plot(data["figures"], args.plot)
        print(f"plot: {args.plot}")
    return 1 if any(not ok for _name, _factor, _limit, ok in checks) else 0


def measure(size: int) -> dict[str, float]:
    from bench import generate, startup
    from bench.encryption import encrypted_copy

    region = generate.cached_region(size)
    work = Path(tempfile.mkdtemp(prefix="koers-growth-"))
    figures: dict[str, float] = {}
    try:
        say(f"growth {size}: encrypting a copy")
        db, key = encrypted_copy(region, work / "data" / "koers.db")
        url = f"sqlite:///{db}"
        for result in startup.start_to_login(url, work / "data", runs=1):
            figures[result.name] = result.value
        for result in startup.password_to_cohort(url, work / "data", runs=1):
            figures[result.name] = result.value * (1000 if result.unit == "s" else 1)
        figures.update(_in_process(url, key))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    say(f"growth {size}: {json.dumps({k: round(v, 1) for k, v in figures.items()})}")
    return figures


def _in_process(url: str, key: bytes) -> dict[str, float]:
    from app.db.store import open_store
    from app.services.students import cohort
    from app.ui.cohort.model import CohortModel
    from bench import generate, inprocess

    app = inprocess.application()
    store = open_store(url, key=key)
    figures: dict[str, float] = {}
    try:
        actor = generate.coordinator(store)

        def timed(use_case, *args, runs: int = 3) -> tuple[float, object]:
            store.run(use_case, actor, *args)  # unmeasured: the page cache is warm after
            times = []
            for _ in range(runs):
                gc.collect()
                started = time.perf_counter()
                value = store.run(use_case, actor, *args)
                times.append(time.perf_counter() - started)
            return sorted(times)[len(times) // 2] * 1000, value

        figures["cohort_first_page"], _ = timed(cohort.cohort_first_page)
        figures["cohort_overview"], _ = timed(cohort.cohort_overview)
        figures["cohort_signals"], raised = timed(cohort.cohort_signals)
        figures["list_cohort_with_signals"], rows = timed(cohort.list_cohort)
        figures["cohort_row_after_save"], _ = timed(cohort.cohort_rows, [rows[len(rows) // 2].id])
        model = CohortModel()
        started = time.perf_counter()
        model.set_rows(rows)
        figures["cohort_model"] = (time.perf_counter() - started) * 1000
        # As after F5: the list is there, its signals follow on the window's thread.
        started = time.perf_counter()
        model.set_signals(raised)
        figures["cohort_model_signals"] = (time.perf_counter() - started) * 1000
        for result in inprocess.filter_keystrokes_in_view(
            app, rows, "g", median_budget_ms=None, worst_budget_ms=None
        ):
            if result.name.endswith("_median"):
                figures["filter_view_median"] = result.value
        for result in inprocess.student_file_open(app, store, actor, count=10, budget_ms=None):
            if result.name == "student_file_open":
                figures["student_file_open"] = result.value
    finally:
        store.dispose()
    return figures


def growth_checks(figures: dict[str, dict[str, float]]) -> list[tuple[str, float, float, bool]]:
    """(screen, growth factor smallest -> largest, the limit, within it)."""
    sizes = sorted(int(n) for n in figures)
    small, large = str(sizes[0]), str(sizes[-1])
    checks = []
    for name, _what, kind in SCREENS:
        if name not in figures[small] or name not in figures[large]:
            continue
        factor = figures[large][name] / figures[small][name]
        limit = FLAT_FACTOR if kind == "flat" else sizes[-1] / sizes[0]
        checks.append((name, factor, limit, factor <= limit))
    return checks


def table(figures: dict[str, dict[str, float]], checks) -> str:
    sizes = sorted(int(n) for n in figures)
    by_name = {name: (factor, limit, ok) for name, factor, limit, ok in checks}
    head = "| screen | " + " | ".join(f"{n:,}" for n in sizes) + " | growth | limit | |"
    lines = [head, "| --- " * (len(sizes) + 4) + "|"]
    for name, what, _kind in SCREENS:
        if name not in by_name:
            continue
        unit = "×" if name.endswith("ratio") else ("MB" if name.startswith("peak") else "ms")
        cells = [f"{figures[str(n)].get(name, float('nan')):,.1f} {unit}" for n in sizes]
        factor, limit, ok = by_name[name]
        verdict = "OK" if ok else "OVER"
        lines.append(
            f"| `{name}` ({what}) | " + " | ".join(cells) + f" | ×{factor:.1f} | ×{limit:.1f} "
            f"| {verdict} |"
        )
    return "\n".join(lines)


COLOURS = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
    "#000000",
    "#8c6d31",
    "#393b79",
)


def plot(figures: dict[str, dict[str, float]], path: Path) -> None:
    """Growth factor (figure / figure at the smallest size) against students, log-log."""
    import math

    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])
    sizes = sorted(int(n) for n in figures)
    if len(sizes) < 2:
        return  # one size has no growth to draw
    series = []
    for (name, what, kind), colour in zip(SCREENS, COLOURS, strict=True):
        values = [figures[str(n)].get(name) for n in sizes]
        if None in values or not values[0]:
            continue
        series.append((name, what, kind, colour, [v / values[0] for v in values]))
    width, height = 1400, 900
    left, top, right, bottom = 90, 60, 980, 820
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    x_lo, x_hi = math.log10(sizes[0]), math.log10(sizes[-1])
    top_factor = max([sizes[-1] / sizes[0]] + [max(s[4]) for s in series])
    y_lo, y_hi = math.log10(0.2), math.log10(top_factor * 1.5)

    def point(students: float, factor: float) -> QPointF:
        x = left + (math.log10(students) - x_lo) / (x_hi - x_lo) * (right - left)
        y = bottom - (math.log10(max(factor, 0.2)) - y_lo) / (y_hi - y_lo) * (bottom - top)
        return QPointF(x, y)

    font = QFont()
    font.setPixelSize(15)
    painter.setFont(font)
    painter.setPen(QPen(QColor("#999999"), 1))
    for factor in (0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500):
        if factor > 10**y_hi:
            break
        y = point(sizes[0], factor).y()
        painter.drawLine(QPointF(left, y), QPointF(right, y))
        label = QRectF(0, y - 10, left - 8, 20)
        painter.drawText(label, Qt.AlignmentFlag.AlignRight, f"×{factor:g}")
    for n in sizes:
        x = point(n, 1).x()
        painter.drawLine(QPointF(x, top), QPointF(x, bottom))
        label = QRectF(x - 60, bottom + 8, 120, 20)
        painter.drawText(label, Qt.AlignmentFlag.AlignHCenter, f"{n:,}")
    painter.setPen(QPen(QColor("#555555"), 2, Qt.PenStyle.DashLine))
    painter.drawLine(point(sizes[0], 1), point(sizes[-1], sizes[-1] / sizes[0]))
    painter.drawText(point(sizes[-1], sizes[-1] / sizes[0]) + QPointF(-70, -8), "linear")
    painter.drawLine(point(sizes[0], FLAT_FACTOR), point(sizes[-1], FLAT_FACTOR))
    painter.drawText(point(sizes[-1], FLAT_FACTOR) + QPointF(-120, -8), "flat limit ×3.3")
    for index, (name, _what, kind, colour, factors) in enumerate(series):
        pen = QPen(QColor(colour), 3 if kind == "flat" else 2)
        if kind == "flat":
            pen.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(pen)
        points = [point(n, f) for n, f in zip(sizes, factors, strict=True)]
        for a, b in itertools.pairwise(points):
            painter.drawLine(a, b)
        for p in points:
            painter.drawEllipse(p, 4, 4)
        y = top + 10 + index * 34
        painter.drawLine(QPointF(right + 30, y), QPointF(right + 70, y))
        painter.setPen(QColor("black"))
        painter.drawText(
            QRectF(right + 78, y - 10, width - right - 80, 34),
            Qt.AlignmentFlag.AlignLeft,
            f"{name} ({kind}) ×{factors[-1]:.1f}",
        )
    painter.setPen(QColor("black"))
    title = QFont(font)
    title.setPixelSize(20)
    title.setBold(True)
    painter.setFont(title)
    painter.drawText(
        QRectF(left, 12, right - left, 30),
        Qt.AlignmentFlag.AlignLeft,
        "Koers cohort screens: growth against the smallest size (log-log, SQLCipher)",
    )
    painter.setFont(font)
    painter.drawText(
        QRectF(left, bottom + 40, right - left, 24), Qt.AlignmentFlag.AlignHCenter, "students"
    )
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(path))


if __name__ == "__main__":
    raise SystemExit(main())
