"""The core knows no screen: everything below app.ui imports with PySide6 made unavailable."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CORE_PACKAGES = (
    "app.core",
    "app.models",
    "app.services",
    "app.demo",
    "app.db",
    "app.export",
    "app.importers",
)

# Runs in a fresh interpreter: in this one pytest-qt has already imported PySide6.
PROBE = """
import importlib, importlib.abc, importlib.util, json, pkgutil, sys

class NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError(f"{name} is blocked: the core must not import Qt")
        return None

sys.meta_path.insert(0, NoQt())

def fail(name):
    raise

imported = []
for package in json.loads(sys.argv[1]):
    if importlib.util.find_spec(package) is None:
        continue  # not written yet
    module = importlib.import_module(package)
    imported.append(package)
    for info in pkgutil.walk_packages(module.__path__, package + ".", onerror=fail):
        importlib.import_module(info.name)
        imported.append(info.name)
print(json.dumps({"imported": imported, "loaded": sorted(sys.modules)}))
"""


def test_core_packages_import_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(CORE_PACKAGES)],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    # The walk really covered the modules, not just the package names.
    assert {"app.services.students.student_file", "app.demo.school", "app.db.migrate"} <= set(
        report["imported"]
    )
    assert not [m for m in report["loaded"] if m.startswith(("PySide6", "app.ui"))]
