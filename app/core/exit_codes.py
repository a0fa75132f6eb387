"""The exit codes of `python -m app`, shared by the batch commands and the window's
unattended runs (--smoke, --screenshots); scripts at schools test for these numbers."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2  # bad arguments (also: a student, user or organisation that does not exist)
EXIT_AUTH = 3  # wrong user name or password, or a switched-off account
EXIT_REFUSED = 4  # a rule refused (consent): nothing left the school
EXIT_NOT_ALLOWED = 5  # the user's role may not do this (niet toegestaan voor uw rol)
