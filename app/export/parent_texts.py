"""The fixed texts of the documents for parents, in Dutch and in the parents' language.

The texts live as data in `resources/parent_texts/<code>.toml`, never in code, so a school or
a translator can correct them. `nl.toml` is the source; every other file holds, per key, the
Dutch it was translated from beside the translation. When the Dutch changes, the old source
beside a translation no longer matches and `problems()` names the key as stale.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from app.core.resources import resource_path

SOURCE = "nl"
# The languages Koers prints for parents, in the order the window offers them.
LANGUAGES = ("nl", "ar", "tr", "pl", "ti", "uk", "en")

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class LanguageFile:
    """One language's texts, with who checked them."""

    code: str
    name: str  # in the language itself: "Türkçe"
    name_nl: str  # in Dutch, for the window and the export log: "Turks"
    aliases: tuple[str, ...]
    direction: str  # "ltr" or "rtl"
    checked_by: str  # empty: not yet checked by a native speaker
    texts: dict[str, str]
    sources: dict[str, str]  # key -> the Dutch this translation was made from

    @property
    def checked(self) -> bool:
        return bool(self.checked_by.strip())

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"

    def text(self, key: str, **values: str) -> str:
        """The text under `key` with its {placeholders} filled in."""
        return self.texts[key].format(**values) if values else self.texts[key]


def _file_path(code: str):
    return resource_path(f"parent_texts/{code}.toml")


def _flatten(code: str, data: dict) -> tuple[dict[str, str], dict[str, str]]:
    texts: dict[str, str] = {}
    sources: dict[str, str] = {}
    for section, entries in data.items():
        if section == "meta":
            continue
        for key, value in entries.items():
            name = f"{section}.{key}"
            if isinstance(value, str):  # the Dutch source file: key = "text"
                texts[name] = value
            else:  # a translation: [section.key] with nl = "..." and <code> = "..."
                texts[name] = value.get(code, "")
                sources[name] = value.get(SOURCE, "")
    return texts, sources


def read_language_file(code: str, raw: bytes | None = None) -> LanguageFile:
    """Reads one language file (or `raw`, the bytes of one, for tests and checks)."""
    data = tomllib.loads((raw if raw is not None else _file_path(code).read_bytes()).decode())
    meta = data.get("meta", {})
    texts, sources = _flatten(code, data)
    return LanguageFile(
        code=code,
        name=meta.get("name", code),
        name_nl=meta.get("name_nl", meta.get("name", code)),
        aliases=tuple(meta.get("aliases", ())),
        direction=meta.get("direction", "ltr"),
        checked_by=meta.get("checked_by", ""),
        texts=texts,
        sources=sources,
    )


@cache
def load(code: str) -> LanguageFile:
    """The language file for `code` (read once per process)."""
    if code not in LANGUAGES:
        raise ValueError(f"unknown parent language {code!r}")
    return read_language_file(code)


def problems(language: LanguageFile, source: LanguageFile | None = None) -> list[str]:
    """What is wrong with a translation against the Dutch source: each a line in Dutch.

    Missing keys, keys the source no longer has, translations whose Dutch source text has
    changed since (stale), empty texts and placeholders that differ from the source.
    """
    source = source or load(SOURCE)
    found: list[str] = []
    for key in source.texts:
        if key not in language.texts:
            found.append(f"{language.code}: '{key}' ontbreekt")
    for key, text in language.texts.items():
        if key not in source.texts:
            found.append(f"{language.code}: '{key}' bestaat niet meer in nl.toml")
            continue
        if not text.strip():
            found.append(f"{language.code}: '{key}' is leeg")
        if language.code != SOURCE and language.sources.get(key) != source.texts[key]:
            found.append(
                f"{language.code}: '{key}' is verouderd: de Nederlandse tekst is veranderd"
            )
        if set(_PLACEHOLDER.findall(text)) != set(_PLACEHOLDER.findall(source.texts[key])):
            found.append(f"{language.code}: '{key}' heeft andere {{invulplekken}} dan nl.toml")
    return found


def language_for(recorded: str | None) -> str:
    """The code of the language a guardian's recorded language names ("Arabisch" -> "ar").

    The student file holds the language as typed; anything Koers has no texts for gives
    Dutch, which every report carries anyway.
    """
    wanted = (recorded or "").strip().casefold()
    if not wanted:
        return SOURCE
    for code in LANGUAGES:
        language = load(code)
        names = {code, language.name, language.name_nl, *language.aliases}
        if wanted in {n.casefold() for n in names}:
            return code
    return SOURCE
