"""The outflow meeting's papers: the agenda (confidential; without names for a participant
who has not signed the declaration), the minutes with the action list, and the
confidentiality declaration with the five points of the privacy rules (seed 003).
Plain data in, PDF bytes out."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.export.pdf import (
    CONTENT_WIDTH,
    PageFrame,
    document_title,
    key_values,
    para,
    render,
    signature_lines,
    styles,
    table,
)

DECLARATION_POINTS = (
    "Jongeren die geagendeerd worden voor het overleg behoren tot de doelgroep en doelstelling "
    "van het overleg.",
    "Wie een jongere van 18 jaar of ouder inbrengt, verklaart dat de jongere hiervan op de "
    "hoogte is gesteld en akkoord is gegaan.",
    "Wie een jongere jonger dan 18 jaar inbrengt, verklaart dat de jongere en een ouder of "
    "voogd hiervan op de hoogte zijn gesteld en akkoord zijn gegaan.",
    "Alle aanwezigen verplichten zich tot geheimhouding van de gedeelde informatie.",
    "Persoonlijke gegevens van en informatie over de geagendeerde jongeren worden uitsluitend "
    "gebruikt om de doelstelling van het overleg te bereiken.",
)


@dataclass(frozen=True)
class PaperAction:
    what: str
    owner: str
    due: str
    done: str = ""
    overdue: bool = False


@dataclass(frozen=True)
class PaperCase:
    """One case as printed; `name` is already initials + year of birth when anonymous."""

    name: str
    question: str
    submitted_by: str = ""
    lead: str = ""
    note: str = ""
    list_label: str = ""
    actions: list[PaperAction] = field(default_factory=list)


@dataclass(frozen=True)
class MeetingPaper:
    school: str
    title: str  # "Uitstroomoverleg 19-03-2026"
    facts: list[tuple[str, str]]
    participants: list[str]
    submissions: list[PaperCase]
    running: list[PaperCase]
    follow_review: list[PaperCase]
    bottlenecks: list[tuple[str, str, str]]  # category, description, approach
    anonymous: bool = False
    minutes: str = ""


def _actions_table(actions: list[PaperAction], *, with_done: bool) -> Flowable:
    header = ["Actie", "Eigenaar", "Uiterlijk"] + (["Gedaan"] if with_done else [])
    rows = [header]
    for a in actions:
        due = a.due + (" (te laat)" if a.overdue else "")
        rows.append([a.what, a.owner, due] + ([a.done] if with_done else []))
    widths = [
        CONTENT_WIDTH * w
        for w in ((0.5, 0.25, 0.25) if not with_done else (0.45, 0.22, 0.18, 0.15))
    ]
    return table(rows, widths)


def _case_block(case: PaperCase, number: int, *, minutes: bool) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [para(f"{number}. {case.name}", st.heading)]
    pairs = [("Hulpvraag", case.question or "—")]
    if case.submitted_by:
        pairs.append(("Ingebracht door", case.submitted_by))
    pairs.append(("Regievoerder", case.lead or "nog niet gekozen"))
    if minutes:
        pairs.append(("Bespreking", case.note or "—"))
        pairs.append(("Lijst", case.list_label or "—"))
    story.append(key_values(pairs, 38 * mm))
    if case.actions:
        story += [Spacer(1, 3), _actions_table(case.actions, with_done=minutes)]
    return story


def _sections(paper: MeetingPaper, *, minutes: bool) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = []
    number = 1
    for heading, cases in (
        ("Nieuwe aanmeldingen", paper.submissions),
        ("Lopende casussen (actieve lijst)", paper.running),
        ("Volglijst: ter bespreking", paper.follow_review),
    ):
        if not cases:
            continue
        story.append(para(heading, st.heading))
        for case in cases:
            story += _case_block(case, number, minutes=minutes)
            number += 1
    story.append(para("Algemene knelpunten", st.heading))
    if paper.bottlenecks:
        rows = [["Soort", "Knelpunt", "Aanpak"]] + [list(b) for b in paper.bottlenecks]
        story.append(table(rows, [CONTENT_WIDTH * 0.25, CONTENT_WIDTH * 0.45, CONTENT_WIDTH * 0.3]))
    else:
        story.append(para("Geen knelpunten aangemeld.", st.small))
    return story


def render_agenda(paper: MeetingPaper) -> bytes:
    st = styles()
    story = document_title(f"Agenda {paper.title}", "Vertrouwelijk: alleen voor de deelnemers")
    story.append(key_values(paper.facts))
    if paper.participants:
        story += [para("Deelnemers", st.heading), para("\n".join(paper.participants), st.cell)]
    if paper.anonymous:
        story += [
            Spacer(1, 4),
            para(
                "Deze agenda is zonder namen: de geheimhoudingsverklaring voor dit overleg is "
                "nog niet getekend. Jongeren staan vermeld met initialen en geboortejaar.",
                st.explain,
            ),
        ]
    story += _sections(paper, minutes=False)
    frame = PageFrame(title=f"Agenda {paper.title}", school=paper.school, confidential=True)
    return render(story, frame)


def render_minutes(paper: MeetingPaper) -> bytes:
    st = styles()
    story = document_title(f"Verslag en actielijst {paper.title}", "Vertrouwelijk")
    story.append(key_values(paper.facts))
    if paper.participants:
        story += [para("Aanwezig", st.heading), para("\n".join(paper.participants), st.cell)]
    if paper.minutes:
        story += [para("Algemeen", st.heading), para(paper.minutes)]
    story += _sections(paper, minutes=True)
    actions = [
        (case.name, a)
        for case in (*paper.submissions, *paper.running, *paper.follow_review)
        for a in case.actions
        if not a.done
    ]
    story.append(para("Actielijst", st.heading))
    if actions:
        rows = [["Jongere", "Actie", "Eigenaar", "Uiterlijk"]]
        rows += [
            [name, a.what, a.owner, a.due + (" (te laat)" if a.overdue else "")]
            for name, a in actions
        ]
        story.append(table(rows, [CONTENT_WIDTH * w for w in (0.22, 0.4, 0.2, 0.18)]))
    else:
        story.append(para("Geen open acties.", st.small))
    frame = PageFrame(title=f"Verslag {paper.title}", school=paper.school, confidential=True)
    return render(story, frame)


@dataclass(frozen=True)
class DeclarationForm:
    school: str
    title: str
    date_text: str
    participants: list[str]


def render_declaration(form: DeclarationForm) -> bytes:
    st = styles()
    story = document_title("Geheimhoudingsverklaring", form.title)
    story.append(
        para(
            f"Alle partners die deelnemen aan het overleg van {form.date_text} tekenen deze "
            "verklaring. Met hun handtekening verklaren zij dat:",
        )
    )
    story.append(Spacer(1, 4))
    for n, point in enumerate(DECLARATION_POINTS, start=1):
        story.append(para(f"{n}. {point}", st.body))
        story.append(Spacer(1, 2))
    story.append(Spacer(1, 8))
    story.append(signature_lines(form.participants or ["Naam en organisatie"] * 6))
    frame = PageFrame(title="Geheimhoudingsverklaring", school=form.school, confidential=True)
    return render(story, frame)
