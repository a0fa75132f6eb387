"""The data model: one module per aggregate. Importing this package registers every table."""

from app.models.aftercare import AftercareCall, Still
from app.models.audit import AuditEntry
from app.models.base import Base
from app.models.consent import Consent, Organisation, OrganisationKind
from app.models.conversation import Agreement, Conversation, ConversationType, Participant
from app.models.draft import Draft
from app.models.employer import ContactRole, Employer, EmployerContact, EmployerPlaces, Sector
from app.models.export_log import ExportLog
from app.models.internship import (
    CompetencyScore,
    Evaluator,
    Internship,
    InternshipEvaluation,
    InternshipOutcome,
    InternshipStatus,
    InternshipType,
    WorkCompetency,
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
    "CompetencyScore",
    "Consent",
    "ContactRole",
    "Conversation",
    "ConversationType",
    "Destination",
    "Draft",
    "Employer",
    "EmployerContact",
    "EmployerPlaces",
    "Evaluator",
    "ExportLog",
    "Factor",
    "Guardian",
    "GuardianRelation",
    "Instrument",
    "Internship",
    "InternshipEvaluation",
    "InternshipOutcome",
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
    "Sector",
    "Sex",
    "Still",
    "Student",
    "TransitionPath",
    "User",
    "WorkCompetency",
]
