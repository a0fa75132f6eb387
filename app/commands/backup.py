"""`python -m app backup --user NAAM [--out MAP]`: a verified backup of the embedded database."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import CommandError, database_url, open_as_user
from app.core.exit_codes import EXIT_FAILED, EXIT_OK


def run(args: argparse.Namespace) -> int:
    from app.core.errors import KoersError
    from app.db.urls import parse_url, sqlite_path
    from app.services.admin import maintenance

    if sqlite_path(parse_url(database_url(args))) is None:
        raise CommandError(maintenance.ONLY_EMBEDDED, EXIT_FAILED)
    try:
        store, actor = open_as_user(args)
    except (CommandError, KoersError):  # a wrong password stays exit code 3
        raise
    except Exception as exc:  # a damaged or unreadable file: say so, no traceback
        raise CommandError(
            f"de database is niet te openen ({type(exc).__name__}); er is geen back-up "
            "gemaakt. Is ze beschadigd, zet dan een back-up terug met 'restore'.",
            EXIT_FAILED,
        ) from None
    try:
        target = Path(args.out).expanduser() if args.out else None
        made = maintenance.backup_now(store, actor, target)
    except KoersError as exc:
        raise CommandError(exc.message, EXIT_FAILED) from None
    except Exception as exc:
        raise CommandError(
            f"de back-up is mislukt ({type(exc).__name__}); er is niets veranderd.", EXIT_FAILED
        ) from None
    finally:
        store.dispose()
    print(f"Back-up gemaakt en gecontroleerd: {made.path}")
    if made.encrypted:
        print(f"Sleutelbestand ernaast: {made.keys_path.name} (hoort bij de back-up).")
    return EXIT_OK
