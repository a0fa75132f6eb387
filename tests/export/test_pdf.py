"""The shared PDF frame: Dutch text survives, user text is escaped, pages are numbered."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.platypus import PageBreak

from app.export import pdf


def _text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_user_text_with_markup_characters_prints_as_typed() -> None:
    story = [
        *pdf.document_title("Verslag", "Gesprek met ouders"),
        pdf.para("Jan & Zoë <de Vries> — één afspraak"),
        pdf.table([["Wie", "Wat"], ["Moeder", "Belt de gemeente & UWV"]], [60, 200]),
        pdf.signature_lines(["Ouder of verzorger", "School"]),
    ]
    data = pdf.render(story, pdf.PageFrame(title="Verslag", school="De Koers VSO"))

    (text,) = _text(data)
    assert "Jan & Zoë <de Vries> — één afspraak" in text
    assert "Belt de gemeente & UWV" in text
    assert "Ouder of verzorger" in text and "Datum" in text


def test_every_page_carries_the_footer_and_its_number() -> None:
    story = [pdf.para("Eerste"), PageBreak(), pdf.para("Tweede")]
    frame = pdf.PageFrame(
        title="Overdracht",
        school="De Koers VSO",
        footer="Toestemming: 01-09-2026",
        confidential=True,
    )

    pages = _text(pdf.render(story, frame))

    assert len(pages) == 2
    for number, text in enumerate(pages, start=1):
        assert "Toestemming: 01-09-2026" in text
        assert "VERTROUWELIJK" in text
        assert f"pagina {number} van 2" in text
