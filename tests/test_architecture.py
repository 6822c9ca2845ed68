"""The house rules of `extractor/`, checked on the syntax tree (see docs/architecture.md).

- no class longer than 400 lines and no function longer than 100 (decorators and docstring included);
- rules (extractor/rules) never import the spaCy wiring (components, factories, pipeline, api);
- no import cycle between modules of the package. Every `import` statement counts, wherever it
  sits (module level, inside a function, under `if TYPE_CHECKING:`): a lazy import still ties two
  modules together for a reader, and is a cycle waiting for the day someone hoists it.

`python tests/test_architecture.py` prints the sizes and the import graph's cycles.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "extractor"
MAX_CLASS_LINES = 400
MAX_FUNCTION_LINES = 100


def module_name(path: Path) -> str:
    """`extractor/quotes/cues.py` -> `extractor.quotes.cues`; a package's `__init__` is the package."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(current: str, is_package: bool, level: int, target: str | None) -> str:
    """The absolute module named by a (possibly relative) import in module `current`."""
    if level == 0:
        return target or ""
    base = current.split(".")
    if not is_package:
        base = base[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join(base + ([target] if target else []))


def import_edges(known: dict[str, Path]) -> dict[str, set[str]]:
    """module -> the package modules it imports (a `from pkg import name` that names a submodule
    counts as importing that submodule)."""
    edges: dict[str, set[str]] = {m: set() for m in known}
    for mod, path in known.items():
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _resolve(mod, is_package, node.level, node.module)
                # `from pkg import sub` imports the submodule; `from pkg import name` the package
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
            for t in targets:
                # the deepest module of ours that the dotted name reaches (the packages above it run
                # too, but every module shares them: only a named one is an edge)
                parts = t.split(".")
                deepest = next((".".join(parts[:i]) for i in range(len(parts), 0, -1)
                                if ".".join(parts[:i]) in known), None)
                if deepest is not None and deepest != mod:
                    edges[mod].add(deepest)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(max(1000, 10 * len(edges)))
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def oversized() -> list[str]:
    """'path:line kind name N lines' for every class over 400 and function over 100 lines."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                limit, kind = MAX_CLASS_LINES, "class"
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                limit, kind = MAX_FUNCTION_LINES, "function"
            else:
                continue
            first = min([node.lineno] + [d.lineno for d in node.decorator_list])
            n = node.end_lineno - first + 1
            if n > limit:
                found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {kind} {node.name} {n} lines")
    return found


def test_no_oversized_class_or_function() -> None:
    assert oversized() == []


def test_no_import_cycle() -> None:
    assert cycles(import_edges(modules())) == []


def test_every_relative_import_names_a_module_of_ours() -> None:
    """A module moved to another folder keeps no `from ..x import` pointing nowhere."""
    known = modules()
    missing = []
    for mod, path in known.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = _resolve(mod, path.name == "__init__.py", node.level, node.module)
                if base not in known:
                    missing.append(f"{mod}: from {'.' * node.level}{node.module or ''}")
    assert missing == []


def test_rules_do_not_import_the_spacy_wiring() -> None:
    """Rules take their data as arguments: nothing in extractor/rules imports a component or a factory."""
    edges = import_edges(modules())
    wiring = ("extractor.components", "extractor.factories", "extractor.pipeline", "extractor.api")
    bad = sorted(f"{m} -> {t}" for m, ts in edges.items() if m.startswith("extractor.rules")
                 for t in ts if t.startswith(wiring))
    assert bad == []


def test_resolver_sees_relative_imports() -> None:
    """The checker itself: a relative import inside a subpackage resolves to the right module."""
    assert _resolve("extractor.quotes.cues", False, 1, "marks") == "extractor.quotes.marks"
    assert _resolve("extractor.quotes", True, 1, "marks") == "extractor.quotes.marks"
    assert _resolve("extractor.quotes.cues", False, 2, "errors") == "extractor.errors"
    assert cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]


if __name__ == "__main__":
    mods = modules()
    edges = import_edges(mods)
    print(f"{len(mods)} modules, {sum(map(len, edges.values()))} import edges")
    for line in oversized():
        print("OVERSIZED", line)
    for comp in cycles(edges):
        print("CYCLE", " <-> ".join(comp))
