"""`python -m app demo`: a new database with a fictional demo school."""

from __future__ import annotations

import argparse

from app.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, fail, read_password


def run_demo(args: argparse.Namespace) -> int:
    from app.core.errors import KoersError
    from app.core.passwords import password_problem
    from app.db import open_store
    from app.db.urls import describe, parse_url, resolve_database_url
    from app.demo import school as demo
    from app.services.admin import accounts
    from app.services.admin.unlock import create_encrypted_database, database_state, grant_keys

    password = read_password("Wachtwoord voor de gebruiker 'demo': ")
    if not password:
        return fail("geef het wachtwoord voor 'demo' in KOERS_PASSWORD", EXIT_USAGE)
    weak = password_problem(password)
    if weak:
        return fail(weak, EXIT_USAGE)
    url = resolve_database_url(args.database)
    try:
        parse_url(url)
    except Exception:
        return fail(f"'{url}' is geen geldige database-URL", EXIT_USAGE)
    state = database_state(url)
    if state.kind in ("encrypted", "plain"):
        return fail("deze database heeft al een school; kies een nieuwe database", EXIT_FAILED)
    try:
        if state.kind == "new":
            store, recovery = create_encrypted_database(url, demo.SCHOOL_NAME, "demo", password)
        else:
            store, recovery = open_store(url), ""
    except Exception as exc:  # a broken URL or unreachable server: say so, no traceback
        return fail(f"database niet te openen ({type(exc).__name__}): {describe(url)}", EXIT_FAILED)
    try:
        if store.run(accounts.is_initialised):
            return fail("deze database heeft al een school; kies een nieuwe database", EXIT_FAILED)
        try:
            store.run(demo.generate, password=password, students=args.students)
            grant_keys(store, demo.other_usernames(), password)
        except KoersError as exc:
            return fail(exc.message, EXIT_FAILED)
    finally:
        store.dispose()
    print(f"Demoschool met {args.students} leerlingen aangemaakt in {describe(url)}.")
    print("Aanmelden als gebruiker 'demo' met het opgegeven wachtwoord.")
    if recovery:
        print(f"Herstelsleutel van deze versleutelde database (bewaar hem): {recovery}")
    return EXIT_OK
