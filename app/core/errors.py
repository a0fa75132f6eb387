"""Errors a user can act on; each carries a Dutch message fit to show as is."""

from __future__ import annotations


class KoersError(Exception):
    """Base for errors whose message is meant for the user."""

    is_auth = False

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(KoersError):
    """One or more fields hold a value that cannot be saved; nothing was changed."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems.values()))


class ConflictError(KoersError):
    """Someone else saved the same record since it was loaded here."""


class NotFoundError(KoersError):
    pass


class AuthenticationError(KoersError):
    is_auth = True


class PermissionDeniedError(KoersError):
    pass


class ReadOnlyError(KoersError):
    """The database failed its integrity check: it can be read, not changed."""


class ConnectionLostError(KoersError):
    """The database server went away mid-session (restarted, network down): nothing was
    saved, what the user typed is still on screen, and the next try reconnects."""
