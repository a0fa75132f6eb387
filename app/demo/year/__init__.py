"""THE story of a school year at the demo school (issue 21): its calendar and cast
(`calendar`), and its run through the services (`story`). The year test (tests/year/) lives
the same calendar in the real window; the demo runs it for several cohorts."""
