"""What the windows of a logged-in user are built from: store, actor, school and runner."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.db.store import Store
from app.services.admin.accounts import SchoolInfo
from app.services.common.actor import Actor
from app.ui.tasks import TaskRunner


@dataclass
class Workspace:
    store: Store
    actor: Actor
    school: SchoolInfo
    runner: TaskRunner
    database_label: str

    def call(
        self,
        use_case: Callable[..., Any],
        *args: Any,
        on_success: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Runs one service use case as the logged-in user, in its own transaction."""
        store, actor = self.store, self.actor
        self.runner.submit(lambda: store.run(use_case, actor, *args), on_success, on_error)

    def read_beside(
        self,
        use_case: Callable[..., Any],
        *args: Any,
        on_success: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """A read the user does not wait for (the rest of the cohort after its first page),
        beside the user's own work rather than ahead of it (`TaskRunner.background`)."""
        store, actor = self.store, self.actor
        self.runner.background(lambda: store.read(use_case, actor, *args), on_success, on_error)
