"""Entry point: `python -m app` starts the window; sub-commands do batch work."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from app.cli import run
    from app.core.files import private_umask

    # Every file and folder this process makes is the user's alone (the data are minors').
    private_umask()
    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        import multiprocessing

        # In the bundle, the batch export's child process starts through this same
        # executable. Elsewhere freeze_support does nothing, and importing multiprocessing
        # would only delay the log-in window.
        multiprocessing.freeze_support()
    sys.exit(main())
