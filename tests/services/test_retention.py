"""Retention: exactly the files past their date are listed and purged, everywhere, logged
without personal data; on an encrypted file no page, decrypted, still holds the name."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from sqlalchemy import Table, and_, exists, func, select, update
from sqlalchemy.orm import Session

from app.core.errors import KoersError, PermissionDeniedError, ValidationError
from app.db import Store
from app.db.store import sqlcipher_connect
from app.models import (
    AftercareCall,
    AftercarePlan,
    AftercareSignal,
    AgendaItem,
    Agreement,
    AuditEntry,
    Base,
    CompetencyScore,
    Consent,
    Conversation,
    ConversationType,
    DecisionParticipant,
    DecisionRole,
    Draft,
    DropoutReportProposal,
    Employer,
    EmployerContact,
    Escalation,
    EscalationRoute,
    ExportLog,
    Factor,
    Instrument,
    InstrumentKind,
    InstrumentStatus,
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
    PathPhase,
    Phase,
    ProfileAssessment,
    ProfileItem,
    ProfileScore,
    Role,
    SchoolSettings,
    SignalKind,
    Student,
    TransitionPath,
    User,
    WorkCompetency,
)
from app.services.admin import accounts, retention
from app.services.admin.unlock import create_encrypted_database
from app.services.common.actor import Actor
from app.services.students import student_file as students
from app.services.students.student_file import GuardianInput, StudentInput

TODAY = date(2031, 3, 15)
KEPT = 48  # months: 24 of aftercare, then 24 of retention (the defaults)
PURGED_SURNAME = "Zwanenburg-Quispel"
KEPT_SURNAME = "Oosterbroek-Liem"


def _add_user(store: Store, username: str, role: Role) -> Actor:
    with store.session() as session:
        user = User(username=username, display_name=username.title(), role=role)
        session.add(user)
        session.flush()
        return Actor(user.id, user.username, user.display_name, user.role)


def _plain_student(
    store: Store,
    surname: str,
    *,
    actual: date | None = None,
    planned: date | None = None,
    archived: bool = False,
) -> int:
    with store.session() as session:
        student = Student(
            first_name="Test",
            surname=surname,
            actual_outflow_date=actual,
            planned_outflow_date=planned,
            archived=archived,
        )
        session.add(student)
        session.flush()
        return student.id


def _full_file(store: Store, actor: Actor, first: str, surname: str, las_key: str) -> int:
    """A student with a row in every table that speaks about a student, each naming them."""
    sid = store.run(
        students.create_student,
        actor,
        StudentInput(
            first_name=first,
            surname=surname,
            las_key=las_key,
            phone="06-11112222",
            notes=f"Dossier van {first} {surname}",
            guardians=[GuardianInput(name=f"Moeder {surname}", relation="moeder")],
        ),
    )
    with store.session() as session:
        _fill(session, actor, sid, f"{first} {surname}")
    return sid


def _fill(session: Session, actor: Actor, sid: int, name: str) -> None:
    def shared(model, **values):
        found = session.scalars(select(model).filter_by(**values).limit(1)).first()
        if found is None:
            found = model(**values)
            session.add(found)
            session.flush()
        return found

    item = shared(ProfileItem, factor=Factor.DOEN, label="Werktempo")
    employer = shared(Employer, name="Hoveniersbedrijf Groen")
    contact = shared(EmployerContact, employer_id=employer.id, name="Piet Groen")
    organisation = shared(
        Organisation, code="GEM-RM", name="Gemeente Roermond", kind=OrganisationKind.MUNICIPALITY
    )
    meeting = shared(OutflowMeeting, held_on=date(2026, 11, 3))
    path = session.scalars(select(TransitionPath).where(TransitionPath.student_id == sid)).one()
    day = date(2026, 5, 1)

    assessment = ProfileAssessment(student_id=sid, assessed_on=day, wish_job=f"kok ({name})")
    assessment.scores = [ProfileScore(item_id=item.id, score=3, note=name)]
    internship = Internship(
        student_id=sid,
        employer_id=employer.id,
        supervisor_id=contact.id,
        kind=InternshipType.BLOK,
        start_date=day,
        learning_goals=f"Doelen van {name}",
    )
    skill = session.scalars(select(WorkCompetency.id).order_by(WorkCompetency.id)).first()
    internship.evaluations = [
        InternshipEvaluation(
            evaluated_on=day,
            school_comment=name,
            scores=[CompetencyScore(competency_id=skill, score=3)],
        )
    ]
    conversation = Conversation(
        student_id=sid,
        kind=ConversationType.UITSTROOM,
        held_at=datetime(2026, 5, 2, 10, 0),
        summary=f"Gesprek over {name}",
    )
    conversation.participants = [Participant(name=f"Vader van {name}", role="ouder")]
    conversation.agreements = [Agreement(what=f"{name} belt de werkgever", who=name)]
    case = MeetingCase(
        student_id=sid,
        kind=MeetingKind.UITSTROOMOVERLEG,
        registered_on=day,
        question=f"Wat past bij {name}?",
        actions=[MeetingAction(what="Contact met UWV", owner_name=name)],
        escalations=[
            Escalation(
                route=EscalationRoute.LEAD_MANAGER,
                escalated_on=day,
                to_name=f"Leidinggevende over {name}",
                reason=f"Geen voortgang voor {name}",
            )
        ],
    )
    session.add(case)
    session.flush()
    agenda = AgendaItem(
        meeting_id=meeting.id, case_id=case.id, student_id=sid, question=f"Wat past bij {name}?"
    )
    consent = Consent(
        student_id=sid,
        organisation_id=organisation.id,
        scopes="overdracht",
        given_by_guardian=f"Moeder van {name}",
        given_on=day,
        form="schriftelijk",
    )
    session.add_all(
        [
            assessment,
            KeyDecision(
                student_id=sid,
                decided_on=day,
                decision=f"{name} kiest werk",
                participants=[
                    DecisionParticipant(
                        role=DecisionRole.PARENT, name=f"Moeder van {name}", agreed=True
                    )
                ],
            ),
            internship,
            conversation,
            AftercareCall(student_id=sid, due_date=day, note=f"Gebeld met {name}"),
            agenda,
            consent,
            PathPhase(path_id=path.id, phase=Phase.OUTFLOW, start_date=day, lead_name=name),
            PathEvent(path_id=path.id, kind=PathEventKind.NOTE, happened_on=day, reason=name),
            Instrument(
                path_id=path.id,
                kind=InstrumentKind.JOB_COACH,
                status=InstrumentStatus.REQUESTED,
                note=name,
            ),
            Draft(user_id=actor.user_id, student_id=sid, kind="personalia", payload=name),
        ]
    )
    session.flush()
    session.add(ExportLog(user_id=actor.user_id, student_id=sid, what="overdrachtsdossier"))
    call = session.scalars(select(AftercareCall).where(AftercareCall.student_id == sid)).one()
    session.add_all(
        [
            AftercarePlan(student_id=sid, outflow_date=day, ends_on=day, last_call_id=call.id),
            AftercareSignal(student_id=sid, call_id=call.id, kind=SignalKind.WORK, raised_on=day),
            DropoutReportProposal(student_id=sid, call_id=call.id, proposed_on=day),
        ]
    )


def _set_outflow(store: Store, sid: int, actual: date | None, *, archived: bool = False) -> None:
    with store.session() as session:
        session.execute(
            update(Student)
            .where(Student.id == sid)
            .values(actual_outflow_date=actual, archived=archived)
            .execution_options(synchronize_session=False)
        )


def _student_tables() -> set[Table]:
    """Every table that refers to a student, directly or through a parent row."""
    found = {Base.metadata.tables["students"]}
    grew = True
    while grew:
        grew = False
        for table in Base.metadata.sorted_tables:
            if table in found:
                continue
            if any(fk.column.table in found for fk in table.foreign_keys):
                found.add(table)
                grew = True
    return found - {Base.metadata.tables["students"]}


def _counts(store: Store) -> dict[str, int]:
    with store.session() as session:
        return {
            t.name: session.scalar(select(func.count()).select_from(t))
            for t in Base.metadata.sorted_tables
        }


def _orphans(store: Store) -> list[str]:
    """Rows whose foreign key points at a row that is not there (any table, any key)."""
    found = []
    with store.session() as session:
        for table in Base.metadata.sorted_tables:
            for fk in table.foreign_keys:
                parent = fk.column.table
                stmt = (
                    select(func.count())
                    .select_from(table)
                    .where(
                        fk.parent.isnot(None),
                        ~exists().where(and_(fk.column == fk.parent)).select_from(parent),
                    )
                )
                n = session.scalar(stmt)
                if n:
                    found.append(f"{table.name}.{fk.parent.name}: {n}")
    return found


def _audit_rows(store: Store) -> list[AuditEntry]:
    with store.session() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


# --- which files are due --------------------------------------------------------------------


def test_exactly_the_files_past_their_retention_date_are_due(
    store: Store, coordinator: Actor
) -> None:
    boundary = retention.add_months(TODAY, -KEPT)  # left on this day: retention ends today
    due = {
        _plain_student(store, "Een-dag-over", actual=boundary - timedelta(days=1)),
        _plain_student(store, "Lang-weg", actual=date(2019, 7, 10)),
        # Archived without an actual date: the planned date counts.
        _plain_student(store, "Gearchiveerd", planned=boundary - timedelta(days=1), archived=True),
    }
    not_due = {
        _plain_student(store, "Precies-vandaag", actual=boundary),
        _plain_student(store, "Dag-later", actual=boundary + timedelta(days=1)),
        # Still in school: a planned date long ago does not make a file due.
        _plain_student(store, "Nog-op-school", planned=date(2015, 7, 10)),
        _plain_student(store, "Geen-datum"),
        # An actual date wins over the planned one, also when archived.
        _plain_student(
            store,
            "Gearchiveerd-recent",
            actual=boundary + timedelta(days=1),
            planned=date(2015, 1, 1),
            archived=True,
        ),
        _plain_student(store, "Gearchiveerd-zonder-datum", archived=True),
    }

    listed = store.run(retention.due_for_purge, coordinator, TODAY)

    assert {c.student_id for c in listed} == due
    lang = next(c for c in listed if "Lang-weg" in c.display_name)
    assert lang.display_name == "Test Lang-weg"
    assert lang.outflow_date == date(2019, 7, 10)
    assert lang.aftercare_end == date(2021, 7, 10)
    assert lang.retention_end == date(2023, 7, 10)
    # One day later the boundary student is due too; nothing else moves.
    tomorrow = store.run(retention.due_for_purge, coordinator, TODAY + timedelta(days=1))
    assert {c.student_id for c in tomorrow} - due == {
        s for s in not_due if _surname(store, s) == "Precies-vandaag"
    }


def _surname(store: Store, sid: int) -> str:
    with store.session() as session:
        return session.get(Student, sid).surname


def test_month_ends_and_leap_days_are_clamped_not_overflowed() -> None:
    assert retention.add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert retention.add_months(date(2024, 2, 29), 48) == date(2028, 2, 29)
    assert retention.add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert retention.add_months(date(2026, 3, 15), -48) == date(2022, 3, 15)
    assert retention.add_months(date(2026, 12, 1), 1) == date(2027, 1, 1)


def test_the_school_setting_decides_how_long_files_are_kept(
    store: Store, coordinator: Actor
) -> None:
    sid = _plain_student(store, "Drie-jaar-weg", actual=date(2028, 1, 10))
    assert store.run(retention.due_for_purge, coordinator, TODAY) == []

    settings = store.run(retention.set_retention_months, coordinator, 12)

    assert settings == retention.RetentionSettings(24, 12)
    assert [c.student_id for c in store.run(retention.due_for_purge, coordinator, TODAY)] == [sid]
    with store.session() as session:
        assert session.scalars(select(SchoolSettings.retention_months)).one() == 12
    change = [e for e in _audit_rows(store) if e.entity == "school_settings"]
    assert [(e.action, e.detail) for e in change] == [("update", "retention_months=12")]
    for bad in (0, -3, 241):
        with pytest.raises(ValidationError) as caught:
            store.run(retention.set_retention_months, coordinator, bad)
        assert "Bewaartermijn: kies 1 tot en met 240 maanden" in caught.value.message


# --- the purge ------------------------------------------------------------------------------


def test_purge_removes_exactly_the_due_files_from_every_table_and_logs_ids_only(
    store: Store, coordinator: Actor
) -> None:
    purged = _full_file(store, coordinator, "Fenna", PURGED_SURNAME, "900001")
    kept = _full_file(store, coordinator, "Jelle", KEPT_SURNAME, "900002")
    _set_outflow(store, purged, date(2026, 7, 10))
    _set_outflow(store, kept, retention.add_months(TODAY, -KEPT))  # the boundary: not yet
    before = _counts(store)
    # The files really fill every table that can hold something about a student.
    tables = _student_tables()
    assert {t.name for t in tables if before[t.name] == 0} == set()
    assert {"guardians", "drafts", "export_log", "profile_scores", "meeting_actions"} <= {
        t.name for t in tables
    }

    due = store.run(retention.due_for_purge, coordinator, TODAY)
    assert [(c.student_id, c.display_name) for c in due] == [(purged, f"Fenna {PURGED_SURNAME}")]
    result = store.run(retention.purge, coordinator, [purged], TODAY)

    assert result == retention.PurgeResult(1, (purged,))
    after = _counts(store)
    with store.session() as session:
        assert session.get(Student, purged) is None
        assert session.get(Student, kept) is not None
        for table in tables:
            direct = [c for c in table.columns if c.name == "student_id"]
            if direct:
                rows = session.scalar(
                    select(func.count()).select_from(table).where(direct[0] == purged)
                )
                assert rows == 0, table.name
        # The export log keeps its line (what left, when), no longer tied to anyone.
        assert session.scalars(select(ExportLog.student_id).order_by(ExportLog.id)).all() == [
            None,
            kept,
        ]
    assert _orphans(store) == []
    # Every student table lost exactly the purged file's rows: as many as the kept one has.
    for table in tables - {Base.metadata.tables["export_log"]}:
        assert after[table.name] == before[table.name] // 2, table.name
    # Shared rows (employers, organisations, meetings, profile items) stay.
    for name in ("employers", "employer_contacts", "organisations", "outflow_meetings"):
        assert after[name] == before[name] == 1

    entries = [e for e in _audit_rows(store) if e.action == "purge"]
    assert [(e.entity, e.entity_id, e.detail) for e in entries] == [
        ("students", None, "count=1"),
        ("student", purged, None),
    ]
    assert all(e.user_id == coordinator.user_id for e in entries)
    for entry in _audit_rows(store):
        text = f"{entry.action} {entry.entity} {entry.detail}"
        assert PURGED_SURNAME not in text and "Fenna" not in text
    # Nothing is due any more, and the purge is idempotent: a second one is refused cleanly.
    assert store.run(retention.due_for_purge, coordinator, TODAY) == []
    with pytest.raises(KoersError):
        store.run(retention.purge, coordinator, [purged], TODAY)


def test_a_file_not_due_is_refused_and_nothing_is_removed(store: Store, coordinator: Actor) -> None:
    old = _plain_student(store, "Oud", actual=date(2019, 7, 10))
    young = _plain_student(store, "Jong", actual=date(2029, 7, 10))
    before = _counts(store)

    with pytest.raises(KoersError) as caught:
        store.run(retention.purge, coordinator, [old, young], TODAY)

    assert "1 van de gekozen leerlingen is (nog) niet aan de beurt" in caught.value.message
    assert _counts(store) == before
    assert store.run(retention.purge, coordinator, [], TODAY) == retention.PurgeResult(0, ())


@pytest.mark.parametrize("role", [Role.MENTOR, Role.READ_ONLY])
def test_only_a_coordinator_sees_or_purges_due_files(
    store: Store, coordinator: Actor, role: Role
) -> None:
    sid = _plain_student(store, "Oud", actual=date(2019, 7, 10))
    other = _add_user(store, f"user-{role.value}", role)

    for use_case, args in (
        (retention.due_for_purge, (TODAY,)),
        (retention.purge, ([sid], TODAY)),
        (retention.set_retention_months, (12,)),
        (retention.remove_old_backups, (datetime(2031, 3, 15),)),
    ):
        with pytest.raises(PermissionDeniedError) as caught:
            store.run(use_case, other, *args)
        assert "uitstroomcoördinator" in caught.value.message
    assert store.run(retention.due_at_start, other, TODAY) == []
    assert store.run(retention.retention_settings, other) == retention.RetentionSettings(24, 24)
    with store.session() as session:
        assert session.get(Student, sid) is not None


def test_a_demoted_coordinator_can_no_longer_purge(store: Store, coordinator: Actor) -> None:
    sid = _plain_student(store, "Oud", actual=date(2019, 7, 10))
    with store.session() as session:
        session.get(User, coordinator.user_id).role = Role.MENTOR

    with pytest.raises(PermissionDeniedError):
        store.run(retention.purge, coordinator, [sid], TODAY)


def test_on_a_plain_sqlite_file_no_byte_of_the_purged_file_stays_behind(
    tmp_path: Path,
) -> None:
    """secure_delete plus the WAL checkpoint: the raw file and WAL no longer hold the name."""
    from app.db import open_store

    db = tmp_path / "plain.db"
    store = open_store(f"sqlite:///{db}")
    try:
        actor = _initialise(store)
        purged = _full_file(store, actor, "Fenna", PURGED_SURNAME, "900001")
        _full_file(store, actor, "Jelle", KEPT_SURNAME, "900002")
        _set_outflow(store, purged, date(2026, 7, 10))
        assert PURGED_SURNAME.encode() in _raw(db)  # the control: the bytes are readable

        store.run(retention.purge, actor, [purged], TODAY)

        raw = _raw(db)
        assert PURGED_SURNAME.encode() not in raw and b"Fenna" not in raw
        assert KEPT_SURNAME.encode() in raw
    finally:
        store.dispose()


def _initialise(store: Store) -> Actor:
    return store.run(
        accounts.initialise_school,
        school_name="De Horizon",
        brin="12AB",
        username="c.peeters",
        display_name="Ingrid Peeters",
        password="horizon-2026-veilig",
    )


def _raw(db: Path) -> bytes:
    wal = db.with_name(db.name + "-wal")
    return db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


# --- the encrypted file, decrypted ----------------------------------------------------------

PAGE, RESERVE = 4096, 80  # SQLCipher 4 defaults: 16-byte IV + 64-byte HMAC-SHA512 per page


def _decrypt_page(key: bytes, page: bytes, first: bool) -> bytes:
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    start = 16 if first else 0  # page 1 begins with the salt, in the clear
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(page[start : PAGE - RESERVE]) + decryptor.finalize()


def _decrypted_pages(db: Path, key: bytes) -> bytes:
    """Every page of the file and of its WAL, decrypted: free and overwritten ones too."""
    data = db.read_bytes()
    plain = [_decrypt_page(key, data[i : i + PAGE], i == 0) for i in range(0, len(data), PAGE)]
    wal = db.with_name(db.name + "-wal")
    frames = wal.read_bytes()[32:] if wal.exists() else b""
    for i in range(0, len(frames) - PAGE - 24 + 1, PAGE + 24):
        number = int.from_bytes(frames[i : i + 4], "big")
        plain.append(_decrypt_page(key, frames[i + 24 : i + 24 + PAGE], number == 1))
    return b"".join(plain)


def _plaintext_export(db: Path, key: bytes, target: Path) -> bytes:
    connection = sqlcipher_connect(db, key)
    try:
        connection.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
        connection.execute("SELECT sqlcipher_export('plain')")
        connection.execute("DETACH DATABASE plain")
    finally:
        connection.close()
    return target.read_bytes()


def test_after_a_purge_the_decrypted_database_holds_no_trace_of_the_name(
    tmp_path: Path,
) -> None:
    db = tmp_path / "koers.db"
    store, _recovery = create_encrypted_database(
        f"sqlite:///{db}", "De Horizon", "c.peeters", "horizon-2026-veilig"
    )
    try:
        key = store.key
        assert key is not None
        actor = _initialise(store)
        purged = _full_file(store, actor, "Fenna", PURGED_SURNAME, "900001")
        _full_file(store, actor, "Jelle", KEPT_SURNAME, "900002")
        _set_outflow(store, purged, date(2026, 7, 10))
        # Controls: the raw file is unreadable, decrypting its pages works.
        assert PURGED_SURNAME.encode() not in _raw(db)
        assert PURGED_SURNAME.encode() in _decrypted_pages(db, key)

        store.run(retention.purge, actor, [purged], TODAY)

        wal = db.with_name(db.name + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0  # checkpointed and truncated
        pages = _decrypted_pages(db, key)
        export = _plaintext_export(db, key, tmp_path / "plain-export.db")
        for image in (pages, export, _raw(db)):
            assert PURGED_SURNAME.encode() not in image
            assert b"Fenna" not in image
        assert KEPT_SURNAME.encode() in pages and KEPT_SURNAME.encode() in export
        connection = sqlcipher_connect(db, key)
        try:
            assert connection.execute("PRAGMA quick_check").fetchall() == [("ok",)]
            assert connection.execute("PRAGMA cipher_integrity_check").fetchall() == []
        finally:
            connection.close()
    finally:
        store.dispose()


def test_after_purge_reports_a_clean_checkpoint(tmp_path: Path) -> None:
    from app.db import open_store

    store = open_store(f"sqlite:///{tmp_path / 'k.db'}")
    try:
        _initialise(store)
        assert retention.after_purge(store) is True
    finally:
        store.dispose()


# --- backups --------------------------------------------------------------------------------


def _aged(path: Path, days: float, now: datetime, data: bytes = b"x") -> Path:
    path.write_bytes(data)
    stamp = (now - timedelta(days=days)).timestamp()
    os.utime(path, (stamp, stamp))
    return path


def test_backups_older_than_the_retention_period_are_removed_with_their_keys(
    tmp_path: Path,
) -> None:
    now = datetime(2031, 3, 15, 12, 0)
    cutoff = retention.backup_cutoff(retention.RetentionSettings(24, 24), now)
    assert cutoff == datetime(2029, 3, 15, 12, 0)
    folder = tmp_path / "backups"
    folder.mkdir()
    old_bak = _aged(folder / "koers-2028-01-01.bak", 1200, now)
    old_db = _aged(folder / "koers-2028-06-01.db", 1000, now)
    old_keys = _aged(folder / "koers-2028-06-01.db.keys", 1000, now)
    fresh = _aged(folder / "koers-2031-03-01.db", 14, now)
    fresh_keys = _aged(folder / "koers-2031-03-01.db.keys", 14, now)
    unrelated = _aged(folder / "notities.txt", 2000, now)
    nested = folder / "ouder"
    nested.mkdir()
    deep = _aged(nested / "diep.bak", 2000, now)
    link = folder / "link.bak"
    link.symlink_to(deep)

    removed = retention.purge_old_backups(folder, cutoff)

    assert sorted(removed) == sorted([old_bak, old_db])
    assert not old_bak.exists() and not old_db.exists() and not old_keys.exists()
    for path in (fresh, fresh_keys, unrelated, deep, link):
        assert path.exists() or path.is_symlink()
    assert retention.purge_old_backups(tmp_path / "er-niet", cutoff) == []


def test_removing_old_backups_of_the_database_is_logged(tmp_path: Path) -> None:
    from app.db import open_store

    db = tmp_path / "koers.db"
    store = open_store(f"sqlite:///{db}")
    try:
        actor = _initialise(store)
        folder = tmp_path / retention.BACKUP_FOLDER
        folder.mkdir()
        now = datetime.now()
        _aged(folder / "a.bak", 800, now)
        _aged(folder / "b.bak", 10, now)

        assert store.run(retention.remove_old_backups, actor, now) == 1

        assert sorted(p.name for p in folder.iterdir()) == ["b.bak"]
        entries = [(e.action, e.entity, e.detail) for e in _audit_rows(store)]
        assert ("purge", "backups", "count=1") in entries
    finally:
        store.dispose()


def test_due_files_are_offered_at_start_to_a_coordinator(store: Store, coordinator: Actor) -> None:
    sid = _plain_student(store, "Oud", actual=date(2019, 7, 10))
    offered = store.run(retention.due_at_start, coordinator, TODAY)
    assert [c.student_id for c in offered] == [sid]
    assert replace(offered[0], display_name="") == retention.PurgeCandidate(
        sid, "", date(2019, 7, 10), date(2021, 7, 10), date(2023, 7, 10)
    )


def test_a_damaged_database_keeps_its_backups_and_offers_no_purge(tmp_path: Path) -> None:
    from app.db import open_store

    db = tmp_path / "koers.db"
    store = open_store(f"sqlite:///{db}")
    actor = _initialise(store)
    _plain_student(store, "Oud", actual=date(2019, 7, 10))
    store.dispose()
    folder = tmp_path / retention.BACKUP_FOLDER
    folder.mkdir()
    old = _aged(folder / "a.bak", 2000, datetime.now())

    damaged = Store(f"sqlite:///{db}", read_only=True)
    try:
        assert damaged.run(retention.remove_old_backups, actor, datetime.now()) == 0
        assert damaged.run(retention.due_at_start, actor, TODAY) == []
        due = [c.student_id for c in damaged.run(retention.due_for_purge, actor, TODAY)]
        assert len(due) == 1
        with pytest.raises(KoersError) as caught:
            damaged.run(retention.purge, actor, due, TODAY)
        assert "alleen te lezen" in caught.value.message
    finally:
        damaged.dispose()
    assert old.exists()
