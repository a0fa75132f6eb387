"""Where save dialogs open: the folder used last, else the user's Documents folder.

Never the program folder (the working directory a bare file name would put the dialog in).
The folder is remembered in the user's QSettings, so the next save opens where the last one
went, also after a restart.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

LAST_FOLDER_KEY = "files/last_folder"


def documents_folder() -> str:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return found or str(Path.home())


def start_folder(settings: QSettings | None = None) -> str:
    """The last folder used, while it still exists; else Documents."""
    last = str((settings or QSettings()).value(LAST_FOLDER_KEY, "") or "")
    return last if last and Path(last).is_dir() else documents_folder()


def remember_folder(folder: str | Path, settings: QSettings | None = None) -> None:
    (settings or QSettings()).setValue(LAST_FOLDER_KEY, str(folder))


def ask_save_path(
    parent: QWidget | None,
    title: str,
    file_name: str,
    file_filter: str,
    settings: QSettings | None = None,
) -> str:
    """Asks where to save `file_name`; returns the chosen path, or "" when cancelled."""
    suggested = str(Path(start_folder(settings)) / Path(file_name).name)
    path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    if path:
        remember_folder(Path(path).parent, settings)
    return path


def ask_folder(parent: QWidget | None, title: str, settings: QSettings | None = None) -> str:
    """Asks for a folder to save files in; returns it, or "" when cancelled."""
    folder = QFileDialog.getExistingDirectory(parent, title, start_folder(settings))
    if folder:
        remember_folder(folder, settings)
    return folder
