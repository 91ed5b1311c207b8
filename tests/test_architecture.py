"""The import arrows of docs/architecture.md ("Packages and their imports"), checked.

Every module's imports are read with :mod:`ast` (nothing is imported, so no
module's side effects run), including imports inside functions and under
``TYPE_CHECKING``: a lazy import is still an arrow. The rules:

* ``geo`` imports neither ``layers`` nor ``eventmap``; ``layers`` does not
  import ``eventmap``.
* Inside ``eventmap``, each module belongs to a *part*: the front door
  (the package itself, the CLI, the Python API, ``eventmap report``), the
  shared core (the other top-level modules), or a sub-package. A part
  imports only the parts :data:`ALLOWED` lists for it.
* No module imports itself through others: the module graph has no cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("geo", "layers", "eventmap")

FRONT = frozenset(
    {"eventmap", "eventmap.__main__", "eventmap.cli", "eventmap.api", "eventmap.report"}
)
"""What a person calls: it may import every part."""

ALLOWED: dict[str, frozenset[str]] = {
    "front": frozenset({"front", "core", "build", "map", "exports", "evaluation"}),
    "build": frozenset({"build", "map", "exports", "core"}),
    "map": frozenset({"map", "exports", "core"}),
    "exports": frozenset({"exports", "core"}),
    "evaluation": frozenset({"evaluation", "core"}),
    "core": frozenset({"core"}),
}
"""Which parts of ``eventmap`` each part may import (its own included)."""

SUBPACKAGES = frozenset(ALLOWED) - {"front", "core"}

CORE = frozenset(
    f"eventmap.{name}"
    for name in (
        "_version",
        "articles",
        "atomic",
        "config",
        "geocoders",
        "grouping",
        "pipeline",
        "readable",
        "urls",
        "version",
    )
)
"""The top-level modules more than one part needs."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            found[_module_name(path)] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The project modules ``name`` imports (``from a import b`` counts ``a.b`` if a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*parent, base] if base else parent)
            targets.add(base)
            targets.update(f"{base}.{alias.name}" for alias in node.names)
    found = set()
    for target in targets:
        # ``import eventmap.build.cache`` also imports its parents; the arrow that
        # matters is to the deepest project module named.
        while target and target not in MODULES:
            target = target.rpartition(".")[0]
        if target and target != name:
            found.add(target)
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def part(module: str) -> str:
    """The part of ``eventmap`` a module belongs to."""
    if module in FRONT:
        return "front"
    pieces = module.split(".")
    if len(pieces) > 2 and pieces[1] in SUBPACKAGES:
        return pieces[1]
    if len(pieces) == 2 and pieces[1] in SUBPACKAGES:  # the sub-package's __init__
        return pieces[1]
    return "core"


def test_the_scan_sees_the_project():
    assert {"geo.areas", "layers.events", "eventmap.cli", "eventmap.api"} <= MODULES.keys()
    assert "geo.types" in GRAPH["geo.areas"]
    assert "eventmap.articles" in GRAPH["eventmap.api"]  # ``from eventmap.articles import``


def test_geo_imports_neither_layers_nor_eventmap():
    wrong = sorted(
        f"{name} -> {target}"
        for name, targets in GRAPH.items()
        if name.startswith("geo")
        for target in targets
        if not target.startswith("geo")
    )
    assert wrong == []


def test_layers_does_not_import_eventmap():
    wrong = sorted(
        f"{name} -> {target}"
        for name, targets in GRAPH.items()
        if name.startswith("layers")
        for target in targets
        if target.startswith("eventmap")
    )
    assert wrong == []


def test_eventmap_parts_import_only_in_the_documented_direction():
    wrong = sorted(
        f"{name} ({part(name)}) -> {target} ({part(target)})"
        for name, targets in GRAPH.items()
        if name.startswith("eventmap")
        for target in targets
        if target.startswith("eventmap") and part(target) not in ALLOWED[part(name)]
    )
    assert wrong == []


def test_every_top_level_module_has_a_part():
    top = {
        name
        for name in MODULES
        if name.startswith("eventmap.") and name.count(".") == 1
        if name.split(".")[1] not in SUBPACKAGES
    }
    assert top - FRONT - CORE == set()


def test_every_sub_package_says_what_it_owns_and_may_import():
    for name, path in MODULES.items():
        if name.startswith("eventmap.") and path.name == "__init__.py":
            docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
            assert docstring and "import" in docstring, f"{name} needs an owning docstring"


def _cycle() -> list[str]:
    """One import cycle of the module graph, or ``[]``."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for target in sorted(GRAPH[node]):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        state[node] = 2
        path.pop()
        return []

    for node in sorted(GRAPH):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return []


def test_no_module_imports_itself_through_others():
    assert _cycle() == []


def test_the_cycle_finder_finds_a_cycle():
    saved = dict(GRAPH)
    try:
        GRAPH["geo.types"] = {*GRAPH["geo.types"], "geo.areas"}  # areas imports types
        assert "geo.areas" in _cycle() and "geo.types" in _cycle()
    finally:
        GRAPH.clear()
        GRAPH.update(saved)
