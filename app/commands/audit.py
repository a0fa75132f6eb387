"""`python -m app audit verify|export|grants`: the audit trail from the command line."""

from __future__ import annotations

import argparse

from app.commands.common import CommandError, open_as_user
from app.core.exit_codes import EXIT_FAILED, EXIT_OK, EXIT_USAGE


def run(args: argparse.Namespace) -> int:
    if args.audit_command == "grants":
        return _grants(args)
    if args.audit_command == "verify":
        return _as_user(args, _verify, writes=False)
    if args.audit_command == "export":
        return _as_user(args, _export)
    raise CommandError(f"onbekende actie '{args.audit_command}'", EXIT_USAGE)


def _as_user(args: argparse.Namespace, work, *, writes: bool = True) -> int:
    store, actor = open_as_user(args, writes=writes)
    try:
        return work(args, store, actor)
    finally:
        store.dispose()


def _verify(_args: argparse.Namespace, store, actor) -> int:
    from app.services.common.audit import check_chain

    report = store.run(check_chain, actor)
    if report.intact and store.schema_problems:
        # An intact chain proves little once the append-only triggers are gone.
        print("Auditlogboek niet te vertrouwen: het schema is buiten Koers om veranderd.")
        return EXIT_FAILED
    if report.intact:
        from app.db.audit_checkpoint import write_quietly

        write_quietly(store)  # a verified trail is a safe moment to move the checkpoint
        print(f"Auditlogboek in orde: {report.entries} regels.")
        return EXIT_OK
    if report.broken_at is not None:
        print(f"Auditlogboek beschadigd vanaf regel {report.broken_at}.")
    for line in report.missing:
        print(line)
    return EXIT_FAILED


def _export(args: argparse.Namespace, store, actor) -> int:
    from app.services.admin.subject_access import save_subject_access

    saved = store.run(save_subject_access, actor, args.student, args.out)
    print(
        f"Inzagegegevens van leerling {args.student} opgeslagen in {saved.path} "
        f"({saved.rows} rijen, {saved.audit_entries} regels uit het auditlogboek)."
    )
    return EXIT_OK


def _grants(args: argparse.Namespace) -> int:
    from app.services.common.audit import grants_sql

    try:
        print(grants_sql(args.role), end="")
    except ValueError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from None
    return EXIT_OK
