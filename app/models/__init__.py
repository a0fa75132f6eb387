"""The data model: one module per aggregate. Importing this package registers every table."""

from app.models.aftercare import (
    AftercareCall,
    AftercarePlan,
    AftercareSignal,
    CallAction,
    CallKind,
    Channel,
    DropoutReportProposal,
    ProposalStatus,
    SignalKind,
    Still,
)
from app.models.audit import AuditEntry
from app.models.base import Base
from app.models.consent import Consent, Organisation, OrganisationKind
from app.models.conversation import (
    Agreement,
    ConsentAnswer,
    Conversation,
    ConversationStatus,
    ConversationType,
    Participant,
    ParticipantRole,
)
from app.models.draft import Draft
from app.models.employer import Employer, EmployerContact
from app.models.export_log import ExportLog
from app.models.internship import (
    Internship,
    InternshipEvaluation,
    InternshipStatus,
    InternshipType,
)
from app.models.meeting import AgendaItem, ListKind, MeetingAction, OutflowMeeting
from app.models.path import (
    Destination,
    Instrument,
    InstrumentKind,
    InstrumentStatus,
    PathEvent,
    PathEventKind,
    PathPhase,
    Phase,
    TransitionPath,
)
from app.models.profile import (
    DecisionParticipant,
    DecisionRole,
    Factor,
    KeyDecision,
    ProfileAssessment,
    ProfileItem,
    ProfileScore,
)
from app.models.school import SchoolSettings
from app.models.student import (
    Guardian,
    GuardianRelation,
    LegalRepresentation,
    OutflowProfile,
    SchoolType,
    Sex,
    Student,
)
from app.models.user import Role, User

__all__ = [
    "AftercareCall",
    "AftercarePlan",
    "AftercareSignal",
    "AgendaItem",
    "Agreement",
    "AuditEntry",
    "Base",
    "CallAction",
    "CallKind",
    "Channel",
    "Consent",
    "ConsentAnswer",
    "Conversation",
    "ConversationStatus",
    "ConversationType",
    "DecisionParticipant",
    "DecisionRole",
    "Destination",
    "Draft",
    "DropoutReportProposal",
    "Employer",
    "EmployerContact",
    "ExportLog",
    "Factor",
    "Guardian",
    "GuardianRelation",
    "Instrument",
    "InstrumentKind",
    "InstrumentStatus",
    "Internship",
    "InternshipEvaluation",
    "InternshipStatus",
    "InternshipType",
    "KeyDecision",
    "LegalRepresentation",
    "ListKind",
    "MeetingAction",
    "Organisation",
    "OrganisationKind",
    "OutflowMeeting",
    "OutflowProfile",
    "Participant",
    "ParticipantRole",
    "PathEvent",
    "PathEventKind",
    "PathPhase",
    "Phase",
    "ProfileAssessment",
    "ProfileItem",
    "ProfileScore",
    "ProposalStatus",
    "Role",
    "SchoolSettings",
    "SchoolType",
    "Sex",
    "SignalKind",
    "Still",
    "Student",
    "TransitionPath",
    "User",
]
