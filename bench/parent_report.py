"""(h) the parent report: rendering one conversation report for the parents to PDF.

Plain data in, PDF bytes out (`app.export.parent_report.render`), as the print path and
"Opslaan als pdf" use it. The first render also loads the fonts and is reported apart.
"""

from __future__ import annotations

import time
from datetime import date

from app.export.parent_report import (
    ParentReportData,
    ReportAgreement,
    ReportNextConversation,
    ReportParticipant,
    render,
)
from bench.generate import say
from bench.results import Result, median, ms

RUNS = 30
BUDGET_MS = 100


def sample() -> ParentReportData:
    """A full report: six participants, long texts, four agreements, consent, next date."""
    text = (
        "De stage bij de hovenier gaat goed. Daan is op tijd en werkt netjes. Hij vindt het "
        "zwaar als het regent. We hebben afgesproken dat hij dan binnen kan werken. "
    )
    return ParentReportData(
        school_name="De Horizon, school voor vso en praktijkonderwijs",
        student_name="Daan van den Berg",
        kind="Transitiegesprek 1 (op school)",
        on=date(2026, 11, 17),
        time="14:30",
        place="De Horizon, kamer 12",
        participants=[
            ReportParticipant("Daan van den Berg", "Leerling"),
            ReportParticipant("Anouk van den Berg", "Ouder, verzorger of vertrouwenspersoon"),
            ReportParticipant("Yasmina Amrani", "Tolk", "Tolkencentrum"),
            ReportParticipant("Tom Verbeek", "Mentor", "De Horizon"),
            ReportParticipant("Ingrid Peeters", "Uitstroomcoördinator", "De Horizon"),
            ReportParticipant("Nicole Verhoeven", "RMC-consulent", "RMC", present=False),
        ],
        agenda="Hoe gaat de stage? Wat wil Daan na de zomer? Wie wordt regievoerder?",
        summary=text * 4,
        advice="Wij raden aan de stage om te zetten in een baan met een jobcoach.",
        decisions="Daan blijft tot de zomer op stage. De gemeente wordt regievoerder.",
        agreements=[
            ReportAgreement("School", "Vraagt een jobcoach aan", date(2026, 12, 1)),
            ReportAgreement("Moeder", "Belt het wijkteam", date(2026, 12, 8), date(2026, 11, 20)),
            ReportAgreement("Daan", "Houdt een werkdagboek bij", None),
            ReportAgreement(
                "Werkmatcher", "Zoekt uit of loonkostensubsidie kan", date(2027, 1, 15)
            ),
        ],
        next=ReportNextConversation(
            date(2027, 5, 17), "10:00", "Transitiegesprek 2", "Gemeentehuis"
        ),
        contact_name="Ingrid Peeters",
        contact_phone="077-1234567",
        contact_email="uitstroom@dehorizon.example",
        consent_asked=True,
        consent_municipality="Ja",
        consent_rmc="Nee",
        printed_on=date(2026, 11, 24),
    )


def render_time(runs: int = RUNS) -> list[Result]:
    say(f"parent report: {runs} renders")
    data = sample()
    began = time.perf_counter()
    render(data)
    first = time.perf_counter() - began
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        render(data)
        samples.append(time.perf_counter() - began)
    values = ms(samples)
    return [
        Result(
            "parent report: render one PDF (median)",
            median(values),
            "ms",
            budget=BUDGET_MS,
            samples=values,
            note="2 pages, 6 participants, 4 agreements",
        ),
        Result("parent report: first render, fonts loaded", first * 1000, "ms"),
    ]


if __name__ == "__main__":
    for result in render_time():
        print(result.line())
