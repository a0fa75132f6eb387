"""The parent report: plain Dutch, everyone who was there, each agreement, the next date."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from app.export.parent_report import (
    ParentReportData,
    ReportAgreement,
    ReportNextConversation,
    ReportParticipant,
    long_date,
    render,
)


def sample() -> ParentReportData:
    return ParentReportData(
        school_name="De Horizon VSO",
        student_name="Zoë de Vries",
        kind="Transitiegesprek 1 (op school)",
        on=date(2026, 11, 17),
        time="14:30",
        place="De Horizon, kamer 12",
        participants=[
            ReportParticipant("Zoë de Vries", "Leerling"),
            ReportParticipant("Fatima de Vries", "Ouder, verzorger of vertrouwenspersoon"),
            ReportParticipant("Mo El Amrani", "Tolk", "Tolkencentrum"),
            ReportParticipant("Ingrid Peeters", "Uitstroomcoördinator", "De Horizon VSO"),
            ReportParticipant("Kees Bos", "RMC-consulent", "RMC Utrecht", present=False),
        ],
        agenda="Hoe gaat de stage bij de bakker? Wat wil Zoë na de zomer?",
        summary="De stage gaat goed. Zoë is op tijd en werkt netjes. Ze wil graag blijven.",
        advice="De school raadt aan om de stage om te zetten in een baan met een jobcoach.",
        decisions="Zoë blijft tot de zomer op stage. De gemeente wordt regievoerder.",
        agreements=[
            ReportAgreement(
                "Ingrid Peeters", "Vraagt een jobcoach aan bij de gemeente", date(2026, 12, 1)
            ),
            ReportAgreement(
                "Fatima de Vries",
                "Gaat mee naar de bakker voor een kennismaking",
                date(2026, 12, 15),
                date(2026, 11, 20),
            ),
            ReportAgreement("Zoë", "Houdt een dagboekje bij van haar werk", None),
        ],
        next=ReportNextConversation(
            date(2027, 5, 17),
            "10:00",
            "Transitiegesprek 2 (bij de gemeente)",
            "Gemeentehuis Utrecht",
        ),
        contact_name="Ingrid Peeters",
        contact_phone="030-1234567",
        contact_email="i.peeters@dehorizon.example",
        consent_asked=True,
        consent_municipality="Ja",
        consent_rmc="Denkt er nog over na",
        printed_on=date(2026, 11, 24),
    )


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_report_names_everyone_each_agreement_and_the_next_date() -> None:
    text = _flat(_text(render(sample())))
    for name in ("Zoë de Vries", "Fatima de Vries", "Mo El Amrani", "Ingrid Peeters"):
        assert name in text
    assert "Ook uitgenodigd, maar niet bij het gesprek: Kees Bos (RMC-consulent)" in text
    absent_parent = ReportParticipant("Piet de Vries", "Ouder of verzorger", present=False)
    data = sample()
    data.participants.append(absent_parent)
    assert "Kees Bos (RMC-consulent), Piet de Vries (ouder of verzorger)." in _flat(
        _text(render(data))
    )
    for what in (
        "Vraagt een jobcoach aan bij de gemeente",
        "Gaat mee naar de bakker voor een kennismaking",
        "Houdt een dagboekje bij van haar werk",
    ):
        assert what in text
    assert "01-12-2026" in text and "Ja, op 20-11-2026" in text and "Geen datum" in text
    assert "maandag 17 mei 2027 om 10:00 uur" in text
    assert "dinsdag 17 november 2026 om 14:30 uur" in text
    assert "030-1234567" in text and "Ouder of verzorger" in text


def test_domain_words_are_explained_where_they_appear() -> None:
    text = _flat(_text(render(sample())))
    assert "Een transitiegesprek is een gesprek over de overstap van school" in text
    assert "Het RMC is het Regionaal Meld- en Coördinatiepunt" in text
    assert "De regievoerder houdt het overzicht" in text
    assert "Een jobcoach helpt de jongere op het werk" in text
    # Explained once, not at every mention.
    assert text.count("Een transitiegesprek is") == 1
    # The word is explained after the section that uses it first, not in a list at the end.
    assert text.index("Een transitiegesprek is") < text.index("Wie waren er?")
    assert text.index("De regievoerder houdt") < text.index("Wat hebben we afgesproken?")


def test_without_next_conversation_or_agreements_the_report_says_so() -> None:
    data = sample()
    bare = ParentReportData(
        school_name=data.school_name,
        student_name=data.student_name,
        kind="Adviesgesprek",
        on=data.on,
        participants=data.participants[:2],
    )
    text = _flat(_text(render(bare)))
    assert "We hebben deze keer geen afspraken gemaakt." in text
    assert "Er is nog geen nieuw gesprek gepland." in text
    assert "Mogen we dit verslag delen?" not in text


def test_long_date_is_dutch() -> None:
    assert long_date(date(2026, 11, 24)) == "dinsdag 24 november 2026"
