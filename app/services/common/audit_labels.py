"""Dutch words for the audit trail: what the coordinator reads in Beheer → Auditlogboek.

The trail stores codes (action, entity, detail) so its hash chain never depends on wording;
these tables turn them into Dutch when shown. A code without a label is shown as it is, so
tests/services/test_audit_labels.py checks that every code the app records has one.
"""

from __future__ import annotations

import re

ACTION_LABELS = {
    "login": "Aangemeld",
    "logout": "Afgemeld",
    "login_failed": "Aanmelden mislukt",
    "login_locked_out": "Aanmelden geblokkeerd",
    "school_created": "School aangemaakt",
    "demo_generated": "Demoschool aangemaakt",
    "view": "Bekeken",
    "create": "Toegevoegd",
    "update": "Gewijzigd",
    "delete": "Verwijderd",
    "export": "Uitgevoerd",
    "print": "Afgedrukt",
    "purge": "Verwijderd na bewaartermijn",
    "user_created": "Gebruiker toegevoegd",
    "user_updated": "Gebruiker gewijzigd",
    "user_deactivated": "Gebruiker uitgeschakeld",
    "user_activated": "Gebruiker geactiveerd",
    "password_reset": "Wachtwoord opnieuw ingesteld",
    "password_changed": "Eigen wachtwoord gewijzigd",
    "subject_access_export": "Inzageverzoek uitgevoerd",
    "backup": "Back-up gemaakt",
    "restore": "Back-up teruggezet",
    "lock": "Venster vergrendeld",
    "unlock": "Ontgrendeld",
    "unlock_failed": "Ontgrendelen mislukt",
    "las_import": "Leerlingen ingelezen uit het LAS",
    "las_import_preview": "Voorbeeld van een LAS-import bekeken",
    "students_listed": "Leerlingenlijst uitgevoerd (opdrachtregel)",
    "export_refused": "Uitvoer geweigerd (toestemming)",
    "import": "Gegevens ingelezen",
    "done": "Afgevinkt",
    "reopen": "Weer geopend",
    "audit_chain_keyed": "Auditlogboek vanaf hier beveiligd met de databasesleutel",
}

ENTITY_LABELS = {
    "aftercare": "Nazorg van een leerling",
    "aftercare_call": "Nazorgcontact",
    "aftercare_plan": "Nazorgplan",
    "aftercare_retention": "Bestendiging",
    "aftercare_worklist": "Nazorglijst",
    "board": "Overzicht van het bestuur",
    "trends": "Trendcijfers",
    "agreement": "Afspraak",
    "backups": "Back-ups",
    "bottleneck_category": "Soort knelpunt",
    "consent": "Toestemming",
    "consent_attachment": "Scan van toestemming",
    "consent_register": "Toestemmingen van een leerling",
    "conversation": "Gesprek",
    "data_flow": "Gegevensstroom",
    "database": "Database",
    "dropout_report_proposal": "Melding uitval",
    "dropout_report_proposals": "Meldingen uitval",
    "employer": "Werkgever",
    "instrument": "Instrument",
    "internship": "Stage",
    "internship_evaluation": "Stage-evaluatie",
    "internships": "Stages van een leerling",
    "key_decision": "Sleutelbeslissing",
    "meeting": "Overleg",
    "meeting_action": "Actie uit het overleg",
    "meeting_bottleneck": "Knelpunt uit het overleg",
    "meeting_case": "Casus in het overleg",
    "meeting_escalation": "Opschaling van een casus",
    "meeting_participant": "Deelnemer aan het overleg",
    "meeting_submission": "Aanmelding voor het overleg",
    "meeting_student": "Overleg van een leerling",
    "my_agreements": "Mijn afspraken",
    "organisation": "Organisatie",
    "parent_report": "Verslag voor ouders",
    "path": "Traject",
    "path_phase": "Trajectfase",
    "planned_conversations": "Geplande gesprekken",
    "planner": "Stageplanner",
    "profile": "Profiel",
    "profile_assessment": "Profielmeting",
    "profile_comparison": "Vergelijking van profielmetingen",
    "profile_item": "Profielitem",
    "school": "School",
    "school_free_days": "Vrije dagen van de school",
    "school_settings": "Schoolinstellingen",
    "schools": "Scholen",
    "sector": "Sector",
    "student": "Leerling",
    "student_agreements": "Afspraken van een leerling",
    "student_conversations": "Gesprekken van een leerling",
    "students": "Leerlingen",
    "user": "Gebruiker",
    "work_competency": "Werknemersvaardigheid",
}

# Keys and words in the detail column: counts (rows=25), what changed (field names), and
# a few fixed words. Numbers, file names and words already Dutch are shown as they are.
DETAIL_WORDS = {
    # counts and references
    "rows": "rijen",
    "weeks": "weken",
    "count": "aantal",
    "students": "leerlingen",
    "student": "leerling",
    "participants": "deelnemers",
    "agreements": "afspraken",
    "org": "organisatie",
    "log": "uitvoerregel",
    "scopes": "onderwerpen",
    "cbs": "CBS-gemeenten",
    "rmc": "RMC-regio's",
    "fase": "fase",
    "bestemming": "bestemming",
    "status": "status",
    "bron": "bron",
    "schooljaar": "schooljaar",
    "samengevoegd": "samengevoegd met",
    "samengevoegd_in": "samengevoegd in",
    # fixed words
    "past": "geplande gesprekken in het verleden",
    "reached": "bereikt",
    "unreached": "niet bereikt",
    "withdrawn": "ingetrokken",
    "plan": "planning",
    "mentor": "mentor",
    "follow_up_proposal": "voorstel vervolggesprek",
    "las_import": "LAS-import",
    "call_moments": "nazorgmomenten",
    "retention_months": "bewaartermijn (maanden)",
    "outflow_plan": "uitstroomplanning",
    "label": "naam",
    "position": "volgorde",
    "retired": "niet meer aangeboden",
    "restored": "weer aangeboden",
    "concept": "concept",
    # why an export was refused: the consent gate's short codes (consent/gate.py)
    "reden": "reden",
    "inactive": "ontvanger niet actief",
    "no_consent": "geen toestemming vastgelegd",
    "not_covered": "toestemming omvat dit niet",
    "not_yet": "toestemming geldt nog niet",
    "expired": "toestemming verlopen",
    "givers_missing": "toestemming niet volledig (ondertekenaar ontbreekt)",
    "no_recipient": "geen ontvanger",
    # fields of a student, a conversation, a user
    "first_name": "voornaam",
    "prefix": "tussenvoegsel",
    "surname": "achternaam",
    "birth_date": "geboortedatum",
    "sex": "geslacht",
    "las_key": "leerlingnummer",
    "email": "e-mail",
    "phone": "telefoon",
    "address": "adres",
    "postcode": "postcode",
    "city": "woonplaats",
    "municipality": "woongemeente",
    "school_type": "schoolsoort",
    "outflow_profile": "uitstroomprofiel",
    "class_name": "klas",
    "mentor_id": "mentor",
    "enrolment_date": "inschrijfdatum",
    "planned_outflow_date": "geplande uitstroom",
    "actual_outflow_date": "uitstroomdatum",
    "legal_representation": "wettelijke vertegenwoordiging",
    "notes": "notities",
    "guardians": "ouders/verzorgers",
    "kind": "soort",
    "date": "datum",
    "time": "tijd",
    "held_at": "datum en tijd",
    "place": "plaats",
    "agenda": "agenda",
    "summary": "samenvatting",
    "advice": "advies",
    "decisions": "besluiten",
    "contact_name": "contactpersoon",
    "contact_phone": "telefoon contactpersoon",
    "contact_email": "e-mail contactpersoon",
    "consent_asked": "toestemming gevraagd",
    "share_consent_asked": "toestemming gevraagd",
    "consent_municipality": "toestemming gemeente",
    "consent_rmc": "toestemming RMC",
    "consent_answered_by": "toestemming gegeven door",
    "follow_up_of_id": "vervolg op",
    "display_name": "naam",
    "username": "gebruikersnaam",
    "role": "rol",
}

_PAIR = re.compile(r"^([a-z_]+)([=:])(.*)$")


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)


def entity_label(entity: str | None) -> str:
    return ENTITY_LABELS.get(entity or "", entity or "")


def _word(word: str) -> str:
    return DETAIL_WORDS.get(word, word)


def _part(part: str) -> str:
    pair = _PAIR.match(part)
    if pair is None:
        return _word(part)
    key, _sign, value = pair.groups()
    return f"{_word(key)}: {_word(value)}"


def detail_label(detail: str | None) -> str:
    """'rows=25' -> 'rijen: 25'; 'first_name,surname' -> 'voornaam, achternaam'."""
    if not detail:
        return ""
    groups = [", ".join(_part(p) for p in group.split(",") if p) for group in detail.split(";")]
    return "; ".join(g for g in groups if g)
