"""The years after: the calls at their moments, the young person not reached three times,
the drop-outs and the safety-net report resting on consent; on 1 November the anonymous
monitor figures of the year that ended."""

from __future__ import annotations

from sqlalchemy import select

from app.core import clock
from app.core.validation import format_date
from app.demo.year import calendar as cast
from app.demo.year.base import StoryBase
from app.demo.year.cohorts import Cohort, Pupil, Role
from app.models import (
    AftercareCall,
    ConsentScope,
    DropoutReportProposal,
    ProposalStatus,
    Student,
)
from app.services.admin.retention import add_months
from app.services.aftercare.calls import CallInput, log_call
from app.services.consent.dropout_report import send_dropout_report
from app.services.consent.recipients import AUTO, resolve_recipient
from app.services.trends.exports import export_monitor
from app.services.trends.monitor import MonitorShape

# The monitors the coordinator fills in on 1 November: the PrO monitor and the VSO figures.
FIGURES = (MonitorShape.PRO, MonitorShape.VSO)

# The aftercare call moments the demo logs, in months after leaving (the school default).
CALL_MONTHS = (1, 3, 6, 12, 18, 24)
REACHED_NOTE = "Gaat goed; geen hulp nodig."


class Aftercare(StoryBase):
    """The steps after leaving."""

    def calls(self, c: Cohort) -> None:
        """Logs the calls due by today: reached, except the unreachable one (not reached
        three times at the first moment, then not called until the half-year moment, when
        the mentor reaches them); a drop-out at the first call and one a year later."""
        today = clock.today()
        for pupil in c.leaving_in_july:
            call = self.session.scalars(
                select(AftercareCall)
                .where(
                    AftercareCall.student_id == pupil.id,
                    AftercareCall.made_on.is_(None),
                    AftercareCall.due_date <= today,
                )
                .order_by(AftercareCall.due_date)
                .limit(1)
            ).first()
            if call is None:
                continue
            months = call.months_after_outflow
            reached, still, note = True, "zelfde", REACHED_NOTE
            if pupil.role is Role.BROKEN_OFF and today < add_months(c.calendar.leaving, 6):
                if self._not_reached(pupil) >= 3:
                    continue  # unreachable: the coordinator sees the signal
                reached, note = False, ""
            elif (pupil.role is Role.DROP_OUT and months == 1) or (
                pupil.role is Role.FOLLOW and months == 12
            ):
                still, note = "uitgevallen", cast.DROP_OUT_NOTE
            log_call(
                self.session,
                pupil.mentor,
                call.id,
                call.version,
                CallInput(made_on=format_date(today), reached=reached, still=still, note=note),
                on=today,
            )

    def _not_reached(self, pupil: Pupil) -> int:
        return len(
            self.session.scalars(
                select(AftercareCall.id).where(
                    AftercareCall.student_id == pupil.id, AftercareCall.reached.is_(False)
                )
            ).all()
        )

    def safety_net_report(self, c: Cohort) -> None:
        """The drop-out's report to the municipality of residence, sent once the consent
        for it is recorded."""
        pupil = c.by_role(Role.DROP_OUT)
        if pupil is None:
            return
        proposal = self.session.scalars(
            select(DropoutReportProposal).where(
                DropoutReportProposal.student_id == pupil.id,
                DropoutReportProposal.status == ProposalStatus.PROPOSED,
            )
        ).first()
        if proposal is None:
            return
        student = self.session.get(Student, pupil.id)
        municipality = resolve_recipient(self.session, student, AUTO)
        self._consent(
            pupil, municipality.id, [ConsentScope.AFTERCARE], c.calendar.safety_net_report
        )
        send_dropout_report(
            self.session, self.coordinator, proposal.id, self.folder / f"melding-{pupil.id}.pdf"
        )

    def figures_export(self, c: Cohort) -> None:
        """1 November: the PrO monitor and VSO figures of the school year that ended, as
        `export monitor` writes them (anonymous, in the export log)."""
        year = c.calendar.start
        for shape in FIGURES:
            export_monitor(
                self.session,
                self.coordinator,
                shape,
                year,
                self.folder / f"monitor-{shape.value}-{year}.csv",
                clock.today(),
            )
