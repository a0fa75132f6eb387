"""The PyInstaller bundle: installer/build.sh builds it, and the built program runs on its
own (no checkout, no virtual environment): the demo school, the smoke run, the help text."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from app.db.keyfile import KeyFile, keyfile_path
from app.db.store import sqlcipher_connect

ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT = 1800  # about a minute here; generous for a busy 2-core CI machine
RUN_TIMEOUT = 300
PASSWORD = "bundle-test-2026"

pytestmark = [pytest.mark.slow, pytest.mark.timeout(BUILD_TIMEOUT + 600)]


def _pyinstaller_importable() -> bool:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Builds the bundle once for this module; returns the `koers` executable."""
    if not _pyinstaller_importable():
        if not os.environ.get("CI"):
            pytest.skip("pyinstaller is not installed (pip install -e '.[dev]')")
        pytest.fail("pyinstaller is not installed, and CI must build the bundle")
    base = tmp_path_factory.mktemp("bundle")
    dist = base / "dist"
    env = dict(os.environ)
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    if pyinstaller.exists():
        env["PYINSTALLER"] = str(pyinstaller)
    result = subprocess.run(
        ["bash", str(ROOT / "installer" / "build.sh"), str(dist), str(base / "work")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
    )
    assert result.returncode == 0, f"{result.stdout[-3000:]}\n{result.stderr[-6000:]}"
    exe = dist / "koers" / ("koers.exe" if sys.platform == "win32" else "koers")
    assert exe.is_file(), f"no executable at {exe}"
    return exe


@pytest.fixture
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("run")


def _run(
    exe: Path, workdir: Path, *args: str, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Runs the bundle outside the checkout, with nothing of the user's or the venv's."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "VIRTUAL_ENV", "KOERS_", "XDG_", "DBUS_"))
    }
    env.update(
        KOERS_PASSWORD=PASSWORD,
        KOERS_DATA_DIR=str(workdir),
        QT_QPA_PLATFORM="offscreen",
        HOME=str(workdir),
        XDG_CONFIG_HOME=str(workdir / "config"),
        XDG_DATA_HOME=str(workdir / "data"),
        XDG_CACHE_HOME=str(workdir / "cache"),
    )
    env.update(extra_env or {})
    return subprocess.run(
        [str(exe), *args],
        cwd=workdir,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT,
    )


def _explain(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"


def test_help_lists_the_demo_command(bundle: Path, workdir: Path) -> None:
    result = _run(bundle, workdir, "--help")
    assert result.returncode == 0, _explain(result)
    assert "demo" in result.stdout


def test_demo_school_then_smoke_run(bundle: Path, workdir: Path) -> None:
    database = workdir / "k.db"
    url = f"sqlite:///{database.as_posix()}"
    demo = _run(bundle, workdir, "demo", "--students", "30", "--database", url)
    assert demo.returncode == 0, _explain(demo)
    # The bundled SQLCipher encrypted it, and the migrations came from the bundle: the
    # schema is at the newest revision in the tree.
    assert not database.read_bytes().startswith(b"SQLite format 3")
    key = KeyFile.load(keyfile_path(database)).unlock("demo", PASSWORD)
    connection = sqlcipher_connect(database, key)
    try:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        connection.close()
    assert any(
        path.name.startswith(revision)
        for path in (ROOT / "app" / "db" / "migrations" / "versions").glob("*.py")
    )

    smoke = _run(bundle, workdir, "--smoke", "--database", url, "--user", "demo")
    assert smoke.returncode == 0, _explain(smoke)
    assert "Koers smoke:" in smoke.stdout, _explain(smoke)


def test_the_bundle_prints_a_parent_report_in_arabic(bundle: Path, workdir: Path) -> None:
    """The translations, the Noto fonts and the shaping libraries are inside: the frozen
    app writes an Arabic parent report whose text holds the translated title."""
    import io
    import unicodedata

    from pypdf import PdfReader

    url = f"sqlite:///{(workdir / 'k.db').as_posix()}"
    demo = _run(bundle, workdir, "demo", "--students", "12", "--database", url)
    assert demo.returncode == 0, _explain(demo)
    out = workdir / "verslag.pdf"
    for conversation in range(1, 60):  # the demo school plans some conversations ahead
        args = ["--conversation", str(conversation), "--language", "ar", "--out", str(out)]
        done = _run(
            bundle, workdir, "export", "parent-report", "--database", url, "--user", "demo", *args
        )
        if done.returncode == 0:
            break
    assert done.returncode == 0, _explain(done)
    pages = PdfReader(io.BytesIO(out.read_bytes())).pages
    text = unicodedata.normalize("NFKC", "".join(page.extract_text() for page in pages))
    assert "تقرير محادثتنا" in text


def test_portable_mode_keeps_the_data_beside_the_program(bundle: Path, workdir: Path) -> None:
    """With koers-portable.txt beside the executable, the demo school (no --database, no
    KOERS_DATA_DIR) is written to data/ in the program's folder, not the profile."""
    from app.db.portable import DATA_FOLDER, MARKER

    program = bundle.parent
    marker, data = program / MARKER, program / DATA_FOLDER
    marker.write_text("Koers draagbaar\n", encoding="utf-8")
    try:
        env = {"KOERS_DATA_DIR": ""}  # empty: not set, so the marker decides
        demo = _run(bundle, workdir, "demo", "--students", "5", extra_env=env)
        assert demo.returncode == 0, _explain(demo)
        assert (data / "koers.db").is_file()
        assert not (workdir / "data" / "Koers").exists()  # nothing in the (fake) profile
    finally:
        marker.unlink()
        shutil.rmtree(data, ignore_errors=True)


def test_postgresql_driver_is_bundled(bundle: Path, workdir: Path) -> None:
    """A refused connection, not a missing psycopg or SQLAlchemy dialect."""
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql://koers@127.0.0.1:{port}/koers"
    result = _run(bundle, workdir, "demo", "--students", "1", "--database", url)
    assert result.returncode == 1, _explain(result)
    assert "OperationalError" in result.stderr, _explain(result)


def test_bundle_contents(bundle: Path) -> None:
    from PyInstaller.archive.readers import CArchiveReader

    internal = bundle.parent / "_internal"
    migrations = internal / "app" / "db" / "migrations"
    source = ROOT / "app" / "db" / "migrations"
    assert (migrations / "env.py").is_file()
    assert (migrations / "script.py.mako").is_file()
    shipped = {path.name for path in (migrations / "versions").glob("*.py")}
    assert shipped == {path.name for path in (source / "versions").glob("*.py")}
    assert not list(migrations.rglob("__pycache__"))
    if (ROOT / "resources").is_dir():
        assert (internal / "resources").is_dir()

    translations = {path.name for path in internal.rglob("*.qm")}
    assert "qtbase_nl.qm" in translations
    assert "qtbase_de.qm" not in translations  # Dutch only
    # Koers's own translations, compiled by installer/build.sh from the committed .ts files.
    assert (internal / "resources" / "translations" / "koers_en.qm").is_file()
    assert not list((internal / "resources").rglob("*.ts"))
    # Parent documents in the parents' language: every language file, the fonts for Arabic
    # and Tigrinya with their licence, and the handbook pages.
    texts = internal / "resources" / "parent_texts"
    assert {p.name for p in texts.glob("*.toml")} == {
        p.name for p in (ROOT / "resources" / "parent_texts").glob("*.toml")
    }
    fonts = internal / "resources" / "fonts"
    noto = ("NotoNaskhArabic-Regular.ttf", "NotoSansEthiopic-Regular.ttf", "LICENSE-Noto-OFL.txt")
    for font in noto:
        assert (fonts / font).is_file(), font
    assert {p.name for p in (internal / "resources" / "help").glob("*.md")} == {
        p.name for p in (ROOT / "resources" / "help").glob("*.md")
    }

    libraries = {path.name.lower() for path in internal.rglob("*") if path.is_file()}
    for unused in ("qt6qml", "qt6quick", "qt6webengine", "qt6multimedia", "qt63d"):
        assert not [name for name in libraries if unused in name], unused

    archive = CArchiveReader(str(bundle))
    pyz = next(name for name, entry in archive.toc.items() if entry[-1] == "z")
    modules = set(archive.open_embedded_archive(pyz).toc)
    for needed in (
        "app.commands.demo",
        "app.ui.launch",
        "app.ui.main_window",
        "app.ui.startup",
        "app.demo.school",
        "keyring.backends.SecretService",
        "keyring.backends.Windows",
        "keyring.backends.macOS",
        "sqlalchemy.dialects.sqlite.pysqlite",
        "sqlalchemy.dialects.postgresql.psycopg",
        "psycopg",
        "alembic.op",
        "alembic.context",
        "argon2",
        "platformdirs",
        "reportlab.pdfgen.canvas",
        "reportlab.platypus",
        "bidi.algorithm",
        "arabic_reshaper",
        "app.export.script_text",
        "app.ui.help.window",
    ):
        assert needed in modules, f"{needed} is not in the bundle"
    for unwanted in ("pytest", "_pytest", "hypothesis", "tkinter"):
        assert unwanted not in modules, f"{unwanted} should not be in the bundle"
    # Qt's Python modules are extension modules: files next to the archive, not in it.
    pyside = internal / "PySide6"
    for qt_module in ("QtWidgets", "QtCharts", "QtPdfWidgets", "QtPrintSupport", "QtSvg"):
        assert list(pyside.glob(f"{qt_module}.*")), f"PySide6.{qt_module} is not in the bundle"
    for qt_module in ("QtQml", "QtQuick", "QtWebEngineCore", "QtMultimedia", "QtTest"):
        assert not list(pyside.glob(f"{qt_module}.*")), f"PySide6.{qt_module} is in the bundle"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd is Linux's")
def test_qt_libraries_resolve(bundle: Path) -> None:
    """Pruning the unused Qt plugins left no Qt library or plugin without a Qt library it needs."""
    ldd = shutil.which("ldd")
    if ldd is None:
        pytest.skip("ldd is not installed")
    qt = bundle.parent / "_internal" / "PySide6"
    missing = []
    for path in sorted(qt.rglob("*.so*")):
        if path.is_symlink() or not path.is_file():
            continue
        output = subprocess.run(
            [ldd, str(path)], capture_output=True, text=True, timeout=RUN_TIMEOUT
        ).stdout
        missing += [
            f"{path.name}: {line.strip()}"
            for line in output.splitlines()
            if "not found" in line and ("Qt6" in line or "pyside" in line or "shiboken" in line)
        ]
    assert not missing, "\n".join(missing)
