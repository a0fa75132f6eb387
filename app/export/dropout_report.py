"""The drop-out report for the municipality's safety net (vangnet), as a short PDF.

Takes plain data. It is a concept until the consent gate lets it leave the school; the
page says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.export.pdf import (
    PageFrame,
    document_title,
    format_date,
    key_values,
    markup,
    para,
    render,
    styles,
)


@dataclass(frozen=True)
class DropoutReport:
    school: str
    student_name: str
    birth_date: date | None
    address: str
    municipality: str
    phone: str
    left_on: date | None
    destination: str
    dropped_out_on: date
    signals: str
    action: str
    note: str
    mentor: str
    proposed_on: date


NOT_SENT = (
    "<b>Concept — niet verstuurd.</b> Deze melding verlaat de school pas als er toestemming "
    "is vastgelegd voor het vangnet van de gemeente. Koers heeft het voorstel alleen "
    "vastgelegd."
)


def render_dropout_report(report: DropoutReport) -> bytes:
    """One page: who, where the young person was, what the call found, who to contact."""
    st = styles()
    story = document_title(
        "Melding uitval aan het vangnet",
        f"Gemeente {report.municipality or 'onbekend'} — voorgesteld op "
        f"{format_date(report.proposed_on)}",
    )
    story += [
        markup(NOT_SENT, st.explain),
        para("Jongere", st.heading),
        key_values(
            [
                ("Naam", report.student_name),
                ("Geboortedatum", format_date(report.birth_date)),
                ("Adres", report.address),
                ("Woongemeente", report.municipality),
                ("Telefoon", report.phone),
            ]
        ),
        para("Uitstroom en uitval", st.heading),
        key_values(
            [
                ("Van school", format_date(report.left_on)),
                ("Bestemming", report.destination),
                ("Uitgevallen (gemeld)", format_date(report.dropped_out_on)),
                ("Signalen", report.signals or "geen"),
                ("Actie school", report.action),
            ]
        ),
        para("Uit het nazorgcontact", st.heading),
        para(report.note or "Geen notitie."),
        para("Contactpersoon school", st.heading),
        key_values([("Mentor (nazorg)", report.mentor), ("School", report.school)]),
    ]
    frame = PageFrame(
        title="Melding uitval aan het vangnet",
        school=report.school,
        footer="Vertrouwelijk: alleen voor het vangnet van de gemeente, met toestemming.",
        confidential=True,
    )
    return render(story, frame)
