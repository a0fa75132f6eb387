"""The one gate: who must consent, expiry, withdrawal, legal bases; and every export
logged with what it rested on."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.core.errors import PermissionDeniedError, ValidationError
from app.models import ConsentScope, ExportLog, LegalRepresentation, Organisation, Student
from app.services.consent import register as consents
from app.services.consent.batch_export import plan_batch, run_batch
from app.services.consent.data_flows import set_flow_basis
from app.services.consent.gate import ConsentRefusedError, may_share
from app.services.consent.givers import giver_facts
from app.services.consent.leavers_list import export_leavers
from app.services.consent.report_export import export_report
from tests.consent.helpers import MARKERS, consent_input, full_student, organisations, pdf_text

AT = date(2026, 9, 1)


@pytest.fixture
def network(store, coordinator):
    def make(session):
        orgs = organisations(session)
        return {k: v.id for k, v in orgs.items()}

    return store.run(make)


def _student(store, **kw) -> int:
    return store.run(lambda s: full_student(s, **kw).id)


def _decide(store, student_id, org_id, scope, at=AT):
    def work(session):
        return may_share(
            session, session.get(Student, student_id), session.get(Organisation, org_id), scope, at
        )

    return store.run(work)


def test_no_consent_is_refused_naming_what_is_missing(store, coordinator, network):
    sid = _student(store, las_key="1")
    decision = _decide(store, sid, network["venlo"], ConsentScope.PROFILE)
    assert not decision.allowed
    assert decision.reason == "Er is geen toestemming vastgelegd om 'profiel' te delen met Venlo."


def test_minor_without_parent_is_refused_with_parent_allowed(store, coordinator, network):
    sid = _student(store, las_key="2", birth_date=date(2011, 5, 1))  # 14 on the day
    store.run(
        consents.record_consent,
        coordinator,
        sid,
        consent_input(network["venlo"], given_by_guardian=""),
    )
    decision = _decide(store, sid, network["venlo"], ConsentScope.PATH)
    assert not decision.allowed
    assert (
        "de toestemming van een ouder of voogd "
        "(de leerling was toen 14 jaar, jonger dan 16) ontbreekt" in decision.reason
    )
    store.run(consents.record_consent, coordinator, sid, consent_input(network["venlo"]))
    assert _decide(store, sid, network["venlo"], ConsentScope.PATH).allowed


def test_student_without_birth_date_counts_as_minor(store, coordinator, network):
    sid = _student(store, las_key="3", birth_date=None)
    store.run(
        consents.record_consent,
        coordinator,
        sid,
        consent_input(network["venlo"], given_by_guardian=""),
    )
    decision = _decide(store, sid, network["venlo"], ConsentScope.PATH)
    assert not decision.allowed and "geboortedatum is onbekend" in decision.reason


def test_adult_own_consent_suffices_unless_under_guardianship(store, coordinator, network):
    adult = _student(store, las_key="4", birth_date=date(2007, 1, 1))
    store.run(
        consents.record_consent,
        coordinator,
        adult,
        consent_input(network["venlo"], given_by_guardian=""),
    )
    assert _decide(store, adult, network["venlo"], ConsentScope.PROFILE).allowed
    ward = _student(
        store, las_key="5", birth_date=date(2007, 1, 1), representation=LegalRepresentation.CURATELE
    )
    store.run(
        consents.record_consent,
        coordinator,
        ward,
        consent_input(network["venlo"], given_by_guardian=""),
    )
    decision = _decide(store, ward, network["venlo"], ConsentScope.PROFILE)
    assert not decision.allowed
    assert "de wettelijk vertegenwoordiger (de leerling staat onder curatele)" in decision.reason
    store.run(
        consents.record_consent,
        coordinator,
        ward,
        consent_input(
            network["venlo"], given_by_guardian="", given_by_representative="mr. P. Dekker"
        ),
    )
    assert _decide(store, ward, network["venlo"], ConsentScope.PROFILE).allowed


def test_consent_age_is_the_school_setting(store, coordinator, network):
    from app.models import SchoolSettings

    sid = _student(store, las_key="6", birth_date=date(2008, 6, 1))  # 17 on 01-03-2026
    store.run(
        consents.record_consent,
        coordinator,
        sid,
        consent_input(network["venlo"], given_by_guardian=""),
    )
    assert _decide(store, sid, network["venlo"], ConsentScope.PATH).allowed

    def raise_age(session):
        session.scalars(select(SchoolSettings)).one().consent_age = 18

    store.run(raise_age)
    assert not _decide(store, sid, network["venlo"], ConsentScope.PATH).allowed


def test_scope_expiry_and_withdrawal(store, coordinator, network):
    sid = _student(store, las_key="7")
    cid = store.run(
        consents.record_consent,
        coordinator,
        sid,
        consent_input(network["venlo"], scopes=[ConsentScope.PATH], valid_until="31-12-2026"),
    )
    assert _decide(store, sid, network["venlo"], ConsentScope.PATH).allowed
    refused = _decide(store, sid, network["venlo"], ConsentScope.PROFILE)
    assert refused.reason == "De toestemming voor Venlo omvat 'profiel' niet."
    expired = _decide(store, sid, network["venlo"], ConsentScope.PATH, at=date(2027, 1, 1))
    assert "is verlopen op 31-12-2026" in expired.reason
    before = _decide(store, sid, network["venlo"], ConsentScope.PATH, at=date(2026, 2, 1))
    assert not before.allowed
    store.run(consents.withdraw_consent, coordinator, cid, "01-10-2026", "de leerling zelf")
    assert _decide(store, sid, network["venlo"], ConsentScope.PATH, at=date(2026, 9, 30)).allowed
    later = _decide(store, sid, network["venlo"], ConsentScope.PATH, at=date(2026, 10, 1))
    assert "is ingetrokken op 01-10-2026 door de leerling zelf" in later.reason
    # Consent is specific: another recipient gets nothing.
    assert not _decide(store, sid, network["uwv"], ConsentScope.PATH).allowed


def test_record_checks_every_field(store, coordinator, network):
    sid = _student(store, las_key="8")
    with pytest.raises(ValidationError) as caught:
        store.run(
            consents.record_consent,
            coordinator,
            sid,
            consent_input(None, scopes=[], given_on="", form="mondeling", attachment=None),
        )
    assert set(caught.value.problems) >= {"organisation", "scopes", "given_on", "witness"}
    with pytest.raises(ValidationError) as caught:
        store.run(
            consents.record_consent,
            coordinator,
            sid,
            consent_input(network["venlo"], attachment=b"not a pdf"),
        )
    assert "attachment" in caught.value.problems


def test_report_holds_only_allowed_scopes_and_is_logged(store, coordinator, network, tmp_path):
    sid = _student(store, las_key="9")
    cid = store.run(
        consents.record_consent,
        coordinator,
        sid,
        consent_input(network["venlo"], scopes=[ConsentScope.PATH, ConsentScope.INTERNSHIPS]),
    )
    out = tmp_path / "r.pdf"
    result = store.run(export_report, coordinator, "9", "auto", out, at=AT)
    text = pdf_text(out)
    assert MARKERS[ConsentScope.PATH] in text and MARKERS[ConsentScope.INTERNSHIPS] in text
    for scope in (ConsentScope.PROFILE, ConsentScope.CONVERSATIONS, ConsentScope.AFTERCARE):
        assert MARKERS[scope] not in text
    assert "Toestemming van 01-03-2026" in text and "VERTROUWELIJK" in text
    with store.session() as session:
        log = session.get(ExportLog, result.log_id)
        assert (log.consent_id, log.scopes, log.organisation_id) == (
            cid,
            "stages,traject",
            network["venlo"],
        )


def test_refused_report_writes_nothing(store, coordinator, network, tmp_path):
    _student(store, las_key="10")
    out = tmp_path / "r.pdf"
    with pytest.raises(ConsentRefusedError) as caught:
        store.run(export_report, coordinator, "10", "VENLO", out, at=AT)
    assert "geen toestemming vastgelegd" in caught.value.message
    assert not out.exists()
    with store.session() as session:
        assert session.scalars(select(ExportLog)).all() == []


def test_legal_basis_exports_without_consent_and_says_so(store, coordinator, network, tmp_path):
    _student(store, las_key="11")
    store.run(
        set_flow_basis,
        coordinator,
        "overdrachtsdossier",
        "rmc",
        "wettelijke_grondslag",
        "WVO art. 118h",
        ["traject"],
    )
    out = tmp_path / "r.pdf"
    result = store.run(export_report, coordinator, "11", "RMC-NL", out, at=AT)
    text = pdf_text(out)
    assert "Wettelijke grondslag (WVO art. 118h), zonder toestemming" in " ".join(text.split())
    assert MARKERS[ConsentScope.PATH] in text and MARKERS[ConsentScope.PROFILE] not in text
    with store.session() as session:
        log = session.get(ExportLog, result.log_id)
        assert log.consent_id is None and log.basis == "wettelijke grondslag: WVO art. 118h"
    with pytest.raises(ValidationError):
        store.run(
            set_flow_basis,
            coordinator,
            "overdrachtsdossier",
            "rmc",
            "wettelijke_grondslag",
            "",
            [],
        )


def test_leavers_list_names_only_with_consent(store, coordinator, network, tmp_path):
    named = _student(store, las_key="12")
    _student(store, las_key="13")
    store.run(
        consents.record_consent,
        coordinator,
        named,
        consent_input(network["rmc"], scopes=[ConsentScope.PATH]),
    )
    out = tmp_path / "l.csv"
    result = store.run(export_leavers, coordinator, 2026, "RMC-NL", out, at=AT)
    content = out.read_text(encoding="utf-8-sig")
    assert (result.named, result.counted) == (1, 1)
    assert content.count(MARKERS[ConsentScope.PATH]) == 1
    assert "12;" in content and "13;" not in content and "Regulier werk: 1" in content
    with pytest.raises(ConsentRefusedError):
        store.run(export_leavers, coordinator, 2026, "VENLO", tmp_path / "x.csv", at=AT)


def test_exports_are_for_the_coordinator_only(store, coordinator, network, tmp_path):
    from app.models import Role
    from app.services.common.actor import Actor

    _student(store, las_key="14")
    reader = Actor(coordinator.user_id, "x", "X", Role.READ_ONLY)
    with pytest.raises(PermissionDeniedError):
        store.run(export_report, reader, "14", "auto", tmp_path / "r.pdf", at=AT)


def test_inactive_recipient_gets_nothing(store, coordinator, network):
    sid = _student(store, las_key="15")
    store.run(consents.record_consent, coordinator, sid, consent_input(network["venlo"]))

    def switch_off(session):
        session.get(Organisation, network["venlo"]).active = False

    store.run(switch_off)
    decision = _decide(store, sid, network["venlo"], ConsentScope.PATH)
    assert not decision.allowed and "niet actief" in decision.reason


def test_batch_lists_who_was_left_out_and_stops_on_cancel(store, coordinator, network, tmp_path):
    allowed = _student(store, las_key="16")
    _student(store, las_key="17")
    store.run(consents.record_consent, coordinator, allowed, consent_input(network["venlo"]))

    def elsewhere(session):
        session.add(
            Student(
                first_name="Ilse",
                surname="Post",
                municipality="Utrecht",
                planned_outflow_date=date(2026, 7, 10),
            )
        )

    store.run(elsewhere)
    plan = store.run(plan_batch, coordinator, 2026, AT)
    assert len(plan.jobs) == 2 and plan.left_out == [
        ("Ilse Post", "Woongemeente Utrecht staat niet in het netwerk.")
    ]
    seen = []
    outcome = run_batch(
        store,
        coordinator,
        plan,
        tmp_path,
        at=AT,
        on_progress=lambda done, total: seen.append((done, total)),
    )
    # Two leavers of one name to one municipality: their LAS numbers keep the files apart.
    assert [job.file_name for job in plan.jobs] == [
        "overdrachtsdossier-noemie-ozturk-2026-09-01-venlo-16.pdf",
        "overdrachtsdossier-noemie-ozturk-2026-09-01-venlo-17.pdf",
    ]
    assert [p.name for p in outcome.written] == [plan.jobs[0].file_name]
    reasons = dict(outcome.left_out)
    assert "geen toestemming vastgelegd" in reasons["Noémie Ozturk"]
    assert seen == [(1, 2), (2, 2)]
    stopped = run_batch(store, coordinator, plan, tmp_path / "b", at=AT, cancelled=lambda: True)
    assert stopped.cancelled and stopped.written == []
    assert sum("afgebroken" in r for _n, r in stopped.left_out) == 2


def test_dialog_facts_name_who_must_consent(store, coordinator, network):
    minor = _student(store, las_key="18", birth_date=date(2011, 5, 1))
    ward = _student(store, las_key="19", representation=LegalRepresentation.MENTORSCHAP)
    facts = store.run(giver_facts, coordinator, minor, date(2026, 9, 1))
    assert facts.guardians == ["Fatma Ozturk"]
    assert "is 15 jaar, jonger dan 16: ook een ouder of voogd" in facts.hint
    ward_facts = store.run(giver_facts, coordinator, ward, date(2026, 9, 1))
    assert "Onder mentorschap: ook de wettelijk vertegenwoordiger" in ward_facts.hint
