"""The LAS import as a coordinator uses it: preview, apply, re-import (SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from app.core.errors import PermissionDeniedError, ValidationError
from app.demo.las_files import csv_document, edexml_document, generate_students
from app.importers.paths import ImportFileError
from app.models import AuditEntry, Guardian, Role, Student, User
from app.services.admin import users
from app.services.las_import import csv_mappings
from app.services.las_import import importer as las_import
from app.services.las_import.importer import apply_import, preview_import
from app.services.las_import.source import ImportSource
from app.services.students import student_file as students
from tests.las_import.helpers import counts, sample_bytes, snapshot

TODAY = date(2026, 11, 24)


def _sample() -> ImportSource:
    return ImportSource("edexml", sample_bytes(), "EDEXML.Voorbeeld.2.1.xml")


def test_official_sample_imports_with_its_warnings(store, coordinator) -> None:
    preview = store.run(preview_import, coordinator, _sample())
    assert preview.can_apply
    assert preview.school_year == "2014-2015"
    assert [r.status for r in preview.rows] == ["new", "new", "new"]
    assert any(
        "geboortedatum" in w and "00002" in w and "minderjarig" in w for w in preview.warnings
    )
    assert any("133456785" in w and "elfproef" in w for w in preview.warnings)

    result = store.run(apply_import, coordinator, _sample())
    assert (result.created, result.updated) == (3, 0)
    with store.session() as session:
        found = {s.las_key: s for s in session.scalars(select(Student))}
    assert set(found) == {"00001", "00002", "12345"}
    wimpie, ismael, gradje = found["00001"], found["00002"], found["12345"]
    assert (wimpie.first_name, wimpie.prefix, wimpie.surname) == ("Wimpie", "imp", "ie")
    assert wimpie.birth_date == date(2006, 6, 21)
    assert (wimpie.class_name, wimpie.location, wimpie.jaargroep) == (
        "4B",
        "Vestiging Huissen",
        "4",
    )
    assert (ismael.first_name, ismael.prefix, ismael.surname) == ("Ismaël", None, "Assati")
    assert ismael.birth_date is None and ismael.bsn is None  # the BSN failed the elfproef
    assert ismael.postcode == "6971 VB" and ismael.enrolment_date == date(2013, 8, 25)
    assert "birth_date" in ismael.las_missing and "bsn" in ismael.las_missing
    assert (gradje.first_name, gradje.prefix, gradje.surname) == ("Gradje", "van 't", "Hof")
    assert gradje.birth_date == date(2006, 6, 21) and gradje.id_last4 == "2731"
    assert gradje.enrolment_date == date(2010, 8, 19)
    assert gradje.planned_outflow_date == date(2014, 7, 18)


def test_second_import_of_the_sample_changes_nothing(store, coordinator) -> None:
    store.run(apply_import, coordinator, _sample())
    before = snapshot(store)
    preview = store.run(preview_import, coordinator, _sample())
    assert [r.status for r in preview.rows] == ["same", "same", "same"]
    result = store.run(apply_import, coordinator, _sample())
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)
    assert snapshot(store) == before


def test_reimport_updates_changes_keeps_koers_data_and_reports_missing(store, coordinator) -> None:
    people = generate_students(6, reference=TODAY)
    store.run(apply_import, coordinator, ImportSource("edexml", edexml_document(people)))
    with store.session() as session:
        first = session.scalars(select(Student).where(Student.las_key == people[0].key)).one()
        first.notes = "Werkt graag buiten"
        first.postcode = None
        session.add(Guardian(student_id=first.id, name="Moeder Test"))
        first_id = first.id
    changed = [replace(people[0], surname="Veenstra", postcode=""), *people[1:5]]
    preview = store.run(
        preview_import, coordinator, ImportSource("edexml", edexml_document(changed))
    )
    row = next(r for r in preview.rows if r.las_key == people[0].key)
    assert row.status == "changed"
    assert [(c.field, c.new) for c in row.changes] == [("surname", "Veenstra")]
    assert [m.las_key for m in preview.missing] == [people[5].key]
    store.run(apply_import, coordinator, ImportSource("edexml", edexml_document(changed)))
    with store.session() as session:
        first = session.get(Student, first_id)
        assert first.surname == "Veenstra" and first.notes == "Werkt graag buiten"
        assert session.scalars(select(Guardian).where(Guardian.student_id == first_id)).all()
        # Missing from the file, never deleted.
        assert session.scalars(select(Student).where(Student.las_key == people[5].key)).one()


def test_one_bad_student_among_500_writes_nothing_and_is_named(store, coordinator) -> None:
    people = generate_students(500, reference=TODAY)
    data = edexml_document(people).replace(
        f"<geboortedatum>{people[321].birth_date.isoformat()}</geboortedatum>".encode(),
        b"<geboortedatum>2009-02-31</geboortedatum>",
    )
    before = counts(store)
    preview = store.run(preview_import, coordinator, ImportSource("edexml", data))
    assert not preview.can_apply
    assert len(preview.errors) == 1
    line = data.decode().splitlines().index(f'\t\t<leerling key="{people[321].key}">') + 1
    assert preview.errors[0] == (
        f"Regel {line} (leerling {people[321].key}), geboortedatum: "
        "'2009-02-31' is geen bestaande datum"
    )
    with pytest.raises(ValidationError) as raised:
        store.run(apply_import, coordinator, ImportSource("edexml", data))
    assert people[321].key in raised.value.message
    assert counts(store)[:2] == before[:2]


def test_csv_with_a_bad_date_names_line_and_column(store, coordinator) -> None:
    people = generate_students(20, reference=TODAY)
    data = csv_document(people).decode("utf-8-sig").splitlines()
    cells = data[14].split(";")
    cells[4] = "31-02-2009"
    data[14] = ";".join(cells)
    bad = ("\r\n".join(data) + "\r\n").encode("cp1252")
    headers, encoding, delimiter = csv_mappings.csv_headers(bad)
    assert (encoding, delimiter) == ("UTF-8", ";") or encoding == "Windows-1252"
    mapping = store.run(csv_mappings.load_mapping, coordinator, "standaard", headers)
    source = ImportSource("csv", bad, "export.csv", mapping)
    preview = store.run(preview_import, coordinator, source)
    assert preview.errors == ("Regel 15, Geboortedatum: '31-02-2009' is geen bestaande datum",)
    before = counts(store)
    with pytest.raises(ValidationError):
        store.run(apply_import, coordinator, source)
    assert counts(store)[:2] == before[:2]


def test_csv_mapping_is_remembered_per_source(store, coordinator) -> None:
    people = generate_students(5, reference=TODAY)
    data = csv_document(people).decode("utf-8-sig").replace("Leerlingnummer", "Stamnr")
    data = data.encode("cp1252")
    headers, encoding, _ = csv_mappings.csv_headers(data)
    assert encoding == "Windows-1252" or encoding == "UTF-8"
    mapping = store.run(csv_mappings.load_mapping, coordinator, "standaard", headers)
    assert "las_key" not in mapping
    with pytest.raises(ValidationError):
        csv_mappings.check_mapping(mapping, headers)
    mapping["las_key"] = "Stamnr"
    source = ImportSource("csv", data, "x.csv", mapping, mapping_name="Magister")
    store.run(apply_import, coordinator, source)
    assert store.run(csv_mappings.mapping_names, coordinator) == ["standaard", "Magister"]
    assert store.run(csv_mappings.load_mapping, coordinator, "Magister", headers) == mapping


def test_selection_takes_only_the_chosen_students(store, coordinator) -> None:
    people = generate_students(10, reference=TODAY)
    source = ImportSource("edexml", edexml_document(people))
    chosen = {p.key for p in people[:7]}
    result = store.run(apply_import, coordinator, source, chosen)
    assert (result.created, result.skipped) == (7, 3)
    assert counts(store)[0] == 7


def test_mentors_are_created_inactive_without_password(store, coordinator) -> None:
    people = generate_students(12, reference=TODAY)
    source = ImportSource("edexml", edexml_document(people))
    store.run(apply_import, coordinator, source)
    with store.session() as session:
        imported = session.scalars(select(User).where(User.las_key.is_not(None))).all()
        assert imported and all(
            u.role is Role.MENTOR and not u.active and u.password_hash is None for u in imported
        )
        assert all(s.mentor_id is not None for s in session.scalars(select(Student)))
    listed = store.run(users.list_users, coordinator)
    row = next(r for r in listed if r.id == imported[0].id)
    assert not row.active and not row.has_password
    # A second import matches them by their staff key: no duplicates.
    store.run(apply_import, coordinator, source)
    with store.session() as session:
        assert len(session.scalars(select(User).where(User.las_key.is_not(None))).all()) == len(
            imported
        )


def test_import_is_audited_with_counts_only(store, coordinator) -> None:
    people = generate_students(4, reference=TODAY)
    store.run(apply_import, coordinator, ImportSource("edexml", edexml_document(people)))
    with store.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "las_import")).one()
        assert entry.detail.startswith("bron=edexml,nieuw=4,")
        details = " ".join(e.detail or "" for e in session.scalars(select(AuditEntry)))
    assert not any(p.surname in details or p.key in details for p in people)
    assert store.run(
        __import__("app.services.common.audit", fromlist=["x"]).check_chain, coordinator
    ).intact


def test_cancel_from_progress_writes_nothing(store, coordinator) -> None:
    people = generate_students(250, reference=TODAY)
    before = counts(store)
    with pytest.raises(las_import.ImportCancelled):
        store.run(
            apply_import,
            coordinator,
            ImportSource("edexml", edexml_document(people)),
            None,
            lambda done, total: done < 200,
        )
    assert counts(store) == before


def test_only_a_coordinator_imports(store, coordinator) -> None:
    mentor_id = store.run(
        users.create_user,
        coordinator,
        users.UserInput(username="m.jansen", display_name="M Jansen", password="lang-genoeg-2026!"),
    )
    from app.services.common.actor import Actor

    mentor = Actor(mentor_id, "m.jansen", "M Jansen", Role.MENTOR)
    with pytest.raises(PermissionDeniedError):
        store.run(preview_import, mentor, _sample())


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "leeg"),
        (sample_bytes()[: len(sample_bytes()) // 2], "geen geldig XML"),
        (b"<?xml version='1.0'?><rss><channel/></rss>", "geen EDEXML"),
        (
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><EDEX>&lol2;</EDEX>',
            "documenttypedefinitie",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b"<EDEX>&e;</EDEX>",
            "documenttypedefinitie",
        ),
    ],
    ids=["empty", "truncated", "not-edexml", "billion-laughs", "external-entity"],
)
def test_unreadable_files_are_refused_and_write_nothing(store, coordinator, data, words) -> None:
    before = counts(store)
    with pytest.raises(ImportFileError) as raised:
        store.run(apply_import, coordinator, ImportSource("edexml", data))
    assert words in raised.value.message
    assert counts(store) == before


def test_student_file_shows_what_the_import_left_missing(store, coordinator) -> None:
    store.run(apply_import, coordinator, _sample())
    with store.session() as session:
        ismael = session.scalars(select(Student).where(Student.las_key == "00002")).one().id
    opened = store.run(students.open_student_file, coordinator, ismael)
    assert "geboortedatum (telt als minderjarig)" in opened.missing
    assert "BSN of onderwijsnummer" in opened.missing


def row_name(store, user_id: int) -> str:
    with store.session() as session:
        return session.get(User, user_id).display_name


def test_imported_mentor_is_activated_like_any_switched_off_account(store, coordinator) -> None:
    from app.services.admin import accounts

    people = generate_students(3, reference=TODAY)
    store.run(apply_import, coordinator, ImportSource("edexml", edexml_document(people)))
    with store.session() as session:
        mentor = session.scalars(select(User).where(User.las_key.is_not(None))).first()
        mentor_id, username, version = mentor.id, mentor.username, mentor.version
    # Shown (marked) in the mentor lists, so a student file keeps its mentor when saved.
    assert (mentor_id, f"{row_name(store, mentor_id)} (niet actief)") in store.run(accounts.mentors)
    assert store.run(accounts.login, username, "").actor is None
    with pytest.raises(ValidationError):  # a password only once the account is switched on
        store.run(users.reset_password, coordinator, mentor_id, "nieuw-wachtwoord-2026")
    row = store.run(users.get_user, coordinator, mentor_id)
    changes = users.UserChanges(display_name=row.display_name, role=Role.MENTOR.value, active=True)
    store.run(users.update_user, coordinator, mentor_id, changes, version)
    store.run(users.reset_password, coordinator, mentor_id, "nieuw-wachtwoord-2026")
    assert store.run(accounts.login, username, "nieuw-wachtwoord-2026").actor is not None


def test_a_student_typed_by_hand_is_linked_not_doubled(store, coordinator) -> None:
    people = generate_students(3, reference=TODAY)
    hand = people[1]
    typed = students.StudentInput(
        first_name=hand.first_name,
        prefix=hand.prefix,
        surname=hand.surname,
        birth_date=hand.birth_date.strftime("%d-%m-%Y"),
        notes="Al in Koers voor de import",
    )
    student_id = store.run(students.create_student, coordinator, typed)
    source = ImportSource("edexml", edexml_document(people))
    preview = store.run(preview_import, coordinator, source)
    row = next(r for r in preview.rows if r.las_key == hand.key)
    assert row.status == "changed"
    assert ("las_key", "", hand.key) in {(c.field, c.old, c.new) for c in row.changes}
    store.run(apply_import, coordinator, source)
    assert counts(store)[0] == 3
    with store.session() as session:
        linked = session.get(Student, student_id)
        assert linked.las_key == hand.key and linked.notes == "Al in Koers voor de import"
