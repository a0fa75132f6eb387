"""Wraps the untranslated UI text that scripts/i18n_check.py finds, for Qt Linguist.

Usage: python scripts/i18n_wrap.py [PATH ...]   (default: app/ui), then `ruff format` and
`ruff check --fix` over the changed files (it prints them).

- inside a method of a QObject class:  self.tr("...")
- elsewhere at run time:               QCoreApplication.translate("Context", "...")
  (the context is the class name, or the module path below app/ui, e.g. "admin.backups")
- text evaluated at import time:       QT_TRANSLATE_NOOP("Context", "...")
  (marks it for lupdate; the code that shows it must translate it, which is done by hand)
- an f-string becomes a template with named placeholders:
  f"Week {week}" -> self.tr("Week {week}").format(week=week)
- an f-string whose text is only inside its expressions becomes a plain template first,
  f"{name}{' (demo)' if demo else ''}" -> ("{name}{value}").format(...), and the next pass
  wraps the text that is now outside the f-string (lupdate does not look inside f-strings)

Literals are located with the AST and replaced as text, so the rest of the file keeps its
formatting. Running it again changes nothing (wrapped text is no longer reported). An f-string
at import time is left alone and listed: wrap that one by hand.
"""

from __future__ import annotations

import ast
import keyword
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from i18n_check import Finding, find

QT_CORE = "PySide6.QtCore"
CHUNK = 60  # characters per piece of a long generated template


def _literal(text: str) -> str:
    """`text` as a double-quoted Python literal, split into implicitly joined pieces."""
    pieces: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and len(candidate) > CHUNK:
            pieces.append(current + " ")
            current = word
        else:
            current = candidate
    pieces.append(current)

    def quote(piece: str) -> str:
        escaped = piece.replace("\\", "\\\\").replace('"', '\\"')
        escaped = escaped.replace("\n", "\\n").replace("\t", "\\t")
        return f'"{escaped}"'

    return " ".join(quote(p) for p in pieces if p or len(pieces) == 1)


def _placeholder_name(expr: ast.expr) -> str:
    if isinstance(expr, ast.Name):
        name = expr.id
    elif isinstance(expr, ast.Attribute):
        name = expr.attr
    elif isinstance(expr, ast.Subscript):
        # DESTINATION[row.destination] -> destination
        inner = expr.slice if isinstance(expr.slice, ast.Name | ast.Attribute) else expr.value
        return _placeholder_name(inner)
    elif isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and not expr.args:
        # key.strip() -> key, self.status.text() -> status
        return _placeholder_name(expr.func.value)
    elif isinstance(expr, ast.Call) and expr.args:
        # len(rows) -> rows, labels.get(kind, "") -> kind, format_date(day) -> day
        return _placeholder_name(expr.args[0])
    elif isinstance(expr, ast.Call):
        return _placeholder_name(expr.func)
    elif isinstance(expr, ast.BoolOp):
        return _placeholder_name(expr.values[0])
    elif isinstance(expr, ast.IfExp):
        return _placeholder_name(expr.body)
    elif isinstance(expr, ast.BinOp):
        return _placeholder_name(expr.left)
    else:
        name = "value"
    name = name.strip("_").lower() or "value"
    if keyword.iskeyword(name) or name == "self":
        name = "value"
    return name


def template(node: ast.JoinedStr) -> tuple[str, list[tuple[str, str]]] | None:
    """The f-string as a str.format template and its (name, expression) pairs."""
    text = ""
    names: dict[str, str] = {}  # expression source -> placeholder name
    for value in node.values:
        if isinstance(value, ast.Constant):
            text += str(value.value).replace("{", "{{").replace("}", "}}")
            continue
        assert isinstance(value, ast.FormattedValue)
        source = ast.unparse(value.value)
        if source not in names:
            base = _placeholder_name(value.value)
            name, n = base, 2
            while name in names.values():
                name, n = f"{base}{n}", n + 1
            names[source] = name
        field = names[source]
        if value.conversion != -1:
            field += "!" + chr(value.conversion)
        if value.format_spec is not None:
            spec = value.format_spec
            if not all(isinstance(v, ast.Constant) for v in spec.values):
                return None  # a nested placeholder in the format spec: by hand
            field += ":" + "".join(str(v.value) for v in spec.values)
        text += "{" + field + "}"
    return text, [(name, source) for source, name in names.items()]


def _wrapper(finding: Finding) -> str:
    if finding.form == "plain":
        return "("
    if finding.form == "self":
        return "self.tr("
    if finding.form == "translate":
        return f'QCoreApplication.translate("{finding.context}", '
    return f'QT_TRANSLATE_NOOP("{finding.context}", '


def replacement(finding: Finding, segment: str) -> str | None:
    node = finding.node
    if isinstance(node, ast.Constant):
        return f"{_wrapper(finding)}{segment})"
    if finding.form == "noop":
        return None
    built = template(node)
    if built is None:
        return None
    text, fields = built
    arguments = ", ".join(f"{name}={source}" for name, source in fields)
    literal = _literal(text)
    if finding.form == "plain" and literal.count('"') == 2:
        return f"{literal}.format({arguments})"
    return f"{_wrapper(finding)}{literal}).format({arguments})"


def _offsets(data: bytes) -> list[int]:
    starts, total = [0], 0
    for line in data.splitlines(keepends=True):
        total += len(line)
        starts.append(total)
    return starts


def _add_import(source: str, name: str) -> str:
    """Adds `from PySide6.QtCore import name` after the first top-level import block."""
    tree = ast.parse(source)
    for node in tree.body:
        if (
            isinstance(node, ast.ImportFrom)
            and node.module == QT_CORE
            and any(alias.name == name for alias in node.names)
        ):
            return source
    imports = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    lines = source.splitlines(keepends=True)
    at = imports[0].lineno - 1 if imports else 0
    if imports and isinstance(imports[0], ast.ImportFrom) and imports[0].module == "__future__":
        at = imports[0].end_lineno or at
    lines.insert(at, f"from {QT_CORE} import {name}\n")
    return "".join(lines)


def wrap_file(path: Path, findings: list[Finding]) -> list[Finding]:
    """Applies the findings of one file; returns those it could not wrap."""
    data = path.read_bytes()
    starts = _offsets(data)
    spans = []
    for f in findings:
        start = starts[f.node.lineno - 1] + f.node.col_offset
        end = starts[(f.node.end_lineno or f.node.lineno) - 1] + (f.node.end_col_offset or 0)
        spans.append((start, end, f))
    # Only the outermost literal of a nest; the next run wraps what was inside.
    outer = [s for s in spans if not any(o[0] <= s[0] and s[1] <= o[1] and o != s for o in spans)]
    left: list[Finding] = []
    needed: set[str] = set()
    for start, end, f in sorted(outer, key=lambda s: s[0], reverse=True):
        new = replacement(f, data[start:end].decode("utf-8"))
        if new is None:
            left.append(f)
            continue
        data = data[:start] + new.encode("utf-8") + data[end:]
        if f.form == "translate":
            needed.add("QCoreApplication")
        elif f.form == "noop":
            needed.add("QT_TRANSLATE_NOOP")
    source = data.decode("utf-8")
    for name in sorted(needed):
        source = _add_import(source, name)
    path.write_text(source, encoding="utf-8")
    return left


def main(argv: list[str]) -> int:
    paths = [Path(a).resolve() for a in argv] or None
    changed: set[Path] = set()
    left: list[Finding] = []
    for _ in range(5):  # nested literals need another pass
        found = find(paths)
        by_file: dict[Path, list[Finding]] = {}
        for f in found:
            by_file.setdefault(f.path, []).append(f)
        left = []
        progress = False
        for path, findings in by_file.items():
            rest = wrap_file(path, findings)
            if len(rest) < len(findings):
                changed.add(path)
                progress = True
            left += rest
        if not progress:
            break
    for path in sorted(changed):
        print(f"wrapped: {path}")
    for f in left:
        print(f"by hand: {f}")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
