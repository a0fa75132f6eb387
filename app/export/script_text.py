"""Text in the parents' script: the right font for each letter, and Arabic right to left.

DejaVu Sans (the documents' font) has Latin and Cyrillic; Arabic and Ethiopic (Tigrinya) come
from Noto Naskh Arabic and Noto Sans Ethiopic, shipped in resources/fonts with their licence.
A line is split into runs, each in the first font that has all its letters, so a Dutch word
or a digit inside a Tigrinya sentence still prints.

ReportLab's own right-to-left support needs its `rlbidi` package, which is not on PyPI, so
Arabic is laid out here: `arabic_reshaper` gives each letter its joined form and
`python-bidi` (the Unicode bidirectional algorithm) puts each line in visual order. Its
`bidi.algorithm` implementation is used because it also mirrors brackets (rule L4); the
faster Rust one does not, and "(في المدرسة)" came out as ")في المدرسة(". Lines are
broken in reading order first and reordered one by one; reordering a whole paragraph and
letting ReportLab wrap it would print its lines bottom to top.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from arabic_reshaper import reshape
from bidi.algorithm import get_display
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph

from app.core.resources import resource_path
from app.export import pdf

LRM = "\u200e"
# A date or phone number: digits joined by - / . : or spaces ("20-11-2026", "030-1234567").
_NUMBER = re.compile(r"\d[\d\-/.: ]*\d")


def _keep_numbers_whole(text: str) -> str:
    """Marks each date or phone number as left-to-right. After an Arabic letter the
    bidirectional algorithm treats digits as Arabic numbers, which a hyphen does not join,
    so "20-11-2026" would print as "2026-11-20"; a left-to-right mark before it keeps it."""
    return _NUMBER.sub(lambda m: LRM + m.group(0), text)


def visual_line(line: str) -> str:
    """One line of Arabic in the order it is drawn: letters joined, right to left."""
    shown = get_display(reshape(_keep_numbers_whole(line)), base_dir="R")
    return shown.replace(LRM, "")


@dataclass(frozen=True)
class ScriptFont:
    """A registered regular/bold pair and the characters it can draw."""

    regular: str
    bold: str
    covers: frozenset[int]


@cache
def _script_font(regular: str, bold: str, file_stem: str) -> ScriptFont:
    font = TTFont(regular, str(resource_path(f"fonts/{file_stem}-Regular.ttf")))
    pdfmetrics.registerFont(font)
    pdfmetrics.registerFont(TTFont(bold, str(resource_path(f"fonts/{file_stem}-Bold.ttf"))))
    return ScriptFont(regular, bold, frozenset(font.face.charToGlyph))


@cache
def _base_font() -> ScriptFont:
    pdf.register_fonts()
    covers = frozenset(pdfmetrics.getFont(pdf.FONT).face.charToGlyph)
    return ScriptFont(pdf.FONT, pdf.BOLD, covers)


def fonts_for(language: str) -> tuple[ScriptFont, ...]:
    """The fonts a language's text is drawn with, in the order they are tried."""
    if language == "ar":
        return (_script_font("KoersArabic", "KoersArabic-Bold", "NotoNaskhArabic"), _base_font())
    if language == "ti":
        return (
            _script_font("KoersEthiopic", "KoersEthiopic-Bold", "NotoSansEthiopic"),
            _base_font(),
        )
    return (_base_font(),)


def missing_characters(text: str, language: str) -> set[str]:
    """Characters of `text` (as printed, so Arabic in its joined forms) no font can draw."""
    fonts = fonts_for(language)
    printed = reshape(text) if language == "ar" else text
    return {c for c in printed if not c.isspace() and not any(ord(c) in f.covers for f in fonts)}


def runs(text: str, fonts: Sequence[ScriptFont], bold: bool = False) -> list[tuple[str, str]]:
    """`text` cut into (piece, font name) runs. Spaces join the run they stand in, so a
    sentence is a few runs, not one per word."""
    found: list[tuple[str, str]] = []
    for char in text:
        code = ord(char)
        if char == " " and found:
            font = found[-1][1]
        else:
            chosen = next((f for f in fonts if code in f.covers), fonts[-1])
            font = chosen.bold if bold else chosen.regular
        if found and found[-1][1] == font:
            found[-1] = (found[-1][0] + char, font)
        else:
            found.append((char, font))
    return found


def _markup(text: str, fonts: Sequence[ScriptFont], bold: bool) -> str:
    return "".join(
        f'<font face="{font}">{escape(piece)}</font>' for piece, font in runs(text, fonts, bold)
    )


def _is_bold(style: ParagraphStyle) -> bool:
    return style.fontName.endswith("-Bold")


def translated_paragraph(text: str, style: ParagraphStyle, language: str) -> Flowable:
    """A paragraph of the app's own translated text in `language` (no markup inside)."""
    fonts = fonts_for(language)
    if language == "ar":
        return RightToLeft(text, style, fonts)
    if len(fonts) == 1:
        return Paragraph(escape(text).replace("\n", "<br/>"), style)
    lines = [_markup(line, fonts, _is_bold(style)) for line in text.split("\n")]
    return Paragraph("<br/>".join(lines), style)


class RightToLeft(Flowable):
    """A right-aligned paragraph of Arabic: broken into lines in reading order, each line
    joined (reshaped) and put in visual order, then drawn run by run from the right edge."""

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        fonts: Sequence[ScriptFont],
        lines: list[list[tuple[str, str, float]]] | None = None,
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.fonts = tuple(fonts)
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter
        self._lines = lines
        self._width = 0.0

    def _run_width(self, text: str) -> float:
        size = self.style.fontSize
        bold = _is_bold(self.style)
        return sum(pdfmetrics.stringWidth(p, f, size) for p, f in runs(text, self.fonts, bold))

    def _break(self, width: float) -> list[list[tuple[str, str, float]]]:
        usable = width - self.style.leftIndent - self.style.rightIndent
        logical: list[str] = []
        for paragraph in self.text.split("\n"):
            line = ""
            for word in paragraph.split():
                candidate = f"{line} {word}" if line else word
                if line and self._run_width(reshape(candidate)) > usable:
                    logical.append(line)
                    line = word
                else:
                    line = candidate
            logical.append(line)
        bold = _is_bold(self.style)
        size = self.style.fontSize
        return [
            [
                (piece, font, pdfmetrics.stringWidth(piece, font, size))
                for piece, font in runs(visual_line(line), self.fonts, bold)
            ]
            for line in logical
        ]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._lines is None or self._width != availWidth:
            self._lines = self._break(availWidth)
        self._width = availWidth
        self.height = len(self._lines) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        assert self._lines is not None
        fit = int(availHeight // self.style.leading)
        if fit <= 0 or fit >= len(self._lines):
            return [] if fit <= 0 else [self]
        first = RightToLeft(self.text, self.style, self.fonts, self._lines[:fit])
        rest = RightToLeft(self.text, self.style, self.fonts, self._lines[fit:])
        first._width = rest._width = availWidth
        return [first, rest]

    def draw(self) -> None:
        assert self._lines is not None
        canvas = self.canv
        style = self.style
        canvas.saveState()
        canvas.setFillColor(style.textColor)
        right = self._width - style.rightIndent
        for number, line in enumerate(self._lines):
            baseline = self.height - number * style.leading - style.fontSize
            x = right - sum(width for _, _, width in line)
            for piece, font, width in line:
                canvas.setFont(font, style.fontSize)
                canvas.drawString(x, baseline, piece)
                x += width
        canvas.restoreState()
