"""Property: over generated students, consents and export requests, no exported byte (PDF
text, CSV, XLSX) holds a scope the gate refuses at that moment, and every export that
happened is logged with the consent(s) it rested on."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import delete, select

from app.models import (
    Basis,
    Consent,
    ConsentForm,
    ConsentScope,
    DataFlow,
    ExportLog,
    FlowDocument,
    LegalRepresentation,
    Organisation,
    OrganisationKind,
    Student,
)
from app.services.consent.gate import REPORT_SCOPES, ConsentRefusedError, may_share
from app.services.consent.leavers_list import export_leavers
from app.services.consent.report_export import export_report
from tests.consent.helpers import MARKERS, full_student, organisations, pdf_text

TODAY = date(2026, 9, 1)
counter = itertools.count(1000)

consent_spec = st.fixed_dictionaries(
    {
        "recipient": st.sampled_from(["venlo", "rmc", "uwv"]),
        "scopes": st.sets(st.sampled_from(list(ConsentScope)), min_size=1),
        # Mostly complete and current, so that many exports go through.
        "by_student": st.sampled_from([True, True, True, False]),
        "by_guardian": st.sampled_from([True, True, False]),
        "by_representative": st.sampled_from([True, False]),
        "given_days_ago": st.integers(min_value=-30, max_value=900),
        "valid_days": st.one_of(st.none(), st.none(), st.integers(min_value=0, max_value=800)),
        "withdrawn_after": st.one_of(
            st.none(), st.none(), st.none(), st.integers(min_value=0, max_value=400)
        ),
    }
)
case = st.fixed_dictionaries(
    {
        "age": st.one_of(st.none(), st.integers(min_value=13, max_value=22)),
        "representation": st.sampled_from(list(LegalRepresentation)),
        "consents": st.lists(consent_spec, max_size=5),
        # Sometimes one flow rests on a legal basis for some scopes.
        "legal": st.one_of(
            st.none(),
            st.tuples(
                st.sampled_from(["overdrachtsdossier", "vertrekkerslijst"]),
                st.sampled_from(["gemeente", "rmc", "uwv"]),
                st.sets(st.sampled_from(list(ConsentScope)), min_size=1),
            ),
        ),
        "requests": st.lists(
            st.tuples(
                st.sampled_from(["pdf", "csv", "xlsx"]),
                st.sampled_from(["venlo", "rmc", "uwv"]),
                st.integers(min_value=-200, max_value=400),
            ),
            min_size=1,
            max_size=3,
        ),
    }
)


def _exported_text(path) -> str:
    if path.suffix == ".pdf":
        return pdf_text(path)
    if path.suffix == ".csv":
        return path.read_text(encoding="utf-8-sig")
    sheet = load_workbook(path).active
    return " ".join(
        str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None
    )


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=case)
def test_nothing_refused_ever_leaves(store, coordinator, tmp_path_factory, data):
    out_dir = tmp_path_factory.mktemp("out")
    las = str(next(counter))

    def arrange(session):
        orgs = {o.code: o for o in session.scalars(select(Organisation))}
        if not orgs:
            made = organisations(session)
        else:
            made = {"venlo": orgs["VENLO"], "rmc": orgs["RMC-NL"], "uwv": orgs["UWV"]}
        session.execute(delete(DataFlow))
        if data["legal"] is not None:
            document, kind, scopes = data["legal"]
            session.add(
                DataFlow(
                    document=FlowDocument(document),
                    recipient_kind=OrganisationKind(kind),
                    basis=Basis.LEGAL,
                    article="WVO art. 118h",
                    scopes=",".join(s.value for s in scopes),
                )
            )
        # Only this example's student is a leaver in its year: earlier ones left before.
        for other in session.scalars(select(Student)):
            other.planned_outflow_date = date(2001, 7, 1)
        birth = None if data["age"] is None else TODAY.replace(year=TODAY.year - data["age"])
        student = full_student(
            session, las_key=las, birth_date=birth, representation=data["representation"]
        )
        for spec in data["consents"]:
            given_on = TODAY - timedelta(days=spec["given_days_ago"])
            session.add(
                Consent(
                    student_id=student.id,
                    organisation_id=made[spec["recipient"]].id,
                    scopes=",".join(s.value for s in spec["scopes"]),
                    given_by_student=spec["by_student"],
                    given_by_guardian="Fatma Ozturk" if spec["by_guardian"] else None,
                    given_by_representative="mr. Dekker" if spec["by_representative"] else None,
                    given_on=given_on,
                    form=ConsentForm.DIGITAL,
                    valid_until=None
                    if spec["valid_days"] is None
                    else given_on + timedelta(days=spec["valid_days"]),
                    withdrawn_on=None
                    if spec["withdrawn_after"] is None
                    else given_on + timedelta(days=spec["withdrawn_after"]),
                )
            )
        session.flush()
        return student.id, {k: v.id for k, v in made.items()}

    student_id, orgs = store.run(arrange)
    for number, (kind, recipient, offset) in enumerate(data["requests"]):
        at = TODAY + timedelta(days=offset)

        def allowed_now(session, recipient=recipient, at=at, kind=kind):

            document = (
                FlowDocument.TRANSITION_REPORT if kind == "pdf" else FlowDocument.LEAVERS_LIST
            )
            student, org = (
                session.get(Student, student_id),
                session.get(Organisation, orgs[recipient]),
            )
            return {
                s
                for s in REPORT_SCOPES
                if may_share(session, student, org, s, at, document=document).allowed
            }

        allowed = store.run(allowed_now)
        out = out_dir / f"{number}.{kind}"
        logs_before = store.run(lambda s: len(s.scalars(select(ExportLog)).all()))
        try:
            if kind == "pdf":
                store.run(export_report, coordinator, las, orgs[recipient], out, at=at)
            else:
                store.run(export_leavers, coordinator, 2026, orgs[recipient], out, at=at)
        except ConsentRefusedError:
            assert not out.exists()
            assert store.run(lambda s: len(s.scalars(select(ExportLog)).all())) == logs_before
            if kind == "pdf":
                assert not allowed
            event(f"{kind} refused")
            continue
        event(f"{kind} written")
        text = _exported_text(out)
        for scope, marker in MARKERS.items():
            if scope not in allowed:
                assert marker not in text, (kind, scope, at)
        if kind == "pdf":
            assert allowed, "a report left although every scope was refused"
            for scope in allowed:
                assert MARKERS[scope] in text

        def new_logs(session, logs_before=logs_before):
            return session.scalars(
                select(ExportLog).order_by(ExportLog.id).offset(logs_before)
            ).all()

        logs = store.run(new_logs)
        named = [log for log in logs if log.student_id == student_id]
        if kind == "pdf" or ConsentScope.PATH in allowed:
            assert len(named) == 1
            log = named[0]
            assert set(filter(None, (log.scopes or "").split(","))) == {
                s.value for s in allowed
            } & ({s.value for s in REPORT_SCOPES} if kind == "pdf" else {"traject"})
            # Each consent it rested on is valid for those scopes at that moment.
            ids = [int(i) for i in (log.consent_ids or "").split(",") if i]
            assert (log.consent_id is None) == (not ids)
            assert ids or "wettelijke grondslag" in (log.basis or "")

            def deciders(session, recipient=recipient, at=at, kind=kind):

                document = (
                    FlowDocument.TRANSITION_REPORT if kind == "pdf" else FlowDocument.LEAVERS_LIST
                )
                student = session.get(Student, student_id)
                org = session.get(Organisation, orgs[recipient])
                scopes = REPORT_SCOPES if kind == "pdf" else [ConsentScope.PATH]
                return {
                    may_share(session, student, org, s, at, document=document).consent_id
                    for s in scopes
                } - {None}

            # The log names exactly the consents the gate relied on at that moment.
            assert set(ids) == store.run(deciders)
        else:
            assert named == []
