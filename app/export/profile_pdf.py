"""The one-page profile ("leerling in beeld") for the student and the parents.

Plain data in, PDF bytes out. The four factors are drawn as the model's four quadrants;
everything is shrunk to fit one A4 page if a school uses many items.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, Spacer, Table, TableStyle

from app.export import pdf

QUADRANT_WIDTH = pdf.CONTENT_WIDTH / 2


@dataclass(frozen=True)
class FactorPrint:
    name: str
    meaning: str
    items: list[tuple[str, str, str]]  # label, score in words, note
    text: str = ""


@dataclass(frozen=True)
class ScaleLegend:
    """What the words of one scale mean, lowest first (items are scored on different scales)."""

    name: str
    words: list[str]


@dataclass(frozen=True)
class ProfilePrint:
    school: str
    student_name: str
    class_name: str
    birth_date: date | None
    assessed_on: date | None
    assessed_by: str
    with_whom: str
    jobs: list[tuple[str, str]]  # (label, job): the wish-job and the chance-job
    factors: list[FactorPrint]
    legend: list[ScaleLegend] = field(default_factory=list)
    decisions: list[tuple[date, str, str]] = field(default_factory=list)
    printed_on: date | None = None


def _quadrant(factor: FactorPrint) -> list[Flowable]:
    st = pdf.styles()
    parts: list[Flowable] = [
        pdf.para(factor.name, st.heading),
        pdf.para(factor.meaning, st.explain),
        Spacer(1, 3),
    ]
    if not factor.items and not factor.text:
        parts.append(pdf.para("Nog niet besproken.", st.cell))
    for label, score, note in factor.items:
        line = f"<b>{escape(label)}</b>"
        if score:
            line += f": {escape(score)}"
        if note:
            line += f"<br/><i>{escape(note)}</i>"
        parts.append(pdf.markup(line, st.cell))
        parts.append(Spacer(1, 2))
    if factor.text:
        parts += [Spacer(1, 3), pdf.para(factor.text, st.cell)]
    return parts


def _quadrants(factors: list[FactorPrint]) -> Table:
    cells = [[_quadrant(factors[0]), _quadrant(factors[1])]]
    cells.append([_quadrant(factors[2]), _quadrant(factors[3])])
    grid = Table(cells, colWidths=[QUADRANT_WIDTH, QUADRANT_WIDTH], hAlign="LEFT")
    grid.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOX", (0, 0), (-1, -1), 0.8, pdf.ACCENT),
                ("INNERGRID", (0, 0), (-1, -1), 0.8, pdf.ACCENT),
                ("BACKGROUND", (0, 0), (0, 0), pdf.LIGHT),
                ("BACKGROUND", (1, 1), (1, 1), pdf.LIGHT),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return grid


def render_profile(data: ProfilePrint) -> bytes:
    st = pdf.styles()
    story: list[Flowable] = [
        *pdf.document_title(
            f"Leerling in beeld: {data.student_name}", "Wat kan ik, wat wil ik, wie ben ik?"
        ),
        pdf.key_values(
            [
                ("Naam", data.student_name),
                ("Klas", data.class_name),
                ("Geboortedatum", pdf.format_date(data.birth_date)),
                ("Besproken op", pdf.format_date(data.assessed_on)),
                ("Wie waren erbij", data.with_whom),
                ("Ingevuld door", data.assessed_by),
            ],
            label_width=38 * mm,
        ),
        Spacer(1, 6),
        pdf.markup(
            "Werk past bij iemand als het past bij vier dingen: <b>Denken</b>, <b>Doen</b>, "
            "<b>Willen</b> en <b>Zijn</b>. Hieronder staat wat we samen hebben gezien.",
            st.body,
        ),
        Spacer(1, 6),
        _quadrants(data.factors),
        Spacer(1, 8),
        pdf.key_values(
            [(label, job or "Nog niet besproken") for label, job in data.jobs],
            label_width=38 * mm,
        ),
    ]
    if data.decisions:
        story += [pdf.para("Belangrijke beslissingen", st.heading)]
        rows: list[list[str | Flowable | None]] = [
            ["Datum", "Wat we hebben besloten", "Wie deden mee"]
        ]
        rows += [[pdf.format_date(d), text, who] for d, text, who in data.decisions]
        story.append(pdf.table(rows, [24 * mm, 90 * mm, pdf.CONTENT_WIDTH - 114 * mm]))
    scales = "; ".join(
        f"{legend.name.lower()}: {', '.join(w.lower() for w in legend.words)}"
        for legend in data.legend
    )
    meaning = f"De woorden bij elk punt betekenen, per soort punt: {scales}. " if scales else ""
    story += [
        Spacer(1, 6),
        pdf.para(meaning + "Vragen? Neem contact op met de mentor.", st.small),
    ]
    frame = pdf.PageFrame(
        title=f"Leerling in beeld — {data.student_name}",
        school=data.school,
        footer=f"Afgedrukt op {pdf.format_date(data.printed_on)}",
        confidential=True,
    )
    # One page, always: a long profile is set a little smaller instead of running over.
    height = pdf.PAGE_HEIGHT - 18 * mm - 22 * mm - 12
    fitted = KeepInFrame(pdf.CONTENT_WIDTH, height, story, mode="shrink")
    return pdf.render([fitted], frame)
