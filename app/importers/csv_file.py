"""Reading a CSV export from an LAS: encoding and delimiter found, columns mapped.

Schools' systems write UTF-8 (with or without a byte-order mark) or Windows-1252, with a
semicolon (Dutch Excel), comma or tab between the columns. Which column holds what is a
`mapping` (Koers field -> column header), chosen by the user once per source and
remembered; `suggest_mapping` proposes one from the usual Dutch headers.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from app.importers.checks import check_student, check_unique_keys
from app.importers.paths import ImportFileError
from app.importers.records import ParsedImport, RawStudent

MAX_CSV_BYTES = 20_000_000

# The fields a mapping can fill, in the order the mapping step shows them.
CSV_FIELDS = [
    ("las_key", "Leerlingnummer (verplicht)"),
    ("surname", "Achternaam (verplicht)"),
    ("prefix", "Tussenvoegsel"),
    ("first_name", "Roepnaam"),
    ("given_names", "Voornamen"),
    ("birth_date", "Geboortedatum"),
    ("sex", "Geslacht"),
    ("bsn", "BSN"),
    ("onderwijsnummer", "Onderwijsnummer"),
    ("postcode", "Postcode"),
    ("enrolment_date", "Inschrijfdatum"),
    ("planned_outflow_date", "Uitstroomdatum"),
    ("jaargroep", "Jaargroep / leerjaar"),
    ("class_name", "Klas / groep"),
    ("location", "Vestiging"),
    ("mentor", "Mentor"),
]
REQUIRED = ("las_key", "surname")
# Headers seen in Dutch LAS exports, lower case, for the suggested mapping.
_SYNONYMS = {
    "las_key": ["leerlingnummer", "leerlingnr", "llnr", "stamnummer", "key", "id", "las-nummer"],
    "surname": ["achternaam", "naam", "familienaam"],
    "prefix": ["tussenvoegsel", "voorvoegsel", "tussenv"],
    "first_name": ["roepnaam", "voornaam"],
    "given_names": ["voornamen", "officiele voornamen"],
    "birth_date": ["geboortedatum", "geb.datum", "geb. datum", "geboren"],
    "sex": ["geslacht", "m/v"],
    "bsn": ["bsn", "burgerservicenummer", "sofinummer"],
    "onderwijsnummer": ["onderwijsnummer"],
    "postcode": ["postcode"],
    "enrolment_date": ["inschrijfdatum", "instroomdatum", "datum inschrijving"],
    "planned_outflow_date": ["uitstroomdatum", "uitschrijfdatum", "verwachte uitstroom"],
    "jaargroep": ["jaargroep", "leerjaar"],
    "class_name": ["klas", "groep", "stamgroep", "basisgroep"],
    "location": ["vestiging", "locatie"],
    "mentor": ["mentor", "coach", "groepsleerkracht"],
}
_DELIMITERS = ";,\t|"


@dataclass(frozen=True)
class CsvTable:
    """A decoded CSV file: its headers, rows (with their line numbers) and how it was read."""

    headers: list[str]
    rows: list[tuple[int, list[str]]]
    encoding: str
    delimiter: str


def decode(data: bytes, source: str = "") -> tuple[str, str]:
    """The text and the encoding's name: UTF-8 (BOM or not), else Windows-1252."""
    what = f"Het bestand '{source}'" if source else "Het bestand"
    if not data or not data.strip():
        raise ImportFileError(f"{what} is leeg.")
    if len(data) > MAX_CSV_BYTES:
        raise ImportFileError(f"{what} is te groot; Koers leest CSV-bestanden tot 20 MB.")
    if b"\x00" in data[:4096]:
        raise ImportFileError(f"{what} is geen tekstbestand (CSV); is het een Excel-bestand?")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "UTF-8 met BOM"
        except UnicodeDecodeError as exc:
            line = data[: exc.start + 3].count(b"\n") + 1
            raise ImportFileError(
                f"{what} zegt UTF-8 te zijn, maar regel {line} bevat tekens die dat niet zijn. "
                "Sla het opnieuw op als CSV (UTF-8) en probeer het nog eens."
            ) from None
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "Windows-1252"


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ";"


def read_table(data: bytes, source: str = "") -> CsvTable:
    """Headers and rows; ImportFileError when the file is empty or has no header line."""
    text, encoding = decode(data, source)
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = _delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    headers: list[str] | None = None
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if headers is None:
                headers = [h.strip() for h in row]
                continue
            rows.append((reader.line_num, row))
    except csv.Error as exc:
        raise ImportFileError(
            f"Regel {reader.line_num}: de CSV is niet te lezen ({exc})."
        ) from None
    if not headers:
        raise ImportFileError("Het bestand heeft geen kopregel met kolomnamen.")
    return CsvTable(headers, rows, encoding, delimiter)


def suggest_mapping(headers: list[str]) -> dict[str, str]:
    """Koers field -> column header, from the usual names; each header used once."""
    mapping: dict[str, str] = {}
    lowered = {h.strip().lower(): h for h in headers}
    for name, words in _SYNONYMS.items():
        for word in words:
            header = lowered.get(word)
            if header is not None and header not in mapping.values():
                mapping[name] = header
                break
    return mapping


def mapping_problems(mapping: dict[str, str], headers: list[str]) -> list[str]:
    """What is wrong with a mapping for these headers, in Dutch (empty: fine)."""
    labels = dict(CSV_FIELDS)
    problems = [
        f"{labels[name].replace(' (verplicht)', '')}: kies de kolom"
        for name in REQUIRED
        if not mapping.get(name)
    ]
    for name, header in mapping.items():
        if header and header not in headers:
            problems.append(
                f"{labels.get(name, name)}: de kolom '{header}' staat niet in het bestand"
            )
    return problems


def read_csv(
    data: bytes, mapping: dict[str, str], *, source: str = "", today: date | None = None
) -> ParsedImport:
    """The students in a CSV file read with `mapping`; ImportFileError when the mapping
    does not fit the file."""
    table = read_table(data, source)
    problems = mapping_problems(mapping, table.headers)
    if problems:
        raise ImportFileError("De kolomindeling past niet bij dit bestand: " + "; ".join(problems))
    index = {name: table.headers.index(h) for name, h in mapping.items() if h}
    labels = {name: mapping[name] for name in index}
    parsed = ParsedImport("csv")
    reference = today or date.today()
    for line, row in table.rows:
        # A CSV's "leerjaar" is the school's own numbering, not EDEXML's: ages are judged
        # as for the VSO/PrO/Entree students Koers is made for.
        raw = RawStudent(where=f"Regel {line}", labels=labels, date_style="nl", age_band="vso")
        for name, column in index.items():
            raw.values[name] = row[column] if column < len(row) else ""
        student, found = check_student(raw, reference)
        parsed.students.append(student)
        parsed.issues.extend(found)
    if not parsed.students:
        raise ImportFileError("Het bestand bevat geen leerlingen, alleen een kopregel.")
    check_unique_keys(parsed.students, parsed.issues)
    return parsed
