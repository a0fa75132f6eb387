"""The login window must not wait for the database stack: SQLAlchemy loads after it shows."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
import app.ui.launch, app.ui.startup, app.db.credentials, app.db.urls
from app.db.credentials import needs_server_password
from app.db.urls import resolve_database_url
resolve_database_url(None)
assert not needs_server_password("sqlite:///x.db")
heavy = sorted(m for m in ("sqlalchemy", "alembic", "app.db.store", "app.models", "reportlab")
               if m in sys.modules)
print(",".join(heavy))
"""


def _loaded_after(script: str, tmp_path, *args: str) -> str:
    """What `script` prints, run in a fresh interpreter as the app runs (offscreen)."""
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={"KOERS_DATA_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_login_path_imports_no_database_stack(tmp_path):
    assert _loaded_after(SCRIPT, tmp_path) == ""


FIRST_FILE = """
import sys
from app.services.admin import opening
import app.ui.main_window  # what the log-in window warms up while the user types
opening.warm_up()
from app.db.store import open_store
from app.services.admin import accounts
from app.services.students import cohort, student_file
store = open_store("sqlite:///" + sys.argv[1])
actor = store.run(accounts.initialise_school, school_name="De Horizon", brin="12AB",
                  username="c.peeters", display_name="Ingrid Peeters", password="eerste-2026")
data = student_file.StudentInput(first_name="Noor", surname="Visser", las_key="4101")
first = store.run(student_file.create_student, actor, data)
store.run(cohort.cohort_first_page, actor)
before = set(sys.modules)
store.run(student_file.open_student_file, actor, first)
print(",".join(sorted(m for m in set(sys.modules) - before if m.startswith("app."))))
"""


def test_the_first_student_file_loads_no_module_the_warm_up_did_not(tmp_path):
    """The first file after log-in is read while the user waits (issue 19): importing the
    LAS import's modules for the labels of what an import left open cost 17 ms of it."""
    assert _loaded_after(FIRST_FILE, tmp_path, str(tmp_path / "koers.db")) == ""


def test_the_log_in_window_waits_for_no_multiprocessing(tmp_path):
    """Child processes (the batch export) start long after the log-in window: loading their
    machinery first cost the window 12 ms (issue 19)."""
    script = "import app.__main__\n" + SCRIPT.replace(
        '"reportlab")', '"reportlab", "multiprocessing")'
    )
    assert _loaded_after(script, tmp_path) == ""
