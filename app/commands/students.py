"""`python -m app students --user NAAM --format csv`: the cohort, to check an import.

One line per student the user may see: LAS key, surname, prefix, first name, birth date,
class, leaving date (dates dd-mm-jjjj), separated by semicolons as Dutch spreadsheets expect.
"""

from __future__ import annotations

import argparse
import csv
import sys

from app.commands.common import open_as_user
from app.core.exit_codes import EXIT_OK

HEADER = [
    "leerlingnummer",
    "achternaam",
    "tussenvoegsel",
    "roepnaam",
    "geboortedatum",
    "klas",
    "uitstroomdatum",
]


def run(args: argparse.Namespace) -> int:
    from app.services.students.student_file import cohort_table

    store, actor = open_as_user(args)
    try:
        rows = store.run(cohort_table, actor)
        writer = csv.writer(sys.stdout, delimiter=";", lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
        return EXIT_OK
    finally:
        store.dispose()
