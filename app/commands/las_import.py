"""`python -m app import auto|edexml|csv BESTAND --user NAAM [--mapping NAAM] [--dry-run]`.

`auto` reads the kind from the file (app.importers.formats); a named kind that the file
contradicts is refused before anything is read in, with the kind to use instead.

Prints the preview (counts, every error and warning, students missing from the file);
exit 0 when imported (or, with --dry-run, when it could be), 1 on validation errors or a
file that is neither EDEXML nor CSV (nothing written), 2 on bad arguments (an unknown
mapping, a file that cannot be read, a kind the file contradicts).
"""

from __future__ import annotations

import argparse

from app.commands.common import CommandError, open_as_user
from app.core.exit_codes import EXIT_FAILED, EXIT_OK, EXIT_USAGE

MISSING_LISTED = 20


def run(args: argparse.Namespace) -> int:
    from app.importers.formats import detect_format
    from app.importers.paths import ImportFileError, read_input_file
    from app.importers.safe_xml import MAX_XML_BYTES
    from app.services.las_import import csv_mappings
    from app.services.las_import import importer as las_import
    from app.services.las_import.source import ImportSource

    try:
        data = read_input_file(args.file, MAX_XML_BYTES)
    except ImportFileError as exc:
        if "leeg" in exc.message:
            raise CommandError(exc.message, EXIT_FAILED) from None
        raise CommandError(exc.message, EXIT_USAGE) from None
    try:
        kind = detect_format(data, args.file)
    except ImportFileError as exc:
        raise CommandError(exc.message, EXIT_FAILED) from None
    if args.import_kind not in ("auto", kind):
        raise CommandError(_wrong_kind(args.file, args.import_kind, kind), EXIT_USAGE)
    store, actor = open_as_user(args)
    try:
        mapping = None
        if kind == "csv":
            try:
                headers, _enc, _delim = csv_mappings.csv_headers(data, args.file)
                mapping = store.run(csv_mappings.load_mapping, actor, args.mapping, headers)
            except ImportFileError as exc:
                raise CommandError(exc.message, EXIT_FAILED) from None
        source = ImportSource(kind, data, args.file, mapping)
        try:
            preview = store.run(las_import.preview_import, actor, source)
        except ImportFileError as exc:
            raise CommandError(exc.message, EXIT_FAILED) from None
        _print_preview(preview)
        if not preview.can_apply:
            print("Er zijn fouten: er is niets ingelezen.")
            return EXIT_FAILED
        if args.dry_run:
            print("Proefdraai: er is niets opgeslagen.")
            return EXIT_OK
        result = store.run(las_import.apply_import, actor, source)
        print(f"Ingelezen: {result.summary}")
        return EXIT_OK
    finally:
        store.dispose()


def _wrong_kind(file: str, named: str, found: str) -> str:
    from app.importers.formats import FORMAT_NAMES as names

    use = "import csv --mapping NAAM" if found == "csv" else "import edexml"
    return (
        f"'{file}' is een {names[found]}-bestand, geen {names[named]}: "
        f"gebruik `{use}` of `import auto`."
    )


def _print_preview(preview) -> None:
    """The preview as text; every line through `_out`, as it quotes the file's values."""
    _out(preview.summary)
    for row in preview.rows:
        if row.status in ("new", "changed"):
            line = f"  {row.status_label:<11} {row.las_key:<12} {row.name}"
            details = [p for p in (row.leaving_note, row.changes_text) if p]
            if details:
                line += f"  ({'; '.join(details)})"
            _out(line)
    if preview.new_mentors:
        _out(
            "Nieuwe mentoren (zonder wachtwoord, nog niet actief): "
            + ", ".join(preview.new_mentors)
        )
    for message in preview.errors:
        _out(f"FOUT: {message}")
    for message in preview.warnings:
        _out(f"Waarschuwing: {message}")
    # A file from another school or department misses the whole cohort: name a few, count the rest.
    for missing in preview.missing[:MISSING_LISTED]:
        _out(f"Niet in het bestand (blijft in Koers): {missing.las_key} {missing.name}")
    if len(preview.missing) > MISSING_LISTED:
        _out(f"… en nog {len(preview.missing) - MISSING_LISTED} leerlingen niet in het bestand.")


def _out(text: str) -> None:
    """Prints `text` with any control or direction-override character from the file made
    harmless, so an LAS value cannot steer the terminal."""
    from app.core.text_safety import printable

    print(printable(text))
