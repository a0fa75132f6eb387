"""Dutch labels for the domain's fixed lists, shared by the UI, reports and the CLI."""

from __future__ import annotations

from enum import StrEnum

from app.models import (
    CallAction,
    CallKind,
    Channel,
    Destination,
    GuardianRelation,
    LegalRepresentation,
    OutflowProfile,
    Phase,
    ProposalStatus,
    Role,
    SchoolType,
    Sex,
    SignalKind,
    Still,
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


# --- aftercare (nazorg) ---------------------------------------------------------------------

CHANNEL = {
    Channel.PHONE: "Telefoon",
    Channel.WHATSAPP: "WhatsApp",
    Channel.EMAIL: "E-mail",
    Channel.VISIT: "Huisbezoek",
}

STILL = {
    Still.SAME: "Nog op dezelfde plek",
    Still.CHANGED: "Andere plek",
    Still.DROPPED_OUT: "Uitgevallen",
    Still.UNKNOWN: "Onbekend",
}

SIGNAL_KIND = {
    SignalKind.WORK: "Werk",
    SignalKind.INCOME: "Inkomen",
    SignalKind.HOUSING: "Wonen",
    SignalKind.HEALTH: "Gezondheid",
    SignalKind.HOME: "Thuissituatie",
    SignalKind.JUSTICE: "Justitie",
    SignalKind.UNREACHABLE: "Onbereikbaar",
}

CALL_ACTION = {
    CallAction.NONE: "Geen",
    CallAction.VANGNET: "Doorverwezen naar vangnet gemeente",
    CallAction.JOB_COACH: "Jobcoach ingeschakeld",
    CallAction.CARE: "Zorg ingeschakeld",
}

CALL_KIND = {
    CallKind.PLANNED: "Gepland",
    CallKind.RETRY: "Nieuwe poging",
    CallKind.WAAKVLAM: "Waakvlam",
}

PROPOSAL_STATUS = {
    ProposalStatus.PROPOSED: "Voorgesteld, niet verstuurd",
    ProposalStatus.SENT: "Verstuurd",
    ProposalStatus.DECLINED: "Afgezien",
}
