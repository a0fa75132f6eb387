"""The meeting's papers, read back from the PDFs: the agenda (with and without names), the
minutes with the action list, and the confidentiality declaration's five points."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.models import Consent, ConsentScope, ExportLog
from app.services.consent import register as consents
from app.services.meetings import actions, planning, printing, recording
from app.services.meetings.submissions import SubmissionInput, submit
from tests.consent.helpers import consent_input, pdf_text
from tests.meetings.helpers import meeting, network, student


@pytest.fixture
def held(store, coordinator):
    ids = store.run(network)
    mid = meeting(store, coordinator, ids, date(2026, 3, 19))
    sid = store.run(student, "Noor", "Bakker", date(2007, 8, 14), prefix="van")
    store.run(
        consents.record_consent,
        coordinator,
        sid,
        consent_input(ids["rmc"], scopes=(ConsentScope.MEETING,), given_by_guardian=""),
    )
    result = store.run(
        submit,
        coordinator,
        mid,
        SubmissionInput(sid, "Welke werkgever biedt beschut werk?", None, "Ingrid Peeters"),
        on=date(2026, 3, 10),
    )
    store.run(
        recording.record_case,
        coordinator,
        mid,
        result.case_id,
        recording.CaseRecord("Beschut werk aangevraagd bij de gemeente.", ids["klantmanager"]),
    )
    store.run(
        actions.add_action,
        coordinator,
        result.case_id,
        actions.ActionInput(
            "Indicatie beschut werk aanvragen",
            owner_contact_id=ids["klantmanager"],
            due_date="15-04-2026",
        ),
        mid,
    )
    view = store.run(planning.meeting_view, mid)
    signed = next(p.id for p in view.participants if p.declaration_signed_on)
    unsigned = next(p.id for p in view.participants if not p.declaration_signed_on)
    return mid, signed, unsigned, ids


def test_a_participant_without_a_declaration_gets_no_names(store, coordinator, held, tmp_path):
    mid, signed, unsigned, _ids = held
    store.run(printing.print_agenda, coordinator, mid, tmp_path / "anon.pdf", unsigned)
    text = pdf_text(tmp_path / "anon.pdf")
    assert "VERTROUWELIJK" in text
    assert "N.v.B., geboren 2007" in text
    assert "Bakker" not in text and "Noor" not in text
    assert "Welke werkgever biedt beschut werk?" in text
    store.run(printing.print_agenda, coordinator, mid, tmp_path / "named.pdf", signed)
    named = pdf_text(tmp_path / "named.pdf")
    assert "Noor van Bakker" in named
    assert "Aanmelden tot en met 12-03-2026" in named


def test_minutes_hold_the_case_lead_note_and_actions(store, coordinator, held, tmp_path):
    mid, *_rest = held
    store.run(recording.save_minutes, coordinator, mid, "Welkom aan UWV.", date(2026, 3, 19))
    store.run(printing.print_minutes, coordinator, mid, tmp_path / "verslag.pdf")
    text = pdf_text(tmp_path / "verslag.pdf")
    for expected in (
        "Verslag en actielijst Uitstroomoverleg 19-03-2026",
        "Noor van Bakker",
        "Regievoerder Bram Hendriks (Roermond)",
        "Beschut werk aangevraagd bij de gemeente.",
        "Indicatie beschut werk aanvragen",
        "15-04-2026",
        "Actielijst",
        "Welkom aan UWV.",
        "Actieve lijst",
    ):
        assert expected in text, expected


def test_the_declaration_prints_the_five_points(store, coordinator, held, tmp_path):
    mid, *_rest = held
    store.run(printing.print_declaration, coordinator, mid, tmp_path / "verklaring.pdf")
    text = pdf_text(tmp_path / "verklaring.pdf")
    assert "Geheimhoudingsverklaring" in text
    for n in range(1, 6):
        assert f"{n}. " in text
    assert "verplichten zich tot geheimhouding" in text
    assert "jonger dan 18 jaar" in text and "ouder of voogd" in text
    assert "Ilse Jacobs (RMC Midden-Limburg)" in text


def test_each_paper_is_in_the_export_log(store, coordinator, held, tmp_path):
    mid, signed, _unsigned, _ids = held
    store.run(printing.print_agenda, coordinator, mid, tmp_path / "agenda.pdf", signed)
    store.run(printing.print_declaration, coordinator, mid, tmp_path / "verklaring.pdf")
    logged = store.run(
        lambda session: list(session.scalars(select(ExportLog.what).order_by(ExportLog.id)))
    )
    assert "agenda overleg" in logged
    assert "geheimhoudingsverklaring overleg" in logged


def test_the_minutes_are_logged_with_the_meeting_consent_they_rest_on(
    store, coordinator, held, tmp_path
):
    # Found by the year test (issue 21): the papers of a meeting were logged without the
    # consent that allowed each student on them, unlike every other export.
    mid, _signed, _unsigned, ids = held
    store.run(printing.print_minutes, coordinator, mid, tmp_path / "verslag.pdf")

    def logged(session):
        [entry] = session.scalars(select(ExportLog).where(ExportLog.what == "verslag overleg"))
        consent = session.get(Consent, entry.consent_id)
        return entry.organisation_id, entry.scopes, consent.organisation_id, consent.scopes

    organisation, scopes, consent_organisation, consent_scopes = store.run(logged)
    assert organisation == consent_organisation == ids["rmc"]
    assert scopes == "overleg" and "overleg" in consent_scopes
