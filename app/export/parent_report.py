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
from app.export.bilingual import Bilingual

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

# Words parents may not know. Each is explained once, right below the first part of the
# report where it appears; the explanations are in resources/parent_texts (key "term.<key>").
GLOSSARY: list[tuple[str, re.Pattern, str]] = [
    ("praktijkonderwijs", re.compile(r"praktijkonderwijs", re.I), "praktijkonderwijs"),
    ("transitiegesprek", re.compile(r"transitiegesprek", re.I), "transitiegesprek"),
    ("adviesgesprek", re.compile(r"adviesgesprek", re.I), "adviesgesprek"),
    ("uitstroomgesprek", re.compile(r"uitstroomgesprek", re.I), "uitstroomgesprek"),
    ("keukentafelgesprek", re.compile(r"keukentafelgesprek", re.I), "keukentafelgesprek"),
    ("RMC", re.compile(r"\bRMC"), "RMC"),
    ("werkmatcher", re.compile(r"werkmatcher", re.I), "werkmatcher"),
    ("jobcoach", re.compile(r"jobcoach", re.I), "jobcoach"),
    ("wijkteam", re.compile(r"wijkteam", re.I), "wijkteam"),
    ("regievoerder", re.compile(r"regievoerder", re.I), "regievoerder"),
    ("dagbesteding", re.compile(r"dagbesteding", re.I), "dagbesteding"),
    ("beschut werk", re.compile(r"beschut werk", re.I), "beschut_werk"),
    ("banenafspraak", re.compile(r"banenafspraak", re.I), "banenafspraak"),
    ("loonkostensubsidie", re.compile(r"loonkostensubsidie", re.I), "loonkostensubsidie"),
    ("transitiestage", re.compile(r"transitiestage", re.I), "transitiestage"),
    ("praktijkverklaring", re.compile(r"praktijkverklaring", re.I), "praktijkverklaring"),
    ("Entree", re.compile(r"\bentree", re.I), "Entree"),
    ("mbo", re.compile(r"\bmbo\b", re.I), "mbo"),
    ("UWV", re.compile(r"\bUWV\b"), "UWV"),
    ("nazorg", re.compile(r"nazorg", re.I), "nazorg"),
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
    kind_code: str = ""  # ConversationType value, for the translation of the kind


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
    kind_code: str = ""  # ConversationType value, for the translation of the kind
    consent_municipality_code: str = ""  # ConsentAnswer value
    consent_rmc_code: str = ""
    language: str = "nl"  # the parents' language, printed under the Dutch


def long_date(day: date) -> str:
    """'dinsdag 24 november 2026': easier to read than 24-11-2026."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def _in_sentence(label: str) -> str:
    """'Ouder of verzorger' -> 'ouder of verzorger'; 'RMC-consulent' stays as it is."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def _when(day: date, at: str, texts: Bilingual) -> str:
    when = f"{long_date(day)} om {at} uur" if at else long_date(day)
    # Parents who read another language still read the digits.
    return f"{when} ({pdf.format_date(day)})" if texts.other else when


class _Explainer:
    """Adds the explanation of each domain word below the first section that uses it."""

    def __init__(self, texts: Bilingual) -> None:
        self.texts = texts
        self.done: set[str] = set()

    def explain(self, *texts: str) -> list[Flowable]:
        joined = "\n".join(t for t in texts if t)
        lines: list[Flowable] = []
        for word, pattern, key in GLOSSARY:
            if word not in self.done and pattern.search(joined):
                self.done.add(word)
                lines += self.texts.explanation(word, f"term.{key}")
        if not lines:
            return []
        return [Spacer(1, 3), *lines, Spacer(1, 2)]


def _kind(texts: Bilingual, label: str, code: str) -> tuple[str, str | None]:
    """The kind of conversation in Dutch and, when known, in the parents' language."""
    if texts.other is None or f"kind.{code}" not in texts.other.texts:
        return label, None
    return label, texts.other.text(f"kind.{code}")


def build_story(data: ParentReportData) -> list[Flowable]:
    texts = Bilingual(data.language)
    words = _Explainer(texts)
    subtitle = texts.nl("report.subtitle", kind=data.kind, student=data.student_name)
    story: list[Flowable] = pdf.document_title(texts.nl("report.title"), subtitle)
    _, kind_translated = _kind(texts, data.kind, data.kind_code)
    if texts.other is not None:
        story.pop()  # the title's spacer: the translated title follows first
        story += texts.under(texts.translation("report.title"), texts.styles.heading)
        subtitle = texts.translation(
            "report.subtitle", kind=kind_translated or data.kind, student=data.student_name
        )
        story += texts.under(subtitle, texts.styles.body)
        story.append(Spacer(1, 6))
    story += texts.notice()
    story += texts.joined(["report.greeting", "report.intro"])
    story.append(Spacer(1, 8))
    facts = [
        (texts.label("report.about"), data.student_name),
        (texts.label("report.kind"), texts.beside_value(data.kind, kind_translated)),
        (texts.label("report.date"), _when(data.on, data.time, texts)),
        (texts.label("report.place"), data.place or "—"),
    ]
    story.append(pdf.key_values(facts, label_width=35 * mm))
    story += words.explain(data.kind)

    present = [p for p in data.participants if p.present]
    absent = [p for p in data.participants if not p.present]
    story += texts.heading("report.who")
    if present:
        header = ("report.name", "report.role", "report.organisation")
        rows: list[list] = [[texts.label(key) for key in header]]
        rows += [[p.name, p.role, p.organisation or "—"] for p in present]
        story.append(pdf.table(rows, [55 * mm, 60 * mm, pdf.CONTENT_WIDTH - 115 * mm]))
    if absent:
        names = ", ".join(f"{p.name} ({_in_sentence(p.role)})" for p in absent)
        story.append(Spacer(1, 4))
        story += texts.body("report.absent", names=names)
    story += words.explain(
        *(f"{p.role} {p.organisation}" for p in data.participants),
    )

    if data.agenda or data.summary:
        story += texts.heading("report.talked")
        story += texts.free_text_mark()
        if data.agenda:
            story.append(pdf.para(data.agenda))
        if data.summary:
            if data.agenda:
                story.append(Spacer(1, 4))
            story.append(pdf.para(data.summary))
        story += words.explain(data.agenda, data.summary)

    if data.advice:
        story += texts.heading("report.advice")
        story += texts.free_text_mark()
        story.append(pdf.para(data.advice))
        story += words.explain(data.advice)

    if data.decisions:
        story += texts.heading("report.decided")
        story += texts.free_text_mark()
        story.append(pdf.para(data.decisions))
        story += words.explain(data.decisions)

    story += _agreements(data, texts, words)
    story += _next_conversation(data, texts, words)
    story += _consent(data, texts)
    story += _contact(data, texts)
    story.append(Spacer(1, 6))
    story += texts.body("report.read_sign")
    story.append(
        pdf.signature_lines(
            [texts.label("report.signer_parent"), texts.label("report.signer_school")],
            texts.label("common.date"),
        )
    )
    return story


def _agreements(data: ParentReportData, texts: Bilingual, words: _Explainer) -> list[Flowable]:
    parts: list[Flowable] = texts.heading("report.agreed")
    if not data.agreements:
        parts += texts.body("report.no_agreements")
        return parts
    parts += texts.free_text_mark()
    rows: list[list] = [
        [
            texts.label("report.col_who"),
            texts.label("report.col_what"),
            texts.label("report.col_due"),
            texts.label("report.col_done"),
        ]
    ]
    for a in data.agreements:
        due = pdf.format_date(a.due) if a.due else texts.value("report.no_date")
        done = (
            texts.value("report.done_on", date=pdf.format_date(a.done_on))
            if a.done_on
            else texts.value("report.not_yet")
        )
        rows.append([a.who, a.what, due, done])
    # "Who" holds a name and a role, "Fatima Yılmaz (moeder)": room for both.
    widths = [48 * mm, pdf.CONTENT_WIDTH - 48 * mm - 28 * mm - 32 * mm, 28 * mm, 32 * mm]
    parts.append(pdf.table(rows, widths))
    parts += words.explain(*(f"{a.who} {a.what}" for a in data.agreements))
    return parts


def _next_conversation(
    data: ParentReportData, texts: Bilingual, words: _Explainer
) -> list[Flowable]:
    parts: list[Flowable] = texts.heading("report.next")
    nxt = data.next
    if nxt is None:
        parts += texts.body("report.no_next")
        return parts
    parts += texts.body("report.next_intro")
    parts.append(Spacer(1, 3))
    _, kind_translated = _kind(texts, nxt.kind, nxt.kind_code)
    facts = [
        (texts.label("report.when"), _when(nxt.on, nxt.time, texts)),
        (texts.label("report.kind"), texts.beside_value(nxt.kind, kind_translated)),
    ]
    if nxt.place:
        facts.append((texts.label("report.where"), nxt.place))
    parts.append(pdf.key_values(facts, label_width=35 * mm))
    parts += words.explain(nxt.kind, nxt.place)
    return parts


def _answer(texts: Bilingual, label: str, code: str) -> Flowable | list[Flowable]:
    if not label:
        return texts.value("report.not_answered")
    if code and f"answer.{code}" in texts.dutch.texts:
        return texts.value(f"answer.{code}")
    return pdf.para(label, pdf.styles().cell)


def _consent(data: ParentReportData, texts: Bilingual) -> list[Flowable]:
    if not data.consent_asked:
        return []
    st = pdf.styles()
    parts: list[Flowable] = texts.heading("report.share")
    parts += texts.body("report.share_intro")
    rows = [
        [
            texts.value("report.with_municipality"),
            _answer(texts, data.consent_municipality, data.consent_municipality_code),
        ],
        [texts.value("report.with_rmc"), _answer(texts, data.consent_rmc, data.consent_rmc_code)],
    ]
    parts.append(pdf.table(rows, [55 * mm, 60 * mm], header=False))
    parts.append(Spacer(1, 3))
    parts += texts.body("report.change_answer", st.small)
    return parts


def _contact(data: ParentReportData, texts: Bilingual) -> list[Flowable]:
    parts: list[Flowable] = texts.heading("report.questions")
    if not data.contact_name:
        parts += texts.body("report.contact_school", school=data.school_name)
        return parts
    ways = [w for w in (data.contact_phone, data.contact_email) if w]
    dutch = texts.nl("report.contact_person", name=data.contact_name, school=data.school_name)
    if ways:
        dutch += " " + texts.nl("report.contact_ways", ways=" of ".join(ways))
    block: list[Flowable] = [pdf.para(dutch)]
    translated = texts.translation(
        "report.contact_person", name=data.contact_name, school=data.school_name
    )
    if translated is not None:
        if ways:
            translated += " " + texts.translation("report.contact_ways", ways=" / ".join(ways))
        block += texts.under(translated, texts.styles.body)
    parts.append(KeepTogether(block))
    return parts


def render(data: ParentReportData) -> bytes:
    """The report as PDF bytes: Dutch, with the parents' language under each fixed text."""
    texts = Bilingual(data.language)
    printed = f" · gemaakt op {pdf.format_date(data.printed_on)}" if data.printed_on else ""
    footer = f"Verslag voor ouders en verzorgers{printed}. Alleen voor u en de school."
    if texts.other:
        # The page number stands on the last line, so the languages go above it.
        footer = f"{footer}\nIn het {texts.language_names()}.\n "
    frame = pdf.PageFrame(
        title=f"Verslag van ons gesprek — {data.student_name}",
        school=data.school_name,
        footer=footer,
    )
    return pdf.render(build_story(data), frame)
