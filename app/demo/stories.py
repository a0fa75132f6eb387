"""One story per demo student, chosen before anything else is generated: a sector with its
wish jobs, chance jobs in the same or a neighbouring sector, a matching mbo course and, for a
day-care profile, the day-care place. The profile, internships, destination and aftercare
generators all read the same story, so a student who wants to be a car mechanic does the
internships at a garage and goes to work at one."""

from __future__ import annotations

import random
from typing import NamedTuple

from app.models import Destination, OutflowProfile

# The sectors of the demo's employer network (`app.demo.employers.BUSINESSES`).
GREEN = "Groen en dieren"
RETAIL = "Detailhandel"
BUILDING = "Bouw en infra"
TECHNICAL = "Metaal en techniek"
CARE = "Zorg en welzijn"
HOSPITALITY = "Horeca"
FOOD = "Voeding"
LOGISTICS = "Logistiek"
CLEANING = "Schoonmaak"
FACILITIES = "Facilitaire dienstverlening"


class Story(NamedTuple):
    sector: str
    wish_jobs: tuple[str, ...]
    chance_jobs: tuple[str, ...]
    # The chance jobs' sector: the wish sector itself or one next to it.
    chance_sector: str
    course: str
    # A workplace of the sector where the demo's employer network is not there (the bench's
    # large schools) or for a first job that did not last.
    workplace: str
    motivation: str
    day_care: str = "Dagcentrum Het Anker"


STORIES: dict[OutflowProfile, tuple[Story, ...]] = {
    OutflowProfile.ARBEIDSMARKT: (
        Story(
            GREEN,
            ("Hovenier", "Medewerker dierverzorging"),
            ("Medewerker groenvoorziening", "Medewerker tuincentrum"),
            GREEN,
            "Entree-opleiding Groen",
            "Hoveniersbedrijf Groen",
            "Is gemotiveerd voor werk buiten, in het groen of met dieren.",
        ),
        Story(
            HOSPITALITY,
            ("Kok", "Medewerker bediening"),
            ("Keukenhulp in een zorgcentrum",),
            CARE,
            "Entree-opleiding Horeca",
            "Hotel De Maas",
            "Kookt graag en wil in een keuken werken.",
        ),
        Story(
            TECHNICAL,
            ("Automonteur", "Fietsenmaker"),
            ("Medewerker bandenservice", "Assistent fietsenmaker"),
            TECHNICAL,
            "Mbo 2 Mobiliteit",
            "Garage Hermans",
            "Sleutelt graag aan auto's en fietsen en wil in een werkplaats werken.",
        ),
        Story(
            RETAIL,
            ("Vakkenvuller", "Verkoper"),
            ("Medewerker supermarkt", "Medewerker kringloopwinkel"),
            RETAIL,
            "Entree-opleiding Retail",
            "Albert Heijn Roermond",
            "Wil in een winkel werken en helpt graag klanten.",
        ),
        Story(
            LOGISTICS,
            ("Magazijnmedewerker",),
            ("Orderpicker met jobcoach", "Inpakker"),
            LOGISTICS,
            "Entree-opleiding Logistiek",
            "Distributiecentrum Venlo",
            "Werkt graag met de handen in een vaste structuur, zoals in een magazijn.",
        ),
        Story(
            BUILDING,
            ("Schilder", "Timmerman"),
            ("Assistent schilder", "Hulp op de bouwplaats"),
            BUILDING,
            "Entree-opleiding Bouw",
            "Bouwbedrijf Maas",
            "Wil iets bouwen waar je na een dag werk het resultaat van ziet.",
        ),
        Story(
            FOOD,
            ("Bakker",),
            ("Inpakker in een bakkerij", "Keukenhulp in een lunchroom"),
            HOSPITALITY,
            "Entree-opleiding Voedingsindustrie",
            "Bakkerij Venlo",
            "Bakt thuis graag en wil vroeg beginnen in een bakkerij.",
        ),
        Story(
            CLEANING,
            ("Schoonmaker",),
            ("Medewerker facilitaire dienst", "Medewerker huishouding"),
            FACILITIES,
            "Entree-opleiding Facilitair",
            "Schoonmaakbedrijf Noord-Limburg",
            "Werkt graag netjes volgens een vast schema.",
        ),
    ),
    OutflowProfile.DAGBESTEDING: (
        Story(
            GREEN,
            ("Werken op de boerderij", "Werken met dieren"),
            ("Dagbesteding op een zorgboerderij", "Dagbesteding op de kinderboerderij"),
            GREEN,
            "Entree-opleiding Groen",
            "Zorgboerderij De Hoeve",
            "Is graag buiten en zorgt graag voor dieren.",
            day_care="Zorgboerderij De Hoeve",
        ),
        Story(
            HOSPITALITY,
            ("Koken",),
            ("Dagbesteding met horeca-activiteiten",),
            HOSPITALITY,
            "Entree-opleiding Horeca",
            "Lunchroom Het Anker",
            "Helpt graag in de keuken en zet koffie voor anderen.",
            day_care="Dagcentrum Het Anker",
        ),
        Story(
            RETAIL,
            ("Werken in een winkel",),
            ("Dagbesteding in de kringloopwinkel",),
            RETAIL,
            "Entree-opleiding Retail",
            "Kringloopwinkel De Schakel",
            "Sorteert en ordent graag; wil in een winkel helpen.",
            day_care="Kringloopwinkel De Schakel (dagbesteding)",
        ),
    ),
    OutflowProfile.VERVOLGONDERWIJS: (
        Story(
            CARE,
            ("Pedagogisch medewerker", "Helpende zorg en welzijn"),
            ("Medewerker huishouding in een zorgcentrum",),
            CARE,
            "Mbo 2 Helpende Zorg en Welzijn",
            "Zorgcentrum De Linde",
            "Droomt van werk in de zorg of met kinderen.",
        ),
        Story(
            TECHNICAL,
            ("Monteur",),
            ("Medewerker bandenservice",),
            TECHNICAL,
            "Mbo 2 Mobiliteit",
            "Garage Hermans",
            "Wil verder leren in de techniek en later monteur worden.",
        ),
        Story(
            RETAIL,
            ("Verkoper",),
            ("Medewerker supermarkt",),
            RETAIL,
            "Entree-opleiding Retail",
            "Albert Heijn Roermond",
            "Wil verder leren voor een baan in de winkel.",
        ),
    ),
}

# Why an internship lies outside the story's sector; written in its learning goals.
ORIENTATION = "Stage in een andere sector om te ori\u00ebnteren."

WORK = frozenset(
    {
        Destination.REGULAR_WORK,
        Destination.WORK_BANENAFSPRAAK,
        Destination.WORK_BBL,
        Destination.BESCHUT_WERK,
    }
)

# Further education after school: mbo, or back to vmbo, vso or another PrO school.
BACK_TO_LEARNING = frozenset(
    {Destination.ENTREE_MBO, Destination.VMBO, Destination.VSO, Destination.OTHER_PRO}
)


def story_for(student_id: int, profile: OutflowProfile | None) -> Story:
    """The student's story. It follows from the id (and the outflow profile), so every
    generator finds the same story without a column to keep it in."""
    stories = STORIES[OutflowProfile(profile or OutflowProfile.ARBEIDSMARKT)]
    return random.Random(student_id).choice(stories)


def sectors_of_job(job: str | None) -> set[str]:
    """The sectors a wish or chance job belongs to (none for a job outside the stories)."""
    return {
        sector
        for stories in STORIES.values()
        for story in stories
        for jobs, sector in (
            (story.wish_jobs, story.sector),
            (story.chance_jobs, story.chance_sector),
        )
        if job in jobs
    }


def place_without_network(story: Story, destination: Destination) -> str | None:
    """Where a student with this story goes, for a destination that is no employer of the
    network (or when there is no network)."""
    if destination in WORK:
        return story.workplace
    if destination is Destination.ENTREE_MBO:
        return f"Gilde Opleidingen, {story.course}"
    if destination is Destination.TRAINING_ROUTE:
        return f"Leerwerktraject Werkbedrijf, {story.sector.lower()}"
    if destination is Destination.DAGBESTEDING:
        return story.day_care
    return None
