"""Writing files so that a crash half-way leaves the old file intact, and only for the user.

Every file Koers writes is readable by its owner only (0600) and every folder it makes is
0700: the data are about minors, and a school PC has other accounts. `private_umask` sets
the same for the whole process at start; the explicit modes here hold even when another
program set a wider umask. On Windows `os.chmod` can only set read-only, so there the data
folder's place in the user's profile (no inherited access for Everyone) does this work.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
# Windows has no owner/group/other bits: chmod there would only toggle read-only.
POSIX = os.name == "posix"
BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation in os.open files


def private_umask() -> None:
    """New files 0600 and folders 0700 for the rest of this process (at start)."""
    if POSIX:
        os.umask(0o077)


def make_private(path: Path) -> None:
    """Owner-only access to a file Koers wrote (a no-op on Windows, or when it is gone)."""
    if POSIX:
        with contextlib.suppress(FileNotFoundError):
            os.chmod(path, PRIVATE_FILE)


def private_folder(directory: Path) -> None:
    """Makes `directory` (and missing parents) owner-only; an existing folder is narrowed."""
    directory.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    if POSIX:
        os.chmod(directory, PRIVATE_DIR)


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def fsync_dir(directory: Path) -> None:
    """Makes a rename in `directory` durable (a no-op where folders cannot be opened)."""
    if hasattr(os, "O_DIRECTORY"):
        handle = os.open(directory, os.O_DIRECTORY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def write_atomic(path: Path, data: bytes) -> None:
    """Writes to a temporary file in the same folder, then renames it over the target."""
    path.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        # Created owner-only, so the data are never readable by others, not even briefly.
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | BINARY, PRIVATE_FILE)
        make_private(temporary)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()
    fsync_dir(path.parent)
