"""The checks every imported student goes through, whatever the file's format.

Errors (nothing is imported): the LAS key or surname missing or unusable, a date that is
not a date, a reference to a group or location that is not in the file, a key used twice.
Warnings (the student is imported without that value): a BSN or onderwijsnummer failing
the eleven-test, a birth date missing or implausible for the student's year group, an
enrolment or leaving date before 1990 or too far ahead, a postcode that is not Dutch, an
unknown sex or year group, a leaving date before entry, a control or direction-override
character in a value other than the name (in the key or name: an error), and
the contact values of `contact_checks` (phone, e-mail, municipality, guardians).
"""

from __future__ import annotations

import re
from datetime import date

from app.core.dates import age_on
from app.core.text_safety import nfc, refusal
from app.importers import contact_checks
from app.importers.records import ERROR, WARNING, ImportedStudent, Issue, RawStudent

MAX_KEY = 40  # students.las_key
MAX_SURNAME, MAX_PREFIX, MAX_FIRST_NAME, MAX_CLASS = 120, 20, 80, 20
MAX_GROUP = 64
# School dates outside these bounds are taken for typing errors (a warning, not taken).
EARLIEST_SCHOOL_DATE = date(1990, 1, 1)
ENROLMENT_YEARS_AHEAD = 1
LEAVING_YEARS_AHEAD = 6
# The values that name the student: a hidden character in one of them is an error.
_NAME_FIELDS = frozenset({"las_key", "surname", "prefix", "first_name", "given_names", "initials"})

JAARGROEPEN = frozenset(
    ["B", "D", *"012345678", *(str(n) for n in range(11, 17)), "S", "V", "C", "N", "H"]
)
# Plausible age (in whole years on the reference date) per kind of year group. VSO and
# PrO students are 12 to 20 as a rule; the margins catch typing errors, not late leavers.
_AGES = {
    "primary": (0, 15),
    "vo": (10, 22),
    "so": (3, 16),
    "vso": (10, 25),
    "other": (3, 30),
}

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?$")
_NL_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_POSTCODE = re.compile(r"^([1-9]\d{3})\s?([A-Za-z]{2})$")
_SEX = {
    "1": "m",
    "m": "m",
    "man": "m",
    "jongen": "m",
    "j": "m",
    "2": "v",
    "v": "v",
    "vrouw": "v",
    "meisje": "v",
    "f": "v",
    "9": "x",
    "x": "x",
    "anders": "x",
}
_SEX_UNKNOWN = {"0", "o", "onbekend", "?"}


def elfproef(number: str, *, onderwijsnummer: bool = False) -> bool:
    """The eleven-test: a BSN's weighted sum (9..2, -1) is a multiple of 11; an
    onderwijsnummer's (9..1) leaves 5."""
    if len(number) != 9 or not number.isascii() or not number.isdigit():
        return False
    digits = [int(c) for c in number]
    head = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    if onderwijsnummer:
        return (head + digits[8]) % 11 == 5
    return number != "000000000" and (head - digits[8]) % 11 == 0


def postcode_nl(value: str) -> str | None:
    """A Dutch postcode normalised to '1234 AB', or None."""
    match = _POSTCODE.match(value.strip())
    return f"{match.group(1)} {match.group(2).upper()}" if match else None


def age_band(jaargroep: str | None) -> str:
    if jaargroep in ("B", "D") or ((jaargroep or "").isdigit() and int(jaargroep) <= 8):
        return "primary"
    if (jaargroep or "").isdigit():
        return "vo"
    return {"S": "so", "V": "vso"}.get(jaargroep or "", "other")


class _Checker:
    def __init__(self, raw: RawStudent, reference: date) -> None:
        self.raw = raw
        self.reference = reference
        self.issues: list[Issue] = []
        self.key = raw.values.get("las_key", "").strip()

    def value(self, name: str) -> str:
        return self.raw.values.get(name, "").strip()

    def problem(self, severity: str, name: str, text: str) -> None:
        label = self.raw.label(name) if name else ""
        self.issues.append(Issue(severity, self.raw.where, label, text, name, self.key))

    def date(self, name: str) -> date | None:
        text = self.value(name)
        if not text:
            return None
        iso = _ISO_DATE.match(text)
        nl = _NL_DATE.match(text) if self.raw.date_style == "nl" else None
        if iso:
            year, month, day = (int(g) for g in iso.groups())
        elif nl:
            day, month, year = (int(g) for g in nl.groups())
        else:
            shape = "dd-mm-jjjj" if self.raw.date_style == "nl" else "jjjj-mm-dd"
            self.problem(ERROR, name, f"'{text}' is geen datum; verwacht {shape}")
            return None
        try:
            return date(year, month, day)
        except ValueError:
            self.problem(ERROR, name, f"'{text}' is geen bestaande datum")
            return None

    def text(self, name: str, limit: int, severity: str = ERROR) -> str | None:
        text = " ".join(self.value(name).split())
        if len(text) > limit:
            self.problem(severity, name, f"maximaal {limit} tekens (nu {len(text)})")
            return None
        return text or None


def check_student(raw: RawStudent, reference: date) -> tuple[ImportedStudent, list[Issue]]:
    """Clean values for one student and the problems found; `reference` is the day ages
    are judged on (the file's peildatum, else today)."""
    c = _Checker(raw, reference)
    _hidden_characters(c)
    missing: list[str] = []
    key = c.key
    if not key:
        c.problem(ERROR, "las_key", "het leerlingnummer ontbreekt")
    elif len(key) > MAX_KEY:
        c.problem(ERROR, "las_key", f"maximaal {MAX_KEY} tekens (nu {len(key)})")
    surname = c.text("surname", MAX_SURNAME)
    if not surname and "surname" not in {i.field for i in c.issues}:
        c.problem(ERROR, "surname", "de achternaam ontbreekt")
    prefix = c.text("prefix", MAX_PREFIX)
    first = c.value("first_name") or c.value("given_names").split(" ")[0]
    first = first or c.value("initials")
    if len(first) > MAX_FIRST_NAME:
        c.problem(ERROR, "first_name", f"maximaal {MAX_FIRST_NAME} tekens (nu {len(first)})")
        first = ""
    if not first:
        missing.append("first_name")

    jaargroep = c.value("jaargroep").upper() or None
    if jaargroep and jaargroep not in JAARGROEPEN:
        c.problem(WARNING, "jaargroep", f"'{jaargroep}' is geen jaargroep; niet overgenomen")
        jaargroep = None

    birth = c.date("birth_date")
    if birth is None and not c.value("birth_date"):
        c.problem(
            WARNING,
            "birth_date",
            "de geboortedatum ontbreekt; de leerling telt als minderjarig tot die is ingevuld",
        )
    elif birth is not None:
        low, high = _AGES[raw.age_band or age_band(jaargroep)]
        age = age_on(birth, reference)
        if not low <= age <= high:
            shown = birth.strftime("%d-%m-%Y")
            c.problem(
                WARNING,
                "birth_date",
                f"'{shown}' kan niet kloppen (leeftijd {age} op {reference:%d-%m-%Y}); "
                "niet overgenomen",
            )
            birth = None
    if birth is None:
        missing.append("birth_date")

    sex_text = c.value("sex").lower()
    sex = _SEX.get(sex_text)
    if sex_text and sex is None and sex_text not in _SEX_UNKNOWN:
        c.problem(WARNING, "sex", f"'{c.value('sex')}' is geen bekend geslacht; niet overgenomen")
    if sex is None:
        missing.append("sex")

    bsn = _number(c, "bsn", 9, "BSN")
    if bsn and not elfproef(bsn):
        c.problem(WARNING, "bsn", f"'{bsn}' voldoet niet aan de elfproef; niet overgenomen")
        bsn = None
    onderwijsnummer = _number(c, "onderwijsnummer", 9, "onderwijsnummer")
    if onderwijsnummer and not elfproef(onderwijsnummer, onderwijsnummer=True):
        c.problem(
            WARNING,
            "onderwijsnummer",
            f"'{onderwijsnummer}' voldoet niet aan de elfproef; niet overgenomen",
        )
        onderwijsnummer = None
    last4 = _number(c, "id_last4", 4, "reeks van 4 cijfers")
    if not (bsn or onderwijsnummer or last4):
        missing.append("bsn")

    postcode = None
    if raw.foreign_postcode:
        c.problem(
            WARNING,
            "postcode",
            f"'{raw.foreign_postcode}' is geen Nederlandse postcode; niet overgenomen",
        )
    elif c.value("postcode"):
        postcode = postcode_nl(c.value("postcode"))
        if postcode is None:
            c.problem(
                WARNING,
                "postcode",
                f"'{c.value('postcode')}' is geen Nederlandse postcode (1234 AB); niet overgenomen",
            )
    if postcode is None:
        missing.append("postcode")

    enrolled = _plausible(c, "enrolment_date", reference, ENROLMENT_YEARS_AHEAD)
    leaving = _plausible(c, "planned_outflow_date", reference, LEAVING_YEARS_AHEAD)
    if enrolled and leaving and leaving < enrolled:
        c.problem(
            WARNING,
            "planned_outflow_date",
            f"{leaving:%d-%m-%Y} ligt vóór de inschrijfdatum; niet overgenomen",
        )
        leaving = None

    group = c.text("las_group", MAX_GROUP)
    class_name = c.text("class_name", MAX_GROUP)
    if class_name and len(class_name) > MAX_CLASS:
        c.problem(
            WARNING,
            "class_name",
            f"'{class_name}' is te lang voor de klas in Koers (maximaal {MAX_CLASS} tekens); "
            "niet overgenomen",
        )
        class_name = None
    location = c.text("location", MAX_GROUP)
    for name, ref in raw.broken_refs:
        c.problem(ERROR, name, f"'{ref}' staat niet in het bestand")

    student = ImportedStudent(
        where=raw.where,
        las_key=key,
        surname=surname or "",
        first_name=first,
        prefix=prefix,
        birth_date=birth,
        sex=sex,
        bsn=bsn,
        onderwijsnummer=onderwijsnummer,
        id_last4=last4,
        postcode=postcode,
        city=contact_checks.place(c, "city"),
        municipality=contact_checks.place(c, "municipality"),
        municipality_code=contact_checks.municipality_code(c),
        phone=contact_checks.phone(c, "phone"),
        email=contact_checks.email(c, "email"),
        guardians=contact_checks.guardians(c),
        enrolment_date=enrolled,
        planned_outflow_date=leaving,
        jaargroep=jaargroep,
        class_name=class_name,
        las_group=group,
        location=location,
        mentor_key=c.value("mentor") or None,
        missing=missing,
        has_error=any(i.is_error for i in c.issues),
    )
    return student, c.issues


def _plausible(c: _Checker, name: str, reference: date, years_ahead: int) -> date | None:
    """A school date between EARLIEST_SCHOOL_DATE and `years_ahead` after the reference
    day; outside that a typing error is likelier than a fact, so a warning and not taken."""
    found = c.date(name)
    if found is None:
        return None
    latest = _years_after(reference, years_ahead)
    if EARLIEST_SCHOOL_DATE <= found <= latest:
        return found
    when = (
        f"vóór {EARLIEST_SCHOOL_DATE:%d-%m-%Y}"
        if found < EARLIEST_SCHOOL_DATE
        else (f"meer dan {years_ahead} jaar na {reference:%d-%m-%Y}")
    )
    c.problem(WARNING, name, f"'{found:%d-%m-%Y}' kan niet kloppen (ligt {when}); niet overgenomen")
    return None


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _hidden_characters(c: _Checker) -> None:
    """Every value in NFC; a control or direction-override character refused.

    In the student's key or name it is an error (a name is required and must read as it
    is stored); in any other value a warning, and that value is not taken.
    """
    values = c.raw.values
    c.key = nfc(c.key)
    for name in list(values):
        values[name] = nfc(values[name])
        reason = refusal(values[name])
        if reason is None:
            continue
        if name in _NAME_FIELDS:
            c.problem(ERROR, name, f"{reason}; pas dit aan in het LAS")
        else:
            c.problem(WARNING, name, f"{reason}; niet overgenomen")
            values[name] = ""
    c.key = values.get("las_key", "").strip()


def _number(c: _Checker, name: str, length: int, what: str) -> str | None:
    text = c.value(name).replace(" ", "")
    if not text:
        return None
    if len(text) != length or not text.isascii() or not text.isdigit():
        c.problem(
            WARNING, name, f"'{c.value(name)}' is geen {what} ({length} cijfers); niet overgenomen"
        )
        return None
    return text


def check_unique_keys(students: list[ImportedStudent], issues: list[Issue]) -> None:
    """A LAS key used twice is an error on the second one, naming the first."""
    first_at: dict[str, str] = {}
    for s in students:
        if not s.las_key:
            continue
        if s.las_key in first_at:
            issues.append(
                Issue(
                    ERROR,
                    s.where,
                    "leerlingnummer",
                    f"'{s.las_key}' komt ook voor op {first_at[s.las_key].lower()}",
                    "las_key",
                    s.las_key,
                )
            )
            s.has_error = True
        else:
            first_at[s.las_key] = s.where
