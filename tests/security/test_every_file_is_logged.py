"""Every file of personal data that the CLI or the window writes is in the export log.

Read from the source: every call in app/services, app/commands and app/ui that writes a file
or asks where to save one must sit in a function that passes through the export log
(`app.services.common.export_log.log_file_export`, or a function that calls it, such as
`app.services.consent.sending.log_export` or `parent_reports.save_parent_report`; a window
passes such a service to its worker), or be on ALLOWED below with the reason it needs no
entry. A new writer that is neither fails this test, so it cannot be forgotten.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("app/services", "app/commands", "app/ui")
# The logger every other one leads to.
LOGGER = "log_file_export"

# Calls that write a file, or ask the user where one goes (a file follows).
WRITERS = frozenset(
    {
        "write_atomic", "write_csv", "write_xlsx", "write_pdf", "write_subject_access",
        "write_text", "write_bytes", "copyfile", "copy", "copy2", "copytree", "move",
        "getSaveFileName", "getExistingDirectory", "ask_save_path", "ask_folder",
        "setOutputFileName", "dump",
    }
)  # fmt: skip

# "module:function" -> why its file needs no export-log entry.
ALLOWED = {
    "app.services.admin.login_throttle:_save": (
        "the failed log-in counts: accounts named by a hash, no personal data"
    ),
    "app.ui.network.view:_choose_folder": (
        "only fills in the folder field; `start` hands the batch to batch_process, whose "
        "run_batch writes each report through export_report"
    ),
    "app.ui.screenshots:_save": (
        "pictures for the manual and review, made by a developer from the demo school"
    ),
    "app.ui.screenshots:_render_pdf": (
        "a picture of a demo paper for the manual, its PDF logged when it was printed"
    ),
    "app.ui.trends.panel:write": (
        "draws one anonymous chart; its only caller, TrendsArea._save_chart, logs the file "
        "through exports.log_chart_file"
    ),
    "app.ui.common.save_dialog:ask_save_path": "the save dialog itself: its callers are checked",
    "app.ui.common.save_dialog:ask_folder": "the folder dialog itself: its callers are checked",
    "app.ui.consent.tab:ask_save_path": "a wrapper of the save dialog: its callers are checked",
    "app.ui.aftercare.worklist:ask_save_path": (
        "a wrapper of the save dialog: its callers are checked"
    ),
    "app.ui.conversations.printing:_save_dialog": (
        "a wrapper of the save dialog: its callers are checked"
    ),
}
# Backups (app/db/backup.py, `python -m app backup`) are not scanned and need no entry: they
# are the school's own encrypted copy of the database, opened only by its coordinators and
# the recovery key; they never leave Koers as a file about someone. The key file and the
# audit checkpoint (app/db) hold no personal data.


@dataclass(frozen=True)
class Writer:
    module: str
    functions: tuple[str, ...]  # the enclosing functions, outermost first
    call: str
    line: int

    @property
    def where(self) -> str:
        return f"{self.module}:{self.functions[-1] if self.functions else '<module>'}"


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def _sources(*folders: str) -> dict[str, ast.Module]:
    found = {}
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            found[_module_name(path)] = ast.parse(path.read_text("utf-8"))
    return found


def _called_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _names_used(node: ast.AST) -> set[str]:
    """Every name a function calls or hands on (a service passed to the worker counts)."""
    used = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name):
            used.add(sub.id)
        elif isinstance(sub, ast.Attribute):
            used.add(sub.attr)
    return used


def _functions(tree: ast.Module) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]


def _loggers(trees: dict[str, ast.Module]) -> set[str]:
    """Names of the service functions that pass through the export log: log_file_export
    and the module-level functions of app/services that call it, to any depth (a private
    helper counts only within its own module, as "module:name"). Methods and the window's
    functions never count: a window must hand the work to such a service."""
    public: set[str] = {LOGGER}
    private: dict[str, set[str]] = {module: set() for module in trees}
    changed = True
    while changed:
        changed = False
        for module, tree in trees.items():
            if not module.startswith("app.services."):
                continue
            for function in tree.body:
                if not isinstance(function, ast.FunctionDef):
                    continue
                known = public | private[module]
                if function.name in known or not (_names_used(function) & known):
                    continue
                if function.name.startswith("_"):
                    private[module].add(function.name)
                else:
                    public.add(function.name)
                changed = True
    # Within one module any function (a window's method too) that calls or hands on a
    # logger counts, for that module only: a dialog's method that asks for the path and
    # calls its own method that hands the service to the worker.
    for module, tree in trees.items():
        local = private[module]
        changed = True
        while changed:
            changed = False
            for function in _functions(tree):
                known = public | local
                if function.name not in known and _names_used(function) & known:
                    local.add(function.name)
                    changed = True
    return public | {f"{m}:{name}" for m, names in private.items() for name in names}


def _is_write_call(call: ast.Call) -> bool:
    name = _called_name(call)
    if name in WRITERS:
        return True
    if name == "save" and call.args:  # an image or workbook saved to a path
        return True
    if name == "open":
        mode = call.args[1] if len(call.args) > 1 else None
        for keyword in call.keywords:
            if keyword.arg == "mode":
                mode = keyword.value
        text = mode.value if isinstance(mode, ast.Constant) else ""
        return isinstance(text, str) and any(c in text for c in "wax+")
    return False


def _writers(module: str, tree: ast.Module) -> list[Writer]:
    found: list[Writer] = []

    def visit(node: ast.AST, stack: tuple[ast.AST, ...]) -> None:
        for child in ast.iter_child_nodes(node):
            inner = stack
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                inner = (*stack, child)
            if isinstance(child, ast.Call) and _is_write_call(child):
                names = tuple(f.name for f in inner)  # type: ignore[attr-defined]
                found.append(Writer(module, names, _called_name(child) or "", child.lineno))
            visit(child, inner)

    visit(tree, ())
    return found


def _passes_through_the_log(
    writer: Writer, tree: ast.Module, loggers: set[str], module: str
) -> bool:
    known = {name for name in loggers if ":" not in name}
    known |= {name.split(":")[1] for name in loggers if name.startswith(module + ":")}
    for function in _functions(tree):
        if function.name in writer.functions and _names_used(function) & known:
            return True
    return False


def unlogged_writers() -> list[str]:
    services_and_up = _sources(*SCANNED)
    loggers = _loggers(services_and_up)
    problems = []
    for module, tree in services_and_up.items():
        for writer in _writers(module, tree):
            if writer.where in ALLOWED:
                continue
            if not _passes_through_the_log(writer, tree, loggers, module):
                problems.append(f"{writer.where} line {writer.line}: {writer.call}(...)")
    return problems


def test_every_file_writer_passes_through_the_export_log_or_is_allowed() -> None:
    assert unlogged_writers() == []


def test_the_allow_list_names_only_writers_that_exist() -> None:
    trees = _sources(*SCANNED)
    present = {w.where for module, tree in trees.items() for w in _writers(module, tree)}
    assert set(ALLOWED) - present == set()


def test_a_new_unlogged_writer_is_caught(tmp_path: Path) -> None:
    tree = ast.parse(
        "def save_list(session, actor, rows, path):\n"
        "    write_csv(['naam'], rows, path)\n"
        "def save_logged(session, actor, rows, path):\n"
        "    write_csv(['naam'], rows, path)\n"
        "    log_file_export(session, actor, 'lijst')\n"
        "def open_dialog(self):\n"
        "    path = ask_save_path(self, 't', 'f', '*.csv')\n"
        "    self.workspace.call(save_logged, path)\n"
        "def write_by_hand(path):\n"
        "    with open(path, 'w') as handle:\n"
        "        handle.write('x')\n"
    )
    loggers = _loggers({"app.services.x": tree, "app.ui.y": ast.parse("def call(): save_list()")})
    assert "call" not in loggers  # a window's function never counts as passing through
    assert "save_logged" in loggers
    flagged = [
        w.where
        for w in _writers("app.services.x", tree)
        if not _passes_through_the_log(w, tree, loggers, "app.services.x")
    ]
    assert flagged == ["app.services.x:save_list", "app.services.x:write_by_hand"]
