"""What the batch sub-commands share: acting as a logged-in user."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from app.core.exit_codes import EXIT_FAILED, EXIT_USAGE
from app.core.password_prompt import read_password

if TYPE_CHECKING:
    from app.db.store import Store
    from app.services.common.actor import Actor


class CommandError(Exception):
    """Ends a sub-command with a Dutch message on stderr and the given exit code."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


def database_url(args: argparse.Namespace) -> str:
    from app.db.urls import parse_url, resolve_database_url

    url = resolve_database_url(getattr(args, "database", None))
    try:
        parse_url(url)
    except Exception:
        raise CommandError(f"'{url}' is geen geldige database-URL", EXIT_USAGE) from None
    return url


def open_as_user(args: argparse.Namespace, *, writes: bool = True) -> tuple[Store, Actor]:
    """Opens the database of `--database` as `--user` (password from KOERS_PASSWORD), with
    every check the window makes (app.services.admin.opening): an SQLite file on a network
    share, a database without a school or a damaged file is refused.

    A database whose schema or triggers were changed outside Koers opens read-only: its
    message goes to stderr, and a command that `writes` ends there with exit code 1.

    A wrong password raises AuthenticationError (exit code 3 in app.commands.failures).
    The caller disposes the store.
    """
    from app.services.admin import opening

    password = read_password(f"Wachtwoord voor {args.user}: ")
    if not password:
        raise CommandError("geef het wachtwoord in KOERS_PASSWORD", EXIT_USAGE)
    entered = opening.open_as_user(database_url(args), args.user, password)
    store = entered.store
    if store.schema_problems:
        if writes:
            store.dispose()
            raise CommandError(store.read_only_message, EXIT_FAILED)
        print(store.read_only_message, file=sys.stderr)
    return store, entered.actor
