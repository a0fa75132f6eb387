"""Dutch labels for the domain's fixed lists, shared by the UI, reports and the CLI."""

from __future__ import annotations

from enum import StrEnum

from app.models import (
    Destination,
    GuardianRelation,
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


# --- consent and the network (issue 10) ---------------------------------------------------
from app.models.consent import (  # noqa: E402
    Basis,
    ConsentForm,
    ConsentScope,
    FlowDocument,
    OrganisationKind,
)

ORGANISATION_KIND = {
    OrganisationKind.MUNICIPALITY: "Gemeente",
    OrganisationKind.RMC: "RMC-regio / Doorstroompunt",
    OrganisationKind.UWV: "UWV",
    OrganisationKind.CARE: "Zorg",
    OrganisationKind.EDUCATION: "Onderwijs",
    OrganisationKind.OTHER: "Andere partner",
}

CONSENT_SCOPE = {
    ConsentScope.PROFILE: "Profiel (Denken/Doen/Willen/Zijn, wens- en kansberoep)",
    ConsentScope.INTERNSHIPS: "Stages en hun uitkomst",
    ConsentScope.CONVERSATIONS: "Gesprekken en open afspraken",
    ConsentScope.PATH: "Traject, uitstroombestemming en instrumenten",
    ConsentScope.AFTERCARE: "Nazorg",
}

CONSENT_SCOPE_SHORT = {
    ConsentScope.PROFILE: "profiel",
    ConsentScope.INTERNSHIPS: "stages",
    ConsentScope.CONVERSATIONS: "gesprekken",
    ConsentScope.PATH: "traject en bestemming",
    ConsentScope.AFTERCARE: "nazorg",
}

CONSENT_FORM = {
    ConsentForm.PAPER: "Getekend formulier (scan)",
    ConsentForm.VERBAL: "Mondeling, met getuige",
    ConsentForm.DIGITAL: "Digitaal",
}

FLOW_DOCUMENT = {
    FlowDocument.TRANSITION_REPORT: "Overdrachtsdossier",
    FlowDocument.LEAVERS_LIST: "Lijst van vertrekkers",
}

BASIS = {Basis.CONSENT: "Toestemming", Basis.LEGAL: "Wettelijke grondslag"}
