"""What went wrong with the connection to a PostgreSQL server, in words a user can act on.

Two families: the server went away during a session (restarted for an update, the network
dropped), and a TLS connection the client refused (the school's CA does not vouch for the
server, the server offers no TLS). Both arrive as driver errors wrapped by SQLAlchemy; this
module only reads them, it never connects.
"""

from __future__ import annotations

import re

LOST_MESSAGE = (
    "De verbinding met de database is verbroken. Koers probeert opnieuw te verbinden; "
    "uw wijziging is niet verloren. Probeer het zo nog eens."
)

# SQLSTATE class 08 (connection exception) and the server's own shutdown codes: the server
# ended the connection, nothing the statement did was wrong.
_SERVER_WENT_AWAY = ("57P01", "57P02", "57P03")
_UNREACHABLE_SIGNS = (
    "connection refused",
    "could not connect",
    "timeout expired",
    "timed out",
    "server closed the connection",
    "connection is closed",
    "connection is lost",
    "consuming input failed",
    "terminating connection",
    "no route to host",
    "network is unreachable",
    "the database system is starting up",
    "the database system is shutting down",
    "the database system is in recovery mode",
    "connection reset",
    "broken pipe",
)

TLS_UNTRUSTED = (
    "De databaseserver kon niet worden vertrouwd: het certificaat van de server is niet "
    "ondertekend door het CA-certificaat dat in Koers is ingesteld. Vraag de ICT-beheerder "
    "om het juiste CA-certificaat van de school en kies het bij Database kiezen."
)
TLS_WRONG_HOST = (
    "Het certificaat van de databaseserver hoort niet bij de servernaam {host}. Vul bij "
    "Database kiezen de naam in die in het certificaat staat, of vraag de ICT-beheerder om "
    "een passend certificaat."
)
TLS_NOT_OFFERED = (
    "De databaseserver biedt geen versleutelde verbinding (TLS) aan, maar Koers is ingesteld "
    "om die te eisen. Vraag de ICT-beheerder om TLS aan te zetten op de server."
)
TLS_REQUIRED_BY_SERVER = (
    "De databaseserver accepteert alleen versleutelde verbindingen. Zet bij Database kiezen "
    "'Versleutelde verbinding (TLS)' aan en kies het CA-certificaat van de school."
)
TLS_FILE_MISSING = (
    "Het certificaatbestand {path} is niet gevonden of niet te lezen. Controleer het pad bij "
    "Database kiezen."
)
TLS_FAILED = (
    "De versleutelde verbinding (TLS) met de databaseserver is mislukt. Controleer bij "
    "Database kiezen het CA-certificaat en vraag zo nodig de ICT-beheerder om hulp."
)


def _driver_error(exc: BaseException) -> BaseException:
    return getattr(exc, "orig", None) or exc


def _is_driver_error(exc: BaseException) -> bool:
    names = {cls.__name__ for cls in type(exc).__mro__}
    return bool(names & {"DBAPIError", "OperationalError", "InterfaceError"})


def tls_failure_message(exc: BaseException) -> str | None:
    """The Dutch message for a refused TLS connection, or None when `exc` is not one."""
    if not _is_driver_error(exc):
        return None
    text = str(_driver_error(exc))
    lower = text.lower()
    if "certificate verify failed" in lower or "self-signed certificate" in lower:
        return TLS_UNTRUSTED
    wrong_host = re.search(r'does not match host name "([^"]*)"', text)
    if wrong_host:
        return TLS_WRONG_HOST.format(host=wrong_host.group(1))
    if "server does not support ssl" in lower:
        return TLS_NOT_OFFERED
    if "pg_hba.conf" in lower and "no encryption" in lower:
        return TLS_REQUIRED_BY_SERVER
    missing = re.search(
        r'(?:root certificate|certificate|private key) file "([^"]*)"'
        r"(?: does not exist| could not be read|.*?(?:no such file|permission denied))",
        text,
        re.IGNORECASE,
    )
    if missing:
        return TLS_FILE_MISSING.format(path=missing.group(1))
    if "ssl" in lower and ("error" in lower or "failed" in lower):
        return TLS_FAILED
    return None


def is_connection_lost(exc: BaseException) -> bool:
    """The server cannot be reached or ended the connection: trying again later may work.

    Not a refused password, a refused TLS connection or an error of the statement itself
    (a deadlock, a constraint): those say something about the request, not the line.
    """
    if not _is_driver_error(exc):
        return False
    if getattr(exc, "connection_invalidated", False):
        return True
    orig = _driver_error(exc)
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate is not None:
        return sqlstate.startswith("08") or sqlstate in _SERVER_WENT_AWAY
    # A failed connect carries no SQLSTATE: only its text tells a server that is down or
    # unreachable from one that answered and said no (a password, a database name).
    text = str(orig).lower()
    return any(sign in text for sign in _UNREACHABLE_SIGNS)
