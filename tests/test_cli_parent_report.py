"""`python -m app export parent-report`: the parent report in the parents' language from the
command line, through the same roles and export log as the window."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

from pypdf import PdfReader

from tests.koers_cli import run_koers

PASSWORD = "cli-ouders-wachtwoord"


def _pdf_text(path: Path) -> str:
    raw = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)
    return " ".join(unicodedata.normalize("NFKC", raw).split())


def _parent_report(url: str, tmp_path: Path, user: str, *extra: str):
    return run_koers(
        "export",
        "parent-report",
        "--database",
        url,
        "--user",
        user,
        *extra,
        data_dir=tmp_path,
        password=PASSWORD,
    )


def test_parent_report_in_arabic_and_refusals(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    demo = run_koers(
        "demo", "--students", "12", "--database", url, data_dir=tmp_path, password=PASSWORD
    )
    assert demo.returncode == 0, demo.stderr
    # The demo school plans some conversations ahead: find a held one through the CLI.
    out = tmp_path / "verslag-ar.pdf"
    for conversation in range(1, 60):
        done = _parent_report(
            url, tmp_path, "demo", "--conversation", str(conversation), "--language", "ar",
            "--out", str(out),
        )  # fmt: skip
        if done.returncode == 0:
            break
        assert done.returncode == 4 and "nog gepland" in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr
    assert "(Nederlands en Arabisch)" in done.stdout
    text = _pdf_text(out)
    assert "Verslag van ons gesprek" in text and "تقرير محادثتنا" in text

    dutch = tmp_path / "verslag-nl.pdf"
    done = _parent_report(
        url, tmp_path, "demo", "--conversation", str(conversation), "--language", "nl",
        "--out", str(dutch),
    )  # fmt: skip
    assert done.returncode == 0 and "(Nederlands)" in done.stdout
    assert "تقرير" not in _pdf_text(dutch)

    unknown = _parent_report(
        url, tmp_path, "demo", "--conversation", str(conversation), "--language", "fr",
        "--out", str(tmp_path / "fr.pdf"),
    )  # fmt: skip
    assert unknown.returncode == 2 and "Taal 'fr' is onbekend" in unknown.stderr
    assert not (tmp_path / "fr.pdf").exists()

    # A read-only account may not print it, in any language.
    reader = _parent_report(
        url, tmp_path, "stagiair", "--conversation", str(conversation), "--language", "tr",
        "--out", str(tmp_path / "tr.pdf"),
    )  # fmt: skip
    assert reader.returncode == 5 and not (tmp_path / "tr.pdf").exists()
