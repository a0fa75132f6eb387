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


def test_login_path_imports_no_database_stack(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        timeout=60,
        env={"KOERS_DATA_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
