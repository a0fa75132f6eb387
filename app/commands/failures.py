"""Every way a sub-command can fail, as one Dutch line on stderr and a documented exit code.

The one place that turns an exception into what the user reads: the command runner in
app.cli hands every exception here. Known errors keep their own Dutch message; an
unexpected one gets a short Dutch line and its traceback goes to a log file in the data
folder (a traceback on a coordinator's screen helps nobody; `KOERS_DEBUG=1` shows it too).
"""

from __future__ import annotations

import os
import sys
import traceback
from datetime import datetime
from pathlib import Path

from app.core.exit_codes import (
    EXIT_AUTH,
    EXIT_FAILED,
    EXIT_NOT_ALLOWED,
    EXIT_REFUSED,
    EXIT_USAGE,
)

DEBUG_ENV = "KOERS_DEBUG"
LOG_NAME = "koers-fouten.log"
# The log keeps the newest failures only: it is for the school's IT desk, not an archive.
LOG_MAX_BYTES = 256 * 1024

UNREACHABLE = (
    "de databaseserver is niet bereikbaar: controleer het adres, het netwerk en of de "
    "server draait."
)
DAMAGED = (
    "de database is niet te lezen: het bestand is beschadigd of hoort niet bij dit "
    "sleutelbestand. Zet een back-up terug met 'restore'."
)
DATABASE_FAILED = "de database gaf een fout; er is niets veranderd."
INTERRUPTED = "afgebroken; wat nog niet was opgeslagen, is niet opgeslagen."


def explain(exc: BaseException) -> tuple[str, int]:
    """The Dutch message and exit code for `exc`; an unexpected error is logged first."""
    from app.commands.common import CommandError
    from app.core.errors import KoersError, NotFoundError, PermissionDeniedError
    from app.services.consent.gate import ConsentRefusedError

    if isinstance(exc, CommandError):
        return exc.message, exc.exit_code
    if isinstance(exc, KoersError):
        if exc.is_auth:
            return exc.message, EXIT_AUTH
        if isinstance(exc, PermissionDeniedError):
            return exc.message, EXIT_NOT_ALLOWED
        if isinstance(exc, ConsentRefusedError):
            return exc.message, EXIT_REFUSED
        if isinstance(exc, NotFoundError):  # a student, user or code the user named
            return exc.message, EXIT_USAGE
        return exc.message, EXIT_FAILED
    infrastructure = _infrastructure(exc)
    if infrastructure is not None:
        return infrastructure, EXIT_FAILED
    return _unexpected(exc), EXIT_FAILED


def _infrastructure(exc: BaseException) -> str | None:
    """Failures of the machine rather than of Koers: the database, the disk, a key file."""
    from app.db.keyfile import KeyFileError
    from app.db.migrate import DatabaseTooNewError

    if isinstance(exc, KeyboardInterrupt):
        return INTERRUPTED
    if isinstance(exc, (KeyFileError, DatabaseTooNewError)):
        return str(exc)  # their messages are Dutch already
    if _is_database_error(exc):
        from app.db.connection_errors import tls_failure_message

        tls_problem = tls_failure_message(exc)
        if tls_problem is not None:
            return tls_problem
        text = str(exc).lower()
        if "connection" in text or "could not connect" in text or "timeout" in text:
            return UNREACHABLE
        if "not a database" in text or "malformed" in text or "encrypted" in text:
            return DAMAGED
        return DATABASE_FAILED
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}bestand of map niet te gebruiken ({type(exc).__name__})."
    return None


def _is_database_error(exc: BaseException) -> bool:
    # SQLAlchemy wraps most driver errors, but sqlcipher3's connect-time PRAGMAs raise the
    # driver's own DatabaseError; both families share the DB-API class names.
    names = {cls.__name__ for cls in type(exc).__mro__}
    return bool(names & {"DBAPIError", "DatabaseError", "OperationalError", "InterfaceError"})


def log_path() -> Path:
    from app.db.urls import data_dir

    return data_dir() / LOG_NAME


def _unexpected(exc: BaseException) -> str:
    details = "".join(traceback.format_exception(exc))
    if os.environ.get(DEBUG_ENV) == "1":
        print(details, file=sys.stderr, end="")
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > LOG_MAX_BYTES:
            path.unlink()
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now().isoformat(timespec='seconds')} ---\n{details}")
    except OSError:
        return f"onverwachte fout ({type(exc).__name__}); de details konden niet worden bewaard."
    return f"onverwachte fout ({type(exc).__name__}); de details staan in {path}."
