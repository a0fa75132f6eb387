"""File paths from users, checked before Koers reads or writes there.

A path typed or picked by a user is resolved (symbolic links followed, `~` expanded) and
then refused, with a Dutch message, when it names a folder, a device (also the Windows
device names such as CON or COM1, whatever their extension), something in a folder that
does not exist, a file with the wrong extension, or a file that is too big or empty.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from app.core.errors import KoersError

# Names Windows maps to devices in every folder, with or without an extension.
WINDOWS_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"}
    | {f"{kind}{n}" for kind in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
)
# Characters Windows does not allow in a file name (`:` would open an alternate stream).
_FORBIDDEN_IN_NAME = set('<>:"|?*') | {chr(n) for n in range(32)}


class ImportFileError(KoersError):
    """A file cannot be read in; nothing was changed. The message names the file."""


class UnsafePathError(KoersError):
    """A path cannot be written to; the message says why, in Dutch."""


def format_size(size: int) -> str:
    """A size as people read it, the Dutch way: `512 bytes`, `1,5 MB`."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} kB".replace(".", ",")
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def _suffixes(allowed: Iterable[str]) -> tuple[str, ...]:
    normalised = tuple(
        s.lower() if s.startswith(".") else f".{s.lower()}" for s in allowed if s.strip(".")
    )
    if not normalised:
        raise ValueError("allowed_suffixes must name at least one extension")
    return normalised


def _or_list(items: tuple[str, ...]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} of {items[-1]}"


def is_device_name(name: str) -> bool:
    """True for CON, nul.txt, COM1.csv and the like (Windows devices in every folder)."""
    stem = name.split(".", 1)[0].rstrip(" .").upper()
    return stem in WINDOWS_DEVICES


def _check_name(name: str, error: type[KoersError]) -> None:
    if not name or name in (".", ".."):
        raise error("Kies een bestandsnaam, geen map.")
    bad = sorted({ch for ch in name if ch in _FORBIDDEN_IN_NAME})
    if bad:
        shown = " ".join(repr(ch) if ch.isprintable() else f"U+{ord(ch):04X}" for ch in bad)
        raise error(f"De bestandsnaam '{name}' bevat tekens die niet mogen: {shown}.")
    if is_device_name(name):
        raise error(f"'{name}' is de naam van een apparaat in Windows, geen bestand.")
    if name != name.rstrip(" ."):
        raise error(f"De bestandsnaam '{name}' mag niet op een spatie of punt eindigen.")


def _resolve(user_path: str | os.PathLike[str], error: type[KoersError], empty: str) -> Path:
    text = os.fspath(user_path) if not isinstance(user_path, str) else user_path
    if not isinstance(text, str) or not text.strip():
        raise error(empty)
    if "\x00" in text:
        raise error("De bestandsnaam bevat een ongeldig teken.")
    given = Path(text.strip()).expanduser()
    _check_name(given.name, error)
    try:
        return given.resolve(strict=False)
    except (OSError, RuntimeError):  # a symlink loop, an unreadable folder
        raise error(f"Het pad '{text}' is niet te volgen.") from None


def safe_output_path(user_path: str | os.PathLike[str], *, allowed_suffixes: Iterable[str]) -> Path:
    """The resolved file to write to, or UnsafePathError with a Dutch message.

    An existing regular file may be replaced (the writers swap in a complete new file).
    """
    suffixes = _suffixes(allowed_suffixes)
    path = _resolve(user_path, UnsafePathError, "Kies waar het bestand moet komen.")
    _check_name(path.name, UnsafePathError)  # again: a symbolic link may point elsewhere
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except NotADirectoryError:
        raise UnsafePathError(f"'{path}' ligt niet in een map: een deel is een bestand.") from None
    except OSError:
        # The OS's own text is in English; the user gets Dutch.
        raise UnsafePathError(f"'{path}' is niet te gebruiken.") from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise UnsafePathError(f"'{path}' is een map; kies een bestandsnaam.")
        if not stat.S_ISREG(info.st_mode):
            raise UnsafePathError(f"'{path}' is geen gewoon bestand.")
    if path.suffix.lower() not in suffixes:
        raise UnsafePathError(f"Het bestand '{path.name}' moet eindigen op {_or_list(suffixes)}.")
    parent = path.parent
    if not parent.is_dir():
        raise UnsafePathError(f"De map '{parent}' bestaat niet.")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise UnsafePathError(f"U mag niet schrijven in de map '{parent}'.")
    return path


def check_input_file(user_path: str | os.PathLike[str], max_bytes: int) -> Path:
    """The resolved file to read, or ImportFileError: missing, a folder or device, empty,
    unreadable, or larger than `max_bytes`."""
    path = _resolve(user_path, ImportFileError, "Kies een bestand om in te lezen.")
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ImportFileError(f"Het bestand '{path}' bestaat niet.") from None
    except OSError:
        raise ImportFileError(f"Het bestand '{path}' is niet te lezen.") from None
    if stat.S_ISDIR(info.st_mode):
        raise ImportFileError(f"'{path}' is een map, geen bestand.")
    if not stat.S_ISREG(info.st_mode):
        raise ImportFileError(f"'{path}' is geen gewoon bestand.")
    _check_size(path.name, info.st_size, max_bytes)
    if not os.access(path, os.R_OK):
        raise ImportFileError(f"U mag het bestand '{path.name}' niet lezen.")
    return path


def _check_size(name: str, size: int, max_bytes: int) -> None:
    if size == 0:
        raise ImportFileError(f"Het bestand '{name}' is leeg.")
    if size > max_bytes:
        raise ImportFileError(
            f"Het bestand '{name}' is te groot ({format_size(size)}); "
            f"Koers leest bestanden tot {format_size(max_bytes)}."
        )


def read_input_file(user_path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The checked file's contents; never more than `max_bytes`, even if it grows meanwhile."""
    path = check_input_file(user_path, max_bytes)
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError:
        raise ImportFileError(f"Het bestand '{path.name}' is niet te lezen.") from None
    _check_size(path.name, len(data), max_bytes)
    return data
