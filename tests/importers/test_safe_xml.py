"""XML from outside: entity bombs, external entities and DTDs, empty, broken and oversize
files are refused with a Dutch message; a normal document parses."""

from __future__ import annotations

import pytest

from app.core.errors import KoersError
from app.importers.paths import ImportFileError
from app.importers.safe_xml import parse_xml

NORMAL = """<?xml version="1.0" encoding="UTF-8"?>
<EDEX xmlns="http://www.edustandaard.nl/edex/2.1">
  <school><brin>12AB</brin><naam>De Horizon</naam></school>
  <leerlingen>
    <leerling key="100234"><achternaam>Öztürk</achternaam><voornamen>Zoë</voornamen></leerling>
  </leerlingen>
</EDEX>
""".encode()

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<lolz>&lol9;</lolz>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE leerling [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<leerling><naam>&xxe;</naam></leerling>"""

EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE leerling SYSTEM "http://127.0.0.1:9/evil.dtd">
<leerling><naam>Sanne</naam></leerling>"""

PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE x [ <!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd"> %remote; ]>
<x/>"""


def test_a_normal_document_parses() -> None:
    root = parse_xml(NORMAL)
    ns = "{http://www.edustandaard.nl/edex/2.1}"
    assert root.tag == f"{ns}EDEX"
    student = root.find(f"{ns}leerlingen/{ns}leerling")
    assert student is not None and student.get("key") == "100234"
    assert student.findtext(f"{ns}achternaam") == "Öztürk"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (BILLION_LAUGHS, "documenttypedefinitie"),
        (EXTERNAL_ENTITY, "documenttypedefinitie"),
        (EXTERNAL_DTD, "documenttypedefinitie"),
        (PARAMETER_ENTITY, "documenttypedefinitie"),
        (b"", "is leeg"),
        (b"  \n\t ", "is leeg"),
        (NORMAL[: len(NORMAL) // 2], "geen geldig XML-bestand: fout op regel"),
        (b"<a><b></a>", "geen geldig XML-bestand: fout op regel 1, kolom 9"),
        (b"geen xml", "geen geldig XML-bestand"),
        (b'<?xml version="1.0" encoding="klingon"?><a/>', "geen geldig XML-bestand"),
    ],
    ids=[
        "billion-laughs",
        "external-entity",
        "external-dtd",
        "parameter-entity",
        "empty",
        "whitespace",
        "truncated",
        "mismatched-tag",
        "not-xml",
        "unknown-encoding",
    ],
)
def test_tricks_and_broken_files_are_refused_in_dutch(data: bytes, expected: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        parse_xml(data, source="leerlingen.xml")
    assert isinstance(caught.value, KoersError)
    assert caught.value.message.startswith("Het bestand 'leerlingen.xml'")
    assert expected in caught.value.message
    assert "passwd" not in caught.value.message and "root:" not in caught.value.message


def test_an_oversize_file_is_refused_before_parsing() -> None:
    big = b"<a>" + b"x" * 2_000 + b"</a>"
    with pytest.raises(ImportFileError) as caught:
        parse_xml(big, max_bytes=1_000)
    assert caught.value.message == (
        "Het bestand is te groot (2,0 kB); Koers leest XML-bestanden tot 1000 bytes."
    )
    assert parse_xml(big, max_bytes=len(big)).text == "x" * 2_000


def test_a_truncated_document_names_the_line() -> None:
    with pytest.raises(ImportFileError) as caught:
        parse_xml(NORMAL[:-12])
    assert caught.value.message.endswith(
        "fout op regel 6, kolom 3: het bestand houdt midden in een tag op."
    )
