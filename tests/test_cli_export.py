"""`python -m app export report|leavers`: exit 0 and a file when allowed; exit 4, the Dutch
refusal on stderr and no file when consent refuses; exit 2 for bad arguments."""

from __future__ import annotations

from pathlib import Path

from tests.koers_cli import run_koers

PASSWORD = "cli-export-wachtwoord"


def test_export_report_and_leavers(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    demo = run_koers(
        "demo", "--students", "30", "--database", url, data_dir=tmp_path, password=PASSWORD
    )
    assert demo.returncode == 0, demo.stderr
    # Find one student the gate allows today and one it refuses, through the CLI itself.
    results = {}
    for number in range(1, 31):
        las = str(100000 + number)
        out = tmp_path / f"{las}.pdf"
        done = run_koers(
            "export",
            "report",
            "--database",
            url,
            "--user",
            "demo",
            "--student",
            las,
            "--recipient",
            "auto",
            "--out",
            str(out),
            data_dir=tmp_path,
            password=PASSWORD,
        )
        results[las] = (done, out)
        if any(d.returncode == 0 for d, _ in results.values()) and any(
            d.returncode == 4 for d, _ in results.values()
        ):
            break
    allowed = [(d, o) for d, o in results.values() if d.returncode == 0]
    refused = [(d, o) for d, o in results.values() if d.returncode == 4]
    assert allowed and refused
    assert allowed[0][1].read_bytes().startswith(b"%PDF")
    assert "Overdrachtsdossier opgeslagen" in allowed[0][0].stdout
    assert "koers: Geen overdrachtsdossier van" in refused[0][0].stderr
    assert "toestemming" in refused[0][0].stderr and not refused[0][1].exists()

    bad = run_koers(
        "export",
        "report",
        "--database",
        url,
        "--user",
        "demo",
        "--student",
        "100001",
        "--recipient",
        "auto",
        "--out",
        str(tmp_path / "x.txt"),
        data_dir=tmp_path,
        password=PASSWORD,
    )
    assert bad.returncode == 2 and not (tmp_path / "x.txt").exists()

    csv_out = tmp_path / "vertrekkers.csv"
    # The demo's leavers list to the RMC rests on the legal duty (WVO art. 118h).
    for region in ("RMC-NLB", "RMC-MLB"):
        listed = run_koers(
            "export",
            "leavers",
            "--database",
            url,
            "--user",
            "demo",
            "--year",
            "2027",
            "--recipient",
            region,
            "--out",
            str(csv_out),
            data_dir=tmp_path,
            password=PASSWORD,
        )
        if listed.returncode == 0:
            break
    assert listed.returncode == 0, listed.stderr
    assert "Leerlingnummer;Naam" in csv_out.read_text(encoding="utf-8-sig")
    municipality = run_koers(
        "export",
        "leavers",
        "--database",
        url,
        "--user",
        "demo",
        "--year",
        "2027",
        "--recipient",
        "GM0983",
        "--out",
        str(tmp_path / "g.xlsx"),
        data_dir=tmp_path,
        password=PASSWORD,
    )
    assert municipality.returncode == 4 and "alleen naar een RMC-regio" in municipality.stderr
    assert not (tmp_path / "g.xlsx").exists()
