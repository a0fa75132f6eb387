"""Which language a document for parents is printed in, besides Dutch.

The student file records a language per guardian as typed ("Arabisch"); each maps to one of
the languages Koers has texts for, or to Dutch. A document for a guardian defaults to that
guardian's language; the user may choose another for each print.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.core.errors import ValidationError
from app.export.parent_texts import LANGUAGES, SOURCE, language_for, load
from app.models import Guardian

DUTCH = SOURCE


@dataclass(frozen=True)
class GuardianLanguage:
    """A guardian with the language recorded for them and the print language it gives."""

    guardian: str
    recorded: str  # as typed in the student file, or ""
    code: str  # "ar", ...; "nl" when nothing is recorded or Koers has no texts for it


def language_choices() -> list[tuple[str, str]]:
    """(code, Dutch name) of every print language, Dutch first: for a choice list."""
    return [(code, load(code).name_nl) for code in LANGUAGES]


def language_name(code: str) -> str:
    """The Dutch name of a print language: "ar" -> "Arabisch"."""
    return load(code).name_nl


def check_language(code: str | None) -> str:
    """The print language asked for; "nl" when none. An unknown one is refused in Dutch."""
    if not code:
        return SOURCE
    wanted = code.strip().lower()
    if wanted not in LANGUAGES:
        names = ", ".join(f"{c} ({load(c).name_nl})" for c in LANGUAGES)
        raise ValidationError({"language": f"Taal '{code}' is onbekend. Kies uit: {names}."})
    return wanted


def guardian_languages(
    guardians: Iterable[Guardian], present: Iterable[str] = ()
) -> list[GuardianLanguage]:
    """The guardians with their print language; those who were present come first."""
    there = {name.strip().casefold() for name in present}
    found = [
        GuardianLanguage(g.name, g.language or "", language_for(g.language)) for g in guardians
    ]
    return sorted(found, key=lambda g: g.guardian.strip().casefold() not in there)


def default_language(languages: list[GuardianLanguage]) -> str:
    """The first guardian's language other than Dutch, else Dutch: a parent who reads Dutch
    with difficulty gains from the translation; one who reads Dutch loses nothing."""
    return next((g.code for g in languages if g.code != SOURCE), SOURCE)
