"""The drop-out report (melding uitval) leaves for the municipality's safety net only through
the gate: consent for 'nazorg' to the municipality of residence; logged with that consent;
the proposal is then marked sent. Refused: nothing written, nothing logged, still proposed."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.core.errors import ConflictError, PermissionDeniedError
from app.models import (
    AftercareCall,
    ConsentScope,
    DropoutReportProposal,
    ExportLog,
    ProposalStatus,
    Role,
)
from app.services.common.actor import Actor
from app.services.consent import register as consents
from app.services.consent.dropout_report import send_dropout_report
from app.services.consent.gate import ConsentRefusedError
from tests.consent.helpers import MARKERS, consent_input, full_student, organisations, pdf_text

AT = date(2026, 11, 1)


@pytest.fixture
def proposal(store, coordinator):
    def arrange(session):
        orgs = organisations(session)
        student = full_student(session, las_key="901")
        call = session.scalars(select(AftercareCall)).first()
        proposal = DropoutReportProposal(
            student_id=student.id,
            call_id=call.id,
            proposed_on=date(2026, 10, 2),
            municipality="Venlo",
        )
        session.add(proposal)
        session.flush()
        return {"student": student.id, "venlo": orgs["venlo"].id, "proposal": proposal.id}

    return store.run(arrange)


def _status(store, proposal_id):
    return store.run(lambda s: s.get(DropoutReportProposal, proposal_id).status)


def _logs(store):
    return store.run(lambda s: s.scalars(select(ExportLog)).all())


def test_without_consent_nothing_is_sent(store, coordinator, proposal, tmp_path):
    out = tmp_path / "melding.pdf"
    with pytest.raises(ConsentRefusedError) as caught:
        store.run(send_dropout_report, coordinator, proposal["proposal"], out, at=AT)
    assert caught.value.message == (
        "Geen melding uitval van Noémie Ozturk aan Venlo: Er is geen toestemming vastgelegd "
        "om 'nazorg' te delen met Venlo."
    )
    assert not out.exists() and _logs(store) == []
    assert _status(store, proposal["proposal"]) is ProposalStatus.PROPOSED
    # Consent for the path alone does not cover aftercare.
    store.run(
        consents.record_consent,
        coordinator,
        proposal["student"],
        consent_input(proposal["venlo"], scopes=[ConsentScope.PATH]),
    )
    with pytest.raises(ConsentRefusedError) as caught:
        store.run(send_dropout_report, coordinator, proposal["proposal"], out, at=AT)
    assert "De toestemming voor Venlo omvat 'nazorg' niet." in caught.value.message
    assert not out.exists() and _logs(store) == []


def test_with_consent_it_is_sent_logged_and_marked(store, coordinator, proposal, tmp_path):
    cid = store.run(
        consents.record_consent,
        coordinator,
        proposal["student"],
        consent_input(proposal["venlo"], scopes=[ConsentScope.AFTERCARE]),
    )
    out = tmp_path / "melding.pdf"
    result = store.run(send_dropout_report, coordinator, proposal["proposal"], out, at=AT)
    text = pdf_text(out)
    assert "Melding uitval aan het vangnet" in text and "Voor Gemeente Venlo" in text
    assert "Toestemming van 01-03-2026 door leerling, ouder/voogd Fatma Ozturk" in text
    assert "voor: nazorg" in text and "VERTROUWELIJK" in text
    assert MARKERS[ConsentScope.AFTERCARE] in text and "Concept" not in text
    assert result.scopes == frozenset({ConsentScope.AFTERCARE})
    with store.session() as session:
        log = session.get(ExportLog, result.log_id)
        assert (log.what, log.consent_id, log.scopes, log.organisation_id, log.student_id) == (
            "vangnetmelding",
            cid,
            "nazorg",
            proposal["venlo"],
            proposal["student"],
        )
    assert _status(store, proposal["proposal"]) is ProposalStatus.SENT
    with pytest.raises(ConflictError):
        store.run(send_dropout_report, coordinator, proposal["proposal"], tmp_path / "2.pdf")
    assert len(_logs(store)) == 1


def test_withdrawn_consent_stops_it_and_only_the_coordinator_sends(
    store, coordinator, proposal, tmp_path
):
    cid = store.run(
        consents.record_consent, coordinator, proposal["student"], consent_input(proposal["venlo"])
    )
    store.run(consents.withdraw_consent, coordinator, cid, "01-10-2026", "de jongere zelf")
    out = tmp_path / "melding.pdf"
    with pytest.raises(ConsentRefusedError) as caught:
        store.run(send_dropout_report, coordinator, proposal["proposal"], out, at=AT)
    assert "is ingetrokken op 01-10-2026 door de jongere zelf" in caught.value.message
    mentor = Actor(coordinator.user_id, "m", "Mentor", Role.MENTOR)
    with pytest.raises(PermissionDeniedError):
        store.run(send_dropout_report, mentor, proposal["proposal"], out, at=AT)
    assert not out.exists() and _logs(store) == []
    assert _status(store, proposal["proposal"]) is ProposalStatus.PROPOSED
