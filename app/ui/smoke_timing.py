"""`python -m app --smoke --timing`: the clocks bench/ reads, each stopped where the user can
act (issue 19).

- `password_to_cohort`: from the password confirmed to the cohort painted with its signals
  (the Aandacht column filled and the window repainted).
- `first_file_after_login`: right after that, the first row's student file opened as a click
  would, until it has loaded and is painted; the start-up checks are then usually still
  running in the background (`checks_running_at_first_file`).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer

from app.core.exit_codes import EXIT_FAILED, EXIT_OK


class SmokeTiming:
    def __init__(self, window, controller, finish) -> None:
        self.window, self.controller, self.finish = window, controller, finish
        self.timings = controller.timings
        if getattr(window.cohort, "signals_loaded", False):
            QTimer.singleShot(0, self._cohort_complete)
        else:
            window.cohort.signals_shown.connect(self._cohort_complete)

    def _cohort_complete(self) -> None:
        if "cohort_painted" in self.timings:
            return
        self.window.repaint()
        self.timings["cohort_painted"] = time.perf_counter()
        t = self.timings
        print(f"timing password_to_cohort={t['cohort_painted'] - t['password_confirmed']:.4f}")
        self._open_first_file()

    def _open_first_file(self) -> None:
        model = self.window.cohort.model
        if model.rowCount() == 0:
            self._done()
            return
        student_id = model.row_at(0).id
        self.checks_running = "checks_done" not in self.timings
        self.started = time.perf_counter()
        file_window = self.window.open_student(student_id)
        if file_window.loaded is not None:
            self._file_shown(file_window)
            return
        file_window.file_loaded.connect(lambda _id: self._file_shown(file_window))

    def _file_shown(self, file_window) -> None:
        file_window.repaint()
        elapsed = time.perf_counter() - self.started
        print(f"timing first_file_after_login={elapsed:.4f}")
        print(f"timing checks_running_at_first_file={int(self.checks_running)}")
        file_window.close()
        self._done()

    def _done(self) -> None:
        code = EXIT_OK if "cohort_painted" in self.timings else EXIT_FAILED
        QTimer.singleShot(0, lambda: (self.window.close(), self.finish(code)))
