"""The transition report (overdrachtsdossier) and the consent form, as PDF.

Both take plain data. The report holds only the sections it is given: the service leaves
out (None) every section the consent gate refused, so nothing here decides what may go.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from app.export.bilingual import Bilingual
from app.export.pdf import (
    CONTENT_WIDTH,
    PageFrame,
    document_title,
    key_values,
    markup,
    para,
    render,
    signature_lines,
    styles,
    table,
)


@dataclass(frozen=True)
class ProfileSection:
    assessed_on: str
    # (label, text): the four factors, then the wish-job and chance-job, labelled by the
    # service in the words the app uses.
    rows: list[tuple[str, str]] = field(default_factory=list)
    # (date, decision, who took part and whether each agreed)
    key_decisions: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class InternshipLine:
    kind: str
    employer: str
    period: str
    status: str
    outcome: str


@dataclass(frozen=True)
class PathSection:
    outflow_profile: str
    current_phase: str  # "Transitiestage, 01-09-2025 – heden (gepland tot 30-06-2026)"
    destination: str
    destination_place: str
    destination_date: str
    lead_after_school: str
    phases: list[tuple[str, str, str]] = field(default_factory=list)  # phase, period, lead
    instruments: list[tuple[str, str, str]] = field(default_factory=list)  # kind, status, period
    events: list[tuple[str, str, str]] = field(default_factory=list)  # date, what, reason


@dataclass(frozen=True)
class AgreementLine:
    what: str
    who: str
    due: str
    agreed_on: str


@dataclass(frozen=True)
class AftercareLine:
    made_on: str
    reached: str  # how, and whether the former student was reached
    still: str
    signals: str
    action: str  # the action taken and the call's note


@dataclass(frozen=True)
class TransitionReport:
    """Everything the PDF shows. A section is None when it may not be shared."""

    school_name: str
    student_name: str
    birth_date: str
    las_key: str
    municipality: str
    leaving_date: str  # "10-07-2026 (gepland)" while the student has not left yet
    recipient: str
    school_contact: str
    school_phone: str
    school_email: str
    made_on: str
    made_by: str
    basis_lines: list[str]
    left_out: list[str]
    profile: ProfileSection | None = None
    internships: list[InternshipLine] | None = None
    path: PathSection | None = None
    agreements: list[AgreementLine] | None = None
    aftercare: list[AftercareLine] | None = None


def _dash(value: str | None) -> str:
    return value if value else "—"


def _heading(title: str) -> list[Flowable]:
    """A section heading that never stands alone at the foot of a page."""
    return [CondPageBreak(30 * mm), para(title, styles().heading)]


def report_story(report: TransitionReport) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = document_title(
        "Overdrachtsdossier",
        f"{report.student_name} — voor {report.recipient}",
    )
    story.append(
        key_values(
            [
                ("Leerling", report.student_name),
                ("Geboortedatum", report.birth_date),
                ("Leerlingnummer", report.las_key),
                ("Woongemeente", report.municipality),
                ("School", report.school_name),
                ("Uitstroomdatum", report.leaving_date),
                ("Contactpersoon school", report.school_contact),
                ("Telefoon school", report.school_phone),
                ("E-mail school", report.school_email),
                ("Ontvanger", report.recipient),
            ]
        )
    )
    story.append(Spacer(1, 4))
    story += _heading("Grondslag voor dit dossier")
    for line in report.basis_lines:
        story.append(para(line, st.body))
    if report.left_out:
        story.append(
            para(
                "Niet opgenomen, omdat daarvoor geen toestemming of grondslag is: "
                + ", ".join(report.left_out)
                + ".",
                st.explain,
            )
        )
    if report.path is not None:
        path = report.path
        story += _heading("Uitstroomprofiel en bestemming")
        story.append(
            key_values(
                [
                    ("Uitstroomprofiel", path.outflow_profile),
                    ("Huidige fase", path.current_phase),
                    ("Bestemming", path.destination),
                    ("Plaats", path.destination_place),
                    ("Sinds", path.destination_date),
                    ("Regie na school", path.lead_after_school),
                ]
            )
        )
        if path.phases:
            story += _heading("Fasen van het traject")
            story.append(
                table(
                    [("Fase", "Periode", "Regie"), *path.phases],
                    [32 * mm, 84 * mm, CONTENT_WIDTH - 116 * mm],
                )
            )
        story += _heading("Instrumenten")
        if path.instruments:
            story.append(
                table(
                    [("Instrument", "Status", "Periode"), *path.instruments],
                    [70 * mm, 40 * mm, CONTENT_WIDTH - 110 * mm],
                )
            )
        else:
            story.append(para("Geen instrumenten vastgelegd.", st.explain))
        if path.events:
            story += _heading("Verloop")
            story.append(
                table(
                    [("Datum", "Gebeurtenis", "Toelichting"), *path.events],
                    [25 * mm, 65 * mm, CONTENT_WIDTH - 90 * mm],
                )
            )
    if report.profile is not None:
        profile = report.profile
        # The profile is short: kept on one page, so the four factors read as one whole.
        story.append(
            KeepTogether(
                [
                    para("Profiel", st.heading),
                    para(f"Laatst besproken op {profile.assessed_on}.", st.explain)
                    if profile.assessed_on
                    else para("Er is nog geen profiel besproken.", st.explain),
                    table(
                        [
                            ("Factor", "Beschrijving"),
                            *((name, _dash(value)) for name, value in profile.rows),
                        ],
                        [35 * mm, CONTENT_WIDTH - 35 * mm],
                    ),
                ]
            )
        )
        if profile.key_decisions:
            story += _heading("Sleutelbeslissingen")
            story.append(
                table(
                    [("Datum", "Beslissing", "Wie deden mee (eens?)"), *profile.key_decisions],
                    [25 * mm, CONTENT_WIDTH - 95 * mm, 70 * mm],
                )
            )
    if report.internships is not None:
        story += _heading("Stages")
        if report.internships:
            story.append(
                table(
                    [
                        ("Soort", "Bedrijf", "Periode", "Status", "Uitkomst"),
                        *(
                            (i.kind, i.employer, i.period, i.status, _dash(i.outcome))
                            for i in report.internships
                        ),
                    ],
                    [30 * mm, 38 * mm, 28 * mm, 24 * mm, CONTENT_WIDTH - 120 * mm],
                )
            )
        else:
            story.append(para("Geen stages vastgelegd.", st.explain))
    if report.agreements is not None:
        story += _heading("Afspraken die nog openstaan")
        if report.agreements:
            story.append(
                table(
                    [
                        ("Afspraak", "Wie", "Vóór", "Gemaakt op"),
                        *((a.what, a.who, _dash(a.due), a.agreed_on) for a in report.agreements),
                    ],
                    [CONTENT_WIDTH - 100 * mm, 45 * mm, 27 * mm, 28 * mm],
                )
            )
        else:
            story.append(para("Er staan geen afspraken meer open.", st.explain))
    if report.aftercare is not None:
        story += _heading("Nazorg")
        if report.aftercare:
            story.append(
                table(
                    [
                        ("Datum", "Contact", "Nog op de plek", "Signalen", "Actie en notitie"),
                        *(
                            (a.made_on, a.reached, a.still, _dash(a.signals), _dash(a.action))
                            for a in report.aftercare
                        ),
                    ],
                    [25 * mm, 30 * mm, 32 * mm, 32 * mm, CONTENT_WIDTH - 119 * mm],
                )
            )
        else:
            story.append(para("Nog geen nazorggesprekken gevoerd.", st.explain))
    story.append(Spacer(1, 8))
    story.append(
        para(
            f"Opgemaakt op {report.made_on} door {report.made_by}. Dit dossier is vertrouwelijk: "
            "gebruik het alleen voor de begeleiding van deze jongere en deel het niet verder "
            "zonder nieuwe toestemming.",
            st.small,
        )
    )
    return story


def render_report(report: TransitionReport) -> bytes:
    footer = "Vertrouwelijk. " + " · ".join(report.basis_lines)
    # The footer must fit one or two lines; long consent histories are shortened.
    lines = _wrap(footer, 100)[:3]
    frame = PageFrame(
        title=f"Overdrachtsdossier {report.student_name}",
        school=report.school_name,
        # The last footer line stays empty: the page number stands there.
        footer="\n".join([*lines, " "]),
        confidential=True,
    )
    return render(report_story(report), frame)


def _wrap(text_value: str, width: int) -> list[str]:
    words, lines, current = text_value.split(), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        lines.append(current)
    return lines


# --- the consent form ---------------------------------------------------------------------


@dataclass(frozen=True)
class ConsentFormData:
    school_name: str
    student_name: str
    birth_date: str
    recipients: list[str]
    scopes: list[tuple[str, str]]  # (ConsentScope value, Dutch label)
    consent_age: int
    guardians: list[str]
    needs_representative: bool
    language: str = "nl"  # a parent's language, printed under the Dutch


def render_consent_form(data: ConsentFormData) -> bytes:
    """The consent form; its fixed texts are in resources/parent_texts ("consent.*")."""
    st = styles()
    texts = Bilingual(data.language)
    subtitle = {"student": data.student_name, "birth": data.birth_date}
    story: list[Flowable] = document_title(
        texts.nl("consent.title"), texts.nl("consent.subtitle", **subtitle)
    )
    if texts.other is not None:
        story.pop()
        story += texts.under(texts.translation("consent.title"), texts.styles.heading)
        story += texts.under(texts.translation("consent.subtitle", **subtitle), texts.styles.body)
        story.append(Spacer(1, 6))
    story += texts.notice()
    story += texts.body("consent.intro")
    story += texts.heading("consent.with_whom")
    story.append(
        table(
            [(texts.label("consent.organisation"),), *((r,) for r in data.recipients)],
            [CONTENT_WIDTH],
        )
        if data.recipients
        else para(texts.nl("consent.fill_in"), st.explain)
    )
    story += texts.heading("consent.what")
    rows: list[list] = [
        [
            texts.label("consent.col_yes"),
            texts.label("consent.col_part"),
            texts.label("consent.col_content"),
        ]
    ]
    for code, label in data.scopes:
        rows.append(
            [
                "☐",
                texts.beside_value(label, texts.translation(f"scope.{code}")),
                texts.value(f"scope_explain.{code}"),
            ]
        )
    story.append(table(rows, [12 * mm, 55 * mm, CONTENT_WIDTH - 67 * mm]))
    story += texts.heading("consent.good_to_know")
    rules = ["rule_age", "rule_guardianship", "rule_no", "rule_withdraw", "rule_until", "rule_log"]
    for rule in rules:
        values = {"age": str(data.consent_age)} if rule == "rule_age" else {}
        story.append(markup("• " + para(texts.nl(f"consent.{rule}", **values)).text, st.body))
        translated = texts.translation(f"consent.{rule}", **values)
        if translated is not None:
            story += texts.under(f"• {translated}", texts.styles.body)
    story += texts.body("consent.valid_until")
    story.append(Spacer(1, 6))
    signers = [texts.label("consent.signer_student", name=data.student_name)]
    signers += [texts.label("consent.signer_guardian", name=g) for g in data.guardians] or [
        texts.label("consent.signer_guardian_blank")
    ]
    if data.needs_representative:
        signers.append(texts.label("consent.signer_representative"))
    signers.append(texts.label("consent.signer_school"))
    story.append(
        KeepTogether(
            [
                *texts.heading("consent.signatures"),
                signature_lines(signers, texts.label("common.date")),
            ]
        )
    )
    footer = "Toestemmingsformulier. Ingevuld terug naar de uitstroomcoördinator."
    if texts.other is not None:
        footer = f"{footer}\nIn het {texts.language_names()}.\n "
    frame = PageFrame(
        title=f"Toestemmingsformulier {data.student_name}",
        school=data.school_name,
        footer=footer,
        confidential=True,
    )
    return render(story, frame)
