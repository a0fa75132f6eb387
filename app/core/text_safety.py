"""Characters that have no place in a name or a note: controls and direction overrides.

An LAS export or a pasted text can carry ESC, BEL or backspace (which rewrite a terminal
or a CSV viewer when printed) and bidirectional overrides such as U+202E (which make a
name read differently from what is stored). Koers refuses them on the way in, with a
message naming the character, and replaces them on the way out (`printable`) in case one
was stored before this check existed. Text is stored in Unicode NFC, so "é" typed as
"e" + combining accent and as one character compare and sort the same.
"""

from __future__ import annotations

import unicodedata

# Free text (notes, reports) may hold line breaks and tabs; names and single-line fields not.
_LAYOUT = frozenset("\t\n\r")
_BIDI = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
# Direction marks can be meant in a note mixing Arabic and Dutch; in a name they only hide.
_MARKS = frozenset({"\u200e", "\u200f"})
_BOM = "\ufeff"
REPLACEMENT = "\ufffd"


def is_unsafe(char: str, *, multiline: bool = False) -> bool:
    """True for a C0/C1 control, a direction override or isolate, a byte-order mark, and
    (in a single-line value) a direction mark; multi-line text keeps tab, line breaks and
    direction marks."""
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return not (multiline and char in _LAYOUT)
    if char in _MARKS:
        return not multiline
    return char in _BIDI or char == _BOM


def unsafe_characters(text: str, *, multiline: bool = False) -> list[str]:
    """The unsafe characters in `text`, each once, as 'U+001B' (in order of appearance)."""
    found: list[str] = []
    for char in text:
        if is_unsafe(char, multiline=multiline):
            name = f"U+{ord(char):04X}"
            if name not in found:
                found.append(name)
    return found


def refusal(text: str, *, multiline: bool = False) -> str | None:
    """A Dutch reason to refuse `text` ("bevat een onzichtbaar stuur- of richtingsteken
    (U+001B)"), or None when it is fine; the caller adds what to do about it."""
    found = unsafe_characters(text, multiline=multiline)
    if not found:
        return None
    codes = ", ".join(found)
    if len(found) == 1:
        return f"bevat een onzichtbaar stuur- of richtingsteken ({codes})"
    return f"bevat onzichtbare stuur- of richtingstekens ({codes})"


def nfc(text: str) -> str:
    """`text` in Unicode normal form C (composed characters)."""
    return unicodedata.normalize("NFC", text)


def printable(value: object, *, multiline: bool = False) -> str:
    """`value` as text for output (CSV, terminal, preview) with every unsafe character
    replaced by U+FFFD, so nothing stored can steer what shows it."""
    text = "" if value is None else str(value)
    if not any(is_unsafe(c, multiline=multiline) for c in text):
        return text
    return "".join(REPLACEMENT if is_unsafe(c, multiline=multiline) else c for c in text)
