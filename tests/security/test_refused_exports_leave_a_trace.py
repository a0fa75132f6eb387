"""A refused export leaves exactly one audit row (who, which student, which recipient, why as
the gate's code and the scopes refused) and nothing else: no file, no export-log entry, no
report text in the trail. The row survives the rollback of the refused export's transaction,
keeps the chain intact and reads as Dutch in the audit-log screen."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.models import (
    AftercareCall,
    AuditEntry,
    DropoutReportProposal,
    ExportLog,
    Organisation,
    ProposalStatus,
)
from app.services.common.audit import browse, check_chain
from app.services.consent import register as consents
from app.services.consent.batch_export import plan_batch, run_batch
from app.services.consent.dropout_report import send_dropout_report
from app.services.consent.gate import ConsentRefusedError
from app.services.consent.report_export import export_report
from tests.consent.helpers import MARKERS, consent_input, full_student, organisations

AT = date(2026, 9, 1)


@pytest.fixture
def network(store, coordinator) -> dict[str, int]:
    return store.run(lambda s: {k: v.id for k, v in organisations(s).items()})


def _student(store, **kw) -> int:
    return store.run(lambda s: full_student(s, **kw).id)


def _audit_ids(store) -> set[int]:
    return set(store.run(lambda s: s.scalars(select(AuditEntry.id)).all()))


def _export_logs(store) -> int:
    return store.run(lambda s: s.scalar(select(func.count()).select_from(ExportLog)))


def _refused_once(store, coordinator, attempt, student_id: int, org_id: int, code: str):
    """Runs `attempt` (which must be refused) and returns the one audit row it left."""
    before, logs_before = _audit_ids(store), _export_logs(store)
    with pytest.raises(ConsentRefusedError):
        attempt()
    new = _audit_ids(store) - before
    assert len(new) == 1, "a refusal leaves exactly one audit row"
    row = store.run(lambda s: s.get(AuditEntry, new.pop()))
    assert (row.action, row.user_id) == ("export_refused", coordinator.user_id)
    assert (row.entity, row.entity_id) == ("student", student_id)
    assert f"org={org_id}" in row.detail.split(";")
    assert f"reden={code}" in row.detail.split(";")
    # Codes only: never a name, a consent giver or any of the report's content.
    for text in (*MARKERS.values(), "Ozturk", "Noémie", "Venlo", "toestemming"):
        assert text not in row.detail
    assert _export_logs(store) == logs_before, "a refusal is not an export"
    assert store.run(check_chain, coordinator).intact
    return row


def _report(store, coordinator, student_id, org_id, out):
    return lambda: store.run(export_report, coordinator, student_id, org_id, out, at=AT)


def test_no_consent_is_logged_with_its_code(store, coordinator, network, tmp_path):
    sid = _student(store, las_key="1")
    out = tmp_path / "r.pdf"
    row = _refused_once(
        store,
        coordinator,
        _report(store, coordinator, sid, network["venlo"], out),
        sid,
        network["venlo"],
        "no_consent",
    )
    assert "scopes=profiel,stages,gesprekken,traject,nazorg" in row.detail
    assert not out.exists()


def test_minor_without_parent_is_logged(store, coordinator, network, tmp_path):
    sid = _student(store, las_key="2", birth_date=date(2011, 5, 1))
    store.run(
        consents.record_consent,
        coordinator,
        sid,
        consent_input(network["venlo"], given_by_guardian=""),
    )
    out = tmp_path / "r.pdf"
    attempt = _report(store, coordinator, sid, network["venlo"], out)
    _refused_once(store, coordinator, attempt, sid, network["venlo"], "givers_missing")
    assert not out.exists()


def test_withdrawn_consent_is_logged(store, coordinator, network, tmp_path):
    sid = _student(store, las_key="3")
    cid = store.run(consents.record_consent, coordinator, sid, consent_input(network["venlo"]))
    store.run(consents.withdraw_consent, coordinator, cid, "01-08-2026", "de leerling zelf")
    out = tmp_path / "r.pdf"
    attempt = _report(store, coordinator, sid, network["venlo"], out)
    row = _refused_once(store, coordinator, attempt, sid, network["venlo"], "withdrawn")
    assert "leerling zelf" not in row.detail
    assert not out.exists()


def test_recipient_not_covered_is_logged(store, coordinator, network, tmp_path):
    sid = _student(store, las_key="4")
    store.run(consents.record_consent, coordinator, sid, consent_input(network["venlo"]))
    out = tmp_path / "r.pdf"
    attempt = _report(store, coordinator, sid, network["uwv"], out)
    _refused_once(store, coordinator, attempt, sid, network["uwv"], "no_consent")
    assert not out.exists()


def test_inactive_recipient_is_logged(store, coordinator, network, tmp_path):
    sid = _student(store, las_key="5")
    store.run(consents.record_consent, coordinator, sid, consent_input(network["venlo"]))

    def deactivate(session):
        session.get(Organisation, network["venlo"]).active = False

    store.run(deactivate)
    out = tmp_path / "r.pdf"
    attempt = _report(store, coordinator, sid, network["venlo"], out)
    _refused_once(store, coordinator, attempt, sid, network["venlo"], "inactive")


def test_refused_dropout_report_is_logged_and_stays_proposed(store, coordinator, network, tmp_path):
    def arrange(session):
        student = full_student(session, las_key="6")
        call = session.scalars(select(AftercareCall)).first()
        proposal = DropoutReportProposal(
            student_id=student.id,
            call_id=call.id,
            proposed_on=date(2026, 10, 2),
            municipality="Venlo",
        )
        session.add(proposal)
        session.flush()
        return student.id, proposal.id

    sid, pid = store.run(arrange)
    out = tmp_path / "melding.pdf"
    row = _refused_once(
        store,
        coordinator,
        lambda: store.run(send_dropout_report, coordinator, pid, out, at=date(2026, 11, 1)),
        sid,
        network["venlo"],
        "no_consent",
    )
    assert row.detail.startswith("vangnetmelding;")
    assert row.detail.endswith("scopes=nazorg")
    assert not out.exists()
    status = store.run(lambda s: s.get(DropoutReportProposal, pid).status)
    assert status is ProposalStatus.PROPOSED


def test_batch_logs_each_refusal_once(store, coordinator, network, tmp_path):
    allowed = _student(store, las_key="7")
    store.run(consents.record_consent, coordinator, allowed, consent_input(network["venlo"]))
    refused = _student(store, las_key="8")
    before = _audit_ids(store)
    plan = store.run(plan_batch, coordinator, 2026, AT)
    outcome = run_batch(store, coordinator, plan, tmp_path, at=AT)
    assert len(outcome.written) == 1 and len(outcome.left_out) == 1
    rows = store.run(
        lambda s: s.scalars(
            select(AuditEntry).where(AuditEntry.id.not_in(before)).order_by(AuditEntry.id)
        ).all()
    )
    refusals = [r for r in rows if r.action == "export_refused"]
    assert [(r.entity_id, r.detail.split(";")[2]) for r in refusals] == [
        (refused, "reden=no_consent")
    ]
    assert store.run(check_chain, coordinator).intact


def test_audit_screen_shows_the_refusal_in_dutch(store, coordinator, network, tmp_path):
    sid = _student(store, las_key="9")
    _refused_once(
        store,
        coordinator,
        _report(store, coordinator, sid, network["venlo"], tmp_path / "r.pdf"),
        sid,
        network["venlo"],
        "no_consent",
    )
    (shown,) = store.run(browse, coordinator, action="export_refused")
    assert shown.action_label == "Uitvoer geweigerd (toestemming)"
    assert shown.entity_label == "Leerling"
    assert shown.detail_label == (
        f"overdrachtsdossier; organisatie: {network['venlo']}; "
        "reden: geen toestemming vastgelegd; "
        "onderwerpen: profiel, stages, gesprekken, traject, nazorg"
    )
