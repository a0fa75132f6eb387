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
    # The schools of a database several schools share that this user works for
    # (school_members); None in a school's own database, which has no schools.
    member_of: tuple[int, ...] | None = None
    # The one school chosen in the toolbar by a user of several; None: all of them.
    school_id: int | None = None

    @property
    def is_coordinator(self) -> bool:
        return self.role is Role.COORDINATOR

    @property
    def may_edit(self) -> bool:
        return self.role not in (Role.READ_ONLY, Role.BOARD)

    @property
    def is_board(self) -> bool:
        """The school board: counts across its schools, never a name or a file."""
        return self.role is Role.BOARD
