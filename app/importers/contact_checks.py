"""The checks on where a student lives and who to call: phone, e-mail, woonplaats, the
municipality (by name or CBS code) and up to two parents or other contacts.

All of these are warnings: a value that does not fit is left out and named, the student is
still taken. The municipality's CBS code is only normalised here ("363" -> "GM0363"); which
municipality it is comes from the CBS table in Koers (`app.services.las_import.municipality`).
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from app.importers.records import (
    GUARDIAN_SLOTS,
    WARNING,
    ImportedGuardian,
    guardian_field,
)

if TYPE_CHECKING:
    from app.importers.checks import _Checker

MAX_PLACE, MAX_PHONE, MAX_EMAIL, MAX_GUARDIAN_NAME = 80, 40, 200, 160
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[\d\s().-]{6,}$")
_CBS = re.compile(r"^(?:GM)?(\d{1,4})$")

# The relation words Dutch LAS exports use, folded to lower case without accents, and the
# Koers relation (GuardianRelation values) each stands for. A word not listed is kept as
# "anders" with a warning, so the contact is never lost for an unknown word.
RELATIONS = {
    "moeder": "moeder",
    "vader": "vader",
    "ouder": "ouder",
    "ouders": "ouder",
    "ouder/verzorger": "ouder",
    "verzorger": "ouder",
    "verzorgster": "ouder",
    "voogd": "voogd",
    "voogdes": "voogd",
    "curator": "curator",
    "mentor": "mentor (wettelijk)",
    "wettelijk mentor": "mentor (wettelijk)",
    "pleegouder": "pleegouder",
    "pleegvader": "pleegouder",
    "pleegmoeder": "pleegouder",
    "gezinshuisouder": "pleegouder",
    "stiefvader": "anders",
    "stiefmoeder": "anders",
    "grootouder": "anders",
    "grootvader": "anders",
    "grootmoeder": "anders",
    "opa": "anders",
    "oma": "anders",
    "broer": "anders",
    "zus": "anders",
    "oom": "anders",
    "tante": "anders",
    "anders": "anders",
    "overig": "anders",
}


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(plain.lower().split())


def cbs_code(text: str) -> str | None:
    """A municipality's CBS code as 'GM' and four digits ('363', '0363', 'gm0363'), or None."""
    match = _CBS.match(text.strip().upper().replace(" ", ""))
    return f"GM{int(match.group(1)):04d}" if match else None


def phone(c: _Checker, name: str) -> str | None:
    text = " ".join(c.value(name).split())
    if not text:
        return None
    if len(text) > MAX_PHONE or not _PHONE.match(text):
        c.problem(WARNING, name, f"'{text}' is geen telefoonnummer; niet overgenomen")
        return None
    return text


def email(c: _Checker, name: str) -> str | None:
    text = c.value(name)
    if not text:
        return None
    if len(text) > MAX_EMAIL or not _EMAIL.match(text):
        c.problem(WARNING, name, f"'{text}' is geen e-mailadres; niet overgenomen")
        return None
    return text


def place(c: _Checker, name: str) -> str | None:
    return c.text(name, MAX_PLACE, WARNING)


def municipality_code(c: _Checker) -> str | None:
    text = c.value("municipality_code")
    if not text:
        return None
    code = cbs_code(text)
    if code is None:
        c.problem(
            WARNING,
            "municipality_code",
            f"'{text}' is geen CBS-gemeentecode (GM en vier cijfers); niet overgenomen",
        )
    return code


def relation(c: _Checker, name: str, hint: str) -> str | None:
    """The Koers relation for the file's word; `hint` is the relation a column's own name
    gives ("Telefoon moeder"), used when the file has no relation column."""
    text = c.value(name)
    if not text:
        return hint or None
    known = RELATIONS.get(_fold(text))
    if known is None:
        c.problem(WARNING, name, f"'{text}' is geen bekende relatie; opgeslagen als 'anders'")
        return "anders"
    return known


def guardians(c: _Checker) -> list[ImportedGuardian]:
    """The file's parents and contacts, one per slot that has a name."""
    found: list[ImportedGuardian] = []
    for slot in GUARDIAN_SLOTS:

        def field(part: str, slot: int = slot) -> str:
            return guardian_field(slot, part)

        parts = (c.value(field("first_name")), c.value(field("prefix")), c.value(field("surname")))
        name = " ".join(c.value(field("name")).split()) or " ".join(
            " ".join(p for p in parts if p).split()
        )
        filled = [part for part in ("relation", "phone", "email") if c.value(field(part))]
        if not name:
            if filled:
                c.problem(
                    WARNING,
                    field("name"),
                    "de naam ontbreekt; deze ouder/verzorger is niet overgenomen",
                )
            continue
        if len(name) > MAX_GUARDIAN_NAME:
            c.problem(
                WARNING,
                field("name"),
                f"maximaal {MAX_GUARDIAN_NAME} tekens (nu {len(name)}); niet overgenomen",
            )
            continue
        found.append(
            ImportedGuardian(
                name=name,
                relation=relation(c, field("relation"), c.raw.relation_hints.get(slot, "")),
                phone=phone(c, field("phone")),
                email=email(c, field("email")),
            )
        )
    return found
