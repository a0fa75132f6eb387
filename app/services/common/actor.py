"""Who is acting: every service call is made on behalf of a logged-in user."""

from __future__ import annotations

from dataclasses import dataclass

from app.models.user import Role


@dataclass(frozen=True, slots=True)
class Actor:
    user_id: int
    username: str
    display_name: str
    role: Role

    @property
    def is_coordinator(self) -> bool:
        return self.role is Role.COORDINATOR

    @property
    def may_edit(self) -> bool:
        return self.role is not Role.READ_ONLY
