"""Printing a document in Dutch with the parents' language under each fixed text.

School and parents read the same page: every heading, label and fixed sentence stands in
Dutch, with the translation right under it in a quieter colour. What a user typed (the
summary of a conversation, an agreement) stays Dutch and is marked so in the parents'
language. With Dutch chosen, the documents look exactly as before: Dutch only.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer

from app.export import pdf
from app.export.parent_texts import SOURCE, LanguageFile, load
from app.export.script_text import translated_paragraph

TRANSLATION_COLOUR = colors.HexColor("#35566e")


@dataclass(frozen=True)
class _Styles:
    heading: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    small: ParagraphStyle


def _translation_styles(rtl: bool) -> _Styles:
    st = pdf.styles()
    align = {"alignment": TA_RIGHT} if rtl else {}
    return _Styles(
        heading=ParagraphStyle(
            "tr-heading",
            parent=st.heading,
            fontSize=11.5,
            leading=15,
            spaceBefore=0,
            textColor=TRANSLATION_COLOUR,
            **align,
        ),
        body=ParagraphStyle(
            "tr-body", parent=st.body, textColor=TRANSLATION_COLOUR, spaceBefore=2, **align
        ),
        cell=ParagraphStyle("tr-cell", parent=st.cell, textColor=TRANSLATION_COLOUR, **align),
        small=ParagraphStyle(
            "tr-small", parent=st.small, textColor=TRANSLATION_COLOUR, leading=11.5, **align
        ),
    )


class Bilingual:
    """The texts of one document: Dutch always, and the parents' language when chosen."""

    def __init__(self, language: str | LanguageFile | None = None) -> None:
        chosen = load(language) if isinstance(language, str) else language
        self.dutch = load(SOURCE)
        self.other: LanguageFile | None = (
            chosen if chosen is not None and chosen.code != SOURCE else None
        )
        self.styles = _translation_styles(bool(self.other and self.other.rtl))

    @property
    def code(self) -> str:
        return self.other.code if self.other else SOURCE

    def nl(self, key: str, **values: str) -> str:
        return self.dutch.text(key, **values)

    def translation(self, key: str, **values: str) -> str | None:
        return self.other.text(key, **values) if self.other else None

    def under(self, text: str | None, style: ParagraphStyle) -> list[Flowable]:
        """`text` (already in the parents' language) as a translation line, or nothing."""
        if text is None or self.other is None:
            return []
        return [translated_paragraph(text, style, self.other.code)]

    # --- pieces of a document -----------------------------------------------------------
    def heading(self, key: str, **values: str) -> list[Flowable]:
        parts: list[Flowable] = [pdf.para(self.nl(key, **values), pdf.styles().heading)]
        return parts + self.under(self.translation(key, **values), self.styles.heading)

    def body(self, key: str, style: ParagraphStyle | None = None, **values: str) -> list[Flowable]:
        """A fixed sentence: Dutch, then its translation under it."""
        parts: list[Flowable] = [pdf.para(self.nl(key, **values), style or pdf.styles().body)]
        small = style is pdf.styles().small
        under = self.styles.small if small else self.styles.body
        return parts + self.under(self.translation(key, **values), under)

    def joined(self, keys: list[str], style: ParagraphStyle | None = None) -> list[Flowable]:
        """Several fixed sentences as one paragraph (one line break between them)."""
        dutch = "\n".join(self.nl(k) for k in keys)
        parts: list[Flowable] = [pdf.para(dutch, style or pdf.styles().body)]
        if self.other is None:
            return parts
        return parts + self.under("\n".join(self.other.text(k) for k in keys), self.styles.body)

    def beside_value(self, dutch: str, translated: str | None) -> Flowable | list[Flowable]:
        """A value cell: the Dutch value, with its translation under it when there is one."""
        value = pdf.para(dutch, pdf.styles().cell)
        return [value, *self.under(translated, self.styles.small)] if translated else value

    def label(self, key: str, *, bold: bool = True, **values: str) -> Flowable | list[Flowable]:
        """A table label or header: Dutch, with the translation in small type under it."""
        st = pdf.styles()
        dutch = pdf.para(self.nl(key, **values), st.cell_bold if bold else st.cell)
        if self.other is None:
            return dutch
        return [dutch, *self.under(self.translation(key, **values), self.styles.small)]

    def value(self, key: str, **values: str) -> Flowable | list[Flowable]:
        """A fixed value in a table cell ("Nog niet"): like a label, not bold."""
        return self.label(key, bold=False, **values)

    def explanation(self, word: str, key: str) -> list[Flowable]:
        """A Dutch domain word with its explanation, in Dutch and translated."""
        st = pdf.styles()
        parts: list[Flowable] = [pdf.markup(f"<b>{word}</b>: {self.nl(key)}", st.explain)]
        translation = self.translation(key)
        if translation is not None:
            parts += self.under(f"{word}: {translation}", self.styles.small)
        return parts

    def notice(self) -> list[Flowable]:
        """The one-line notice that an unchecked translation was made with a computer."""
        if self.other is None or self.other.checked:
            return []
        st = pdf.styles()
        return [
            pdf.para(self.nl("common.notice_unchecked"), st.small),
            *self.under(self.other.text("common.notice_unchecked"), self.styles.small),
            Spacer(1, 6),
        ]

    def free_text_mark(self) -> list[Flowable]:
        """Before text a user typed: in the parents' language, that it is written in Dutch."""
        if self.other is None:
            return []
        return self.under(self.other.text("common.free_text"), self.styles.small)

    def language_names(self) -> str:
        """ "Nederlands en Arabisch", or "Nederlands" (for footers and the export log)."""
        if self.other is None:
            return self.dutch.name
        return f"{self.dutch.name} en {self.other.name_nl}"
