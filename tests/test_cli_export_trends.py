"""`python -m app export monitor|trends`: the anonymous figures and the trend report are
written and logged for the coordinator, refused (exit 5, no file) for a mentor."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.core.exit_codes import EXIT_NOT_ALLOWED
from app.models import ExportLog
from app.services.admin.unlock import open_for_user
from tests.koers_cli import run_koers

PASSWORD = "cli-trends-wachtwoord"


def _export(url: str, tmp_path: Path, user: str, *args: str):
    return run_koers(
        "export", *args, "--database", url, "--user", user, data_dir=tmp_path, password=PASSWORD
    )


def _logged(url: str) -> list[str]:
    unlocked = open_for_user(url, "demo", PASSWORD)
    try:
        with unlocked.store.session() as session:
            return list(session.scalars(select(ExportLog.what).order_by(ExportLog.id)))
    finally:
        unlocked.store.dispose()


def test_export_monitor_and_trends_are_written_logged_and_refused_to_a_mentor(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    demo = run_koers(
        "demo", "--students", "40", "--database", url, data_dir=tmp_path, password=PASSWORD
    )
    assert demo.returncode == 0, demo.stderr

    monitor = tmp_path / "monitor.csv"
    done = _export(
        url, tmp_path, "demo", "monitor", "--shape", "pro", "--year", "2025", "--out", str(monitor)
    )
    assert done.returncode == 0, done.stderr
    assert "Monitorcijfers (pro) opgeslagen" in done.stdout and monitor.exists()
    report = tmp_path / "trends.pdf"
    done = _export(url, tmp_path, "demo", "trends", "--out", str(report))
    assert done.returncode == 0, done.stderr
    assert report.read_bytes().startswith(b"%PDF")
    logged = _logged(url)
    assert any("monitor pro 2025" in what for what in logged)
    assert any("trendrapport" in what for what in logged)

    refused_monitor = tmp_path / "mentor.csv"
    refused = _export(
        url,
        tmp_path,
        "m.vandijk",
        "monitor",
        "--shape",
        "vso",
        "--year",
        "2025",
        "--out",
        str(refused_monitor),
    )
    assert refused.returncode == EXIT_NOT_ALLOWED and not refused_monitor.exists()
    assert "uitstroomcoördinator" in refused.stderr
    refused_report = tmp_path / "mentor.pdf"
    refused = _export(url, tmp_path, "m.vandijk", "trends", "--out", str(refused_report))
    assert refused.returncode == EXIT_NOT_ALLOWED and not refused_report.exists()
    assert len(_logged(url)) == len(logged)  # a refusal logs nothing
