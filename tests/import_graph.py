"""The import graph of a package, read from the source: layers, upward arrows and cycles.

Every `import` counts, also one inside a function (a lazy import is still a dependency),
except those under `if TYPE_CHECKING:`. Migrations are scripts Alembic loads, not modules.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

# Lowest first: a module may import its own layer and the ones below, never one above.
# Within a layer, arrows may point either way as long as they make no cycle.
LAYERS: list[tuple[str, ...]] = [
    ("app.core",),
    ("app.models", "app.export", "app.importers"),
    ("app.db",),
    ("app.services.common",),
    ("app.services",),
    # Trends reads what every area records; no area reads trends.
    ("app.services.trends",),
    ("app.demo",),
    ("app.ui",),
    ("app.commands", "app.cli", "app.__main__", "app"),
]


def layer_of(module: str) -> int:
    """The index in LAYERS of the most specific prefix that holds `module`."""
    best, best_length = -1, -1
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            matches = module == prefix or module.startswith(prefix + ".")
            if matches and len(prefix) > best_length:
                best, best_length = index, len(prefix)
    if best < 0:
        raise ValueError(f"{module} belongs to no layer: add it to LAYERS")
    return best


def modules(root: Path, package: str = "app") -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in sorted((root / package).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        name = ".".join(path.relative_to(root).with_suffix("").parts)
        found[name.removesuffix(".__init__")] = path
    return found


def _imported_names(tree: ast.Module, package: str) -> Iterable[str]:
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            node.body = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            # `from a.b import c` names a.b.c when c is a module, else a.b (see build_graph).
            yield from (f"{base}.{alias.name}" for alias in node.names)


def build_graph(root: Path, package: str = "app") -> dict[str, set[str]]:
    """Module -> the modules of the package it imports (the most specific one named)."""
    found = modules(root, package)
    graph: dict[str, set[str]] = {name: set() for name in found}
    for name, path in found.items():
        own_package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for target in _imported_names(tree, own_package):
            while target and target not in found:
                target = target.rpartition(".")[0]
            # A package's own __init__ runs on every import below it: not an arrow.
            if target and target != name and not name.startswith(target + "."):
                graph[name].add(target)
    return graph


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    """Each arrow from a lower layer to a higher one, as 'a -> b'."""
    return sorted(
        f"{source} -> {target}"
        for source, targets in graph.items()
        for target in targets
        if layer_of(target) > layer_of(source)
    )


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found
