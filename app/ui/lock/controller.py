"""Locking the main window: drafts set aside, student data out of every Qt model."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal

from app.services.admin import session_lock
from app.services.students import drafts
from app.services.students.student_file import StudentInput
from app.ui.common.messages import user_message
from app.ui.lock.idle import IdleWatcher
from app.ui.lock.screen import LockScreen

WRONG_PASSWORD = QT_TRANSLATE_NOOP("lock.controller", "Dit wachtwoord klopt niet.")


@dataclass
class _Unsaved:
    student_id: int | None
    base_version: int | None
    data: StudentInput


class LockController(QObject):
    """Locks on idle time, on Ctrl+L and on suspend; unlocks with the same password."""

    locked_changed = Signal(bool)
    switch_user_requested = Signal()

    def __init__(self, window, workspace, watcher: IdleWatcher | None) -> None:
        super().__init__(window)
        self.window = window
        self.workspace = workspace
        self.watcher = watcher
        self.locked = False
        self.screen = LockScreen(workspace.actor.display_name)
        self.screen.unlock_requested.connect(self.unlock)
        self.screen.switch_user_requested.connect(self.switch_user_requested)
        if watcher is not None:
            watcher.idle.connect(lambda: self.lock("inactief"))

    def lock(self, reason: str = "handmatig") -> None:
        if self.locked:
            return
        self.locked = True
        unsaved = [
            _Unsaved(w.student_id, w.expected_version(), w.personalia.collect())
            for w in self.window.open_file_windows()
            if w.is_dirty()
        ]
        # Hide first: student data leaves the screen and the models before anything else.
        self.window.close_file_windows_without_asking()
        self.window.show_locked(self.screen)
        self.screen.reset()
        self.workspace.call(
            _set_aside, unsaved, reason, on_success=lambda _r: None, on_error=self._report
        )
        self.locked_changed.emit(True)

    def unlock(self, password: str) -> None:
        store, actor = self.workspace.store, self.workspace.actor
        self.workspace.runner.submit(
            lambda: session_lock.unlock_after_wait(store, actor, password),
            self._checked,
            self._report,
        )

    def _checked(self, ok: bool) -> None:
        if not ok:
            self.screen.failed(QCoreApplication.translate("lock.controller", WRONG_PASSWORD))
            return
        self.locked = False
        self.window.show_unlocked()
        if self.watcher is not None:
            self.watcher.touch()
            self.watcher.enabled = True
        self.window.refresh()
        self.window.restore_drafts()
        self.locked_changed.emit(False)

    def _report(self, exc: BaseException) -> None:
        self.screen.failed(user_message(exc))


def _set_aside(session, actor, unsaved: list[_Unsaved], reason: str) -> None:
    for item in unsaved:
        drafts.save_student_draft(session, actor, item.student_id, item.base_version, item.data)
    session_lock.record_lock(session, actor, reason)
