"""Portable mode: Koers on a USB stick, its data beside the program.

A file named `koers-portable.txt` beside the executable of the frozen app switches it on:
the data folder (database, key file, settings, logs) is then `data/` in the program's
folder instead of the user's profile. Nothing else changes. Because SQLite's file locking
is not safe over a network share, a portable Koers started from a share refuses to run, as
the embedded database refuses a share (app.db.integrity).
"""

from __future__ import annotations

import sys
from pathlib import Path

MARKER = "koers-portable.txt"
DATA_FOLDER = "data"


def program_folder() -> Path | None:
    """The folder of the frozen app's executable; None when running from a checkout."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(sys.executable).resolve().parent


def portable_data_dir(program: Path | None = None) -> Path | None:
    """The data folder beside the program when the marker file is there, else None."""
    folder = program if program is not None else program_folder()
    if folder is None or not (folder / MARKER).is_file():
        return None
    return folder / DATA_FOLDER


PORTABLE_ON_SHARE = (
    "Koers staat als draagbaar programma (met {marker}) op een netwerkschijf ({place}). "
    "Daar zijn de gegevens niet veilig: twee pc's kunnen de database tegelijk beschrijven "
    "en beschadigen. Zet de map van Koers op een USB-stick of een schijf van deze pc, of "
    "installeer Koers en gebruik voor een gedeelde database een PostgreSQL-server."
)


def refuse_portable_on_share(program: Path | None = None, **checks) -> None:
    """Raises NetworkShareError when portable mode is on and the program's folder is on a
    network share. `checks` go to refuse_network_path (tests stand in for the platform)."""
    from app.db.integrity import NetworkShareError, refuse_network_path

    folder = portable_data_dir(program)
    if folder is None:
        return
    try:
        refuse_network_path(folder.parent, **checks)
    except NetworkShareError as exc:
        refused = NetworkShareError(exc.place)
        refused.message = PORTABLE_ON_SHARE.format(marker=MARKER, place=exc.place)
        refused.args = (refused.message,)
        raise refused from None
