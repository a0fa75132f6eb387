"""Reading XML from outside (EDEXML from the LAS) without its tricks.

defusedxml refuses every document type declaration, and with it entity expansion
("billion laughs") and external entities or DTDs (which could read local files or call
out to a server). Size is limited before parsing. Every refusal is an ImportFileError
with a Dutch message; nothing is imported from a file that fails here.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element, ParseError

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
        raise ImportFileError(f"{what} is geen geldig XML-bestand{_where(exc)}.") from None
    except (ValueError, LookupError):  # e.g. an encoding Python does not know
        raise ImportFileError(f"{what} is geen geldig XML-bestand.") from None


def _where(exc: ParseError) -> str:
    position = getattr(exc, "position", None)
    if not position:
        return ""
    line, column = position
    return f": fout op regel {line}, kolom {column + 1}"
