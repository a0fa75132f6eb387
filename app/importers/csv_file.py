"""Reading a CSV export from an LAS: encoding and delimiter found, columns mapped.

Schools' systems write UTF-8 (with or without a byte-order mark) or Windows-1252, with a
semicolon (Dutch Excel), comma or tab between the columns. Which column holds what is a
`mapping` (Koers field -> column header), chosen by the user once per source and
remembered; `suggest_mapping` proposes one from the usual Dutch headers.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from app.core import clock
from app.importers.checks import check_student, check_unique_keys
from app.importers.paths import ImportFileError
from app.importers.records import (
    GUARDIAN_PARTS,
    GUARDIAN_SLOTS,
    WARNING,
    Issue,
    ParsedImport,
    RawStudent,
    guardian_field,
    guardian_label,
)

MAX_CSV_BYTES = 20_000_000
# What Excel files start with: XLSX is a ZIP archive, XLS an OLE2 compound document.
_XLSX_SIGNATURE = b"PK\x03\x04"
_XLS_SIGNATURE = b"\xd0\xcf\x11\xe0"

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
    ("city", "Woonplaats"),
    ("municipality", "Gemeente"),
    ("municipality_code", "Gemeentecode (CBS)"),
    ("phone", "Telefoon leerling"),
    ("email", "E-mail leerling"),
    ("enrolment_date", "Inschrijfdatum"),
    ("planned_outflow_date", "Uitstroomdatum"),
    ("jaargroep", "Jaargroep / leerjaar"),
    ("class_name", "Klas / groep"),
    ("location", "Vestiging"),
    ("mentor", "Mentor"),
    *(
        (guardian_field(slot, part), guardian_label(slot, part).capitalize())
        for slot in GUARDIAN_SLOTS
        for part in GUARDIAN_PARTS
    ),
]
REQUIRED = ("las_key", "surname")
# Headers seen in Dutch LAS exports (ParnasSys, Magister, SOMtoday, Eduarte and Excel lists
# made from them), as `_normal` folds them: lower case, no accents, "e-mail" -> "email",
# other punctuation a space. The first field that claims a header gets it. The README's
# table lists them per LAS.
_SYNONYMS = {
    "las_key": [
        "leerlingnummer",
        "leerlingnr",
        "llnr",
        "llnr.",
        "stamnummer",
        "deelnemernummer",
        "deelnemernr",
        "studentnummer",
        "key",
        "id",
        "leerling id",
        "lasnummer",
    ],
    "surname": ["achternaam", "naam", "familienaam", "achternaam leerling", "geboortenaam"],
    "prefix": ["tussenvoegsel", "voorvoegsel", "tussenv", "tussenvoegsels", "voorvoegsels"],
    "first_name": ["roepnaam", "voornaam", "roepnaam leerling"],
    "given_names": ["voornamen", "officiele voornamen"],
    "birth_date": ["geboortedatum", "geb datum", "geb dat", "geboren"],
    "sex": ["geslacht", "m v"],
    "bsn": ["bsn", "burgerservicenummer", "sofinummer", "sofi nummer"],
    "onderwijsnummer": ["onderwijsnummer"],
    "postcode": ["postcode", "postcode woonadres", "postcode adres"],
    "city": ["woonplaats", "plaats", "plaatsnaam", "woonplaats leerling", "plaats woonadres"],
    "municipality": ["gemeente", "woongemeente", "gemeentenaam", "gemeente woonadres"],
    "municipality_code": [
        "gemeentecode",
        "cbs code",
        "cbs gemeentecode",
        "gemeentecode cbs",
        "cbs code gemeente",
        "gemeentenummer",
    ],
    "phone": [
        "telefoon",
        "telefoonnummer",
        "tel",
        "mobiel",
        "mobiel nummer",
        "mobiele telefoon",
        "telefoon mobiel",
        "gsm",
        "telefoon leerling",
        "telefoonnummer leerling",
        "mobiel leerling",
    ],
    "email": ["email", "emailadres", "email leerling", "emailadres leerling", "emailadres prive"],
    "enrolment_date": [
        "inschrijfdatum",
        "instroomdatum",
        "datum inschrijving",
        "datum instroom",
        "begindatum inschrijving",
    ],
    "planned_outflow_date": [
        "uitstroomdatum",
        "verwachte uitstroomdatum",
        "geplande uitstroomdatum",
        "verwachte uitstroom",
        "verwachte einddatum",
        "uitschrijfdatum",
        "datum uitschrijving",
        "datum uitstroom",
        "einddatum inschrijving",
    ],
    "jaargroep": ["jaargroep", "leerjaar"],
    "class_name": ["klas", "groep", "stamgroep", "basisgroep", "stamklas"],
    "location": ["vestiging", "locatie", "schoollocatie"],
    "mentor": ["mentor", "coach", "groepsleerkracht", "studieloopbaanbegeleider", "slb er", "slb"],
}
# A guardian column names who ("ouder 1", "verzorger 2", "contactpersoon 1", "vader") and
# what ("telefoon", "e-mail", "relatie", "naam", ...), in either order: "Naam ouder/verzorger 1",
# "Verzorger 1 - Telefoon", "E-mailadres ouder 2", "Telefoon moeder".
_GUARDIAN_WHO = re.compile(r"\b(ouders?|verzorg(?:er|ster)s?|voogd|contactpersoon|vader|moeder)\b")
_GUARDIAN_SLOT = re.compile(r"\b([12])\b|\b(eerste|tweede)\b")
_GUARDIAN_WHAT = [
    ("email", re.compile(r"\bemail|\bmail\b|emailadres")),
    ("phone", re.compile(r"\btel|telefoon|mobiel|\bgsm\b")),
    ("relation", re.compile(r"\brelatie|\brol\b|\bsoort\b|verwantschap")),
    ("first_name", re.compile(r"\bvoornaam|\broepnaam|\bvoorletters")),
    ("prefix", re.compile(r"\btussenvoegsel|\bvoorvoegsel")),
    ("surname", re.compile(r"\bachternaam")),
    ("name", re.compile(r"\bnaam\b|\bnaw\b")),
]
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
        raise ImportFileError(_nul_message(data, what))
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "UTF-8 met BOM"
        except UnicodeDecodeError as exc:
            line = data[: exc.start + 3].count(b"\n") + 1
            raise ImportFileError(_not_utf8_message(data[3:], what, line)) from None
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "Windows-1252"


def _nul_message(data: bytes, what: str) -> str:
    """Why a file with a NUL byte is not read: an Excel file only when it starts like one."""
    if data.startswith((_XLSX_SIGNATURE, _XLS_SIGNATURE)):
        return (
            f"{what} is een Excel-bestand, geen tekstbestand (CSV). Sla het in Excel op als "
            "'CSV (gescheiden door lijstscheidingsteken)' en kies dat bestand."
        )
    line = data[: data.index(b"\x00")].count(b"\n") + 1
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        hint = "het lijkt UTF-16 te zijn; sla het op als CSV (UTF-8)"
    else:
        hint = "een tekstbestand (CSV) heeft die nooit; is het wel een leerlingenbestand?"
    return f"{what} bevat op regel {line} een nul-teken (NUL): {hint}."


def _not_utf8_message(data: bytes, what: str, line: int) -> str:
    """A file that says it is UTF-8 but is not: name the encoding it most likely is."""
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        found = "in een andere tekenset dan UTF-8 opgeslagen"
    else:
        found = "Windows-1252/Latin-1, niet UTF-8 zoals het aangeeft"
    return (
        f"{what} lijkt {found} (regel {line} bevat tekens die geen UTF-8 zijn). "
        "Sla het opnieuw op als CSV (UTF-8) en probeer het nog eens."
    )


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
        raise ImportFileError(_csv_error_message(exc, reader.line_num)) from None
    if not headers:
        raise ImportFileError("Het bestand heeft geen kopregel met kolomnamen.")
    return CsvTable(headers, rows, encoding, delimiter)


def _csv_error_message(exc: csv.Error, line: int) -> str:
    """The csv module's English error, said in Dutch with the line."""
    if "field larger than field limit" in str(exc):
        limit = f"{csv.field_size_limit():,}".replace(",", ".")
        return (
            f"Regel {line}: een veld is groter dan {limit} tekens (vaak een aanhalingsteken "
            "dat niet wordt gesloten); is dit wel een leerlingenbestand?"
        )
    return (
        f"Regel {line}: de CSV is niet te lezen (vaak een aanhalingsteken op de verkeerde "
        "plaats); controleer die regel of sla de lijst opnieuw op als CSV."
    )


def _normal(header: str) -> str:
    """A header folded for matching: 'E-mailadres ouder/verzorger 1' -> 'emailadres ouder
    verzorger 1'."""
    plain = unicodedata.normalize("NFKD", header).encode("ascii", "ignore").decode().lower()
    plain = re.sub(r"\be-mail", "email", plain)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def _guardian_column(header: str) -> tuple[int, str, str] | None:
    """(slot, part, relation hint) for a guardian's column, or None for any other column.

    Without a number, 'vader' is the first guardian and 'moeder' the second, so a file with
    both keeps both; any other unnumbered column ('Telefoon ouder') is the first.
    """
    text = _normal(header)
    who = _GUARDIAN_WHO.search(text)
    if who is None:
        return None
    word = who.group(1)
    slot_match = _GUARDIAN_SLOT.search(text)
    hint = word if word in ("vader", "moeder") else ""
    if slot_match:
        slot = 1 if slot_match.group(1) == "1" or slot_match.group(2) == "eerste" else 2
    else:
        slot = 2 if word == "moeder" else 1
    rest = text.replace(word, " ")
    for part, pattern in _GUARDIAN_WHAT:
        if pattern.search(rest):
            return slot, part, hint
    # "Ouder 1", "Verzorger 2", "Vader": the column holds the name.
    bare = _GUARDIAN_SLOT.sub(" ", rest).split()
    return (slot, "name", hint) if not bare or bare == ["verzorger"] else None


def suggest_mapping(headers: list[str]) -> dict[str, str]:
    """Koers field -> column header, from the usual names; each header used once."""
    mapping: dict[str, str] = {}
    normal: dict[str, str] = {}
    for header in headers:
        normal.setdefault(_normal(header), header)
    for name, words in _SYNONYMS.items():
        for word in words:
            header = normal.get(_normal(word))
            if header is not None and header not in mapping.values():
                mapping[name] = header
                break
    for header in headers:
        found = _guardian_column(header)
        if found is None or header in mapping.values():
            continue
        slot, part, _hint = found
        mapping.setdefault(guardian_field(slot, part), header)
    return mapping


def relation_hints(mapping: dict[str, str]) -> dict[int, str]:
    """Guardian slot -> 'vader' / 'moeder' when the slot's columns say so by their name."""
    hints: dict[int, str] = {}
    for slot in GUARDIAN_SLOTS:
        for part in GUARDIAN_PARTS:
            found = _guardian_column(mapping.get(guardian_field(slot, part), ""))
            if found is not None and found[2]:
                hints[slot] = found[2]
                break
    return hints


def unused_columns(headers: list[str], mapping: dict[str, str], rows) -> list[Issue]:
    """A warning per column no field takes, so nothing in the file is dropped unsaid; an
    empty column without a name (a trailing delimiter) is not worth one."""
    used = {h for h in mapping.values() if h}
    issues = []
    for index, header in enumerate(headers):
        if header in used:
            continue
        if not header:
            if not any(index < len(row) and row[index].strip() for _line, row in rows):
                continue
            text = f"Kolom {index + 1} (zonder naam) is niet gebruikt."
        else:
            text = f"Kolom '{header}' is niet gebruikt."
        issues.append(Issue(WARNING, "", "", text))
    return issues


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
    parsed.issues.extend(unused_columns(table.headers, mapping, table.rows))
    reference = today or clock.today()
    hints = relation_hints(mapping)
    for line, row in table.rows:
        # A CSV's "leerjaar" is the school's own numbering, not EDEXML's: ages are judged
        # as for the VSO/PrO/Entree students Koers is made for.
        raw = RawStudent(
            where=f"Regel {line}",
            labels=labels,
            date_style="nl",
            age_band="vso",
            relation_hints=hints,
        )
        for name, column in index.items():
            raw.values[name] = row[column] if column < len(row) else ""
        student, found = check_student(raw, reference)
        parsed.students.append(student)
        parsed.issues.extend(found)
    if not parsed.students:
        raise ImportFileError("Het bestand bevat geen leerlingen, alleen een kopregel.")
    check_unique_keys(parsed.students, parsed.issues)
    return parsed
