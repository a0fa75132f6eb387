"""installer/koers.iss, checked without Inno Setup (its compiler runs on Windows only and
CI runs on Linux): what a compile would refuse, and what the issue asks of the installer:
per machine, a Start-menu entry, version info, the bundle the spec builds, and an uninstall
that leaves the school's data alone."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "installer" / "koers.iss"
# Inno Setup 6's sections (https://jrsoftware.org/ishelp/, "Script Format Overview").
SECTIONS = {
    "Setup",
    "Types",
    "Components",
    "Tasks",
    "Dirs",
    "Files",
    "Icons",
    "INI",
    "InstallDelete",
    "Languages",
    "Messages",
    "CustomMessages",
    "LangOptions",
    "Registry",
    "Run",
    "UninstallDelete",
    "UninstallRun",
    "Code",
}


def _lines() -> list[str]:
    return SCRIPT.read_text(encoding="utf-8").splitlines()


def _sections() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    current = ""
    for line in _lines():
        stripped = line.strip()
        if not stripped or stripped.startswith(";") or stripped.startswith("#"):
            continue
        header = re.fullmatch(r"\[(\w+)\]", stripped)
        if header:
            current = header.group(1)
            found.setdefault(current, [])
        else:
            assert current, f"a line before the first section: {line!r}"
            found[current].append(stripped)
    return found


def _setup() -> dict[str, str]:
    return dict(line.split("=", 1) for line in _sections()["Setup"])


def test_the_script_is_well_formed() -> None:
    sections = _sections()
    assert set(sections) <= SECTIONS, set(sections) - SECTIONS
    depth = 0
    defined = {"SourcePath"}  # Inno's own
    for line in _lines():
        stripped = line.strip()
        if re.match(r"#(if|ifdef|ifndef)\b", stripped):
            depth += 1
        elif stripped.startswith("#endif"):
            depth -= 1
            assert depth >= 0, "an #endif without its #if"
        define = re.match(r"#define\s+(\w+)", stripped)
        if define:
            defined.add(define.group(1))
        if not stripped.startswith(";"):
            assert stripped.count('"') % 2 == 0, f"unbalanced quotes: {line!r}"
            for used in re.findall(r"\{#(\w+)\}", stripped):
                assert used in defined, f"{{#{used}}} is used before it is defined"
    assert depth == 0, "an #if without its #endif"
    for entry in (*sections["Files"], *sections["Icons"], *sections["Run"]):
        parameters = [part.strip() for part in entry.split(";") if part.strip()]
        for parameter in parameters:
            assert re.match(r"\w+:\s", parameter), f"not 'Name: value': {parameter!r}"


def test_a_per_machine_install_with_a_start_menu_entry_and_version_info() -> None:
    setup = _setup()
    assert setup["PrivilegesRequired"] == "admin"
    assert setup["DefaultDirName"].startswith("{autopf}")  # Program Files, for all users
    assert setup["AppId"].startswith("{{")  # the same in every release: upgrades find it
    for key in ("VersionInfoVersion", "VersionInfoProductVersion", "VersionInfoCompany"):
        assert setup.get(key), key
    icons = _sections()["Icons"]
    assert any(line.startswith('Name: "{group}\\{#AppName}"') for line in icons)
    assert any("{uninstallexe}" in line for line in icons)


def test_the_files_are_the_bundle_the_spec_builds() -> None:
    text = SCRIPT.read_text(encoding="utf-8")
    dist = re.search(r'#define DistDir "(.+)"', text).group(1)
    spec = (ROOT / "installer" / "koers.spec").read_text(encoding="utf-8")
    # build.sh and the README build into dist/, the spec names the folder after the project.
    assert dist.replace("\\", "/") == "../dist/koers"
    assert "name=NAME" in spec
    assert 'name = "koers"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    [files] = _sections()["Files"]
    assert files.startswith('Source: "{#DistDir}\\*"') and "recursesubdirs" in files
    # The Dutch setup messages ship with Inno Setup itself.
    assert 'MessagesFile: "compiler:Languages\\Dutch.isl"' in _sections()["Languages"][0]


def test_the_uninstall_leaves_the_schools_data_alone() -> None:
    sections = _sections()
    for entry in sections.get("UninstallDelete", []) + sections.get("InstallDelete", []):
        target = re.search(r'Name:\s*"([^"]+)"', entry).group(1)
        assert target.startswith("{app}\\"), entry  # only the program's own folder
        assert not target.startswith("{app}\\data"), entry  # a portable copy's data
        assert not re.search(r"\{(userappdata|localappdata|commonappdata|userdocs)\}", entry)
