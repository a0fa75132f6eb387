"""Finds user-visible Dutch text in app/ui that reaches Qt without a translation wrapper.

Usage: python scripts/i18n_check.py [PATH ...]   (default: app/ui; exit 1 when any is found)

A literal counts as user text when it sits in a Qt text position (setText, QLabel(...),
QMessageBox.question(...), addRow, ...) and has a letter, or anywhere else when it reads like
prose: it has a letter once HTML tags and {placeholders} are gone, and it is not a lowercase
identifier ("signal", "made_on", ".pdf"). Keys, object names, style sheets, comparisons,
logging and docstrings are exempt. A line ending in `# i18n: skip` is allowed explicitly.

Already wrapped means: an argument of `self.tr(...)`, `QCoreApplication.translate(...)`,
`QT_TRANSLATE_NOOP(...)` or `QT_TR_NOOP(...)` (the forms pyside6-lupdate extracts).

scripts/i18n_wrap.py uses `find()` to wrap what this reports.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATHS = [ROOT / "app" / "ui"]
SKIP_MARK = "# i18n: skip"

# Calls whose string arguments are shown to the user: Qt setters, constructors, static
# dialogs, and the project's own helpers that pass text straight on to those.
SINK_CALLS = frozenset(
    {
        # setters
        "setText",
        "setWindowTitle",
        "setToolTip",
        "setPlaceholderText",
        "setStatusTip",
        "setWhatsThis",
        "setTitle",
        "setSubTitle",
        "setLabelText",
        "setButtonText",
        "setSuffix",
        "setPrefix",
        "setSpecialValueText",
        "setTabText",
        "setInformativeText",
        "setDetailedText",
        "setAccessibleName",
        "setAccessibleDescription",
        "setHorizontalHeaderLabels",
        "setVerticalHeaderLabels",
        "setHeaderLabels",
        "setItemText",
        "setDocName",
        "showMessage",
        "addTab",
        "insertTab",
        "addAction",
        "addItem",
        "addItems",
        "addRow",
        "addMenu",
        "addButton",
        "addToolBar",
        # constructors
        "QLabel",
        "QPushButton",
        "QToolButton",
        "QCheckBox",
        "QRadioButton",
        "QGroupBox",
        "QAction",
        "QMenu",
        "QCommandLinkButton",
        "QListWidgetItem",
        "QTableWidgetItem",
        "QStandardItem",
        # static dialogs (QMessageBox, QInputDialog, QFileDialog)
        "question",
        "information",
        "critical",
        "about",
        "getText",
        "getItem",
        "getInt",
        "getMultiLineText",
        "getSaveFileName",
        "getOpenFileName",
        "getOpenFileNames",
        "getExistingDirectory",
    }
)

# Calls whose string arguments are never shown: names, keys, formats, paths, log lines.
EXEMPT_CALLS = frozenset(
    {
        "setObjectName",
        "setStyleSheet",
        "setProperty",
        "property",
        "getattr",
        "hasattr",
        "setattr",
        "import_module",
        "QColor",
        "QFont",
        "QSettings",
        "strftime",
        "strptime",
        "startswith",
        "endswith",
        "split",
        "rsplit",
        "partition",
        "rpartition",
        "replace",
        "strip",
        "lstrip",
        "rstrip",
        "removeprefix",
        "removesuffix",
        "print",
        "Signal",
        "Slot",
        "TypeVar",
        "setDisplayFormat",
        "value",
        "setValue",
        "registerField",
        "field",
        "resource_path",
        "package_path",
        "mkdtemp",
        "environ",
        "Path",
        # Programmer errors: for the log and the developer, never shown to a user.
        "RuntimeError",
        "ValueError",
        "TypeError",
        "AssertionError",
        "NotImplementedError",
    }
)
LOGGERS = frozenset({"log", "logger", "logging", "_log"})
EXEMPT_KEYWORDS = frozenset({"objectName", "styleSheet", "encoding", "mode", "prefix"})
WRAPPERS = frozenset({"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP", "QT_TRANSLATE_NOOP3"})

_TAGS = re.compile(r"<[^>]*>|\{[^{}]*\}|&\w+;|%\w")
# Keys, file names, colours, CONSTANT_NAMES, module paths ("app.ui.x:View"),
# drivers ("postgresql+psycopg").
_IDENTIFIER = re.compile(
    r"[a-z0-9_.\-/:*?#+ ]*|#[0-9A-Fa-f]{3,8}|[\w.]+:[A-Z]\w*|[A-Z0-9]+(_[A-Z0-9]+)+"
)
# Style sheets and style fragments ("color: #9b1c1c;").
_STYLE = re.compile(r"[^{}]*\{[^{}]*:[^{}]*;[^{}]*\}.*|\s*[a-z-]+\s*:[^;]*;\s*", re.DOTALL)
# Base classes in app/ui that are not QObjects although their name starts with Q.
_NOT_QOBJECT = frozenset(
    {"QStandardItem", "QTableWidgetItem", "QListWidgetItem", "QTreeWidgetItem"}
)


@dataclass(frozen=True)
class Finding:
    """One unwrapped literal and how i18n_wrap would wrap it."""

    path: Path
    node: ast.Constant | ast.JoinedStr
    # "self": self.tr(...); "translate": QCoreApplication.translate(context, ...);
    # "noop": QT_TRANSLATE_NOOP(context, ...) for text evaluated when the module is imported;
    # "plain": an f-string with text only in its expressions, to become "...".format(...).
    form: str
    context: str
    text: str

    @property
    def line(self) -> int:
        return self.node.lineno

    def __str__(self) -> str:
        try:
            shown = self.path.relative_to(ROOT)
        except ValueError:
            shown = self.path
        return f"{shown}:{self.line}: {self.text[:70]!r}"


def has_words(text: str) -> bool:
    """True when text has a letter once tags, {placeholders} and entities are gone."""
    return any(c.isalpha() for c in _TAGS.sub("", text))


def reads_like_prose(text: str) -> bool:
    if _STYLE.fullmatch(text):
        return False
    bare = _TAGS.sub("", text)
    return has_words(bare) and not (" " not in bare.strip() and _IDENTIFIER.fullmatch(bare))


def _static_text(node: ast.JoinedStr) -> str:
    return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)


def _call_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _is_logger_call(call: ast.Call) -> bool:
    """log.warning(...) and os.environ.get(...): text for the log, names of variables."""
    func = call.func
    if not isinstance(func, ast.Attribute):
        return False
    owner = func.value
    if isinstance(owner, ast.Name):
        return owner.id in LOGGERS or owner.id == "environ"
    return isinstance(owner, ast.Attribute) and owner.attr == "environ"


def module_context(path: Path) -> str:
    """The translation context of module-level text: the module path below app/ui."""
    try:
        parts = path.resolve().relative_to(ROOT / "app" / "ui").with_suffix("").parts
    except ValueError:
        parts = (path.stem,)
    return ".".join(parts)


def qobject_classes(trees: list[ast.Module]) -> set[str]:
    """Names of classes in these modules that derive, directly or not, from a QObject."""
    bases: dict[str, list[str]] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                names = []
                for base in node.bases:
                    target = base.value if isinstance(base, ast.Subscript) else base
                    if isinstance(target, ast.Name):
                        names.append(target.id)
                    elif isinstance(target, ast.Attribute):
                        names.append(target.attr)
                bases[node.name] = names
    found: set[str] = set()

    def is_qobject(name: str, seen: frozenset[str] = frozenset()) -> bool:
        if name in _NOT_QOBJECT:
            return False
        if name.startswith("Q") and name not in bases:
            return True
        return name not in seen and any(is_qobject(b, seen | {name}) for b in bases.get(name, []))

    for name in bases:
        if is_qobject(name):
            found.add(name)
    return found


class _Finder:
    def __init__(self, path: Path, source: str, qobjects: set[str]) -> None:
        self.path = path
        self.lines = source.splitlines()
        self.qobjects = qobjects
        self.module = module_context(path)
        self.found: list[Finding] = []

    # state: class name (or None), whether `self` is a QObject here, run time or import time
    def visit(self, node: ast.AST, cls: str | None, has_self: bool, runtime: bool) -> None:
        if isinstance(node, ast.ClassDef):
            for child in (*node.decorator_list, *node.bases, *node.keywords):
                self.visit(child, cls, has_self, runtime)
            for child in node.body:
                if not _is_docstring(child, node):
                    self.visit(child, node.name, False, runtime)
            return
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            self._visit_function(node, cls, has_self, runtime)
            return
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            return  # a docstring or a bare string statement
        if isinstance(node, ast.Call):
            self._visit_call(node, cls, has_self, runtime)
            return
        if isinstance(node, ast.Compare | ast.Subscript):
            # Comparisons and look-ups use strings as data; only nested calls can hold text.
            for child in ast.iter_child_nodes(node):
                if not _is_string(child):
                    self.visit(child, cls, has_self, runtime)
            return
        if isinstance(node, ast.Dict):
            for value in node.values:
                self.visit(value, cls, has_self, runtime)
            for key in node.keys:
                if key is not None and not _is_string(key):
                    self.visit(key, cls, has_self, runtime)
            return
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__all__" for target in node.targets
        ):
            return  # the names a module exports, not text
        if isinstance(node, ast.AnnAssign):
            for child in (node.target, node.value):
                if child is not None:
                    self.visit(child, cls, has_self, runtime)
            return
        if isinstance(node, ast.Constant | ast.JoinedStr):
            self._consider(node, cls, has_self, runtime, sink=False)
            return
        for child in ast.iter_child_nodes(node):
            self.visit(child, cls, has_self, runtime)

    def _visit_function(self, node, cls: str | None, has_self: bool, runtime: bool) -> None:
        args = node.args
        # Decorators and defaults run when the function is defined.
        outer = [*args.defaults, *(d for d in args.kw_defaults if d is not None)]
        if not isinstance(node, ast.Lambda):
            outer += node.decorator_list
        for child in outer:
            self.visit(child, cls, has_self, runtime)
        inner_self = has_self
        if not isinstance(node, ast.Lambda):
            decorators = {d.id for d in node.decorator_list if isinstance(d, ast.Name)}
            first = args.args[0].arg if args.args else None
            # A method of this class (not a nested function of one) decides `self`.
            if (
                cls is not None
                and not has_self
                and first == "self"
                and not decorators
                & {
                    "staticmethod",
                    "classmethod",
                }
            ):
                inner_self = cls in self.qobjects
        body = node.body if isinstance(node.body, list) else [node.body]
        for index, child in enumerate(body):
            if index == 0 and _is_docstring(child, node):
                continue
            self.visit(child, cls, inner_self, True)

    def _visit_call(self, node: ast.Call, cls: str | None, has_self: bool, runtime: bool) -> None:
        name = _call_name(node)
        self.visit(node.func, cls, has_self, runtime)
        if name in WRAPPERS or name in EXEMPT_CALLS or _is_logger_call(node):
            # Wrapped already, or names and keys: only nested calls can hold text.
            for child in [*node.args, *(k.value for k in node.keywords)]:
                if not _is_string(child):
                    self.visit(child, cls, has_self, runtime)
            return
        sink = name in SINK_CALLS
        values = [*node.args]
        values += [k.value for k in node.keywords if k.arg not in EXEMPT_KEYWORDS]
        for child in values:
            if sink and isinstance(child, ast.Constant | ast.JoinedStr):
                self._consider(child, cls, has_self, runtime, sink=True)
            elif sink and isinstance(child, ast.List | ast.Tuple):
                for item in child.elts:
                    if isinstance(item, ast.Constant | ast.JoinedStr):
                        self._consider(item, cls, has_self, runtime, sink=True)
                    else:
                        self.visit(item, cls, has_self, runtime)
            else:
                self.visit(child, cls, has_self, runtime)

    def _consider(self, node, cls: str | None, has_self: bool, runtime: bool, sink: bool) -> None:
        if isinstance(node, ast.JoinedStr):
            text = _static_text(node)
            if not has_words(text):
                # Only placeholders and punctuation: the text, if any, is in the expressions,
                # where lupdate cannot see it (it skips f-strings). Such an f-string must
                # become a plain str.format first ("plain"); then its text can be wrapped.
                if _holds_text(node):
                    self.found.append(Finding(self.path, node, "plain", "", text))
                return
        elif isinstance(node.value, str):
            text = node.value
        else:
            return
        if not (has_words(text) if sink else reads_like_prose(text)):
            return
        lines = self.lines[node.lineno - 1 : (node.end_lineno or node.lineno)]
        if any(line.rstrip().endswith(SKIP_MARK) for line in lines):
            return
        if not runtime:
            form = "noop"
        elif has_self:
            form = "self"
        else:
            form = "translate"
        context = cls if cls is not None else self.module
        self.found.append(Finding(self.path, node, form, context, text))


def _holds_text(node: ast.JoinedStr) -> bool:
    """True when an expression inside the f-string holds prose or a translation call."""
    for value in node.values:
        if not isinstance(value, ast.FormattedValue):
            continue
        for inner in ast.walk(value.value):
            if isinstance(inner, ast.Call) and _call_name(inner) in WRAPPERS:
                return True
            if (
                isinstance(inner, ast.Constant)
                and isinstance(inner.value, str)
                and reads_like_prose(inner.value)
            ):
                return True
    return False


def _is_string(node: ast.AST) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def _is_docstring(child: ast.AST, parent: ast.AST) -> bool:
    body = getattr(parent, "body", None)
    return (
        isinstance(body, list)
        and bool(body)
        and body[0] is child
        and isinstance(child, ast.Expr)
        and _is_string(child.value)
    )


def python_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return files


def find(paths: list[Path] | None = None) -> list[Finding]:
    """Every unwrapped user-visible literal in the Python files under `paths`."""
    files = python_files(paths or DEFAULT_PATHS)
    sources = {f: f.read_text(encoding="utf-8") for f in files}
    trees = {f: ast.parse(s, filename=str(f)) for f, s in sources.items()}
    # QObject-ness needs every class of app/ui, also when only one file is checked.
    known = {f: t for f, t in trees.items()}
    for extra in python_files(DEFAULT_PATHS):
        if extra not in known and extra.is_file():
            known[extra] = ast.parse(extra.read_text(encoding="utf-8"))
    qobjects = qobject_classes(list(known.values()))
    found: list[Finding] = []
    for f in files:
        finder = _Finder(f, sources[f], qobjects)
        for node in trees[f].body:
            if not _is_docstring(node, trees[f]):
                finder.visit(node, None, False, False)
        found += sorted(finder.found, key=lambda x: (x.node.lineno, x.node.col_offset))
    return found


def iter_report(found: list[Finding]) -> Iterator[str]:
    for finding in found:
        yield str(finding)


def main(argv: list[str]) -> int:
    paths = [Path(a).resolve() for a in argv] or None
    found = find(paths)
    for line in iter_report(found):
        print(line)
    if found:
        print(f"{len(found)} untranslated literal(s); wrap them (scripts/i18n_wrap.py) or")
        print(f"end the line with '{SKIP_MARK}' when the text is not for the user.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
