"""A student's name as lists show it: selected once, joined and sorted the Dutch way."""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy import Select, select

from app.models import Student


def select_student_names(*columns: Any) -> Select[Any]:
    """`SELECT id, first name, prefix, surname, *columns FROM students`: the start of every
    list that names students, read as plain rows rather than loaded as objects."""
    return select(Student.id, Student.first_name, Student.prefix, Student.surname, *columns)


def full_name(first_name: str | None, prefix: str | None, surname: str | None) -> str:
    """ "Anna van den Berg": the parts that are filled in, in reading order."""
    # A list, not a generator: join builds one anyway, and lists of students call this
    # for every row.
    return " ".join([part for part in (first_name, prefix, surname) if part])


def sort_name(first_name: str | None, prefix: str | None, surname: str | None) -> str:
    """ "berg, anna van den": Dutch lists sort on the surname without its prefix, and a
    letter with an accent as the letter itself ("Öztürk" among the O's, not after "Zwart",
    where ordering by character code put it)."""
    key = f"{surname}, {first_name} {prefix or ''}".strip().lower()
    return key if key.isascii() else _without_accents(key)


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join([c for c in decomposed if not unicodedata.combining(c)])
