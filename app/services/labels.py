"""Dutch labels for the domain's fixed lists, shared by the UI, reports and the CLI."""

from __future__ import annotations

from enum import StrEnum

from app.models import (
    ContactRole,
    Destination,
    Evaluator,
    GuardianRelation,
    InternshipOutcome,
    InternshipStatus,
    InternshipType,
    LegalRepresentation,
    OutflowProfile,
    Phase,
    Role,
    SchoolType,
    Sex,
)

ROLE = {
    Role.COORDINATOR: "Uitstroomcoördinator",
    Role.MENTOR: "Mentor",
    Role.READ_ONLY: "Alleen lezen",
}

SCHOOL_TYPE = {SchoolType.VSO: "VSO", SchoolType.PRO: "PrO", SchoolType.ENTREE: "Entree"}

OUTFLOW_PROFILE = {
    OutflowProfile.ARBEIDSMARKT: "Arbeidsmarktgericht",
    OutflowProfile.DAGBESTEDING: "Dagbesteding",
    OutflowProfile.VERVOLGONDERWIJS: "Vervolgonderwijs",
}

PHASE = {
    Phase.ORIENTATION: "Oriëntatie",
    Phase.TRANSITION_INTERNSHIP: "Transitiestage",
    Phase.OUTFLOW: "Uitstroom",
    Phase.AFTERCARE: "Nazorg",
    Phase.CLOSED: "Afgesloten",
}

DESTINATION = {
    Destination.REGULAR_WORK: "Regulier werk",
    Destination.WORK_BANENAFSPRAAK: "Werk met banenafspraak",
    Destination.WORK_BBL: "Werk met bbl",
    Destination.BESCHUT_WERK: "Beschut werk",
    Destination.DAGBESTEDING: "Dagbesteding",
    Destination.TRAINING_ROUTE: "Voorbereidend of scholingstraject",
    Destination.ENTREE_MBO: "Entree / mbo 2+",
    Destination.OTHER_SCHOOL: "Terug naar vmbo, vso of andere PrO-school",
    Destination.ABROAD: "Verhuisd naar het buitenland",
    Destination.BENEFIT: "Uitkering zonder werk",
    Destination.NOTHING: "Geen werk of studie",
    Destination.UNKNOWN: "Onbekend",
}

SEX = {Sex.MALE: "Man", Sex.FEMALE: "Vrouw", Sex.OTHER: "Anders / onbekend"}

GUARDIAN_RELATION = {
    GuardianRelation.MOTHER: "Moeder",
    GuardianRelation.FATHER: "Vader",
    GuardianRelation.PARENT: "Ouder",
    GuardianRelation.GUARDIAN: "Voogd",
    GuardianRelation.CURATOR: "Curator",
    GuardianRelation.MENTOR_LEGAL: "Mentor (wettelijk)",
    GuardianRelation.FOSTER: "Pleegouder",
    GuardianRelation.OTHER: "Andere vertrouwenspersoon",
}

LEGAL_REPRESENTATION = {
    LegalRepresentation.NONE: "Geen",
    LegalRepresentation.CURATELE: "Curatele",
    LegalRepresentation.MENTORSCHAP: "Mentorschap",
}


def label(mapping: dict, value: StrEnum | None) -> str:
    return "" if value is None else mapping.get(value, str(value))


# --- internships and employers (issue 7) ---

INTERNSHIP_TYPE = {
    InternshipType.SNUFFEL: "Snuffelstage",
    InternshipType.BLOK: "Blokstage",
    InternshipType.LINT: "Lintstage",
    InternshipType.TRANSITIE: "Transitiestage",
}

INTERNSHIP_STATUS = {
    InternshipStatus.PLANNED: "Gepland",
    InternshipStatus.RUNNING: "Loopt",
    InternshipStatus.COMPLETED: "Afgerond",
    InternshipStatus.BROKEN_OFF: "Afgebroken",
}

INTERNSHIP_OUTCOME = {
    InternshipOutcome.CONTRACT_OFFERED: "Contract aangeboden",
    InternshipOutcome.INTENTION_TO_CONTRACT: "Intentie tot contract",
    InternshipOutcome.FOLLOW_UP_INTERNSHIP: "Vervolgstage",
    InternshipOutcome.POSITIVE: "Positief afgerond",
    InternshipOutcome.NOT_SUITABLE: "Past niet bij de leerling",
    InternshipOutcome.NONE: "Geen vervolg",
}

EVALUATOR = {
    Evaluator.SCHOOL: "School",
    Evaluator.SUPERVISOR: "Praktijkbegeleider",
    Evaluator.TOGETHER: "School en praktijkbegeleider samen",
}

CONTACT_ROLE = {
    ContactRole.SUPERVISOR: "Praktijkbegeleider",
    ContactRole.HR: "HR / personeelszaken",
    ContactRole.MANAGER: "Leidinggevende",
    ContactRole.OTHER: "Anders",
}


def outcome_label(value: str | None) -> str:
    """An internship's outcome in Dutch; older free-text outcomes show as typed."""
    if not value:
        return ""
    try:
        return INTERNSHIP_OUTCOME[InternshipOutcome(value)]
    except ValueError:
        return value
