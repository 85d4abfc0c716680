"""The package's modules import one another without cycles.

The graph is read from the source with `ast` (nothing is imported): an edge for every `import` and
`from ... import` of a `counterclaim` module, at module level or inside a function (a function-level
import that closes a cycle only hides it), but not under `if TYPE_CHECKING:` (never executed).
`from package import name` is an edge to the submodule `package.name` when there is one, else to the
package. Parent packages a module lives in are not edges of their own: every module of a package
"depends" on its `__init__` that way, which is no design cycle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pytest

PACKAGE = "counterclaim"
SOURCE = Path(__file__).parents[1] / "src" / PACKAGE


def module_files(root: Path = SOURCE) -> dict[str, Path]:
    """Every module of the package by dotted name (a package by the name of its `__init__`)."""
    modules = {}
    for path in sorted(root.rglob("*.py")):
        parts = [PACKAGE, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _type_checking_only(node: ast.AST) -> bool:
    test = node.test if isinstance(node, ast.If) else None
    return isinstance(test, ast.Name | ast.Attribute) and ast.unparse(test).endswith("TYPE_CHECKING")


def _import_nodes(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement, except those under `if TYPE_CHECKING:`."""
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        for child in ast.iter_child_nodes(node):
            if isinstance(node, ast.If) and _type_checking_only(node) and child in node.body:
                continue
            stack.append(child)


def imports_of(module: str, path: Path, known: Iterable[str]) -> set[str]:
    """The package's modules that `module` imports."""
    known = set(known)
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            if node.level:  # relative: from the module's package, `level` steps up
                base = module.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                origin = ".".join([*base, *([node.module] if node.module else [])])
            else:
                origin = node.module or ""
            targets = [f"{origin}.{alias.name}" for alias in node.names]
            targets = [t if t in known else origin for t in targets]
        for target in targets:
            while target and target not in known:  # `import a.b.c` of a module or an attribute
                target = target.rpartition(".")[0]
            if target.startswith(PACKAGE) and target != module:
                found.add(target)
    return found


def import_graph(root: Path = SOURCE) -> dict[str, set[str]]:
    modules = module_files(root)
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """One cycle (a closed path of modules) for every group of modules that import one another,
    each starting at its first module in name order; none for an acyclic graph."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups: list[set[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(_closed_path(graph, group) for group in groups)


def _closed_path(graph: Mapping[str, set[str]], group: set[str]) -> list[str]:
    """A shortest path from the group's first module back to itself, within the group."""
    start = min(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        nxt_frontier = []
        for node in frontier:
            for nxt in sorted(graph[node] & group):
                if nxt == start:
                    return [*paths[node], start]
                if nxt not in paths:
                    paths[nxt] = [*paths[node], nxt]
                    nxt_frontier.append(nxt)
        frontier = nxt_frontier
    raise AssertionError(f"no cycle through {start}")  # a strongly connected group always has one


def describe(found: list[list[str]]) -> str:
    return "\n".join(" -> ".join(cycle) for cycle in found)


def test_the_graph_is_read_from_every_module() -> None:
    graph = import_graph()
    assert "counterclaim.pipeline.analyze" in graph and "counterclaim.api" in graph
    assert "counterclaim.pipeline.steps.claims" in graph["counterclaim.pipeline.analyze"]
    assert "counterclaim.pipeline.analyze" in graph["counterclaim.api"]


def test_the_package_has_no_import_cycle() -> None:
    found = cycles(import_graph())
    assert not found, f"import cycles (each closed path is one group of modules):\n{describe(found)}"


# --- the walk itself, on a package written for the test ---------------------------------------------


def _package(root: Path, files: Mapping[str, str]) -> Path:
    for name, text in files.items():
        path = root / PACKAGE / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / PACKAGE


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param(
            {"__init__.py": "", "a.py": "import counterclaim.b\n", "b.py": "from counterclaim import a\n"},
            [["counterclaim.a", "counterclaim.b", "counterclaim.a"]],
            id="absolute-imports",
        ),
        pytest.param(
            {
                "__init__.py": "",
                "p/__init__.py": "",
                "p/x.py": "from . import y\n",
                "p/y.py": "def f():\n    from counterclaim.p.x import g\n",
            },
            [["counterclaim.p.x", "counterclaim.p.y", "counterclaim.p.x"]],
            id="relative-and-function-level",
        ),
        pytest.param(
            {
                "__init__.py": "from counterclaim.a import run\n",
                "a.py": "import typing\nif typing.TYPE_CHECKING:\n    from counterclaim import b\n",
                "b.py": "from counterclaim.a import run\n",
            },
            [],
            id="type-checking-and-parent-package-are-no-edges",
        ),
    ],
)
def test_cycles_are_found_and_named(tmp_path: Path, files: dict[str, str], expected: list[list[str]]) -> None:
    assert cycles(import_graph(_package(tmp_path, files))) == expected
