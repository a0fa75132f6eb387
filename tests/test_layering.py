"""The house plan holds: imports point one way (ui -> services -> models/db/export/importers
-> core), make no cycle, and everything below app.ui imports with PySide6 made unavailable."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.import_graph import build_graph, cycles, layer_of, upward_imports

ROOT = Path(__file__).resolve().parent.parent

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
        cwd=ROOT,
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


def test_imports_point_down_the_layers() -> None:
    graph = build_graph(ROOT)
    assert {"app.ui.main_window", "app.services.consent.register", "app.core.errors"} <= set(graph)
    assert upward_imports(graph) == []


def test_the_package_has_no_import_cycles() -> None:
    assert cycles(build_graph(ROOT)) == []


def test_every_module_belongs_to_a_layer() -> None:
    for module in build_graph(ROOT):
        layer_of(module)  # raises for a package the plan does not place


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_an_arrow_upward_and_a_lazy_cycle_are_caught(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/core/__init__.py": "",
            "app/core/errors.py": "from app.services.common import audit\n",
            "app/services/__init__.py": "",
            "app/services/common/__init__.py": "",
            "app/services/common/audit.py": "def f():\n    from app.services.a import x\n",
            "app/services/a.py": "from app.services.common.audit import f\nx = 1\n",
            "app/ui/__init__.py": "",
            "app/ui/view.py": "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from app.commands import run\n",
            "app/commands/__init__.py": "from app.ui import view\n",
        },
    )
    graph = build_graph(tmp_path)
    assert upward_imports(graph) == [
        "app.core.errors -> app.services.common.audit",
        "app.services.common.audit -> app.services.a",
    ]
    assert cycles(graph) == [["app.services.a", "app.services.common.audit"]]


def test_no_service_module_is_over_400_lines() -> None:
    """A use-case module that grows past this holds more than one concern: split it."""
    too_long = {
        str(path.relative_to(ROOT)): length
        for path in (ROOT / "app" / "services").rglob("*.py")
        if (length := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert too_long == {}
