"""Reading XML from outside (EDEXML from the LAS) without its tricks.

defusedxml refuses every document type declaration, and with it entity expansion
("billion laughs") and external entities or DTDs (which could read local files or call
out to a server). Size is limited before parsing. Every refusal is an ImportFileError
with a Dutch message; nothing is imported from a file that fails here.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, ParseError
from xml.parsers.expat import errors

from defusedxml import (
    DefusedXmlException,
    DTDForbidden,
    EntitiesForbidden,
    ExternalReferenceForbidden,
)
from defusedxml.ElementTree import fromstring

from app.importers.paths import ImportFileError, format_size

MAX_XML_BYTES = 20_000_000

__all__ = ["MAX_XML_BYTES", "ImportFileError", "parse_xml"]


def parse_xml(
    data: bytes | bytearray | memoryview,
    *,
    max_bytes: int = MAX_XML_BYTES,
    source: str = "",
) -> Element:
    """The document's root element, or ImportFileError naming what is wrong.

    `source` (a file name) makes the messages name the file.
    """
    what = f"Het bestand '{source}'" if source else "Het bestand"
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError("parse_xml takes the file's bytes")
    size = len(data)
    if size == 0 or not bytes(data[:4096]).strip():
        raise ImportFileError(f"{what} is leeg.")
    if size > max_bytes:
        raise ImportFileError(
            f"{what} is te groot ({format_size(size)}); "
            f"Koers leest XML-bestanden tot {format_size(max_bytes)}."
        )
    try:
        return fromstring(bytes(data), forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DTDForbidden:
        raise ImportFileError(
            f"{what} bevat een documenttypedefinitie (<!DOCTYPE …>). Koers leest die om "
            "veiligheidsredenen niet; een uitvoer uit het LAS (EDEXML) heeft er geen."
        ) from None
    except EntitiesForbidden:
        raise ImportFileError(
            f"{what} definieert eigen entiteiten. Koers leest die om veiligheidsredenen niet."
        ) from None
    except ExternalReferenceForbidden:
        raise ImportFileError(
            f"{what} verwijst naar een ander bestand of adres. Koers volgt zulke "
            "verwijzingen om veiligheidsredenen niet."
        ) from None
    except DefusedXmlException:
        raise ImportFileError(
            f"{what} bevat XML die Koers om veiligheidsredenen niet leest."
        ) from None
    except ParseError as exc:
        raise ImportFileError(
            f"{what} is geen geldig XML-bestand{_where(exc, bytes(data))}."
        ) from None
    except LookupError:  # an encoding Python does not know
        raise ImportFileError(
            f"{what} is geen geldig XML-bestand: de XML-kop noemt een tekenset die Koers "
            "niet kent. Maak de uitvoer opnieuw in UTF-8."
        ) from None
    except ValueError:
        raise ImportFileError(f"{what} is geen geldig XML-bestand.") from None


# expat's errors (keyed by its message constants), said in Dutch: the English text never
# reaches the user.
_REASONS = {
    errors.XML_ERROR_NO_ELEMENTS: "het bestand houdt op voordat alle onderdelen gesloten zijn",
    errors.XML_ERROR_INVALID_TOKEN: "daar staat een teken dat in XML niet mag",
    errors.XML_ERROR_UNCLOSED_TOKEN: "het bestand houdt midden in een tag op",
    errors.XML_ERROR_PARTIAL_CHAR: "het bestand houdt midden in een teken op",
    errors.XML_ERROR_TAG_MISMATCH: "een sluittag past niet bij de open tag",
    errors.XML_ERROR_DUPLICATE_ATTRIBUTE: "een attribuut staat er twee keer",
    errors.XML_ERROR_JUNK_AFTER_DOC_ELEMENT: "er staat nog iets na het einde van het document",
    errors.XML_ERROR_UNDEFINED_ENTITY: "er staat een onbekende entiteit (&...;)",
    errors.XML_ERROR_UNKNOWN_ENCODING: "de tekenset in de XML-kop is onbekend",
    errors.XML_ERROR_INCORRECT_ENCODING: "de tekenset in de XML-kop klopt niet met de inhoud",
    errors.XML_ERROR_BAD_CHAR_REF: "een tekencode (&#...;) noemt een teken dat in XML niet mag",
    errors.XML_ERROR_SYNTAX: "de opbouw van de XML klopt niet",
}


def _where(exc: ParseError, data: bytes) -> str:
    """': regel 3, kolom 9: <reason in Dutch>', or '' when expat gave no position."""
    position = getattr(exc, "position", None)
    if not position:
        return ""
    line, column = position
    english = errors.messages.get(getattr(exc, "code", 0), "")
    reason = _REASONS.get(english, "de opbouw van de XML klopt niet")
    control = _control_on_line(data, line) if english == errors.XML_ERROR_INVALID_TOKEN else None
    if control:
        reason = control
    elif english == errors.XML_ERROR_INVALID_TOKEN and not _is_utf8(data):
        reason = (
            "daar staat een teken dat geen UTF-8 is; het bestand lijkt in een andere "
            "tekenset (zoals Windows-1252/Latin-1) opgeslagen. Maak de uitvoer opnieuw in UTF-8"
        )
    return f": fout op regel {line}, kolom {column + 1}: {reason}"


def _control_on_line(data: bytes, line: int) -> str | None:
    """'in <achternaam> staat een onzichtbaar stuurteken (U+001B) ...' when `line` holds a
    control character (which XML 1.0 forbids), naming the element it stands in."""
    lines = data.split(b"\n")
    text = lines[line - 1] if 0 < line <= len(lines) else b""
    at = next((i for i, byte in enumerate(text) if byte < 0x20 and byte not in b"\t\r"), None)
    if at is None:
        return None
    element = re.search(rb"<([\w.:-]+)[^<>]*>[^<]*$", text[:at])
    where = f"in <{element.group(1).decode('ascii', 'replace')}> " if element else ""
    return (
        f"{where}staat een onzichtbaar stuurteken (U+{text[at]:04X}), dat in XML niet mag; "
        "pas de gegevens aan in het LAS"
    )


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
