"""One way to run background work from the window: `TaskRunner` (see `runner.py`)."""

from app.ui.tasks.runner import Task, TaskRunner

__all__ = ["Task", "TaskRunner"]
