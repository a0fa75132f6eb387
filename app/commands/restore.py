"""`python -m app restore BESTAND --user NAAM`: put a backup back in place of the database.

Asks nothing: the file named is restored. The password (KOERS_PASSWORD) must open the
backup's own key file, so this works when the current database is damaged or gone. The
replaced database is moved aside, never deleted.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import CommandError, database_url
from app.core.exit_codes import EXIT_AUTH, EXIT_FAILED, EXIT_OK, EXIT_USAGE
from app.core.password_prompt import read_password


def run(args: argparse.Namespace) -> int:
    from app.core.errors import KoersError
    from app.services.admin import maintenance

    url = database_url(args)
    password = read_password(f"Wachtwoord voor {args.user}: ")
    if not password:
        raise CommandError("geef het wachtwoord in KOERS_PASSWORD", EXIT_USAGE)
    backup = Path(args.file).expanduser()
    try:
        result = maintenance.restore_as_user(url, backup, args.user, password)
    except KoersError as exc:
        raise CommandError(exc.message, EXIT_AUTH if exc.is_auth else EXIT_FAILED) from None
    except Exception as exc:
        raise CommandError(
            f"terugzetten is mislukt ({type(exc).__name__}: {exc}).", EXIT_FAILED
        ) from None
    print(f"Back-up {result.restored_from.name} teruggezet in {result.database}.")
    if result.moved_aside:
        print("De vorige database is bewaard (niet verwijderd):")
        for path in result.moved_aside:
            print(f"  {path}")
    return EXIT_OK
