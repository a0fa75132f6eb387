"""Is the embedded database whole, and may it live where it is?

`check_database` runs SQLite's `quick_check` and, for an encrypted file, SQLCipher's
`cipher_integrity_check` (the HMAC of every page). A file that does not open at all counts
as damaged too. `refuse_network_path` keeps SQLite off network shares: its file locking is
not reliable there, and two PCs writing one file corrupts it.
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import KoersError

# quick_check can list thousands of damaged pages; the user needs the first few.
MAX_PROBLEMS = 10

NETWORK_FS_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "fuse.sshfs",
        "9p",
        "afs",
        "ceph",
        "glusterfs",
        "fuse.glusterfs",
        "fuse.rclone",
        "fuse.gvfsd-fuse",
        "davfs",
        "fuse.davfs2",
    }
)
DRIVE_REMOTE = 4  # GetDriveTypeW

NETWORK_ADVICE = (
    "De database staat op een netwerkschijf ({place}). Daar is het ingebouwde "
    "databasebestand niet veilig: twee pc's kunnen het tegelijk beschrijven en het "
    "beschadigen. Zet het bestand op een schijf van deze pc, of gebruik voor een "
    "gedeelde database een PostgreSQL-server (Beheer > Database)."
)


class NetworkShareError(KoersError):
    """The SQLite file would live on a network share; PostgreSQL is the way to share."""

    def __init__(self, place: str) -> None:
        super().__init__(NETWORK_ADVICE.format(place=place))
        self.place = place


@dataclass(frozen=True)
class IntegrityReport:
    ok: bool
    problems: list[str] = field(default_factory=list)
    # False when the file did not open as a database at all: damaged in its first page,
    # not a database, or (for an encrypted file) a key that does not fit.
    readable: bool = True


# --- integrity ------------------------------------------------------------------------


@contextmanager
def quiet_sqlcipher() -> Iterator[None]:
    """Keeps SQLCipher from logging every failed page HMAC to stderr during a check."""
    import sqlcipher3

    probe = sqlcipher3.connect(":memory:")
    try:
        level = (probe.execute("PRAGMA cipher_log_level").fetchone() or ["WARN"])[0]
        probe.execute("PRAGMA cipher_log_level = NONE")
        yield
    finally:
        probe.execute(f"PRAGMA cipher_log_level = {level}")
        probe.close()


def connect_checked(path: Path, key: bytes | None):
    """A read-only DB-API connection to an SQLite or SQLCipher file (never created)."""
    if key is None:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    from app.db.cipher import sqlcipher_connect

    return sqlcipher_connect(path, key, read_only=True)


def check_database(path: Path, key: bytes | None) -> IntegrityReport:
    """quick_check (and for an encrypted file cipher_integrity_check); never changes it."""
    path = Path(path)
    if not path.exists():
        return IntegrityReport(False, ["Het databasebestand ontbreekt."], readable=False)
    if path.stat().st_size == 0:
        return IntegrityReport(False, ["Het databasebestand is leeg."], readable=False)
    if key is None:
        return _check(path, None)
    with quiet_sqlcipher():
        return _check(path, key)


def _check(path: Path, key: bytes | None) -> IntegrityReport:
    try:
        connection = connect_checked(path, key)
    except Exception as exc:  # DB-API errors of either driver, or an unreadable file
        return IntegrityReport(False, [describe_error(exc)], readable=False)
    problems: list[str] = []
    readable = True
    # cipher_integrity_check first: it names the pages whose HMAC fails, and it runs even
    # when quick_check gives up on a damaged b-tree.
    pragmas = ["cipher_integrity_check", "quick_check"] if key is not None else ["quick_check"]
    try:
        for pragma in pragmas:
            try:
                rows = [row[0] for row in connection.execute(f"PRAGMA {pragma}")]
            except Exception as exc:
                if "not a database" in str(exc):
                    readable = False  # said first: it is the news, not the page list
                    problems.insert(0, describe_error(exc))
                else:
                    problems.append(describe_error(exc))
                continue
            if pragma == "quick_check" and rows == ["ok"]:
                continue
            problems += _lines(rows)
    finally:
        connection.close()
    return IntegrityReport(not problems, problems[:MAX_PROBLEMS], readable)


def _lines(messages) -> list[str]:
    found: list[str] = []
    for message in messages:
        found += [line for line in str(message).splitlines() if line and "***" not in line]
    return found


def describe_error(exc: BaseException) -> str:
    text = str(exc)
    if "not a database" in text:
        return "Het bestand is geen (leesbare) database, of de sleutel past niet."
    if "malformed" in text:
        return "De database is beschadigd (database disk image is malformed)."
    return f"De database is niet te lezen ({type(exc).__name__}: {text})."


# --- network shares -------------------------------------------------------------------

MountReader = Callable[[], str]


def read_proc_mounts() -> str:
    try:
        return Path("/proc/mounts").read_text("utf-8", errors="replace")
    except OSError:
        return ""


def _unescape_mount(field_text: str) -> str:
    # /proc/mounts writes space, tab, newline and backslash as octal escapes.
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field_text)


def mount_type(path: str, mounts: str) -> tuple[str, str] | None:
    """(mount point, fs type) of the longest mount point that holds `path`."""
    best: tuple[str, str] | None = None
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point, fstype = _unescape_mount(parts[1]), parts[2]
        inside = path == point or point == "/" or path.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) > len(best[0])):
            best = (point, fstype)
    return best


def is_unc(text: str) -> bool:
    r"""\\server\share, //server/share and \\?\UNC\server\share; not \\?\C:\ or \\.\ ."""
    normal = text.replace("/", "\\")
    if normal.upper().startswith("\\\\?\\UNC\\"):
        return True
    return normal.startswith("\\\\") and not normal.startswith(("\\\\?\\", "\\\\.\\"))


def _windows_drive_type(root: str) -> int:
    import ctypes

    return ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root))


def refuse_network_path(
    path: Path | str,
    *,
    platform: str | None = None,
    read_mounts: MountReader | None = None,
    drive_type: Callable[[str], int] | None = None,
) -> None:
    """Raises NetworkShareError when `path` is on a network share; local paths pass.

    `platform`, `read_mounts` and `drive_type` are for tests: they stand in for
    sys.platform, /proc/mounts and the Windows GetDriveTypeW call.
    """
    text = str(path)
    platform = platform or sys.platform
    if is_unc(text):
        raise NetworkShareError(text)
    if platform == "win32":
        normal = text.replace("/", "\\")
        if normal.startswith("\\\\?\\"):
            normal = normal[4:]
        drive = normal[:2] if len(normal) >= 2 and normal[1] == ":" else ""
        if not drive and platform == sys.platform:
            drive = os.path.splitdrive(os.path.abspath(text))[0]
        if drive:
            kind = (drive_type or _windows_drive_type)(drive.upper() + "\\")
            if kind == DRIVE_REMOTE:
                raise NetworkShareError(drive.upper())
        return
    if platform.startswith("linux"):
        absolute = os.path.realpath(os.path.abspath(text))
        found = mount_type(absolute, (read_mounts or read_proc_mounts)())
        if found is not None and found[1] in NETWORK_FS_TYPES:
            raise NetworkShareError(f"{found[0]}, {found[1]}")
