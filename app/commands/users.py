"""`python -m app users add|list|disable|reset-password --user NAAM`: the accounts of Beheer
from the command line, through the same service (app.services.admin.users): only a current
coordinator may, with the same checks, Dutch messages, audit entries and key-file slots.

Passwords of the account come from KOERS_NEW_PASSWORD or a prompt, never from an argument.
"""

from __future__ import annotations

import argparse

from app.commands.common import CommandError, open_as_user
from app.core.exit_codes import EXIT_OK, EXIT_USAGE
from app.core.password_prompt import NEW_PASSWORD_ENV, read_new_password

# The roles by the names the window shows (app.services.common.labels.ROLE), for typing.
ROLE_NAMES = {
    "uitstroomcoordinator": "coordinator",
    "uitstroomcoördinator": "coordinator",
    "mentor": "mentor",
    "alleen-lezen": "read_only",
    "bestuur": "board",
}
NO_PASSWORD = (
    f"geef het wachtwoord van de gebruiker in {NEW_PASSWORD_ENV}, of typ het in wanneer "
    "Koers erom vraagt (twee keer hetzelfde)"
)


def run(args: argparse.Namespace) -> int:
    from app.services.common.permissions import require_current_coordinator

    store, actor = open_as_user(args)
    try:
        # The role first: a mentor is refused before being asked for a password.
        store.run(require_current_coordinator, actor)
        action = {
            "add": _add,
            "list": _list,
            "disable": _disable,
            "reset-password": _reset_password,
        }[args.users_command]
        return action(args, store, actor)
    finally:
        store.dispose()


def _new_password(username: str) -> str:
    password = read_new_password(f"Nieuw wachtwoord voor {username}: ")
    if not password:
        raise CommandError(NO_PASSWORD, EXIT_USAGE)
    return password


def _add(args: argparse.Namespace, store, actor) -> int:
    from app.services.admin.users import UserInput, create_user

    data = UserInput(
        username=args.username,
        display_name=args.name,
        role=ROLE_NAMES[args.role],
        email=args.email,
        password=_new_password(args.username),
    )
    store.run(create_user, actor, data)
    print(f"Gebruiker {data.username.lower()} toegevoegd; aanmelden kan met het nieuwe wachtwoord.")
    return EXIT_OK


def _list(_args: argparse.Namespace, store, actor) -> int:
    from app.services.admin.users import list_users

    rows = store.run(list_users, actor)
    table = [("gebruikersnaam", "naam", "rol", "actief")]
    table += [(r.username, r.display_name, r.role_label, "ja" if r.active else "nee") for r in rows]
    widths = [max(len(line[i]) for line in table) for i in range(3)]
    for line in table:
        padded = [line[i].ljust(widths[i]) for i in range(3)]
        print("  ".join([*padded, line[3]]))
    return EXIT_OK


def _find(store, actor, username: str):
    from app.core.errors import NotFoundError
    from app.services.admin.users import list_users

    for row in store.run(list_users, actor):
        if row.username == username.lower():
            return row
    raise NotFoundError(f"Er is geen gebruiker '{username}'.")


def _disable(args: argparse.Namespace, store, actor) -> int:
    from app.services.admin.users import UserChanges, update_user

    row = _find(store, actor, args.username)
    if not row.active:
        print(f"Gebruiker {row.username} was al uitgeschakeld.")
        return EXIT_OK
    changes = UserChanges(
        display_name=row.display_name, email=row.email, role=row.role.value, active=False
    )
    store.run(update_user, actor, row.id, changes, row.version)
    print(f"Gebruiker {row.username} uitgeschakeld; het wachtwoord werkt niet meer.")
    return EXIT_OK


def _reset_password(args: argparse.Namespace, store, actor) -> int:
    from app.services.admin.users import reset_password

    row = _find(store, actor, args.username)
    store.run(reset_password, actor, row.id, _new_password(row.username))
    print(f"Nieuw wachtwoord ingesteld voor {row.username}.")
    return EXIT_OK
