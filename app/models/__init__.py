"""The data model: one module per aggregate. Importing this package registers every table."""

from app.models.aftercare import AftercareCall, Still
from app.models.audit import AuditEntry
from app.models.base import Base
from app.models.consent import (
    Basis,
    Consent,
    ConsentForm,
    ConsentScope,
    DataFlow,
    FlowDocument,
    Organisation,
    OrganisationContact,
    OrganisationKind,
)
from app.models.conversation import Agreement, Conversation, ConversationType, Participant
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
    PathEvent,
    PathEventKind,
    PathPhase,
    Phase,
    TransitionPath,
)
from app.models.profile import Factor, KeyDecision, ProfileAssessment, ProfileItem, ProfileScore
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
    "AgendaItem",
    "Agreement",
    "AuditEntry",
    "Base",
    "Basis",
    "Consent",
    "ConsentForm",
    "ConsentScope",
    "Conversation",
    "ConversationType",
    "DataFlow",
    "Destination",
    "Draft",
    "Employer",
    "EmployerContact",
    "ExportLog",
    "Factor",
    "FlowDocument",
    "Guardian",
    "GuardianRelation",
    "Instrument",
    "Internship",
    "InternshipEvaluation",
    "InternshipStatus",
    "InternshipType",
    "KeyDecision",
    "LegalRepresentation",
    "ListKind",
    "MeetingAction",
    "Organisation",
    "OrganisationContact",
    "OrganisationKind",
    "OutflowMeeting",
    "OutflowProfile",
    "Participant",
    "PathEvent",
    "PathEventKind",
    "PathPhase",
    "Phase",
    "ProfileAssessment",
    "ProfileItem",
    "ProfileScore",
    "Role",
    "SchoolSettings",
    "SchoolType",
    "Sex",
    "Still",
    "Student",
    "TransitionPath",
    "User",
]
