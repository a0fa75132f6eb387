"""The calendar and the cast of one school year, shared by the demo and the year test.

A school year is named by the year its September falls in; every step's day follows from
it, so the demo can live the same year for the leavers of two years ago, of last year and
for this year's cohort, and the year test (tests/year/) lives it for 2026-2027.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# The cast: the coordinator and the two mentors whose students the story follows.
COORDINATOR_NAME = "Ingrid Peeters"
MENTOR_A = ("j.bosman", "Jeroen Bosman")
MENTOR_B = ("f.elamrani", "Fatima El Amrani")

# The employer of the first student's story, its supervisor, and who receives the student
# at the warm hand-over.
GARAGE = "Garage Hermans"
GARAGE_SUPERVISOR = "Bram Hermans"
RECEIVER = ("Kim Peters", "Jobcoach Werkbedrijf")

# What the first student's year says, word for word in the demo and the year test.
WISH_JOB = "Automonteur"
CHANCE_JOB = "Medewerker bandenservice"
KEY_DECISION = "Transitiestage in de autotechniek in het laatste jaar."
CONVERSATION_SUMMARY = "Wil monteur worden; sleutelt thuis aan brommers."
CONVERSATION_ADVICE = "Een transitiestage bij een garage in het laatste jaar."
INTERPRETER = "Samir Haddad"
AGREEMENTS = (
    ("School", "Zoekt een transitiestage bij een garage"),
    ("Moeder", "Meldt zich bij het wijkteam"),
)
BLOCK_GOALS = "Op tijd komen en om hulp vragen."
EVALUATION_COMMENT = "Werkt zorgvuldig en is op tijd."
BROKEN_OFF_REASON = "Te zwaar werk; de leerling kwam niet meer."
MEETING_PLACE = "De Horizon, lokaal 12"
MEETING_NOTE = "Garage Hermans zoekt een stagiair voor de werkplaats."
ACTIONS = ("Kennismaking bij Garage Hermans", "Indicatie banenafspraak aanvragen")
BOTTLENECK = ("Geen indicatie banenafspraak binnen acht weken.", "Navragen bij UWV.")
TRANSITION_GOALS = "Zelfstandig banden wisselen; werken naar een contract."
HAND_OVER_NOTE = "Rooster, jobcoach en afspraken met de garage doorgenomen."
WITHDRAWN_BY = "de moeder (telefonisch)"
DROP_OUT_NOTE = "Gestopt met de opleiding; zit thuis."
REOPENED_QUESTION = "Gestopt met de opleiding: wie helpt verder?"
REOPENED_NOTE = "Kennismaking bij het Werkbedrijf gepland."


@dataclass(frozen=True)
class Calendar:
    """The days of one school year's story, from its September on."""

    start: int  # the year of the school year's September

    def _on(self, month: int, day: int, years_after: int = 0) -> date:
        # September to December fall in `start`, January to August in the year after.
        year = self.start + (0 if month >= 9 else 1) + years_after
        return date(year, month, day)

    # September: the cohort from the LAS, a week later the changed CSV, mentors, internships.
    @property
    def september(self) -> date:
        return self._on(9, 1)

    @property
    def changed_csv(self) -> date:
        return self._on(9, 8)

    @property
    def mentors(self) -> date:
        return self._on(9, 10)

    @property
    def internships_planned(self) -> date:
        return self._on(9, 14)

    @property
    def block_start(self) -> date:
        return self._on(9, 21)

    @property
    def block_end(self) -> date:
        return self._on(12, 18)

    # Autumn: the profile, the key decision, the advisory conversation, the evaluation.
    @property
    def profile(self) -> date:
        return self._on(10, 5)

    @property
    def key_decision(self) -> date:
        return self._on(10, 12)

    @property
    def conversation(self) -> date:
        return self._on(10, 19)

    @property
    def agreement_due(self) -> tuple[date, date]:
        return self._on(11, 30), self._on(11, 2)

    @property
    def evaluation(self) -> date:
        return self._on(11, 2)

    # The three outflow meetings.
    @property
    def submissions(self) -> date:
        return self._on(10, 26)

    @property
    def first_meeting(self) -> date:
        return self._on(11, 16)

    @property
    def action_due(self) -> tuple[date, date]:
        return self._on(12, 7), self._on(1, 15)

    @property
    def second_meeting(self) -> date:
        return self._on(1, 11)

    @property
    def january_import(self) -> date:
        """The LAS's file after the Christmas holiday: who left in December leaves Koers."""
        return self._on(1, 8)

    @property
    def last_action_done(self) -> date:
        return self._on(2, 26)

    @property
    def third_meeting(self) -> date:
        return self._on(3, 1)

    # Spring: consent, the transition reports, the transition internship, the hand-over.
    @property
    def consent_for_meeting_withdrawn(self) -> date:
        return self._on(3, 1)

    @property
    def consent(self) -> date:
        return self._on(3, 15)

    @property
    def transition_planned(self) -> date:
        return self._on(4, 5)

    @property
    def transition_start(self) -> date:
        return self._on(4, 6)

    @property
    def transition_end(self) -> date:
        return self._on(7, 2)

    @property
    def transition_completed(self) -> date:
        return self._on(6, 28)

    # July: the destinations, the leaving day, the LAS's July file.
    @property
    def destinations(self) -> date:
        return self._on(7, 1)

    @property
    def leaving(self) -> date:
        return self._on(7, 9)

    @property
    def july_import(self) -> date:
        return self._on(7, 12)

    @property
    def later_leaving(self) -> date:
        """The leaving date the changed CSV gives one student: December after the year."""
        return self._on(12, 20, years_after=1)

    @property
    def next_year_leaving(self) -> date:
        return self._on(7, 7, years_after=1)

    # The years after: the first call, the archive, the figures.
    @property
    def first_calls(self) -> date:
        return self._on(8, 10)

    @property
    def drop_out(self) -> date:
        return self._on(8, 12)

    @property
    def safety_net_report(self) -> date:
        return self._on(8, 13)

    @property
    def follow_until(self) -> date:
        return self._on(9, 30, years_after=1)

    @property
    def archive(self) -> date:
        return self._on(10, 1, years_after=1)

    @property
    def figures(self) -> date:
        return self._on(11, 1, years_after=1)

    @property
    def reopened(self) -> date:
        """The archived case of the young person who dropped out comes back."""
        return self._on(9, 4, years_after=2)

    @property
    def reopened_meeting(self) -> date:
        return self._on(9, 21, years_after=2)


def school_year_of(day: date) -> int:
    """The school year (its September's year) `day` falls in; August counts with the next."""
    return day.year if day.month >= 8 else day.year - 1
