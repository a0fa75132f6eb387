"""The student file: create, read (logged), change, guardians, conflicts and who may do what."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import ConflictError, PermissionDeniedError, ValidationError
from app.db import Store
from app.models import Guardian, Role, Student, User
from app.services.common import audit
from app.services.common.actor import Actor
from app.services.students import student_file as students
from app.services.students.student_file import GuardianInput, StudentInput


def _input(**changes) -> StudentInput:
    data = StudentInput(
        first_name="Sanne",
        prefix="van den",
        surname="Berg",
        birth_date="14-03-2009",
        las_key="100234",
        postcode="6041ab",
        city="Roermond",
        class_name="V6A",
        enrolment_date="21-08-2021",
        planned_outflow_date="10-07-2026",
        guardians=[GuardianInput(name="Anouk van den Berg", relation="moeder", phone="06-1")],
    )
    return replace(data, **changes)


def _add_user(store: Store, username: str, role: Role) -> Actor:
    with store.session() as session:
        user = User(username=username, display_name=username.title(), role=role)
        session.add(user)
        session.flush()
        return Actor(user.id, user.username, user.display_name, user.role)


def _count(store: Store, model) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def _audit(store: Store, student_id: int) -> list[tuple[str, int | None, str | None]]:
    with store.session() as session:
        entries = audit.entries_for(session, "student", student_id)
        return [(e.action, e.user_id, e.detail) for e in entries]


@pytest.fixture
def student_id(store: Store, coordinator: Actor) -> int:
    return store.run(students.create_student, coordinator, _input())


def test_created_student_reads_back_as_typed_and_normalised(
    store: Store, coordinator: Actor, student_id: int
) -> None:
    file = store.run(students.open_student_file, coordinator, student_id)

    assert file.full_name == "Sanne van den Berg"
    assert file.version == 1
    assert file.input.birth_date == "14-03-2009"
    assert file.input.postcode == "6041 AB"
    assert file.input.planned_outflow_date == "10-07-2026"
    assert [g.name for g in file.input.guardians] == ["Anouk van den Berg"]
    assert _audit(store, student_id) == [
        ("create", coordinator.user_id, None),
        ("view", coordinator.user_id, None),
    ]


def test_every_opening_of_a_file_is_logged(
    store: Store, coordinator: Actor, student_id: int
) -> None:
    store.run(students.open_student_file, coordinator, student_id)
    store.run(students.open_student_file, coordinator, student_id)
    actions = [action for action, _, _ in _audit(store, student_id)]
    assert actions == ["create", "view", "view"]


def test_update_saves_and_logs_field_names_but_never_values(
    store: Store, coordinator: Actor, student_id: int
) -> None:
    file = store.run(students.open_student_file, coordinator, student_id)
    changed = replace(file.input, surname="Bakker-Oosterhout", phone="06-12345678")

    new_version = store.run(students.save_student, coordinator, student_id, file.version, changed)

    assert new_version == file.version + 1
    reread = store.run(students.open_student_file, coordinator, student_id)
    assert (reread.input.surname, reread.input.phone) == ("Bakker-Oosterhout", "06-12345678")
    assert reread.version == new_version
    updates = [detail for action, _, detail in _audit(store, student_id) if action == "update"]
    assert len(updates) == 1
    assert set(updates[0].split(",")) == {"surname", "phone"}
    assert "Bakker-Oosterhout" not in updates[0] and "12345678" not in updates[0]


def test_saving_without_changes_keeps_the_version_and_logs_no_update(
    store: Store, coordinator: Actor, student_id: int
) -> None:
    file = store.run(students.open_student_file, coordinator, student_id)
    assert store.run(students.save_student, coordinator, student_id, 1, file.input) == 1
    assert "update" not in [action for action, _, _ in _audit(store, student_id)]


@pytest.mark.parametrize(
    ("field", "typed", "expected"),
    [
        ("birth_date", "31-02-2009", "Geboortedatum: '31-02-2009' is geen bestaande"),
        ("birth_date", "14 maart", "Geboortedatum: '14 maart' is geen datum"),
        ("surname", "B" * 121, "Achternaam: maximaal 120 tekens (nu 121)"),
        ("surname", "  ", "Achternaam: dit veld is verplicht"),
        ("postcode", "12345", "Postcode: '12345' is geen Nederlandse postcode"),
        ("planned_outflow_date", "01-07-2021", "vóór de inschrijfdatum"),
        ("sex", "q", "Geslacht: 'q' is geen geldige keuze"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(
    store: Store,
    coordinator: Actor,
    student_id: int,
    field: str,
    typed: str,
    expected: str,
) -> None:
    bad = _input(**{field: typed})
    with pytest.raises(ValidationError) as on_create:
        store.run(students.create_student, coordinator, replace(bad, las_key=""))
    assert expected in on_create.value.problems[field]
    assert _count(store, Student) == 1

    with pytest.raises(ValidationError) as on_save:
        store.run(students.save_student, coordinator, student_id, 1, bad)
    assert expected in on_save.value.problems[field]
    file = store.run(students.open_student_file, coordinator, student_id)
    assert file.version == 1
    assert file.input == _input(postcode="6041 AB", guardians=file.input.guardians)


def test_several_problems_are_reported_together(store: Store, coordinator: Actor) -> None:
    with pytest.raises(ValidationError) as caught:
        store.run(
            students.create_student,
            coordinator,
            _input(birth_date="31-02-2009", postcode="12345", email="geen-adres"),
        )
    assert set(caught.value.problems) == {"birth_date", "postcode", "email"}
    assert _count(store, Student) == 0


def test_a_las_number_belongs_to_one_student(
    store: Store, coordinator: Actor, student_id: int
) -> None:
    with pytest.raises(ValidationError) as caught:
        store.run(students.create_student, coordinator, _input(first_name="Daan"))
    assert "100234 hoort al bij een leerling" in caught.value.problems["las_key"]
    assert _count(store, Student) == 1


def _guardians(store: Store, student_id: int) -> list[tuple[str, str | None]]:
    with store.session() as session:
        rows = session.scalars(
            select(Guardian).where(Guardian.student_id == student_id).order_by(Guardian.id)
        )
        return [(g.name, g.phone) for g in rows]


def test_guardians_are_added_edited_and_removed_as_one_file(
    store: Store, coordinator: Actor, student_id: int
) -> None:
    def save(change) -> int:
        file = store.run(students.open_student_file, coordinator, student_id)
        data = replace(file.input, guardians=change(file.input.guardians))
        return store.run(students.save_student, coordinator, student_id, file.version, data)

    father = GuardianInput(name="Daan van den Berg", relation="vader", phone="06-2")
    assert save(lambda gs: [*gs, father]) == 2
    assert _guardians(store, student_id) == [
        ("Anouk van den Berg", "06-1"),
        ("Daan van den Berg", "06-2"),
    ]

    assert save(lambda gs: [replace(gs[0], phone="06-99"), gs[1]]) == 3
    assert _guardians(store, student_id) == [
        ("Anouk van den Berg", "06-99"),
        ("Daan van den Berg", "06-2"),
    ]

    assert save(lambda gs: [gs[1]]) == 4
    assert _guardians(store, student_id) == [("Daan van den Berg", "06-2")]
    assert _count(store, Guardian) == 1

    updates = [detail for action, _, detail in _audit(store, student_id) if action == "update"]
    assert updates == ["guardian_added", "guardian.phone", "guardian_removed"]


def test_guardian_without_a_name_is_refused_with_its_number(
    store: Store, coordinator: Actor
) -> None:
    data = _input(guardians=[GuardianInput(name="Anouk"), GuardianInput(name="")])
    with pytest.raises(ValidationError) as caught:
        store.run(students.create_student, coordinator, data)
    assert caught.value.problems == {
        "guardian2.name": "Ouder/verzorger 2, naam: dit veld is verplicht."
    }


def test_second_pc_saving_a_stale_file_gets_a_conflict_and_the_first_save_stays(
    store: Store, coordinator: Actor, student_id: int
) -> None:
    pc1 = store.run(students.open_student_file, coordinator, student_id)
    pc2 = store.run(students.open_student_file, coordinator, student_id)
    assert pc1.version == pc2.version

    store.run(
        students.save_student,
        coordinator,
        student_id,
        pc1.version,
        replace(pc1.input, surname="Eerste"),
    )
    with pytest.raises(ConflictError) as caught:
        store.run(
            students.save_student,
            coordinator,
            student_id,
            pc2.version,
            replace(pc2.input, phone="06-22222222"),
        )

    assert "Iemand anders heeft dit leerlingdossier opgeslagen" in caught.value.message
    now = store.run(students.open_student_file, coordinator, student_id)
    assert (now.input.surname, now.input.phone) == ("Eerste", "")
    assert now.version == pc1.version + 1


def test_a_save_landing_between_check_and_write_is_a_conflict_too(
    store: Store, coordinator: Actor, student_id: int
) -> None:
    """PC 2 has passed its version check when PC 1's save commits: the write must fail."""
    file = store.run(students.open_student_file, coordinator, student_id)
    with Session(store.engine, expire_on_commit=False) as pc2:
        # PC 2 holds the row at the old version, as it does right after the check.
        assert pc2.get(Student, student_id).version == file.version
        pc2.commit()
        store.run(
            students.save_student,
            coordinator,
            student_id,
            file.version,
            replace(file.input, surname="Eerste"),
        )
        with pytest.raises(ConflictError):
            students.save_student(
                pc2, coordinator, student_id, file.version, replace(file.input, surname="Tweede")
            )
        pc2.rollback()
    assert store.run(students.open_student_file, coordinator, student_id).input.surname == "Eerste"


def test_read_only_user_can_read_but_not_change(
    store: Store, coordinator: Actor, student_id: int
) -> None:
    reader = _add_user(store, "stagiair", Role.READ_ONLY)
    file = store.run(students.open_student_file, reader, student_id)

    with pytest.raises(PermissionDeniedError, match="alleen leesrechten"):
        store.run(
            students.save_student, reader, student_id, file.version, replace(file.input, city="X")
        )
    with pytest.raises(PermissionDeniedError):
        store.run(students.create_student, reader, _input(las_key="999"))
    assert store.run(students.open_student_file, coordinator, student_id).version == 1
    assert _count(store, Student) == 1


def test_mentor_sees_and_edits_only_own_students(store: Store, coordinator: Actor) -> None:
    mentor_a = _add_user(store, "m.vandijk", Role.MENTOR)
    mentor_b = _add_user(store, "j.bosman", Role.MENTOR)
    own = store.run(
        students.create_student, coordinator, _input(las_key="1", mentor_id=mentor_a.user_id)
    )
    other = store.run(
        students.create_student, coordinator, _input(las_key="2", mentor_id=mentor_b.user_id)
    )

    file = store.run(students.open_student_file, mentor_a, own)
    assert file.mentor_name == "M.Vandijk"
    store.run(students.save_student, mentor_a, own, 1, replace(file.input, city="Venlo"))

    with pytest.raises(PermissionDeniedError, match="niet bij uw mentorleerlingen"):
        store.run(students.open_student_file, mentor_a, other)
    with pytest.raises(PermissionDeniedError):
        store.run(students.save_student, mentor_a, other, 1, _input(las_key="2", city="Venlo"))
    assert [a for a, _, _ in _audit(store, other)] == ["create"]


def test_only_a_coordinator_moves_a_student_to_another_mentor(
    store: Store, coordinator: Actor
) -> None:
    mentor_a = _add_user(store, "m.vandijk", Role.MENTOR)
    mentor_b = _add_user(store, "j.bosman", Role.MENTOR)
    sid = store.run(students.create_student, coordinator, _input(mentor_id=mentor_a.user_id))
    file = store.run(students.open_student_file, mentor_a, sid)

    with pytest.raises(PermissionDeniedError, match="coördinator"):
        store.run(
            students.save_student, mentor_a, sid, 1, replace(file.input, mentor_id=mentor_b.user_id)
        )
    store.run(
        students.save_student, coordinator, sid, 1, replace(file.input, mentor_id=mentor_b.user_id)
    )
    with store.session() as session:
        assert session.get(Student, sid).mentor_id == mentor_b.user_id


def test_birth_date_in_the_future_is_refused(store: Store, coordinator: Actor) -> None:
    tomorrow = (date.today() + timedelta(days=1)).strftime("%d-%m-%Y")
    with pytest.raises(ValidationError) as caught:
        store.run(students.create_student, coordinator, _input(birth_date=tomorrow))
    assert caught.value.problems["birth_date"] == f"Geboortedatum: {tomorrow} kan niet kloppen."
