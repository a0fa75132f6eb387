"""The internship agreement (stageovereenkomst): parties, period, hours, supervision,
learning goals and the signatures of student, parent/guardian (for minors), employer and
school. Takes plain data; never a session."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from app.export.bilingual import Bilingual
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

# The six standard terms are in resources/parent_texts ("agreement.term1".."term6").
TERMS = [f"agreement.term{n}" for n in range(1, 7)]


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
    language: str = "nl"  # a parent's language, printed under the Dutch of the fixed texts


def render_agreement(data: AgreementData) -> bytes:
    """The agreement as PDF bytes, A4, with one signature block per party.

    In another language than Dutch, every fixed text (headings, labels, the terms and the
    part for the parent) has its translation under it; what was typed stays Dutch."""
    st = styles()
    texts = Bilingual(data.language)
    label = texts.label
    story = document_title(
        texts.nl("agreement.title"), f"{data.kind} van {data.student_name} bij {data.employer_name}"
    )
    if texts.other is not None:
        story.pop()
        story += texts.under(texts.translation("agreement.title"), texts.styles.heading)
        story.append(Spacer(1, 6))
    story += texts.notice()
    story += texts.heading("agreement.parties")
    story.append(
        key_values(
            [
                (label("agreement.student"), data.student_name),
                (label("agreement.birth_date"), format_date(data.student_birth_date)),
                (label("agreement.class"), data.student_class),
                (label("agreement.address"), data.student_address),
                *(
                    [(label("agreement.guardian"), ", ".join(data.guardian_names) or "—")]
                    if data.is_minor
                    else []
                ),
                (label("agreement.employer"), data.employer_name),
                (label("agreement.employer_address"), data.employer_address),
                (label("agreement.sector"), data.sector),
                (label("agreement.school"), data.school_name),
                (label("agreement.school_contact"), data.school_contact),
            ]
        )
    )
    story += texts.heading("agreement.internship")
    hours = f"{data.hours_per_week} uur per week" if data.hours_per_week else "—"
    story.append(
        key_values(
            [
                (label("agreement.kind"), data.kind),
                (label("agreement.start"), format_date(data.start_date)),
                (label("agreement.end"), format_date(data.end_date)),
                (label("agreement.days"), data.days or "—"),
                (label("agreement.hours"), hours),
                (label("agreement.supervisor"), data.supervisor or "—"),
                (label("agreement.reachable"), data.supervisor_contact or "—"),
                *data.extra,
            ]
        )
    )
    story += texts.heading("agreement.goals")
    if data.learning_goals:
        story += texts.free_text_mark()
        story.append(para(data.learning_goals, st.body))
    else:
        story += texts.body("agreement.goals_empty")
    story += texts.heading("agreement.terms")
    for n, term in enumerate(TERMS, start=1):
        story.append(para(f"{n}. {texts.nl(term)}", st.cell))
        translated = texts.translation(term)
        if translated is not None:
            story += texts.under(f"{n}. {translated}", texts.styles.cell)
        story.append(Spacer(1, 2))
    signing = texts.heading("agreement.signing")
    signing += texts.body("agreement.sign_intro")
    if data.is_minor:
        signing += texts.body("agreement.sign_minor")
        if texts.other is not None:
            signing += texts.body("agreement.parent_part")
    signers = [("agreement.signer_student", data.student_name)]
    if data.is_minor:
        signers.append(("agreement.signer_parent", ", ".join(data.guardian_names)))
    signers.append(
        ("agreement.signer_employer", f"{data.employer_name}, namens deze: {data.supervisor}")
    )
    signers.append(
        ("agreement.signer_school", f"{data.school_name}, namens deze: {data.school_contact}")
    )
    for role, who in signers:
        signing.append(Spacer(1, 3 * mm))
        signing.append(markup(f"<b>{escape(texts.nl(role))}</b>: {escape(who)}", st.cell))
        signing += texts.under(texts.translation(role), texts.styles.small)
        signing.append(
            signature_lines([label("common.signature")], label("common.date"))
            if texts.other
            else signature_lines(["Handtekening"])
        )
    # The signatures stay on one page with their heading: a lone name above a page break
    # would invite signing the wrong line.
    story.append(KeepTogether(signing))
    story.append(Spacer(1, 4 * mm))
    printed = texts.nl("agreement.printed", date=format_date(data.printed_on))
    story.append(markup(f"<i>{escape(printed)}</i>", st.small))
    footer = "Stageovereenkomst; bevat persoonsgegevens van een leerling."
    if texts.other is not None:
        footer = f"{footer}\nIn het {texts.language_names()}.\n "
    frame = PageFrame(
        title=f"Stageovereenkomst {data.student_name}",
        school=data.school_name,
        footer=footer,
        confidential=True,
    )
    return render(story, frame)
