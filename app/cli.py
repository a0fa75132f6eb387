"""The command line: the GUI by default, and sub-commands for batch work.

Exit codes (app.core.exit_codes): 0 done, 1 failed, 2 bad arguments, 3 wrong password,
4 refused (consent), 5 not allowed for the user's role; app.commands.failures maps every
error of a sub-command to one of these with a Dutch message, never a traceback. Passwords
come from KOERS_PASSWORD or a prompt, never from an argument (app.core.password_prompt).
"""

from __future__ import annotations

import argparse
import sys

from app.core.dutch_argparse import DutchArgumentParser
from app.export.parent_texts import LANGUAGES

# As the help shows them: the parents' languages first, Dutch alone last.
PARENT_LANGUAGES = (*LANGUAGES[1:], LANGUAGES[0])

# Sub-command -> its module in app.commands, loaded only when asked for; each module's
# run(args) returns an exit code or raises CommandError.
BATCH_COMMANDS = {
    "demo": "demo",
    "audit": "audit",
    "backup": "backup",
    "restore": "restore",
    "purge": "purge",
    "import": "las_import",
    "students": "students",
    "export": "export",
    "users": "users",
}


def _common() -> argparse.ArgumentParser:
    common = DutchArgumentParser(add_help=False)
    common.add_argument(
        "--database",
        metavar="URL",
        help="database-URL (standaard: het ingebouwde bestand; ook via KOERS_DATABASE_URL)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = DutchArgumentParser(
        prog="koers" if getattr(sys, "frozen", False) else "python -m app",
        description="Koers: uitstroom, stages en nazorg voor vso en praktijkonderwijs.",
        parents=[common],
    )
    parser.add_argument("--user", metavar="NAAM", help="aanmelden als deze gebruiker")
    parser.add_argument(
        "--smoke", action="store_true", help="venster openen, aanmelden, cohort tonen en stoppen"
    )
    parser.add_argument(
        "--screenshots", metavar="MAP", help="schermafbeeldingen van elk onderdeel opslaan"
    )
    parser.add_argument(
        "--size",
        type=_window_size,
        default=(1280, 800),
        metavar="BREEDTExHOOGTE",
        help="venstergrootte voor --screenshots (standaard: 1280x800)",
    )
    parser.add_argument("--timing", action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="OPDRACHT")
    demo = commands.add_parser(
        "demo", parents=[common], help="een nieuwe database vullen met een fictieve demoschool"
    )
    demo.add_argument(
        "--students",
        type=_non_negative,
        default=150,
        metavar="N",
        help="aantal leerlingen (standaard: 150; per school bij --schools)",
    )
    demo.add_argument(
        "--schools",
        type=_non_negative,
        default=0,
        metavar="N",
        help="een regio: N demoscholen in één database, met een bestuur (standaard: één school)",
    )

    acting = DutchArgumentParser(add_help=False, parents=[common])
    acting.add_argument("--user", metavar="NAAM", required=True, help="optreden als deze gebruiker")

    audit = commands.add_parser("audit", help="het auditlogboek controleren of uitvoeren")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="ACTIE", required=True)
    audit_commands.add_parser(
        "verify", parents=[acting], help="controleren of de keten van het logboek heel is"
    )
    subject = audit_commands.add_parser(
        "export", parents=[acting], help="alles over één leerling uitvoeren (inzageverzoek)"
    )
    subject.add_argument("--student", required=True, metavar="LAS_KEY")
    subject.add_argument("--out", required=True, metavar="BESTAND")
    grants = audit_commands.add_parser(
        "grants", parents=[common], help="SQL voor de databaserol van Koers op PostgreSQL tonen"
    )
    grants.add_argument("--role", default="koers_app", metavar="ROL")

    backup = commands.add_parser(
        "backup", parents=[acting], help="nu een back-up maken van de ingebouwde database"
    )
    backup.add_argument("--out", metavar="MAP", help="map voor de back-up (standaard: de vaste)")
    restore = commands.add_parser(
        "restore", parents=[acting], help="de database terugzetten uit een back-upbestand"
    )
    restore.add_argument("file", metavar="BESTAND")

    purge = commands.add_parser(
        "purge", parents=[acting], help="dossiers voorbij de bewaartermijn verwijderen"
    )
    purge.add_argument("--dry-run", action="store_true", help="alleen tonen wat weg zou gaan")
    _add_import_commands(commands, acting)
    _add_user_commands(commands, acting)

    export = commands.add_parser(
        "export", help="overdrachtsdossier, vertrekkerslijst of verslag voor ouders maken"
    )
    export_commands = export.add_subparsers(dest="export_command", metavar="ACTIE", required=True)
    report = export_commands.add_parser(
        "report", parents=[acting], help="overdrachtsdossier (PDF) van één leerling"
    )
    report.add_argument("--student", required=True, metavar="LAS_KEY")
    report.add_argument("--recipient", required=True, metavar="ORG_CODE|auto")
    report.add_argument("--out", required=True, metavar="BESTAND.pdf")
    leavers = export_commands.add_parser(
        "leavers", parents=[acting], help="lijst van vertrekkers voor het RMC (CSV of XLSX)"
    )
    leavers.add_argument("--year", required=True, type=int, metavar="JJJJ")
    leavers.add_argument("--recipient", required=True, metavar="ORG_CODE")
    leavers.add_argument("--out", required=True, metavar="BESTAND.csv|.xlsx")
    parent_report = export_commands.add_parser(
        "parent-report",
        parents=[acting],
        help="verslag van een gesprek voor de ouders (PDF), ook in hun taal",
    )
    parent_report.add_argument("--conversation", required=True, type=int, metavar="ID")
    parent_report.add_argument(
        "--language",
        metavar="|".join(PARENT_LANGUAGES),
        help="taal onder het Nederlands (standaard: de taal van de ouders in het dossier; "
        "nl = alleen Nederlands)",
    )
    parent_report.add_argument("--out", required=True, metavar="BESTAND.pdf")
    monitor = export_commands.add_parser(
        "monitor", parents=[acting], help="anonieme monitorcijfers (CSV of XLSX)"
    )
    monitor.add_argument(
        "--shape", required=True, choices=["pro", "vso", "vensters", "schoolgids", "inspectie"]
    )
    monitor.add_argument("--year", required=True, type=int, metavar="JJJJ")
    monitor.add_argument("--out", required=True, metavar="BESTAND.csv|.xlsx")
    trends = export_commands.add_parser(
        "trends", parents=[acting], help="trendrapport (PDF) met anonieme aantallen"
    )
    trends.add_argument("--out", required=True, metavar="BESTAND.pdf")
    return parser


def _add_import_commands(commands, acting: argparse.ArgumentParser) -> None:
    """`import auto|edexml|csv FILE` and `students --format csv` (the LAS import, issue 6)."""
    imports = commands.add_parser("import", help="leerlingen inlezen uit het LAS")
    kinds = imports.add_subparsers(dest="import_kind", metavar="SOORT", required=True)
    auto = kinds.add_parser(
        "auto", parents=[acting], help="een EDEXML- of CSV-bestand inlezen; Koers herkent de soort"
    )
    auto.add_argument(
        "--mapping", default="standaard", metavar="NAAM", help="kolomindeling (bij CSV)"
    )
    edexml = kinds.add_parser("edexml", parents=[acting], help="een EDEXML-bestand inlezen")
    csv = kinds.add_parser("csv", parents=[acting], help="een CSV-bestand inlezen")
    csv.add_argument("--mapping", required=True, metavar="NAAM", help="kolomindeling")
    for sub in (auto, edexml, csv):
        sub.add_argument("file", metavar="BESTAND")
        sub.add_argument("--dry-run", action="store_true", help="alleen tonen, niets opslaan")
    students = commands.add_parser("students", parents=[acting], help="de leerlingen tonen")
    students.add_argument("--format", choices=["csv"], default="csv")


def _add_user_commands(commands, acting: argparse.ArgumentParser) -> None:
    """`users add|list|disable|reset-password`: the accounts of Beheer, with its rules."""
    from app.commands.users import ROLE_NAMES

    users = commands.add_parser("users", help="gebruikers beheren (alleen uitstroomcoördinator)")
    actions = users.add_subparsers(dest="users_command", metavar="ACTIE", required=True)
    add = actions.add_parser(
        "add",
        parents=[acting],
        help="een gebruiker toevoegen; wachtwoord uit KOERS_NEW_PASSWORD of een vraag",
    )
    add.add_argument("username", metavar="GEBRUIKERSNAAM")
    add.add_argument("--name", required=True, metavar="NAAM", help="volledige naam")
    add.add_argument("--role", required=True, choices=list(ROLE_NAMES), help="rol")
    add.add_argument("--email", default="", metavar="ADRES")
    actions.add_parser("list", parents=[acting], help="alle gebruikers tonen")
    disable = actions.add_parser("disable", parents=[acting], help="een gebruiker uitschakelen")
    disable.add_argument("username", metavar="GEBRUIKERSNAAM")
    reset = actions.add_parser(
        "reset-password",
        parents=[acting],
        help="een nieuw wachtwoord instellen; uit KOERS_NEW_PASSWORD of een vraag",
    )
    reset.add_argument("username", metavar="GEBRUIKERSNAAM")


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen geheel getal") from None
    if value < 0 or value > 200_000:
        raise argparse.ArgumentTypeError("kies een aantal van 0 tot en met 200000")
    return value


def _window_size(text: str) -> tuple[int, int]:
    width, _x, height = text.lower().partition("x")
    try:
        size = (int(width), int(height))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen grootte als 1024x768") from None
    if not (640 <= size[0] <= 7680 and 480 <= size[1] <= 4320):
        raise argparse.ArgumentTypeError("kies een grootte van 640x480 tot en met 7680x4320")
    return size


def fail(message: str, code: int) -> int:
    print(f"koers: {message}", file=sys.stderr)
    return code


def _run_batch(args: argparse.Namespace) -> int:
    """Runs a sub-command; whatever it raises becomes a Dutch line and an exit code."""
    import importlib
    import logging

    # The English diagnostic lines of the services are not for the person at the prompt:
    # each failure already ends in one Dutch line (app.commands.failures). Without a handler
    # Python would print warnings such as a failed log-in to stderr before that line.
    logging.getLogger("app").addHandler(logging.NullHandler())
    try:
        module = importlib.import_module(f"app.commands.{BATCH_COMMANDS[args.command]}")
        return module.run(args)
    except (Exception, KeyboardInterrupt) as exc:
        from app.commands.failures import explain

        return fail(*explain(exc))


def run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    refused = _portable_on_a_share()
    if refused:
        from app.core.exit_codes import EXIT_FAILED

        print(f"koers: {refused}", file=sys.stderr)
        if args.command not in BATCH_COMMANDS and not (args.smoke or args.screenshots):
            from app.ui.launch import show_refusal  # a GUI program on Windows has no console

            show_refusal(refused)
        return EXIT_FAILED
    if args.command in BATCH_COMMANDS:
        return _run_batch(args)
    if (args.smoke or args.screenshots) and not args.user:
        parser.error("--smoke en --screenshots hebben --user nodig")
    from app.ui.launch import run_gui

    return run_gui(args)


def _portable_on_a_share() -> str:
    """The Dutch refusal when a portable Koers runs from a network share, else ""."""
    from app.core.errors import KoersError
    from app.db.portable import refuse_portable_on_share

    try:
        refuse_portable_on_share()
    except KoersError as exc:
        return exc.message
    return ""
