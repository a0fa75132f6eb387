"""Generated LAS exports (EDEXML 2.1 and CSV) of fictional students.

Used for the demo school's sample import files (resources/demo/, written by
`write_demo_samples(Path("resources/demo"), date(2026, 10, 1))`), the tests and the bench.
Names come from the demo's lists of generated Dutch names; BSNs are made-up numbers built
to pass the eleven-test, not taken from anyone.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from app.demo.names import FIRST_NAMES_F, FIRST_NAMES_M, PLACES, SURNAMES

GROUPS = [("V4A", "4A", "V"), ("V4B", "4B", "V"), ("V5A", "5A", "V"), ("P3", "PrO 3", "V")]
# A staff member as the LAS lists them: (staff key, surname, prefix, first name).
Staff = tuple[str, str, str, str]
MENTORS: list[Staff] = [
    ("LK10", "Martens", "", "Wouter"),
    ("LK11", "Bergh", "van den", "Saskia"),
    ("LK12", "Aydın", "", "Elif"),
    ("LK13", "Kuipers", "", "Rob"),
]


@dataclass(frozen=True)
class GeneratedStudent:
    key: str
    surname: str
    prefix: str
    first_name: str
    birth_date: date | None
    sex: str  # "1" / "2"
    bsn: str
    postcode: str
    enrolment_date: date
    leaving_date: date | None
    group: str  # group key
    city: str = ""
    municipality: str = ""
    guardian: str = ""  # the mother, "Voornaam Achternaam"
    guardian_phone: str = ""


def bsn_for(n: int) -> str:
    """A made-up nine-digit number starting with 9 that passes the BSN eleven-test."""
    stem = f"9{n % 10_000_000:07d}"
    total = sum(int(d) * w for d, w in zip(stem, range(9, 1, -1), strict=True))
    for last in range(10):
        if (total - last) % 11 == 0:
            return stem + str(last)
    return bsn_for(n + 1)  # no digit fits this stem: take the next


def generate_students(count: int, seed: int = 6, reference: date | None = None) -> list:
    """`count` students of a VSO/PrO school, 13 to 19 years old on `reference`."""
    rng = random.Random(seed)
    reference = reference or date.today()
    students = []
    n = 0
    while len(students) < count:
        n += 1
        bsn = bsn_for(n * 7919 + seed)
        female = rng.random() < 0.45
        first = rng.choice(FIRST_NAMES_F if female else FIRST_NAMES_M)
        prefix, surname = rng.choice(SURNAMES)
        birth = reference - timedelta(days=rng.randint(13 * 365 + 4, 19 * 365 - 4))
        enrolled = date(birth.year + 12, 8, rng.randint(15, 31))
        this_summer = reference.year + (1 if reference.month >= 8 else 0)
        leaving = date(this_summer + rng.choice([0, 0, 1]), 7, rng.randint(1, 20))
        town, gemeente, digits = rng.choice(PLACES)
        # The mother's name and phone come from the student's number, not from `rng`, so
        # the generated students stay the same for a seed as before they had parents.
        number = len(students)
        family = " ".join(p for p in (prefix, surname) if p)
        students.append(
            GeneratedStudent(
                key=f"{700000 + seed * 10000 + len(students)}",
                surname=surname,
                prefix=prefix,
                first_name=first,
                birth_date=birth,
                sex="2" if female else "1",
                bsn=bsn,
                postcode=f"{digits}{rng.choice('ABCDEHKLMNPRST')}{rng.choice('ABCDEHKLMNPRST')}",
                enrolment_date=enrolled,
                leaving_date=leaving,
                group=rng.choice(GROUPS)[0],
                city=town,
                municipality=gemeente,
                guardian=f"{FIRST_NAMES_F[(number * 7) % len(FIRST_NAMES_F)]} {family}",
                guardian_phone=f"06-{(number * 7919 + seed) % 100_000_000:08d}",
            )
        )
    return students


def edexml_document(
    students: list[GeneratedStudent],
    *,
    school_year: str = "2026-2027",
    peildatum: date | None = None,
    mentors: Sequence[Staff] = MENTORS,
) -> bytes:
    """An EDEXML 2.1 file holding these students, their groups and mentors: the groups in
    turn to `mentors`, so one mentor may have several groups."""
    if not mentors:
        raise ValueError("an EDEXML file needs at least one mentor")
    peildatum = peildatum or date.today()
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<EDEX>", "\t<school>"]
    out.append(f"\t\t<schooljaar>{school_year}</schooljaar>")
    out.append(f"\t\t<peildatum>{peildatum.isoformat()}</peildatum>")
    out += ["\t\t<brincode>99XX</brincode>", "\t\t<xsdversie>2.1</xsdversie>", "\t</school>"]
    out += ["\t<vestigingen>", '\t\t<vestiging key="HOOFD">', "\t\t\t<naam>Hoofdlocatie</naam>"]
    out += ["\t\t</vestiging>", "\t</vestigingen>", "\t<groepen>"]
    for key, name, jaargroep in GROUPS:
        out.append(
            f'\t\t<groep key="{key}"><naam>{name}</naam><jaargroep>{jaargroep}</jaargroep></groep>'
        )
    out += ["\t</groepen>", "\t<leerlingen>"]
    for s in students:
        out.append(f"\t\t<leerling key={quoteattr(s.key)}>")
        out.append(f"\t\t\t<achternaam>{escape(s.surname)}</achternaam>")
        if s.prefix:
            out.append(f"\t\t\t<voorvoegsel>{escape(s.prefix)}</voorvoegsel>")
        out.append(f"\t\t\t<roepnaam>{escape(s.first_name)}</roepnaam>")
        if s.birth_date:
            out.append(f"\t\t\t<geboortedatum>{s.birth_date.isoformat()}</geboortedatum>")
        out.append(f"\t\t\t<geslacht>{s.sex}</geslacht>")
        out.append("\t\t\t<jaargroep>V</jaargroep>")
        out.append(f'\t\t\t<groep key="{s.group}"/>')
        out.append('\t\t\t<vestiging key="HOOFD"/>')
        if s.bsn:
            out.append(f"\t\t\t<bsn>{s.bsn}</bsn>")
        if s.postcode:
            out.append(f"\t\t\t<postcodenl>{s.postcode}</postcodenl>")
        out.append(f"\t\t\t<instroomdatum>{s.enrolment_date.isoformat()}</instroomdatum>")
        if s.leaving_date:
            out.append(f"\t\t\t<uitstroomdatum>{s.leaving_date.isoformat()}</uitstroomdatum>")
        out.append("\t\t</leerling>")
    out += ["\t</leerlingen>", "\t<leerkrachten>"]
    groups_of: dict[Staff, list[str]] = {}
    for n, (group, _n, _j) in enumerate(GROUPS):
        groups_of.setdefault(mentors[n % len(mentors)], []).append(group)
    for (key, surname, prefix, first), groups in groups_of.items():
        links = "".join(f"<groep key={quoteattr(g)}/>" for g in groups)
        out.append(f"\t\t<leerkracht key={quoteattr(key)}>")
        out.append(f"\t\t\t<achternaam>{escape(surname)}</achternaam>")
        if prefix:
            out.append(f"\t\t\t<voorvoegsel>{escape(prefix)}</voorvoegsel>")
        out.append(f"\t\t\t<roepnaam>{escape(first)}</roepnaam>")
        out.append(f"\t\t\t<rol>LRK</rol><groepen>{links}</groepen>")
        out.append("\t\t</leerkracht>")
    out += ["\t</leerkrachten>", "</EDEX>", ""]
    return "\n".join(out).encode("utf-8")


def staff_of(key: str, display_name: str) -> Staff:
    """How the LAS lists a colleague Koers knows as `display_name` ("Marieke van Dijk"):
    the first word the first name, the lower-case words after it the prefix, the rest the
    surname ("Fatima El Amrani": surname "El Amrani"). Joined again they give the same
    name, which is how the import finds an account that has no staff key."""
    first, *rest = display_name.split()
    n = 0
    while n < len(rest) - 1 and rest[n].islower():
        n += 1
    return key, " ".join(rest[n:]), " ".join(rest[:n]), first


CSV_HEADER = [
    "Leerlingnummer",
    "Achternaam",
    "Tussenvoegsel",
    "Roepnaam",
    "Geboortedatum",
    "Geslacht",
    "BSN",
    "Postcode",
    "Inschrijfdatum",
    "Uitstroomdatum",
    "Klas",
    "Woonplaats",
    "Gemeente",
    "Naam ouder/verzorger 1",
    "Relatie ouder/verzorger 1",
    "Telefoon ouder/verzorger 1",
]


def csv_document(
    students: list[GeneratedStudent], *, encoding: str = "utf-8-sig", delimiter: str = ";"
) -> bytes:
    """A CSV export as Dutch Excel writes it: dd-mm-jjjj dates, semicolons, BOM."""
    names = {key: name for key, name, _j in GROUPS}

    def cell(text: str) -> str:
        if delimiter in text or '"' in text or "\n" in text:
            return '"' + text.replace('"', '""') + '"'
        return text

    def day(value: date | None) -> str:
        return value.strftime("%d-%m-%Y") if value else ""

    lines = [delimiter.join(CSV_HEADER)]
    for s in students:
        values = [
            s.key,
            s.surname,
            s.prefix,
            s.first_name,
            day(s.birth_date),
            "M" if s.sex == "1" else "V",
            s.bsn,
            s.postcode,
            day(s.enrolment_date),
            day(s.leaving_date),
            names[s.group],
            s.city,
            s.municipality,
            s.guardian,
            "Moeder" if s.guardian else "",
            s.guardian_phone,
        ]
        lines.append(delimiter.join(cell(v) for v in values))
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def demo_sample(reference: date | None = None) -> list[GeneratedStudent]:
    """The sample the demo user can try: 40 students, two with something to warn about."""
    students = generate_students(40, seed=42, reference=reference)
    students[3] = replace(students[3], birth_date=None)
    students[7] = replace(students[7], bsn="123456788")  # fails the eleven-test
    return students


def write_demo_samples(folder: Path, reference: date | None = None) -> list[Path]:
    """Writes the demo's sample EDEXML and CSV files into `folder`."""
    from app.core.files import write_atomic

    folder.mkdir(parents=True, exist_ok=True)
    students = demo_sample(reference)
    xml = folder / "voorbeeld-leerlingen-edexml.xml"
    csv = folder / "voorbeeld-leerlingen.csv"
    write_atomic(xml, edexml_document(students, peildatum=reference))
    write_atomic(csv, csv_document(students))
    return [xml, csv]
