"""The exit codes of `python -m app`, shared by the batch commands and the window's
unattended runs (--smoke, --screenshots); scripts at schools test for these numbers."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2  # bad arguments, or no password to act with
EXIT_AUTH = 3  # wrong user name or password
EXIT_REFUSED = 4  # a rule refused (consent): nothing left the school
