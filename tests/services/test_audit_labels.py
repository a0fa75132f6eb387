"""Every action and entity the app writes to the audit trail has a Dutch label, and the
detail column reads as Dutch: the coordinator never sees a code like 'aftercare_worklist'."""

from __future__ import annotations

import ast
from pathlib import Path

from app.services.common.audit_labels import (
    ACTION_LABELS,
    ENTITY_LABELS,
    detail_label,
    entity_label,
)

APP = Path(__file__).resolve().parents[2] / "app"


def _literals(node: ast.expr | None) -> list[str | None] | None:
    """The strings an argument can be: a literal, either branch of `a if c else b`."""
    if node is None:
        return [None]
    if isinstance(node, ast.Constant):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _literals(node.body), _literals(node.orelse)
        return None if body is None or orelse is None else body + orelse
    return None


def _passed_in(tree: ast.Module, name: str, parameter: str) -> list[str | None]:
    """The literals given for `parameter` of the function around the call, at its calls."""
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef):
            continue
        names = [a.arg for a in function.args.args]
        if parameter not in names or not any(
            isinstance(n, ast.Name) and n.id == parameter for n in ast.walk(function)
        ):
            continue
        index = names.index(parameter)
        found: list[str | None] = []
        for call in ast.walk(tree):
            if isinstance(call, ast.Call) and getattr(call.func, "id", None) == function.name:
                found += _literals(call.args[index]) or []
        return found
    raise AssertionError(f"{name}: where does '{parameter}' come from?")


def _keyword_anywhere(tree: ast.Module, parameter: str) -> list[str | None] | None:
    """The literals given as `parameter=` to the keyword-only parameter of the function
    around the call, at its calls anywhere in app/, plus its default (log_file_export)."""
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef):
            continue
        names = [a.arg for a in function.args.kwonlyargs]
        if parameter not in names:
            continue
        default = function.args.kw_defaults[names.index(parameter)]
        found = _literals(default) if default is not None else []
        for path in APP.rglob("*.py"):
            for call in ast.walk(ast.parse(path.read_text("utf-8"))):
                if isinstance(call, ast.Call) and (
                    getattr(call.func, "id", None) == function.name
                    or getattr(call.func, "attr", None) == function.name
                ):
                    for keyword in call.keywords:
                        if keyword.arg == parameter:
                            given = _literals(keyword.value)
                            assert given is not None, f"{path}: {parameter}= is not a literal"
                            found = (found or []) + given
        return found
    return None


def _recorded() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """action -> files and entity -> files, from every audit.record(...) call and every
    (action, entity, id, detail) tuple handed to audit.record_many in app/."""
    actions: dict[str, set[str]] = {}
    entities: dict[str, set[str]] = {}
    for path in APP.rglob("*.py"):
        text = path.read_text("utf-8")
        tree = ast.parse(text)
        name = str(path.relative_to(APP.parent))
        pairs: list[tuple[ast.expr, ast.expr | None]] = []
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "record"
                and getattr(node.func.value, "id", None) == "audit"
            ):
                args = node.args
                pairs.append((args[2], args[3] if len(args) > 3 else None))
            if "record_many" in text and isinstance(node, ast.Tuple):
                elts = node.elts
                first = elts[0] if len(elts) == 4 else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    pairs.append((elts[0], elts[1]))
        for action, entity in pairs:
            found = _literals(action)
            if found is None and isinstance(action, ast.Name):
                found = _passed_in(tree, name, action.id)
            assert found is not None, f"{name}: audit action {ast.unparse(action)}"
            for value in found:
                actions.setdefault(value, set()).add(name)
            kinds = _literals(entity)
            if kinds is None and isinstance(entity, ast.Name):
                kinds = _keyword_anywhere(tree, entity.id)
            assert kinds is not None, f"{name}: audit entity {ast.unparse(entity)}"
            for value in kinds:
                if value is not None:
                    entities.setdefault(value, set()).add(name)
    return actions, entities


def test_the_scan_finds_the_trail_of_the_app() -> None:
    actions, entities = _recorded()
    # The scan sees direct calls, the import's batch and an action passed in (agreements).
    assert {"login", "view", "las_import", "done", "reopen"} <= set(actions)
    assert {"student", "aftercare_worklist", "agreement"} <= set(entities)


def test_every_recorded_action_has_a_dutch_label() -> None:
    actions, _entities = _recorded()
    missing = {a: sorted(files) for a, files in actions.items() if a not in ACTION_LABELS}
    assert missing == {}


def test_every_recorded_entity_has_a_dutch_label() -> None:
    _actions, entities = _recorded()
    missing = {e: sorted(files) for e, files in entities.items() if e not in ENTITY_LABELS}
    assert missing == {}


def test_details_read_as_dutch() -> None:
    assert entity_label("aftercare_worklist") == "Nazorglijst"
    assert detail_label("rows=25") == "rijen: 25"
    assert detail_label("weeks=8") == "weken: 8"
    assert detail_label("past") == "geplande gesprekken in het verleden"
    assert detail_label("first_name,surname,class_name") == "voornaam, achternaam, klas"
    assert detail_label("student=4;org=7;scopes=nazorg") == (
        "leerling: 4; organisatie: 7; onderwerpen: nazorg"
    )
    # What is no code is left alone: a file name, a word already Dutch.
    assert detail_label("koers.dagelijks-20261204.bak") == "koers.dagelijks-20261204.bak"
    assert detail_label("status:afgerond") == "status: afgerond"
