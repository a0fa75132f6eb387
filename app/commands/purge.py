"""`python -m app purge --user NAAM [--dry-run]`: remove files past their retention date.

The list of what is due is printed first (names too: it is the coordinator's own
terminal); with --dry-run nothing more happens. Otherwise the files are removed in one
transaction, backups older than the retention period are removed, and both are logged.
"""

from __future__ import annotations

import argparse
from datetime import date

from app.commands.common import open_as_user
from app.core import clock
from app.core.exit_codes import EXIT_OK


def _day(value: date) -> str:
    return value.strftime("%d-%m-%Y")


def run(args: argparse.Namespace) -> int:
    from app.services.admin import retention

    store, actor = open_as_user(args)
    try:
        today = clock.today()
        settings = store.run(retention.retention_settings, actor)
        due = store.run(retention.due_for_purge, actor, today)
        print(
            f"Bewaartermijn: {settings.retention_months} maanden na het einde van de nazorg "
            f"(de nazorg duurt {settings.aftercare_months} maanden na de uitstroom)."
        )
        if due:
            print(f"{_count(len(due))} voorbij de bewaartermijn:")
            for c in due:
                print(
                    f"  {c.student_id:>7}  {c.display_name}  uitstroom {_day(c.outflow_date)}"
                    f"  bewaren tot {_day(c.retention_end)}"
                )
        else:
            print("Geen dossiers voorbij de bewaartermijn.")
        folder = retention.backup_dir(store)
        now = clock.now()
        old = (
            retention.old_backups(folder, retention.backup_cutoff(settings, now))
            if folder is not None
            else []
        )
        if old:
            print(f"{len(old)} back-up(s) ouder dan de bewaartermijn:")
            for path in old:
                print(f"  {path.name}")
        if args.dry_run:
            print("Proefdraai: er is niets verwijderd.")
            return EXIT_OK
        result = store.run(retention.purge, actor, [c.student_id for c in due], today)
        removed = store.run(retention.remove_old_backups, actor, now)
        print(f"{_count(result.count)} verwijderd; {removed} oude back-up(s) verwijderd.")
        return EXIT_OK
    finally:
        store.dispose()


def _count(n: int) -> str:
    return f"{n} dossier" if n == 1 else f"{n} dossiers"
