"""`python -m app demo`: a new database with a fictional demo school."""

from __future__ import annotations

import argparse

from app.commands.common import CommandError, database_url
from app.core.exit_codes import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from app.core.password_prompt import read_password


def run(args: argparse.Namespace) -> int:
    """The same first start as the window's (app.services.admin.opening), with its checks:
    an SQLite file on a network share, or a database that has a school, is refused."""
    from app.core.errors import KoersError
    from app.core.passwords import password_problem
    from app.demo import region
    from app.demo import school as demo_school
    from app.services.admin import opening

    password = read_password("Wachtwoord voor de gebruiker 'demo': ")
    if not password:
        raise CommandError("geef het wachtwoord voor 'demo' in KOERS_PASSWORD", EXIT_USAGE)
    weak = password_problem(password)
    if weak:
        raise CommandError(weak, EXIT_USAGE)
    url = database_url(args)
    try:
        found = opening.find_school(url)
    except KoersError as exc:
        raise CommandError(exc.message, EXIT_FAILED) from None
    except Exception as exc:  # a broken URL or unreachable server: say so, no traceback
        raise CommandError(_unreachable(url, exc), EXIT_FAILED) from None
    schools = getattr(args, "schools", 0) or 0
    if schools > region.MAX_SCHOOLS:
        found.close()
        raise CommandError(f"--schools: hoogstens {region.MAX_SCHOOLS} scholen", EXIT_USAGE)
    try:
        if schools > 1:
            entered = region.create_demo_region(
                found, password=password, schools=schools, students=args.students
            )
        else:
            entered = demo_school.create_demo_school(
                found, password=password, students=args.students
            )
    except KoersError as exc:
        found.close()
        raise CommandError(exc.message, EXIT_FAILED) from None
    except Exception as exc:  # a full disk, a lost connection: say so, no traceback
        found.close()
        raise CommandError(
            f"de demoschool is niet aangemaakt ({type(exc).__name__}): {found.label}", EXIT_FAILED
        ) from None
    from app.db.audit_checkpoint import write_quietly

    write_quietly(entered.store)  # the new school's trail, anchored from its first day
    entered.store.dispose()
    recovery = entered.recovery_key
    if schools > 1:
        print(
            f"Demoregio met {schools} scholen van elk ongeveer {args.students} leerlingen "
            f"aangemaakt in {found.label}."
        )
        print(
            "Aanmelden als 'demo' (eerste school), 'demo2' enzovoort, of 'bestuur', met het "
            "opgegeven wachtwoord."
        )
    else:
        print(f"Demoschool met {args.students} leerlingen aangemaakt in {found.label}.")
        print("Aanmelden als gebruiker 'demo' met het opgegeven wachtwoord.")
    if recovery:
        print(f"Herstelsleutel van deze versleutelde database (bewaar hem): {recovery}")
    return EXIT_OK


def _unreachable(url: str, exc: BaseException) -> str:
    from app.db.urls import describe

    return f"database niet te openen ({type(exc).__name__}): {describe(url)}"
