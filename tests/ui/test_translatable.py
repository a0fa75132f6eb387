"""Every Dutch text of the UI is marked for Qt Linguist, and the translations load.

The checker and the codemod are scripts (scripts/i18n_check.py, scripts/i18n_wrap.py);
these tests run them on app/ui and on small samples, and run pyside6-lupdate and
pyside6-lrelease where the PySide6 wheel provides them.
"""

from __future__ import annotations

import ast
import importlib
import shutil
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from app.ui.cohort.model import CohortModel
from app.ui.translations import install_translators

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts"
QT_BIN = Path(sys.executable).parent


def _script(name: str) -> ModuleType:
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))  # i18n_wrap imports i18n_check by name
    return importlib.import_module(name)


check = _script("i18n_check")
wrap = _script("i18n_wrap")


def _tool(name: str) -> Path:
    path = QT_BIN / name
    if not path.exists():
        found = shutil.which(name)
        if found is None:
            pytest.skip(f"{name} is not installed (it ships in the PySide6 wheel)")
        path = Path(found)
    return path


def test_no_untranslated_text_in_the_ui() -> None:
    found = check.find()
    assert not found, "untranslated UI text (run scripts/i18n_wrap.py):\n" + "\n".join(
        str(f) for f in found
    )


SAMPLE = '''
"""Docstrings are not shown."""
from PySide6.QtWidgets import QLabel, QWidget

HEADERS = ["Naam", "Klas"]


def state(done: bool, day: str) -> str:
    return f"Afgerond {day}" if done else "Open"


class Panel(QWidget):
    def build(self, n: int) -> None:
        self.setObjectName("panelTitle")
        self.setStyleSheet("color: #9b1c1c;")
        self.title = QLabel("Leerlingen")
        self.count = QLabel(f"{n} leerlingen")
        self.setToolTip("dd-mm-jjjj")
        if self.property("kind") == "Stage":
            self.hint = QLabel(self.tr("Al vertaald"))
        self.other = QLabel("Geen tekst")  # i18n: skip
'''


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "panel.py"
    path.write_text(textwrap.dedent(SAMPLE), encoding="utf-8")
    return path


def test_checker_names_each_unwrapped_text_and_leaves_names_alone(sample: Path) -> None:
    found = {(f.line, f.text, f.form) for f in check.find([sample])}
    assert found == {
        (5, "Naam", "noop"),
        (5, "Klas", "noop"),
        (9, "Afgerond {}", "translate"),
        (9, "Open", "translate"),
        (16, "Leerlingen", "self"),
        (17, "{} leerlingen", "self"),
        (18, "dd-mm-jjjj", "self"),  # a placeholder text: a Qt text setter, so shown
    }


def test_wrapping_is_idempotent_keeps_the_dutch_and_satisfies_the_checker(
    sample: Path, qapp: QApplication
) -> None:
    assert wrap.main([str(sample)]) == 0
    once = sample.read_text(encoding="utf-8")
    assert wrap.main([str(sample)]) == 0
    assert sample.read_text(encoding="utf-8") == once
    assert check.find([sample]) == []
    assert 'self.tr("{n} leerlingen").format(n=n)' in once
    assert 'QCoreApplication.translate("panel", "Afgerond {day}").format(day=day)' in once
    assert 'QT_TRANSLATE_NOOP("panel", "Naam")' in once
    ast.parse(once)
    # Without a translation the texts are the Dutch ones they were.
    namespace: dict[str, object] = {}
    exec(compile(once, str(sample), "exec"), namespace)
    assert namespace["HEADERS"] == ["Naam", "Klas"]
    assert namespace["state"](True, "01-02-2026") == "Afgerond 01-02-2026"
    panel = namespace["Panel"]()
    panel.build(3)
    assert panel.count.text() == "3 leerlingen"
    assert panel.title.text() == "Leerlingen"


def _wrapped_texts() -> set[tuple[str, str]]:
    """(context, source) of every self.tr / translate / QT_TRANSLATE_NOOP with a literal."""
    found: set[tuple[str, str]] = set()
    for path in sorted((ROOT / "app" / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        classes = {
            child: node.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ClassDef)
            for child in ast.walk(node)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func, args = node.func, node.args
            literal = [a.value for a in args if isinstance(a, ast.Constant)]
            if isinstance(func, ast.Attribute) and func.attr == "tr" and len(literal) == 1:
                found.add((classes[node], literal[0]))
            elif (
                getattr(func, "attr", getattr(func, "id", "")) in ("translate", "QT_TRANSLATE_NOOP")
                and len(args) == 2
                and len(literal) == 2
            ):
                found.add((literal[0], literal[1]))
    return found


def _messages(ts: Path) -> Iterator[tuple[str, str]]:
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            yield name, message.findtext("source", "")


def test_lupdate_extracts_every_wrapped_text(tmp_path: Path) -> None:
    lupdate = _tool("pyside6-lupdate")
    ts = tmp_path / "koers_xx.ts"
    sources = [str(p) for p in sorted((ROOT / "app" / "ui").rglob("*.py"))]
    subprocess.run(
        [str(lupdate), *sources, "-locations", "none", "-ts", str(ts)],
        check=True,
        capture_output=True,
    )
    extracted = set(_messages(ts))
    wrapped = _wrapped_texts()
    assert len(wrapped) > 900
    assert wrapped <= extracted, sorted(wrapped - extracted)[:20]


def test_the_committed_english_file_is_for_the_dutch_source() -> None:
    ts = ROOT / "resources" / "translations" / "koers_en.ts"
    root = ET.parse(ts).getroot()
    assert root.get("sourcelanguage") == "nl_NL"
    assert root.get("language") == "en_GB"
    assert ("cohort.model", "Naam") in set(_messages(ts))


@pytest.fixture
def translators(qapp: QApplication) -> Iterator[list]:
    installed: list = []
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)


def test_qt_standard_dialogs_speak_dutch(qapp: QApplication, translators: list) -> None:
    translators += install_translators(qapp, "nl")
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Yes
    )
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuleren"
    assert buttons.button(QDialogButtonBox.StandardButton.Yes).text().replace("&", "") == "Ja"
    box = QMessageBox()
    box.setStandardButtons(QMessageBox.StandardButton.No)
    assert box.button(QMessageBox.StandardButton.No).text().replace("&", "") == "Nee"


def test_another_language_translates_text_marked_at_import(
    qapp: QApplication, translators: list, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lrelease = _tool("pyside6-lrelease")
    ts = tmp_path / "koers_en.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">\n'
        "<context><name>cohort.model</name>"
        "<message><source>Naam</source><translation>Name</translation></message>"
        "</context>\n</TS>\n",
        encoding="utf-8",
    )
    subprocess.run([str(lrelease), str(ts)], check=True, capture_output=True)
    monkeypatch.setattr("app.ui.translations.resource_path", lambda _relative: tmp_path)
    model = CohortModel()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Naam"  # Dutch without a translation
    translators += install_translators(qapp, "en")
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert QCoreApplication.translate("cohort.model", "Klas") == "Klas"  # not translated yet
