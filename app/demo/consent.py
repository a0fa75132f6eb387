"""Demo network and consents: the demo region's municipalities, two RMC regions, UWV, care
partners, and consents spread as a school really has them.

The CBS codes below are the municipalities' published codes (checked against a copy of the
CBS table); the RMC links and every person are demo data.
"""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.core.validation import today
from app.models import (
    Basis,
    Consent,
    ConsentForm,
    ConsentScope,
    DataFlow,
    FlowDocument,
    Guardian,
    GuardianRelation,
    LegalRepresentation,
    Organisation,
    OrganisationContact,
    OrganisationKind,
    OutflowProfile,
    Student,
)
from app.services.common.actor import Actor

MUNICIPALITIES = [
    # (name, CBS code, RMC region key)
    ("Roermond", "GM0957", "ml"),
    ("Weert", "GM0988", "ml"),
    ("Echt-Susteren", "GM1711", "ml"),
    ("Beesel", "GM0889", "ml"),
    ("Venlo", "GM0983", "nl"),
    ("Venray", "GM0984", "nl"),
    ("Peel en Maas", "GM1894", "nl"),
    ("Horst aan de Maas", "GM1507", "nl"),
]
REGIONS = {
    "nl": ("RMC-NLB", "RMC Noord-Limburg", "Doorstroompunt Noord-Limburg"),
    "ml": ("RMC-MLB", "RMC Midden-Limburg", "Doorstroompunt Midden-Limburg"),
}
PARTNERS = [
    ("UWV-VENLO", "UWV Werkbedrijf Venlo (demo)", OrganisationKind.UWV),
    ("ZORG-ANKER", "Stichting Dagbesteding Het Anker (demo)", OrganisationKind.CARE),
    ("ZORG-BUURT", "Buurtteam Maas en Peel (demo)", OrganisationKind.CARE),
    ("MBO-GILDE", "Gilde Opleidingen, Entree (demo)", OrganisationKind.EDUCATION),
]
ROLES = {
    OrganisationKind.MUNICIPALITY: [
        "Consulent werk en inkomen",
        "Leerplichtambtenaar",
        "Jobhunter",
    ],
    OrganisationKind.RMC: ["Trajectbegeleider Doorstroompunt", "Coördinator kwetsbare jongeren"],
    OrganisationKind.UWV: ["Arbeidsdeskundige", "Werkcoach jongeren"],
    OrganisationKind.CARE: ["Begeleider dagbesteding", "Buurtteamcoach"],
    OrganisationKind.EDUCATION: ["Intakecoördinator"],
}
FIRST = ["Anouk", "Bas", "Chantal", "Dirk", "Esra", "Frank", "Hanneke", "Jeroen", "Karima"]
LAST = ["Wijnen", "Hermans", "Crijns", "Peeters", "Janssen", "Verheijen", "Gielen", "Kuijpers"]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def network(session: Session, actor: Actor, rng: random.Random) -> dict[str, int]:
    """The organisations, with two contact persons each; returns municipality name -> id."""
    made: dict[str, int] = {}
    regions: dict[str, int] = {}
    by = {"created_by_id": actor.user_id, "updated_by_id": actor.user_id}
    for key, (code, name, alt) in REGIONS.items():
        org = Organisation(code=code, name=name, alt_name=alt, kind=OrganisationKind.RMC, **by)
        session.add(org)
        session.flush()
        regions[key] = org.id
    for name, cbs, region in MUNICIPALITIES:
        org = Organisation(
            code=cbs,
            name=name,
            cbs_code=cbs,
            kind=OrganisationKind.MUNICIPALITY,
            rmc_region_id=regions[region],
            **by,
        )
        session.add(org)
        session.flush()
        made[name] = org.id
    for code, name, kind in PARTNERS:
        org = Organisation(code=code, name=name, kind=kind, **by)
        session.add(org)
        session.flush()
    rows = []
    for org in session.scalars(select(Organisation)):
        for role in rng.sample(ROLES[org.kind], k=min(2, len(ROLES[org.kind]))):
            person = _person(rng)
            rows.append(
                {
                    "organisation_id": org.id,
                    "name": person,
                    "role": role,
                    "phone": f"077-{rng.randint(3000000, 3999999)}",
                    "email": person.lower().replace(" ", ".") + "@voorbeeld.nl",
                    **by,
                }
            )
    session.execute(insert(OrganisationContact), rows)
    # The duty to report leavers to the RMC is a legal task (WVO art. 118h).
    session.add(
        DataFlow(
            document=FlowDocument.LEAVERS_LIST,
            recipient_kind=OrganisationKind.RMC,
            basis=Basis.LEGAL,
            article="WVO art. 118h (melding vertrekkers aan het RMC)",
            scopes=ConsentScope.PATH.value,
            **by,
        )
    )
    return made


def generate(session: Session, actor: Actor, rng: random.Random) -> None:
    """Organisations and a realistic spread of consents over the students."""
    municipalities = network(session, actor, rng)
    now = today()
    students = session.execute(
        select(
            Student.id,
            Student.birth_date,
            Student.municipality,
            Student.outflow_profile,
            Student.planned_outflow_date,
            Student.surname,
            Student.first_name,
        ).order_by(Student.id)
    ).all()
    # The student at the top of the cohort list is the one a new user opens first (and the
    # screenshots show): they get a full consent, so the Toestemming tab is not empty.
    first = min(students, key=lambda s: (s.surname.lower(), s.first_name.lower()), default=None)
    showcase = first.id if first else None
    guardians: dict[int, str] = {}
    for sid, name in session.execute(
        select(Guardian.student_id, Guardian.name).order_by(Guardian.id)
    ):
        guardians.setdefault(sid, name)
    # Two adults in dagbesteding are under curatele: the curator must consent too.
    wards = [s for s in students if s.outflow_profile is OutflowProfile.DAGBESTEDING][:2]
    for ward in wards:
        session.execute(
            update(Student)
            .where(Student.id == ward.id)
            .values(legal_representation=LegalRepresentation.CURATELE)
        )
        session.add(
            Guardian(
                student_id=ward.id,
                name=f"mr. {_person(rng)}",
                relation=GuardianRelation.CURATOR,
                has_authority=True,
            )
        )
    ward_ids = [w.id for w in wards]
    rows = []
    by = {"created_by_id": actor.user_id, "updated_by_id": actor.user_id}
    every = ",".join(s.value for s in ConsentScope)
    for s in students:
        org = municipalities.get(s.municipality or "")
        if org is None:
            continue
        base = {
            "student_id": s.id,
            "organisation_id": org,
            "given_by_student": True,
            "given_by_guardian": guardians.get(s.id),
            "form": ConsentForm.DIGITAL,
            **by,
        }
        given = min(now, (s.planned_outflow_date or now) - timedelta(days=rng.randint(60, 240)))
        if s.id in ward_ids:
            has_rep = s.id == ward_ids[0]
            rows.append(
                base
                | {
                    "scopes": every,
                    "given_on": given,
                    "given_by_representative": "de curator" if has_rep else None,
                    "note": None if has_rep else "Curator nog niet bereikt.",
                }
            )
            continue
        kind = rng.choices(
            ["full", "partial", "expired", "withdrawn", "none", "minor_alone"],
            weights=[40, 15, 7, 6, 24, 8],
        )[0]
        if s.id == showcase:
            kind = "full"
        if kind == "none":
            continue
        if kind == "minor_alone" and s.birth_date:
            # Given at 15 without a parent: the register shows it, the gate refuses it.
            at_15 = s.birth_date.replace(year=s.birth_date.year + 15) + timedelta(days=100)
            if at_15 <= now:
                rows.append(base | {"scopes": every, "given_on": at_15, "given_by_guardian": None})
            continue
        row = base | {"scopes": every, "given_on": given}
        if kind == "partial":
            row["scopes"] = f"{ConsentScope.INTERNSHIPS.value},{ConsentScope.PATH.value}"
        elif kind == "expired":
            row["given_on"] = given - timedelta(days=500)
            row["valid_until"] = row["given_on"] + timedelta(days=365)
        elif kind == "withdrawn":
            row["withdrawn_on"] = min(now, given + timedelta(days=rng.randint(20, 90)))
            row["withdrawn_by"] = "de leerling zelf" if rng.random() < 0.5 else "ouder"
        rows.append(row)
        if kind == "full" and rng.random() < 0.5:
            region = session.get(Organisation, org).rmc_region_id
            rows.append(
                row | {"organisation_id": region, "form": ConsentForm.VERBAL, "witness": "mentor"}
            )
    for row in rows:
        row.setdefault("given_by_representative", None)
        row.setdefault("valid_until", None)
        row.setdefault("withdrawn_on", None)
        row.setdefault("withdrawn_by", None)
        row.setdefault("note", None)
        row.setdefault("witness", None)
        if row["given_on"] > now:
            row["given_on"] = now
    if rows:
        session.execute(insert(Consent), rows)
