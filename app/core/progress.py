"""What long work is handed to report progress and notice a cancel: plain Python, no Qt.

The UI's task runner supplies it (on its worker thread or in a child process); a service
only calls `report` now and then and asks `cancelled()` between steps.
"""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    def report(self, done: int, total: int) -> None:
        """`done` of `total` steps are finished; shown on the GUI thread."""

    def cancelled(self) -> bool:
        """True once the user pressed stop; the work ends at its next step."""
