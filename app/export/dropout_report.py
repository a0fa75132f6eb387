"""The drop-out report for the municipality's safety net (vangnet), as a short PDF.

Takes plain data. Without a `Sending` it is a concept (the page says so); once the consent
gate allowed it, the page names the recipient and the consent it rests on instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Spacer

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


@dataclass(frozen=True)
class Sending:
    """Who receives the report, when, and the consent (or legal basis) it rests on."""

    recipient: str
    sent_on: date
    basis_lines: list[str]


NOT_SENT = (
    "<b>Concept — niet verstuurd.</b> Deze melding verlaat de school pas als er toestemming "
    "is vastgelegd voor het vangnet van de gemeente. Koers heeft het voorstel alleen "
    "vastgelegd."
)


def render_dropout_report(report: DropoutReport, sending: Sending | None = None) -> bytes:
    """One page: who, where the young person was, what the call found, who to contact."""
    st = styles()
    if sending is None:
        subtitle = (
            f"Gemeente {report.municipality or 'onbekend'} — voorgesteld op "
            f"{format_date(report.proposed_on)}"
        )
        opening = [markup(NOT_SENT, st.explain)]
        footer = "Vertrouwelijk: alleen voor het vangnet van de gemeente, met toestemming."
    else:
        subtitle = f"Voor {sending.recipient} — opgemaakt op {format_date(sending.sent_on)}"
        opening = [para("Grondslag voor deze melding", st.heading)]
        opening += [para(line) for line in sending.basis_lines]
        footer = "\n".join(["Vertrouwelijk.", *sending.basis_lines[:2]])
    story = document_title("Melding uitval aan het vangnet", subtitle)
    story += [
        *opening,
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
        Spacer(1, 8),
        para(
            "Deze melding is vertrouwelijk: gebruik haar alleen om de jongere weer op weg te "
            "helpen en deel haar niet verder zonder nieuwe toestemming.",
            st.small,
        ),
    ]
    frame = PageFrame(
        title=f"Melding uitval {report.student_name}",
        school=report.school,
        footer=footer,
        confidential=True,
    )
    return render(story, frame)
