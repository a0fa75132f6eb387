"""The look every printed Koers document shares: fonts, styles, page frame, tables, signatures.

Reports for parents, partners and the school itself are built from the same few pieces so
that they read alike. Writers here take plain data and return PDF bytes; they never touch a
database session. Text from users is escaped before it reaches reportlab's paragraph
markup, so a name with `&` or `<` prints as typed.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.core.resources import resource_path

FONT = "KoersSans"
BOLD = "KoersSans-Bold"
ITALIC = "KoersSans-Oblique"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
# The platypus frame keeps 6 pt padding on each side; tables fill what is left.
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN - 12

ACCENT = colors.HexColor("#1f5f8b")
LIGHT = colors.HexColor("#e8f0f6")
GRID = colors.HexColor("#b8c7d3")
MUTED = colors.HexColor("#555555")


@cache
def register_fonts() -> None:
    """DejaVu Sans, shipped in resources/, covers every Dutch letter (ë, é, ï, ĳ) and €."""
    from reportlab.lib.fonts import addMapping

    for name, file in ((FONT, "DejaVuSans.ttf"), (BOLD, "DejaVuSans-Bold.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(resource_path(f"fonts/{file}"))))
    pdfmetrics.registerFont(TTFont(ITALIC, str(resource_path("fonts/DejaVuSans-Oblique.ttf"))))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, BOLD)
    addMapping(FONT, 0, 1, ITALIC)
    addMapping(FONT, 1, 1, BOLD)


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    explain: ParagraphStyle


@cache
def styles() -> Styles:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=14.5, alignment=TA_LEFT)
    return Styles(
        title=ParagraphStyle(
            "title", parent=body, fontName=BOLD, fontSize=18, leading=22, textColor=ACCENT
        ),
        subtitle=ParagraphStyle("subtitle", parent=body, fontSize=11, textColor=MUTED),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=BOLD,
            fontSize=12.5,
            leading=16,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=4,
        ),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, textColor=MUTED),
        cell=ParagraphStyle("cell", parent=body, fontSize=9.5, leading=12.5),
        cell_bold=ParagraphStyle(
            "cell_bold", parent=body, fontName=BOLD, fontSize=9.5, leading=12.5
        ),
        explain=ParagraphStyle(
            "explain",
            parent=body,
            fontName=ITALIC,
            fontSize=9.5,
            leading=12.5,
            textColor=MUTED,
            leftIndent=6,
        ),
    )


def para(text: str | None, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of user text: markup characters escaped, line breaks kept."""
    safe = escape(text or "").replace("\n", "<br/>")
    return Paragraph(safe, style or styles().body)


def markup(text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of the app's own text, which may use <b> and <i>; never user input."""
    return Paragraph(text, style or styles().body)


def format_date(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else "—"


Cell = str | Flowable | list[Flowable] | None


def table(
    rows: Sequence[Sequence[Cell]],
    col_widths: Sequence[float],
    *,
    header: bool = True,
) -> Table:
    """A readable table: plain strings become wrapped paragraphs, the header row is shaded."""
    st = styles()
    cells = [
        [
            cell
            if isinstance(cell, Flowable | list)
            else para(cell, st.cell_bold if header and r == 0 else st.cell)
            for cell in row
        ]
        for r, row in enumerate(rows)
    ]
    commands: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), LIGHT))
    result = Table(cells, colWidths=list(col_widths), repeatRows=1 if header else 0, hAlign="LEFT")
    result.setStyle(TableStyle(commands))
    return result


def key_values(pairs: Sequence[tuple[Cell, Cell]], label_width: float = 45 * mm) -> Table:
    """Label / value lines without a grid, for the facts at the top of a document.

    A label is a string, or flowables (a Dutch label with its translation under it)."""
    st = styles()
    rows = [
        [
            para(label, st.cell_bold) if isinstance(label, str) or label is None else label,
            para(value or "—", st.cell) if isinstance(value, str) or value is None else value,
        ]
        for label, value in pairs
    ]
    result = Table(rows, colWidths=[label_width, CONTENT_WIDTH - label_width], hAlign="LEFT")
    result.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return result


def signature_lines(signers: Sequence[Cell], date_label: Cell = "Datum") -> Flowable:
    """One block per signer: the role or name, a line to sign on and a line for the date.

    A signer or the date label may be flowables: a Dutch label with its translation."""
    st = styles()

    def cell(value: Cell) -> Flowable | list[Flowable]:
        return para(value, st.cell_bold) if isinstance(value, str) or value is None else value

    rows = []
    for signer in signers:
        rows.append([cell(signer), "", cell(date_label), ""])
        rows.append(["", "", "", ""])
    plain = all(isinstance(s, str) for s in signers) and isinstance(date_label, str)
    block = Table(
        rows,
        colWidths=[55 * mm, 60 * mm, 24 * mm, CONTENT_WIDTH - 139 * mm],
        # With a translation under each label the label row grows to fit it.
        rowHeights=[14, 18] * len(signers) if plain else [None, 18] * len(signers),
        hAlign="LEFT",
    )
    commands: list[tuple] = [("VALIGN", (0, 0), (-1, -1), "BOTTOM")]
    for i in range(len(signers)):
        commands.append(("LINEBELOW", (1, 2 * i), (1, 2 * i), 0.6, colors.black))
        commands.append(("LINEBELOW", (3, 2 * i), (3, 2 * i), 0.6, colors.black))
    block.setStyle(TableStyle(commands))
    return KeepTogether([Spacer(1, 6), block])


@dataclass(frozen=True)
class PageFrame:
    """What every page shows around the content."""

    title: str
    school: str
    footer: str = ""
    confidential: bool = False
    author: str = "Koers"


def _numbered_canvas(frame: PageFrame) -> type[Canvas]:
    """A canvas that draws header and footer once the page count is known ("pagina 2 van 3")."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                _draw_frame(self, frame, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def _draw_frame(canvas: Canvas, frame: PageFrame, number: int, total: int) -> None:
    canvas.saveState()
    canvas.setFont(FONT, 8.5)
    canvas.setFillColor(MUTED)
    top = PAGE_HEIGHT - 12 * mm
    canvas.drawString(MARGIN + 6, top, frame.school)
    if frame.confidential:
        canvas.setFont(BOLD, 8.5)
        canvas.setFillColor(colors.HexColor("#9b1c1c"))
        canvas.drawRightString(PAGE_WIDTH - MARGIN - 6, top, "VERTROUWELIJK")
        canvas.setFont(FONT, 8.5)
        canvas.setFillColor(MUTED)
    y = 10 * mm
    for line in reversed(frame.footer.splitlines() or [""]):
        canvas.drawString(MARGIN + 6, y, line)
        y += 3.6 * mm
    canvas.setStrokeColor(GRID)
    canvas.line(MARGIN + 6, y, PAGE_WIDTH - MARGIN - 6, y)
    canvas.drawRightString(PAGE_WIDTH - MARGIN - 6, 10 * mm, f"pagina {number} van {total}")
    canvas.restoreState()


def render(story: list[Flowable], frame: PageFrame) -> bytes:
    """Lays the story out on A4 pages with the frame and returns the PDF bytes."""
    register_fonts()
    footer_lines = len(frame.footer.splitlines())
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=18 * mm,
        bottomMargin=max(20 * mm, (18 + 3.6 * footer_lines) * mm),
        title=frame.title,
        author=frame.author,
        creator="Koers",
        invariant=1,
    )
    doc.build(story, canvasmaker=_numbered_canvas(frame))
    return buffer.getvalue()


def document_title(title: str, subtitle: str | None = None) -> list[Flowable]:
    st = styles()
    parts: list[Flowable] = [para(title, st.title)]
    if subtitle:
        parts += [Spacer(1, 2), para(subtitle, st.subtitle)]
    parts.append(Spacer(1, 8))
    return parts
