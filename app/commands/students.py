"""`python -m app students --user NAAM --format csv`: the cohort, to check an import.

One line per student the user may list (a mentor: their own; read-only: refused): LAS key,
surname, prefix, first name, birth date, class, leaving date (dates dd-mm-jjjj), separated by
semicolons as Dutch spreadsheets expect. Each run is in the export log.
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
    from app.core.text_safety import printable
    from app.services.students.cohort_list import cohort_table

    store, actor = open_as_user(args, writes=False)
    try:
        rows = store.run(cohort_table, actor)
        writer = csv.writer(sys.stdout, delimiter=";", lineterminator="\n")
        writer.writerow(HEADER)
        # Stored text is checked on the way in; this is the second line of defence for
        # anything stored before (a control character would steer the terminal or viewer).
        writer.writerows([printable(cell) for cell in row] for row in rows)
        return EXIT_OK
    finally:
        store.dispose()
