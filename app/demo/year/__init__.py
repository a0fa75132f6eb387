"""THE story of a school year at the demo school (issue 21).

`calendar` holds its days and its cast, shared with the year test (tests/year/), which
lives the same year in the real window; `story` runs it through the services for several
cohorts of the demo (`cohorts`: who plays which part), season by season (`at_school`,
`at_the_table`, `leaving`, `aftercare`); `showcase` names the student the screenshots open.
"""
