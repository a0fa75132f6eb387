"""Nothing lost by a slip: the columns Dutch LAS exports carry (contacts, guardians, the
municipality) are taken, every column left over is named, and a student who has left is
imported as a former student."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.importers.csv_file import suggest_mapping
from app.models import Guardian, GuardianRelation, PathPhase, Phase, Student, TransitionPath
from app.services.las_import import csv_mappings
from app.services.las_import.importer import apply_import, preview_import
from app.services.las_import.source import ImportSource
from app.services.network.cbs_tables import import_cbs_municipalities
from app.services.students import signals
from tests.las_import.helpers import sample_bytes, snapshot

TODAY = date(2026, 11, 24)

# Per LAS, the headers its student exports use for what Koers takes (README, "Importing the
# cohort from the LAS"), and the Koers field each must land in.
HEADER_VARIANTS = {
    "ParnasSys": {
        "Leerlingnummer": "las_key",
        "Voorvoegsel": "prefix",
        "Woonplaats": "city",
        "Gemeente": "municipality",
        "Telefoonnummer": "phone",
        "E-mailadres": "email",
        "Verwachte uitstroomdatum": "planned_outflow_date",
        "Naam ouder/verzorger 1": "guardian1_name",
        "Relatie ouder/verzorger 1": "guardian1_relation",
        "Telefoon ouder/verzorger 1": "guardian1_phone",
        "E-mail ouder/verzorger 2": "guardian2_email",
    },
    "Magister": {
        "Stamnummer": "las_key",
        "Tussenv.": "prefix",
        "Geb.datum": "birth_date",
        "Plaats": "city",
        "Mobiel": "phone",
        "Uitschrijfdatum": "planned_outflow_date",
        "Verzorger 1": "guardian1_name",
        "Verzorger 1 - Telefoon": "guardian1_phone",
        "Verzorger 2 - E-mail": "guardian2_email",
    },
    "Somtoday": {
        "Leerlingnummer": "las_key",
        "Woonplaats": "city",
        "Gemeentecode": "municipality_code",
        "E-mail": "email",
        "Geplande uitstroomdatum": "planned_outflow_date",
        "Ouder 1 naam": "guardian1_name",
        "Ouder 1 relatie": "guardian1_relation",
        "Ouder 2 mobiel": "guardian2_phone",
    },
    "Eduarte": {
        "Deelnemernummer": "las_key",
        "Plaatsnaam": "city",
        "CBS-code gemeente": "municipality_code",
        "Datum uitschrijving": "planned_outflow_date",
        "Contactpersoon 1 achternaam": "guardian1_surname",
        "Contactpersoon 1 voorletters": "guardian1_first_name",
        "Contactpersoon 2 e-mailadres": "guardian2_email",
        "Naam vader": "guardian1_name",
        "Telefoon moeder": "guardian2_phone",
    },
}


@pytest.mark.parametrize("las", sorted(HEADER_VARIANTS))
def test_the_header_variants_of_each_las_are_mapped(las: str) -> None:
    headers = {"Achternaam": "surname", "Roepnaam": "first_name", **HEADER_VARIANTS[las]}
    mapping = suggest_mapping(list(headers))
    assert {header: field for field, header in mapping.items()} == headers


def _csv(*rows: str, header: str) -> ImportSource:
    data = ("\r\n".join([header, *rows]) + "\r\n").encode("utf-8-sig")
    headers, _encoding, _delimiter = csv_mappings.csv_headers(data)
    return ImportSource("csv", data, "export.csv", suggest_mapping(headers))


HEADER = (
    "Leerlingnummer;Achternaam;Roepnaam;Geboortedatum;Woonplaats;Gemeentecode;Telefoonnummer;"
    "E-mailadres;Verwachte uitstroomdatum;Naam ouder/verzorger 1;Relatie ouder/verzorger 1;"
    "Telefoon ouder/verzorger 1;E-mail ouder/verzorger 1;Naam ouder/verzorger 2;"
    "Relatie ouder/verzorger 2;Telefoon ouder/verzorger 2;Lievelingskleur"
)
BOS = (
    "5001;Bos;Sanne;03-04-2010;Panningen;GM1894;06-12345678;sanne@voorbeeld.nl;15-07-2027;"
    "Karin Bos;Moeder;06-11112222;k.bos@voorbeeld.nl;Peter Bos;Vader;06-33334444;groen"
)
CBS_TABLE = b"GemeentecodeGM;Gemeentenaam\nGM1894;Peel en Maas\nGM0957;Roermond\n"


def _with_cbs_table(store, coordinator) -> None:
    store.run(import_cbs_municipalities, coordinator, CBS_TABLE)


def test_unused_columns_are_named_in_the_preview(store, coordinator) -> None:
    _with_cbs_table(store, coordinator)
    preview = store.run(preview_import, coordinator, _csv(BOS, header=HEADER), TODAY)
    assert preview.can_apply
    assert "Kolom 'Lievelingskleur' is niet gebruikt." in preview.warnings
    # Every other column found its field: this is the only warning.
    assert len(preview.warnings) == 1


def test_guardians_contacts_and_municipality_come_from_the_csv(store, coordinator) -> None:
    _with_cbs_table(store, coordinator)
    store.run(apply_import, coordinator, _csv(BOS, header=HEADER), None, None, TODAY)
    with store.session() as session:
        sanne = session.scalars(select(Student).where(Student.las_key == "5001")).one()
        assert (sanne.city, sanne.municipality) == ("Panningen", "Peel en Maas")
        assert (sanne.phone, sanne.email) == ("06-12345678", "sanne@voorbeeld.nl")
        assert sanne.planned_outflow_date == date(2027, 7, 15)
        parents = [(g.name, g.relation, g.phone, g.email, g.has_authority) for g in sanne.guardians]
    assert parents == [
        ("Karin Bos", GuardianRelation.MOTHER, "06-11112222", "k.bos@voorbeeld.nl", True),
        ("Peter Bos", GuardianRelation.FATHER, "06-33334444", None, True),
    ]


def test_an_unknown_cbs_code_is_named_and_the_name_kept(store, coordinator) -> None:
    header = "Leerlingnummer;Achternaam;Roepnaam;Gemeente;Gemeentecode"
    source = _csv("5002;Smits;Noah;Venlo;GM0983", header=header)
    preview = store.run(preview_import, coordinator, source, TODAY)
    assert any("GM0983 staat niet in de CBS-tabel" in w for w in preview.warnings)
    store.run(apply_import, coordinator, source, None, None, TODAY)
    with store.session() as session:
        noah = session.scalars(select(Student).where(Student.las_key == "5002")).one()
        assert noah.municipality == "Venlo"


def test_reimport_with_the_new_fields_changes_nothing_and_empty_erases_nothing(
    store, coordinator
) -> None:
    _with_cbs_table(store, coordinator)
    source = _csv(BOS, header=HEADER)
    store.run(apply_import, coordinator, source, None, None, TODAY)
    before = snapshot(store)
    again = store.run(preview_import, coordinator, source, TODAY)
    assert [r.status for r in again.rows] == ["same"]
    result = store.run(apply_import, coordinator, source, None, None, TODAY)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 1)
    assert snapshot(store) == before

    # The same student with the contact cells left empty: Koers keeps what it has.
    emptied = "5001;Bos;Sanne;03-04-2010;;;;;15-07-2027;Karin Bos;;;;;;;"
    preview = store.run(preview_import, coordinator, _csv(emptied, header=HEADER), TODAY)
    assert [r.status for r in preview.rows] == ["same"]
    store.run(apply_import, coordinator, _csv(emptied, header=HEADER), None, None, TODAY)
    assert snapshot(store) == before
    with store.session() as session:
        guardians = session.scalars(select(Guardian).order_by(Guardian.id)).all()
        assert [(g.name, g.phone) for g in guardians] == [
            ("Karin Bos", "06-11112222"),
            ("Peter Bos", "06-33334444"),
        ]


def test_a_changed_guardian_phone_is_shown_and_taken(store, coordinator) -> None:
    store.run(apply_import, coordinator, _csv(BOS, header=HEADER), None, None, TODAY)
    moved = BOS.replace("06-11112222", "06-99990000")
    preview = store.run(preview_import, coordinator, _csv(moved, header=HEADER), TODAY)
    assert preview.rows[0].status == "changed"
    assert "Karin Bos, telefoon: 06-11112222 → 06-99990000" in preview.rows[0].changes_text
    store.run(apply_import, coordinator, _csv(moved, header=HEADER), None, None, TODAY)
    with store.session() as session:
        phones = {
            name: phone for name, phone in session.execute(select(Guardian.name, Guardian.phone))
        }
    assert phones == {"Karin Bos": "06-99990000", "Peter Bos": "06-33334444"}


LEAVERS_HEADER = "Leerlingnummer;Achternaam;Roepnaam;Geboortedatum;Uitstroomdatum"


def _path(store, key: str) -> tuple[Student, Phase, list[Phase]]:
    with store.session() as session:
        student = session.scalars(select(Student).where(Student.las_key == key)).one()
        path = session.scalars(
            select(TransitionPath).where(TransitionPath.student_id == student.id)
        ).one()
        phases = session.scalars(
            select(PathPhase.phase).where(PathPhase.path_id == path.id).order_by(PathPhase.id)
        ).all()
        return student, path.current_phase, list(phases)


def test_a_student_who_left_in_2014_is_a_closed_former_student_with_a_warning(
    store, coordinator
) -> None:
    source = _csv("6001;Jansen;Tim;12-03-1997;18-07-2014", header=LEAVERS_HEADER)
    preview = store.run(preview_import, coordinator, source, TODAY)
    row = preview.rows[0]
    assert "Oud-leerling: vertrokken op 18-07-2014" in row.leaving_note
    assert any("langer dan de nazorgperiode geleden" in w for w in row.warnings)
    assert any("langer dan de nazorgperiode geleden" in w for w in preview.warnings)

    store.run(apply_import, coordinator, source, None, None, TODAY)
    tim, phase, phases = _path(store, "6001")
    assert tim.actual_outflow_date == date(2014, 7, 18)
    assert phase is Phase.CLOSED and phases == [Phase.AFTERCARE, Phase.CLOSED]
    shown = store.run(signals.compute, coordinator, on=TODAY)
    assert tim.id not in shown  # no "Geen transitiestage" for someone who left in 2014


def test_a_recent_leaver_is_a_former_student_in_aftercare(store, coordinator) -> None:
    source = _csv("6002;Peters;Lisa;02-02-2008;01-07-2026", header=LEAVERS_HEADER)
    preview = store.run(preview_import, coordinator, source, TODAY)
    assert preview.rows[0].leaving_note == (
        "Oud-leerling: vertrokken op 01-07-2026; nazorg tot 01-07-2028"
    )
    assert not preview.warnings
    store.run(apply_import, coordinator, source, None, None, TODAY)
    lisa, phase, phases = _path(store, "6002")
    assert lisa.actual_outflow_date == date(2026, 7, 1)
    assert phase is Phase.AFTERCARE and phases == [Phase.AFTERCARE]
    found = store.run(signals.compute, coordinator, on=TODAY).get(lisa.id, frozenset())
    assert signals.Signal.LEAVING_WITHOUT_TRANSITION not in found
    # Twice the same file changes nothing.
    before = snapshot(store)
    store.run(apply_import, coordinator, source, None, None, TODAY)
    assert snapshot(store) == before and _path(store, "6002")[2] == [Phase.AFTERCARE]


def test_a_student_in_koers_whose_leaving_date_passed_moves_on_to_aftercare(
    store, coordinator
) -> None:
    source = _csv("6003;Claes;Ruben;02-02-2008;01-07-2026", header=LEAVERS_HEADER)
    store.run(apply_import, coordinator, source, None, None, date(2026, 5, 1))
    assert _path(store, "6003")[1] is Phase.ORIENTATION
    preview = store.run(preview_import, coordinator, source, TODAY)
    assert "Trajectfase: Oriëntatie → Nazorg" in preview.rows[0].changes_text
    store.run(apply_import, coordinator, source, None, None, TODAY)
    ruben, phase, _phases = _path(store, "6003")
    assert ruben.actual_outflow_date == date(2026, 7, 1) and phase is Phase.AFTERCARE


def test_the_official_edexml_sample_leaver_of_2014_is_a_former_student(store, coordinator):
    source = ImportSource("edexml", sample_bytes(), "EDEXML.Voorbeeld.2.1.xml")
    preview = store.run(preview_import, coordinator, source, TODAY)
    gradje = next(r for r in preview.rows if r.las_key == "12345")
    assert gradje.leaving_note.startswith("Oud-leerling: vertrokken op 18-07-2014")
    store.run(apply_import, coordinator, source, None, None, TODAY)
    student, phase, _phases = _path(store, "12345")
    assert student.actual_outflow_date == date(2014, 7, 18) and phase is Phase.CLOSED
