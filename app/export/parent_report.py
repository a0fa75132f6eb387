"""The report of a conversation for the parents: plain Dutch, short sentences, no jargon.

Parents read this at the kitchen table, sometimes with help. So: one idea per sentence, the
words the school uses explained right below the part where they first appear, the agreements
as a who-what-when table, the next conversation and whom to call. Built from plain data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from app.export import pdf

WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]

# Words parents may not know, each with a plain explanation. A word is explained once, right
# below the first part of the report where it appears.
GLOSSARY: list[tuple[str, re.Pattern, str]] = [
    (
        "transitiegesprek",
        re.compile(r"transitiegesprek", re.I),
        "Een transitiegesprek is een gesprek over de overstap van school naar werk, "
        "dagbesteding of een vervolgopleiding.",
    ),
    (
        "adviesgesprek",
        re.compile(r"adviesgesprek", re.I),
        "In een adviesgesprek vertelt de school wat zij aanraadt voor na school.",
    ),
    (
        "uitstroomgesprek",
        re.compile(r"uitstroomgesprek", re.I),
        "Een uitstroomgesprek is het gesprek aan het eind van de schooltijd. "
        "We bespreken dan hoe het verder gaat na school.",
    ),
    (
        "keukentafelgesprek",
        re.compile(r"keukentafelgesprek", re.I),
        "Een keukentafelgesprek is een gesprek bij u thuis.",
    ),
    (
        "RMC",
        re.compile(r"\bRMC"),
        "Het RMC is het Regionaal Meld- en Coördinatiepunt. Het RMC helpt jongeren tot 23 jaar "
        "die geen school of werk hebben.",
    ),
    (
        "werkmatcher",
        re.compile(r"werkmatcher", re.I),
        "Een werkmatcher werkt bij de gemeente. Hij of zij zoekt samen met de jongere naar werk "
        "dat past.",
    ),
    (
        "jobcoach",
        re.compile(r"jobcoach", re.I),
        "Een jobcoach helpt de jongere op het werk, zodat het werk goed gaat.",
    ),
    (
        "wijkteam",
        re.compile(r"wijkteam", re.I),
        "Het wijkteam helpt gezinnen in de buurt. Bijvoorbeeld met zorg, geld of opvoeden.",
    ),
    (
        "regievoerder",
        re.compile(r"regievoerder", re.I),
        "De regievoerder houdt het overzicht. Hij of zij let erop dat iedereen doet wat is "
        "afgesproken.",
    ),
    (
        "dagbesteding",
        re.compile(r"dagbesteding", re.I),
        "Dagbesteding is een plek waar iemand overdag zinvol bezig is, met begeleiding.",
    ),
    (
        "beschut werk",
        re.compile(r"beschut werk", re.I),
        "Beschut werk is werk met extra begeleiding en aanpassingen.",
    ),
    (
        "banenafspraak",
        re.compile(r"banenafspraak", re.I),
        "Door de banenafspraak nemen werkgevers makkelijker iemand met een beperking in dienst.",
    ),
    (
        "loonkostensubsidie",
        re.compile(r"loonkostensubsidie", re.I),
        "Loonkostensubsidie is geld van de gemeente voor de werkgever, als iemand minder snel "
        "kan werken.",
    ),
    (
        "transitiestage",
        re.compile(r"transitiestage", re.I),
        "Een transitiestage is een stage in het laatste schooljaar. Die stage kan leiden tot "
        "een baan.",
    ),
    (
        "praktijkverklaring",
        re.compile(r"praktijkverklaring", re.I),
        "Een praktijkverklaring is een papier waarop staat wat de leerling in de praktijk kan.",
    ),
    (
        "Entree",
        re.compile(r"\bentree", re.I),
        "De Entree-opleiding is de eerste stap in het mbo.",
    ),
    (
        "mbo",
        re.compile(r"\bmbo\b", re.I),
        "Het mbo is een opleiding voor een beroep, na de middelbare school.",
    ),
    (
        "UWV",
        re.compile(r"\bUWV\b"),
        "Het UWV regelt uitkeringen en helpt mensen aan werk.",
    ),
    (
        "nazorg",
        re.compile(r"nazorg", re.I),
        "Nazorg betekent: de school blijft de leerling na school nog twee jaar volgen.",
    ),
]


@dataclass(frozen=True)
class ReportParticipant:
    name: str
    role: str
    organisation: str = ""
    present: bool = True


@dataclass(frozen=True)
class ReportAgreement:
    who: str
    what: str
    due: date | None = None
    done_on: date | None = None


@dataclass(frozen=True)
class ReportNextConversation:
    on: date
    time: str  # uu:mm or empty
    kind: str
    place: str = ""


@dataclass(frozen=True)
class ParentReportData:
    school_name: str
    student_name: str
    kind: str  # the Dutch label, e.g. "Adviesgesprek"
    on: date
    time: str = ""
    place: str = ""
    participants: list[ReportParticipant] = field(default_factory=list)
    agenda: str = ""
    summary: str = ""
    advice: str = ""
    decisions: str = ""
    agreements: list[ReportAgreement] = field(default_factory=list)
    next: ReportNextConversation | None = None
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    consent_asked: bool = False
    consent_municipality: str = ""  # "Ja", "Nee", "Denkt er nog over na" or empty
    consent_rmc: str = ""
    printed_on: date | None = None


def long_date(day: date) -> str:
    """'dinsdag 24 november 2026': easier to read than 24-11-2026."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def _in_sentence(label: str) -> str:
    """'Ouder of verzorger' -> 'ouder of verzorger'; 'RMC-consulent' stays as it is."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def _when(day: date, at: str) -> str:
    return f"{long_date(day)} om {at} uur" if at else long_date(day)


class _Explainer:
    """Adds the explanation of each domain word below the first section that uses it."""

    def __init__(self) -> None:
        self.done: set[str] = set()

    def explain(self, *texts: str) -> list[Flowable]:
        joined = "\n".join(t for t in texts if t)
        lines = []
        for word, pattern, explanation in GLOSSARY:
            if word not in self.done and pattern.search(joined):
                self.done.add(word)
                lines.append(pdf.markup(f"<b>{word}</b>: {explanation}", pdf.styles().explain))
        if not lines:
            return []
        return [Spacer(1, 3), *lines, Spacer(1, 2)]


def build_story(data: ParentReportData) -> list[Flowable]:
    st = pdf.styles()
    words = _Explainer()
    story: list[Flowable] = pdf.document_title(
        "Verslag van ons gesprek", f"{data.kind} over {data.student_name}"
    )
    story.append(
        pdf.para(
            "Beste ouders of verzorgers,\n"
            "Dank u wel voor het gesprek. In dit verslag leest u wat we hebben besproken "
            "en wat we hebben afgesproken. Klopt er iets niet? Laat het ons dan weten."
        )
    )
    story.append(Spacer(1, 8))
    facts = [
        ("Over", data.student_name),
        ("Soort gesprek", data.kind),
        ("Datum", _when(data.on, data.time)),
        ("Plaats", data.place or "—"),
    ]
    story.append(pdf.key_values(facts, label_width=35 * mm))
    story += words.explain(data.kind)

    present = [p for p in data.participants if p.present]
    absent = [p for p in data.participants if not p.present]
    story.append(pdf.para("Wie waren er?", st.heading))
    if present:
        rows = [["Naam", "Rol", "Organisatie"]]
        rows += [[p.name, p.role, p.organisation or "—"] for p in present]
        story.append(pdf.table(rows, [55 * mm, 60 * mm, pdf.CONTENT_WIDTH - 115 * mm]))
    if absent:
        names = ", ".join(f"{p.name} ({_in_sentence(p.role)})" for p in absent)
        story.append(Spacer(1, 4))
        story.append(pdf.para(f"Ook uitgenodigd, maar niet bij het gesprek: {names}."))
    story += words.explain(
        *(f"{p.role} {p.organisation}" for p in data.participants),
    )

    if data.agenda or data.summary:
        story.append(pdf.para("Waar hebben we over gepraat?", st.heading))
        if data.agenda:
            story.append(pdf.para(data.agenda))
        if data.summary:
            if data.agenda:
                story.append(Spacer(1, 4))
            story.append(pdf.para(data.summary))
        story += words.explain(data.agenda, data.summary)

    if data.advice:
        story.append(pdf.para("Wat raadt de school aan?", st.heading))
        story.append(pdf.para(data.advice))
        story += words.explain(data.advice)

    if data.decisions:
        story.append(pdf.para("Wat hebben we besloten?", st.heading))
        story.append(pdf.para(data.decisions))
        story += words.explain(data.decisions)

    story += _agreements(data, words)
    story += _next_conversation(data, words)
    story += _consent(data)
    story += _contact(data)
    story.append(Spacer(1, 6))
    story.append(pdf.para("Hebt u het verslag gelezen? Zet dan hier uw handtekening.", st.body))
    story.append(pdf.signature_lines(["Ouder of verzorger", "Namens de school"]))
    return story


def _agreements(data: ParentReportData, words: _Explainer) -> list[Flowable]:
    st = pdf.styles()
    parts: list[Flowable] = [pdf.para("Wat hebben we afgesproken?", st.heading)]
    if not data.agreements:
        parts.append(pdf.para("We hebben deze keer geen afspraken gemaakt."))
        return parts
    rows = [["Wie", "Doet wat", "Wanneer klaar", "Klaar?"]]
    for a in data.agreements:
        due = pdf.format_date(a.due) if a.due else "Geen datum"
        done = f"Ja, op {pdf.format_date(a.done_on)}" if a.done_on else "Nog niet"
        rows.append([a.who, a.what, due, done])
    # "Who" holds a name and a role, "Fatima Yılmaz (moeder)": room for both.
    widths = [48 * mm, pdf.CONTENT_WIDTH - 48 * mm - 28 * mm - 32 * mm, 28 * mm, 32 * mm]
    parts.append(pdf.table(rows, widths))
    parts += words.explain(*(f"{a.who} {a.what}" for a in data.agreements))
    return parts


def _next_conversation(data: ParentReportData, words: _Explainer) -> list[Flowable]:
    st = pdf.styles()
    parts: list[Flowable] = [pdf.para("Het volgende gesprek", st.heading)]
    nxt = data.next
    if nxt is None:
        parts.append(
            pdf.para("Er is nog geen nieuw gesprek gepland. De school belt of mailt u daarover.")
        )
        return parts
    parts.append(pdf.para("We spreken elkaar weer op:"))
    parts.append(Spacer(1, 3))
    facts = [("Wanneer", _when(nxt.on, nxt.time)), ("Soort gesprek", nxt.kind)]
    if nxt.place:
        facts.append(("Waar", nxt.place))
    parts.append(pdf.key_values(facts, label_width=35 * mm))
    parts += words.explain(nxt.kind, nxt.place)
    return parts


def _consent(data: ParentReportData) -> list[Flowable]:
    if not data.consent_asked:
        return []
    st = pdf.styles()
    parts: list[Flowable] = [pdf.para("Mogen we dit verslag delen?", st.heading)]
    parts.append(
        pdf.para(
            "We hebben gevraagd of de school dit verslag mag delen met de gemeente en met het "
            "RMC. Zij helpen bij de stap na school. Dit was uw antwoord:"
        )
    )
    rows = [
        ["Met de gemeente", data.consent_municipality or "Nog niet beantwoord"],
        ["Met het RMC", data.consent_rmc or "Nog niet beantwoord"],
    ]
    parts.append(pdf.table(rows, [55 * mm, 60 * mm], header=False))
    parts.append(Spacer(1, 3))
    parts.append(
        pdf.para(
            "U mag uw antwoord altijd veranderen. Zeg het dan tegen de contactpersoon hieronder.",
            st.small,
        )
    )
    return parts


def _contact(data: ParentReportData) -> list[Flowable]:
    st = pdf.styles()
    parts: list[Flowable] = [pdf.para("Hebt u vragen?", st.heading)]
    if not data.contact_name:
        parts.append(pdf.para(f"Neem dan contact op met {data.school_name}."))
        return parts
    ways = [w for w in (data.contact_phone, data.contact_email) if w]
    how = f" Dat kan via {' of '.join(ways)}." if ways else ""
    parts.append(
        KeepTogether(
            [pdf.para(f"Neem dan contact op met {data.contact_name} van {data.school_name}.{how}")]
        )
    )
    return parts


def render(data: ParentReportData) -> bytes:
    """The report as PDF bytes."""
    printed = f" · gemaakt op {pdf.format_date(data.printed_on)}" if data.printed_on else ""
    frame = pdf.PageFrame(
        title=f"Verslag van ons gesprek — {data.student_name}",
        school=data.school_name,
        footer=f"Verslag voor ouders en verzorgers{printed}. Alleen voor u en de school.",
    )
    return pdf.render(build_story(data), frame)
