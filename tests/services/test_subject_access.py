"""A data-subject access request: everything about one student, nothing about another."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.errors import KoersError, NotFoundError
from app.db import Store
from app.export.subject_access import write_subject_access
from app.models import (
    AftercareCall,
    AgendaItem,
    Agreement,
    AuditEntry,
    Consent,
    Conversation,
    ConversationType,
    Draft,
    Employer,
    EmployerContact,
    ExportLog,
    Factor,
    Internship,
    InternshipEvaluation,
    InternshipType,
    KeyDecision,
    MeetingAction,
    MeetingCase,
    MeetingKind,
    Organisation,
    OrganisationKind,
    OutflowMeeting,
    Participant,
    PathEvent,
    PathEventKind,
    ProfileAssessment,
    ProfileItem,
    ProfileScore,
    TransitionPath,
)
from app.services.admin import subject_access
from app.services.common.actor import Actor
from app.services.students import student_file as students
from app.services.students.student_file import GuardianInput, StudentInput

# Every table that holds rows about a student, directly or through another row.
FILE_TABLES = {
    "students",
    "guardians",
    "transition_paths",
    "path_events",
    "profile_assessments",
    "profile_scores",
    "key_decisions",
    "internships",
    "internship_evaluations",
    "conversations",
    "conversation_participants",
    "agreements",
    "aftercare_calls",
    "consents",
    "meeting_cases",
    "meeting_agenda_items",
    "meeting_actions",
    "export_log",
    "drafts",
}


def _student_with_history(store: Store, actor: Actor, name: str, las_key: str) -> int:
    """A student with a row in every part of the file, each marked with `name`."""
    student_id = store.run(
        students.create_student,
        actor,
        StudentInput(
            first_name=name,
            surname="Testpersoon",
            las_key=las_key,
            guardians=[GuardianInput(name=f"Ouder van {name}", phone="06-12345678")],
        ),
    )
    store.run(students.open_student_file, actor, student_id)
    with store.session() as s:
        path_id = s.scalar(select(TransitionPath.id).where(TransitionPath.student_id == student_id))
        s.add(
            PathEvent(
                path_id=path_id,
                kind=PathEventKind.NOTE,
                happened_on=date(2026, 3, 1),
                reason=f"notitie {name}",
            )
        )
        item = ProfileItem(factor=Factor.DOEN, label=f"Samenwerken {name}")
        organisation = Organisation(
            code=f"GEM-{las_key}",
            name=f"Gemeente {name}",
            kind=OrganisationKind.MUNICIPALITY,
            contact_email=f"geheim-{name}@gemeente.nl",
        )
        employer = Employer(name=f"Bakkerij {name}")
        contact = EmployerContact(name=f"Praktijkbegeleider {name}", phone="06-99999999")
        employer.contacts.append(contact)
        meeting = OutflowMeeting(held_on=date(2026, 2, 1), minutes="notulen over iedereen")
        s.add_all([item, organisation, employer, meeting])
        s.flush()
        assessment = ProfileAssessment(
            student_id=student_id, assessed_on=date(2026, 1, 10), wish_job=f"wens {name}"
        )
        assessment.scores.append(ProfileScore(item_id=item.id, score=3))
        internship = Internship(
            student_id=student_id,
            employer_id=employer.id,
            supervisor_id=contact.id,
            kind=InternshipType.BLOK,
            start_date=date(2026, 2, 2),
        )
        internship.evaluations.append(
            InternshipEvaluation(evaluated_on=date(2026, 3, 2), school_comment=f"goed {name}")
        )
        conversation = Conversation(
            student_id=student_id,
            kind=ConversationType.ADVIES,
            held_at=datetime(2026, 1, 20, 15, 0),
            summary=f"gesprek {name}",
        )
        conversation.participants.append(Participant(name=f"Ouder van {name}", role="ouder"))
        conversation.agreements.append(Agreement(what=f"afspraak {name}", who="mentor"))
        consent = Consent(
            student_id=student_id,
            organisation_id=organisation.id,
            scopes="profiel",
            given_on=date(2026, 1, 5),
            form="papier",
        )
        case = MeetingCase(
            student_id=student_id,
            kind=MeetingKind.UITSTROOMOVERLEG,
            registered_on=date(2026, 1, 10),
            question=f"vraag {name}",
            actions=[MeetingAction(what=f"actie {name}", owner_name="gemeente")],
        )
        s.add(case)
        s.flush()
        agenda = AgendaItem(
            meeting_id=meeting.id, case_id=case.id, student_id=student_id, question=f"vraag {name}"
        )
        s.add_all(
            [
                assessment,
                internship,
                conversation,
                consent,
                agenda,
                KeyDecision(
                    student_id=student_id, decided_on=date(2026, 1, 12), decision=f"keuze {name}"
                ),
                AftercareCall(student_id=student_id, due_date=date(2026, 9, 1), note=f"bel {name}"),
                Draft(
                    user_id=actor.user_id,
                    student_id=student_id,
                    kind="personalia",
                    payload=json.dumps({"first_name": f"{name}-concept"}),
                ),
            ]
        )
        s.flush()
        s.add(
            ExportLog(
                user_id=actor.user_id,
                student_id=student_id,
                organisation_id=organisation.id,
                consent_id=consent.id,
                what=f"overdracht {name}",
            )
        )
    return student_id


@pytest.fixture
def two_students(store: Store, coordinator: Actor) -> tuple[int, int]:
    return (
        _student_with_history(store, coordinator, "Anna", "7001"),
        _student_with_history(store, coordinator, "Bram", "7002"),
    )


def test_the_export_holds_every_part_of_the_file_and_nothing_of_another_student(
    store: Store, coordinator: Actor, two_students: tuple[int, int]
) -> None:
    anna, bram = two_students
    data = store.run(subject_access.export_subject_data, coordinator, "7001")

    assert data["student"] == {"id": anna, "las_key": "7001", "name": "Anna Testpersoon"}
    tables = data["tables"]
    assert set(tables) >= FILE_TABLES
    assert {name for name, rows in tables.items() if rows} == FILE_TABLES
    assert [r["id"] for r in tables["students"]] == [anna]
    for name in ("guardians", "consents", "aftercare_calls", "conversations", "export_log"):
        assert {r["student_id"] for r in tables[name]} == {anna}, name
    assert tables["agreements"][0]["what"] == "afspraak Anna"
    assert tables["internship_evaluations"][0]["school_comment"] == "goed Anna"
    assert tables["meeting_actions"][0]["what"] == "actie Anna"
    assert tables["path_events"][0]["reason"] == "notitie Anna"
    assert tables["drafts"][0]["payload"] == {"first_name": "Anna-concept"}
    assert tables["students"][0]["school_type"] == "vso"  # enums as their stored value

    # Nothing about Bram anywhere, not even in the related rows or the trail.
    text = json.dumps(data, ensure_ascii=False)
    assert "Bram" not in text
    assert "7002" not in text
    # Rows the file points at come with identifying columns only.
    assert data["related"]["organisations"] == [
        {
            "id": tables["consents"][0]["organisation_id"],
            "code": "GEM-7001",
            "name": "Gemeente Anna",
            "kind": "gemeente",
        }
    ]
    assert "geheim-Anna" not in text
    assert "notulen over iedereen" not in text
    assert {r["display_name"] for r in data["related"]["users"]} == {coordinator.display_name}

    # The trail: Anna's create, view and update entries, with who did it; not Bram's.
    trail = data["audit_log"]
    assert {(e["entity"], e["entity_id"]) for e in trail} == {("student", anna)}
    assert [e["action"] for e in trail] == ["create", "view"]
    assert trail[0]["user_name"] == coordinator.display_name
    assert bram not in {e["entity_id"] for e in trail}


def test_the_request_itself_is_logged_with_a_count_not_values(
    store: Store, coordinator: Actor, two_students: tuple[int, int]
) -> None:
    anna, _bram = two_students
    data = store.run(subject_access.export_subject_data, coordinator, anna)
    rows = sum(len(r) for r in data["tables"].values())
    with store.session() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
    assert (entry.action, entry.entity, entry.entity_id, entry.user_id) == (
        "subject_access_export",
        "student",
        anna,
        coordinator.user_id,
    )
    assert entry.detail == f"rows={rows}"


def test_a_student_is_found_by_las_key_or_id_and_an_unknown_one_is_refused(
    store: Store, coordinator: Actor, two_students: tuple[int, int]
) -> None:
    anna, bram = two_students
    assert store.run(subject_access.export_subject_data, coordinator, anna)["student"]["id"] == anna
    by_digits = store.run(subject_access.export_subject_data, coordinator, str(bram))
    assert by_digits["student"]["id"] == bram
    with pytest.raises(NotFoundError, match="9999"):
        store.run(subject_access.export_subject_data, coordinator, "9999")


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_file_is_utf8_json_and_an_unwritable_path_logs_nothing(
    store: Store, coordinator: Actor, tmp_path: Path
) -> None:
    anna = store.run(
        students.create_student,
        coordinator,
        StudentInput(first_name="Zoë", surname="Daniëls", las_key="7003"),
    )
    (tmp_path / "inzage").mkdir()
    target = tmp_path / "inzage" / "zoe.json"
    saved = store.run(subject_access.save_subject_access, coordinator, "7003", str(target))
    raw = target.read_bytes()
    assert "Zoë Daniëls".encode() in raw
    loaded = json.loads(raw.decode("utf-8"))
    assert loaded["student"]["id"] == anna
    assert saved.rows == sum(len(r) for r in loaded["tables"].values())

    def exports() -> int:
        with store.session() as s:
            actions = s.scalars(select(AuditEntry.action)).all()
        return actions.count("subject_access_export")

    assert exports() == 1
    blocked = tmp_path / "een-bestand"
    blocked.write_text("geen map")
    # A path through a file, and a folder that does not exist: a Dutch refusal, no entry.
    for bad in (blocked / "x.json", tmp_path / "bestaat-niet" / "x.json"):
        with pytest.raises(KoersError, match=r"bestaat niet|niet in een map"):
            store.run(subject_access.save_subject_access, coordinator, "7003", str(bad))
    assert exports() == 1


def test_write_subject_access_replaces_a_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "uit.json"
    target.write_text("oud")
    write_subject_access({"naam": "Jeroen Bosman", "n": 1}, target)
    assert json.loads(target.read_text("utf-8")) == {"naam": "Jeroen Bosman", "n": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["uit.json"]
