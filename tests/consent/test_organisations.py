"""The network: organisations with contact persons, CBS and RMC-region imports that never
invent a code, and the default recipients from the municipality of residence."""

from __future__ import annotations

import pytest

from app.core.errors import ValidationError
from app.models import OrganisationKind, Student
from app.services.network import organisations
from app.services.network.cbs_tables import import_cbs_municipalities, import_rmc_regions
from app.services.network.organisations import ContactInput, OrganisationInput
from app.services.network.report_recipients import default_recipients

CBS_CSV = (
    "\ufeffGemeentecode;GemeentecodeGM;Gemeentenaam;Provinciecode;Provincienaam\r\n"
    "983;GM0983;Venlo;31;Limburg\r\n"
    "957;GM0957;Roermond;31;Limburg\r\n"
    ";GMXXXX;Kapot;31;Limburg\r\n"
).encode()
RMC_CSV = (
    b"GemeentecodeGM,Gemeentenaam,RMC-regio\n"
    b"GM0983,Venlo,Noord-Limburg\n"
    b"GM0957,Roermond,Midden-Limburg\n"
    b"GM9999,Nergens,Noord-Limburg\n"
)


def test_save_with_contacts_and_checks(store, coordinator):
    org_id = store.run(
        organisations.save_organisation,
        coordinator,
        OrganisationInput(
            code="UWV",
            name="UWV Venlo",
            kind="uwv",
            contacts=[
                ContactInput("Anouk Wijnen", "Arbeidsdeskundige", "077-1234567", "a@uwv.example")
            ],
        ),
    )
    rows = store.run(organisations.list_organisations, coordinator)
    assert rows[0].id == org_id and rows[0].contacts[0].role == "Arbeidsdeskundige"
    with pytest.raises(ValidationError) as caught:
        store.run(
            organisations.save_organisation,
            coordinator,
            OrganisationInput(code="UWV", name="", kind="uwv", cbs_code="GM12"),
        )
    assert set(caught.value.problems) >= {"code", "name", "cbs_code"}


def test_cbs_and_rmc_imports(store, coordinator):
    result = store.run(import_cbs_municipalities, coordinator, CBS_CSV)
    assert (result.added, result.updated, len(result.skipped)) == (2, 0, 1)
    again = store.run(import_cbs_municipalities, coordinator, CBS_CSV)
    assert (again.added, again.updated) == (0, 2)
    regions = store.run(import_rmc_regions, coordinator, RMC_CSV)
    assert (regions.added, regions.updated) == (2, 2) and "GM9999" in regions.skipped[0]
    rows = {r.name: r for r in store.run(organisations.list_organisations, coordinator)}
    assert rows["Venlo"].code == "GM0983" and rows["Venlo"].rmc_region == "RMC Noord-Limburg"
    assert rows["RMC Noord-Limburg"].alt_name == "Doorstroompunt Noord-Limburg"
    assert rows["RMC Noord-Limburg"].kind is OrganisationKind.RMC

    def recipients(session):
        student = Student(first_name="Sem", surname="Bos", municipality="venlo")
        session.add(student)
        session.flush()
        return [o.name for o in default_recipients(session, student)]

    assert store.run(recipients) == ["Venlo", "RMC Noord-Limburg"]


def test_demo_codes_only_where_known(store, coordinator):
    import random

    from app.demo import consent as demo_consent

    store.run(lambda s: demo_consent.network(s, coordinator, random.Random(1)))
    rows = store.run(organisations.list_organisations, coordinator)
    for row in rows:
        if row.cbs_code:
            assert row.kind is OrganisationKind.MUNICIPALITY and row.code == row.cbs_code
        else:
            assert not row.code.startswith("GM")
    assert {r.name for r in rows if r.kind is OrganisationKind.RMC} == {
        "RMC Noord-Limburg",
        "RMC Midden-Limburg",
    }
