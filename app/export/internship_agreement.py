"""The internship agreement (stageovereenkomst): parties, period, hours, supervision,
learning goals and the signatures of student, parent/guardian (for minors), employer and
school. Takes plain data; never a session."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from app.export.pdf import (
    PageFrame,
    document_title,
    format_date,
    key_values,
    markup,
    para,
    render,
    signature_lines,
    styles,
)

TERMS = [
    "De stage is onderdeel van het onderwijsprogramma van de leerling; de leerling blijft "
    "ingeschreven bij de school en ontvangt geen loon. Een stagevergoeding is toegestaan.",
    "De werkgever zorgt voor een veilige werkplek, passend werk bij de leerdoelen en een "
    "vaste praktijkbegeleider, en houdt zich aan de regels voor werk door jongeren.",
    "De leerling volgt de aanwijzingen van de praktijkbegeleider op en meldt zich bij ziekte "
    "of verhindering vóór aanvang af bij de werkgever én bij de school.",
    "De school begeleidt de leerling, bezoekt de stageplek en evalueert de stage met de "
    "praktijkbegeleider. Bij problemen nemen werkgever en school direct contact op.",
    "De school heeft een aansprakelijkheids- en ongevallenverzekering die ook geldt tijdens "
    "de stage. De werkgever meldt schade of een ongeval meteen aan de school.",
    "Werkgever en leerling houden geheim wat zij tijdens de stage vertrouwelijk te weten "
    "komen. Elke partij kan de stage na overleg met de anderen beëindigen.",
]


@dataclass(frozen=True)
class AgreementData:
    school_name: str
    school_contact: str
    student_name: str
    student_birth_date: date | None
    student_class: str
    student_address: str
    is_minor: bool
    guardian_names: list[str]
    employer_name: str
    employer_address: str
    sector: str
    supervisor: str
    supervisor_contact: str
    kind: str
    start_date: date
    end_date: date | None
    days: str
    hours_per_week: int | None
    learning_goals: str
    printed_on: date
    extra: list[tuple[str, str]] = field(default_factory=list)


def render_agreement(data: AgreementData) -> bytes:
    """The agreement as PDF bytes, A4, with one signature block per party."""
    st = styles()
    story = document_title(
        "Stageovereenkomst", f"{data.kind} van {data.student_name} bij {data.employer_name}"
    )
    story.append(para("Partijen", st.heading))
    story.append(
        key_values(
            [
                ("Leerling", data.student_name),
                ("Geboortedatum", format_date(data.student_birth_date)),
                ("Klas", data.student_class),
                ("Adres", data.student_address),
                *(
                    [("Ouder / verzorger", ", ".join(data.guardian_names) or "—")]
                    if data.is_minor
                    else []
                ),
                ("Werkgever (stagebedrijf)", data.employer_name),
                ("Adres stageplek", data.employer_address),
                ("Sector", data.sector),
                ("School", data.school_name),
                ("Namens de school", data.school_contact),
            ]
        )
    )
    story.append(para("De stage", st.heading))
    hours = f"{data.hours_per_week} uur per week" if data.hours_per_week else "—"
    story.append(
        key_values(
            [
                ("Soort stage", data.kind),
                ("Begindatum", format_date(data.start_date)),
                ("Einddatum", format_date(data.end_date)),
                ("Stagedagen", data.days or "—"),
                ("Uren", hours),
                ("Praktijkbegeleider", data.supervisor or "—"),
                ("Bereikbaar via", data.supervisor_contact or "—"),
                *data.extra,
            ]
        )
    )
    story.append(para("Leerdoelen", st.heading))
    story.append(para(data.learning_goals or "Nog in te vullen met de leerling.", st.body))
    story.append(para("Afspraken", st.heading))
    for n, term in enumerate(TERMS, start=1):
        story.append(para(f"{n}. {term}", st.cell))
        story.append(Spacer(1, 2))
    signing = [para("Ondertekening", st.heading)]
    intro = "Voor akkoord, ieder met een eigen exemplaar."
    if data.is_minor:
        intro += " De leerling is minderjarig: een ouder of verzorger tekent mee."
    signing.append(para(intro, st.body))
    signers = [("Leerling", data.student_name)]
    if data.is_minor:
        signers.append(("Ouder / verzorger", ", ".join(data.guardian_names)))
    signers.append(("Werkgever", f"{data.employer_name}, namens deze: {data.supervisor}"))
    signers.append(("School", f"{data.school_name}, namens deze: {data.school_contact}"))
    for role, who in signers:
        signing.append(Spacer(1, 3 * mm))
        signing.append(markup(f"<b>{escape(role)}</b>: {escape(who)}", st.cell))
        signing.append(signature_lines(["Handtekening"]))
    # The signatures stay on one page with their heading: a lone name above a page break
    # would invite signing the wrong line.
    story.append(KeepTogether(signing))
    story.append(Spacer(1, 4 * mm))
    story.append(markup(f"<i>Afgedrukt op {format_date(data.printed_on)}.</i>", st.small))
    frame = PageFrame(
        title=f"Stageovereenkomst {data.student_name}",
        school=data.school_name,
        footer="Stageovereenkomst; bevat persoonsgegevens van een leerling.",
        confidential=True,
    )
    return render(story, frame)
