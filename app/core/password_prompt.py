"""The password of an unattended or command-line run: from KOERS_PASSWORD or a prompt,
never from an argument (arguments show up in process lists and shell histories)."""

from __future__ import annotations

import getpass
import os
import sys

PASSWORD_ENV = "KOERS_PASSWORD"


def read_password(prompt: str = "Wachtwoord: ") -> str | None:
    """KOERS_PASSWORD when set; else a hidden prompt on a terminal; None when neither."""
    value = os.environ.get(PASSWORD_ENV)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        return None
    return getpass.getpass(prompt)


NEW_PASSWORD_ENV = "KOERS_NEW_PASSWORD"


def read_new_password(prompt: str) -> str | None:
    """The password for another account (users add / reset-password): KOERS_NEW_PASSWORD
    when set; else asked twice on a terminal; None when neither or the two differ."""
    value = os.environ.get(NEW_PASSWORD_ENV)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        return None
    first = getpass.getpass(prompt)
    if getpass.getpass("Nogmaals: ") != first:
        return None
    return first
