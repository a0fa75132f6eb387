"""`python -m app export report|leavers|monitor|trends`: what leaves the school, from the CLI.

Exit 0 when the file is written; 4 with the Dutch refusal on stderr (and no file) when
consent or another rule refuses; 5 for a role that may not export; 2 for bad arguments
(an unknown student or recipient too); 3 for a wrong password (app.commands.failures).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import CommandError, open_as_user
from app.core.exit_codes import EXIT_OK, EXIT_USAGE


def run(args: argparse.Namespace) -> int:
    if args.export_command in ("monitor", "trends"):
        return _run_trends(args)
    out = Path(args.out)
    if args.export_command == "report" and out.suffix.lower() != ".pdf":
        raise CommandError("--out moet een .pdf-bestand zijn", EXIT_USAGE)
    if args.export_command == "leavers" and out.suffix.lower() not in (".csv", ".xlsx"):
        raise CommandError("--out moet een .csv- of .xlsx-bestand zijn", EXIT_USAGE)
    if args.export_command == "leavers" and not 2000 <= args.year <= 2100:
        raise CommandError("--year moet een jaartal zijn, bijvoorbeeld 2026", EXIT_USAGE)
    from app.services.consent.leavers_list import export_leavers
    from app.services.consent.report_export import export_report

    store, actor = open_as_user(args)
    try:
        if args.export_command == "report":
            result = store.run(export_report, actor, args.student, args.recipient, out)
            print(f"Overdrachtsdossier opgeslagen in {result.path} ({result.basis}).")
        else:
            result = store.run(export_leavers, actor, args.year, args.recipient, out)
            print(
                f"Lijst van vertrekkers opgeslagen in {result.path}: {result.named} op naam, "
                f"{result.counted} alleen als aantal."
            )
        return EXIT_OK
    finally:
        store.dispose()


def _run_trends(args: argparse.Namespace) -> int:
    """`export monitor` (anonymous figures) and `export trends` (the trend report)."""
    out = Path(args.out)
    if args.export_command == "trends" and out.suffix.lower() != ".pdf":
        raise CommandError("--out moet een .pdf-bestand zijn", EXIT_USAGE)
    if args.export_command == "monitor":
        if out.suffix.lower() not in (".csv", ".xlsx"):
            raise CommandError("--out moet een .csv- of .xlsx-bestand zijn", EXIT_USAGE)
        if not 2000 <= args.year <= 2100:
            raise CommandError("--year moet een jaartal zijn, bijvoorbeeld 2025", EXIT_USAGE)
    from app.core.validation import today
    from app.services.trends.exports import export_monitor
    from app.services.trends.monitor import MonitorShape
    from app.services.trends.report import export_trend_report

    store, actor = open_as_user(args)
    try:
        if args.export_command == "monitor":
            result = store.run(
                export_monitor, actor, MonitorShape(args.shape), args.year, out, today()
            )
            print(f"Monitorcijfers ({args.shape}) opgeslagen in {result.path}.")
        else:
            result = store.run(export_trend_report, actor, out, today())
            print(f"Trendrapport opgeslagen in {result.path}.")
        return EXIT_OK
    finally:
        store.dispose()
