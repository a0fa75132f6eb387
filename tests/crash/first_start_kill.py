"""A first start killed with SIGKILL at a chosen point, in a real process, to see what it
leaves in the data folder (tests/ui/test_half_made_start.py, tests/test_cli_half_made.py).

Points: "before_rename" (the school is committed in the temporary file, not yet renamed) and
"before_key_file" (the database has its name, the key file is not written yet). The kill is
patched in here, in the child only; the application has no switch for it.
"""

from __future__ import annotations

import os
import subprocess
import sys

SCHOOL = {
    "school_name": "De Horizon",
    "brin": "12AB",
    "username": "c.peeters",
    "display_name": "Ingrid Peeters",
}

_CHILD = """
import os, signal, sys
from app.db import keyfile
from app.services.admin import first_start, opening

def die(*_args, **_kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

url, point, password = sys.argv[1:4]
if point == "before_rename":
    first_start.move_into_place = die
else:
    keyfile.KeyFile.save = die
found = opening.find_school(url)
opening.create_school(found, password=password, **{school})
print("not killed")
"""


def kill_first_start(url: str, point: str, password: str) -> subprocess.CompletedProcess:
    assert point in ("before_rename", "before_key_file")
    return subprocess.run(
        [sys.executable, "-c", _CHILD.format(school=SCHOOL), url, point, password],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": os.getcwd()},
        stdin=subprocess.DEVNULL,
    )
