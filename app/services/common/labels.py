"""Dutch labels for the domain's fixed lists, shared by the UI, reports and the CLI."""

from __future__ import annotations

from enum import StrEnum

from app.models import (
    Basis,
    CallAction,
    CallKind,
    Channel,
    ConsentAnswer,
    ConsentForm,
    ConsentScope,
    ContactRole,
    ConversationStatus,
    ConversationType,
    DecisionRole,
    Destination,
    Evaluator,
    Factor,
    FlowDocument,
    GuardianRelation,
    InstrumentKind,
    InstrumentStatus,
    InternshipOutcome,
    InternshipStatus,
    InternshipType,
    ItemScale,
    LegalRepresentation,
    NoWorkReason,
    OrganisationKind,
    OutflowProfile,
    ParticipantRole,
    PathEventKind,
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
    Role.BOARD: "Bestuur",
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
    Destination.VMBO: "Terug naar het vmbo",
    Destination.VSO: "Naar het vso",
    Destination.OTHER_PRO: "Naar een andere PrO-school",
    Destination.SCHOOL_UNSETTLED: "Terug naar school, nog uitzoeken welke",
    Destination.ABROAD: "Verhuisd naar het buitenland",
    Destination.BENEFIT: "Uitkering zonder werk",
    Destination.NOTHING: "Geen werk of studie",
    Destination.UNKNOWN: "Onbekend",
}

NO_WORK_REASON = {
    NoWorkReason.BEHAVIOUR_MOTIVATION: "Gedrags- of motivatieproblemen",
    NoWorkReason.DISMISSAL: "Ontslagen",
    NoWorkReason.EARLY_SCHOOL_LEAVING: "Voortijdig gestopt met school",
    NoWorkReason.ILLNESS: "Ziekte",
    NoWorkReason.CARE: "Zorg (voor zichzelf of een ander)",
    NoWorkReason.OTHER: "Een andere reden",
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


# --- conversations ---------------------------------------------------------------------

CONVERSATION_TYPE = {
    ConversationType.ADVIES: "Adviesgesprek",
    ConversationType.TRANSITIE_1: "Transitiegesprek 1 (op school)",
    ConversationType.TRANSITIE_2: "Transitiegesprek 2 (bij de gemeente)",
    ConversationType.UITSTROOM: "Uitstroomgesprek (einde schooljaar)",
    ConversationType.KEUKENTAFEL: "Keukentafelgesprek (thuis)",
    ConversationType.OTHER: "Ander gesprek",
}

CONVERSATION_STATUS = {
    ConversationStatus.PLANNED: "Gepland",
    ConversationStatus.HELD: "Gehouden",
}

PARTICIPANT_ROLE = {
    ParticipantRole.STUDENT: "Leerling",
    ParticipantRole.PARENT: "Ouder, verzorger of vertrouwenspersoon",
    ParticipantRole.MENTOR: "Mentor",
    ParticipantRole.COORDINATOR: "Uitstroomcoördinator",
    ParticipantRole.RMC: "RMC-consulent",
    ParticipantRole.WORK_MATCHER: "Werkmatcher van de gemeente",
    ParticipantRole.JOB_COACH: "Jobcoach",
    ParticipantRole.INTERPRETER: "Tolk",
    ParticipantRole.NEIGHBOURHOOD_TEAM: "Medewerker wijkteam",
    ParticipantRole.OTHER: "Anders",
}

CONSENT_ANSWER = {
    ConsentAnswer.YES: "Ja",
    ConsentAnswer.NO: "Nee",
    ConsentAnswer.LATER: "Denkt er nog over na",
}

# --- profile and path -------------------------------------------------------------------

FACTOR = {
    Factor.DENKEN: "Denken",
    Factor.DOEN: "Doen",
    Factor.WILLEN: "Willen",
    Factor.ZIJN: "Zijn",
}

FACTOR_MEANING = {
    Factor.DENKEN: "Wat de leerling begrijpt, leest, rekent, plant en leert",
    Factor.DOEN: "Wat de leerling lichamelijk en in het werk kan",
    Factor.WILLEN: "Wat de leerling wil, droomt en belangrijk vindt",
    Factor.ZIJN: "Wie de leerling is: thuis, netwerk, gedrag en steun die nodig is",
}

# Each item is scored 1..4 in the words of its own scale (the model says what each measures).
ITEM_SCALE = {
    ItemScale.SKILL: "Vaardigheid",
    ItemScale.SUPPORT: "Steun die nodig is",
    ItemScale.WISH: "Wens of drijfveer",
}

SCALE_WORDS = {
    ItemScale.SKILL: {
        1: "Lukt nog niet",
        2: "Lukt met veel hulp",
        3: "Lukt met een beetje hulp",
        4: "Lukt zelfstandig",
    },
    ItemScale.SUPPORT: {
        1: "Veel steun nodig",
        2: "Regelmatig steun nodig",
        3: "Af en toe steun nodig",
        4: "Weinig steun nodig",
    },
    ItemScale.WISH: {
        1: "Nog niet duidelijk",
        2: "Een beetje duidelijk",
        3: "Duidelijk",
        4: "Heel duidelijk",
    },
}


def score_words(scale: ItemScale, score: int | None) -> str:
    """A score in the words of its item's scale; empty when not scored."""
    return "" if score is None else SCALE_WORDS[scale].get(score, "")


# The wish-job / chance-job pair, the same words in the profile tab and in every report.
WISH_JOB = "Wensbaan"
CHANCE_JOB = "Kansbaan"

DECISION_ROLE = {
    DecisionRole.STUDENT: "Leerling",
    DecisionRole.PARENT: "Ouder / verzorger",
    DecisionRole.MENTOR: "Mentor",
    DecisionRole.CASE_LEAD: "Regievoerder",
    DecisionRole.OTHER: "Anders",
}

INSTRUMENT_KIND = {
    InstrumentKind.BANENAFSPRAAK: "Indicatie banenafspraak",
    InstrumentKind.NO_RISK: "No-riskpolis",
    InstrumentKind.WAGE_SUBSIDY: "Loonkostensubsidie",
    InstrumentKind.JOB_COACH: "Jobcoach",
    InstrumentKind.WORKPLACE_ADJUSTMENT: "Werkplekaanpassing",
    InstrumentKind.SECTOR_CERTIFICATE: "Branchecertificaat (bijv. heftruck, VCA)",
    InstrumentKind.PRACTICE_CERTIFICATE: "Praktijkverklaring",
}

INSTRUMENT_STATUS = {
    InstrumentStatus.REQUESTED: "Aangevraagd",
    InstrumentStatus.GRANTED: "Toegekend",
    InstrumentStatus.ACTIVE: "Loopt",
    InstrumentStatus.REFUSED: "Afgewezen",
    InstrumentStatus.ENDED: "Beëindigd",
}

PATH_EVENT_KIND = {
    PathEventKind.DESTINATION_SET: "Bestemming",
    PathEventKind.FALL_BACK: "Terugval",
    PathEventKind.NOTE: "Notitie",
    PathEventKind.PHASE_STARTED: "Nieuwe fase",
    PathEventKind.HANDOVER: "Warme overdracht",
}

# --- aftercare (nazorg) -----------------------------------------------------------------

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

# --- internships and employers ----------------------------------------------------------

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


# --- consent and the network -------------------------------------------------------------

ORGANISATION_KIND = {
    OrganisationKind.MUNICIPALITY: "Gemeente",
    OrganisationKind.RMC: "RMC-regio / Doorstroompunt",
    OrganisationKind.UWV: "UWV",
    OrganisationKind.CARE: "Zorg",
    OrganisationKind.EDUCATION: "Onderwijs",
    OrganisationKind.OTHER: "Andere partner",
}

CONSENT_SCOPE = {
    ConsentScope.PROFILE: "Profiel (Denken/Doen/Willen/Zijn, wensbaan en kansbaan)",
    ConsentScope.INTERNSHIPS: "Stages en hun uitkomst",
    ConsentScope.CONVERSATIONS: "Gesprekken en open afspraken",
    ConsentScope.PATH: "Traject, uitstroombestemming en instrumenten",
    ConsentScope.AFTERCARE: "Nazorg",
    ConsentScope.MEETING: "Bespreking in het uitstroomoverleg of de actietafel",
}

CONSENT_SCOPE_SHORT = {
    ConsentScope.PROFILE: "profiel",
    ConsentScope.INTERNSHIPS: "stages",
    ConsentScope.CONVERSATIONS: "gesprekken",
    ConsentScope.PATH: "traject en bestemming",
    ConsentScope.AFTERCARE: "nazorg",
    ConsentScope.MEETING: "bespreking in het overleg",
}

CONSENT_FORM = {
    ConsentForm.PAPER: "Getekend formulier (scan)",
    ConsentForm.VERBAL: "Mondeling, met getuige",
    ConsentForm.DIGITAL: "Digitaal",
}

FLOW_DOCUMENT = {
    FlowDocument.TRANSITION_REPORT: "Overdrachtsdossier",
    FlowDocument.LEAVERS_LIST: "Lijst van vertrekkers",
    FlowDocument.MEETING_SUBMISSION: "Aanmelding voor het overleg",
}

BASIS = {Basis.CONSENT: "Toestemming", Basis.LEGAL: "Wettelijke grondslag"}


# What a LAS import could not fill in, as the student file names it. Here, not beside the
# import: opening a file must not load the import's modules (a cold first file, issue 19).
LAS_MISSING = {
    "first_name": "roepnaam",
    "birth_date": "geboortedatum (telt als minderjarig)",
    "sex": "geslacht",
    "bsn": "BSN of onderwijsnummer",
    "postcode": "postcode",
}


def missing_labels(codes: str | None) -> list[str]:
    """The Dutch words for what an import could not fill in (shown in the student file)."""
    return [LAS_MISSING.get(c, c) for c in (codes or "").split(",") if c]
