"""The package's floor plan, held by a test: each stage imports only the stages below it, no module
imports itself round a circle, and the heavy third-party libraries stay in their rooms.

Every import counts, at module level or inside a function, and under TYPE_CHECKING too: a lazy import
that climbs is still a climb.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "ovopcheck"

# Lowest first: a module may import from its own layer and those before it, never from one after it.
LAYERS: list[tuple[str, ...]] = [
    ("_version", "errors", "frozen", "sharing", "spelling", "regions"),  # leaves
    ("rules",),  # the condition vocabulary
    ("documents",),  # dossier documents: inspected and judged
    ("model",),  # criteria and result values
    ("loading",),  # bytes -> typed, validated data; criteria files -> CriteriaSet
    ("evaluate",),  # criteria set x data x date -> Evaluation
    ("sets",),  # which set is in force on a date; merging and extending
    ("checker",),  # one path -> FileResult
    ("policy",),  # --fail-on, the exit code, waivers
    ("report",),  # results -> words and documents
    ("config",),  # settings from files and flags
    ("batch",),  # discovery, workers, the run loop
    ("tools",),  # for criteria maintainers
    ("api",),  # the public facade
    ("cli",),  # typer glue
    ("__init__", "__main__"),
]
# Third-party libraries and the only rooms that may import them.
CONFINED = {
    "typer": ("cli",),
    "rich": ("cli", "report.formats.text"),
    "jsonschema": ("loading.schema",),
    "yaml": ("loading.read", "loading.tree", "loading.row", "tools.convert"),
    "openpyxl": ("loading.sheet", "report.formats.xlsxreport", "tools.workbook"),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports(name: str, source: str | None = None) -> Iterator[tuple[str, int]]:
    """(imported module, line) for every import in a module (or in ``source`` as if it were that module):
    ovopcheck's as names like ``report.view``, others as their top-level name."""
    path = MODULES.get(name, PACKAGE / "probe.py")
    is_package = path.name == "__init__.py"
    here = name.split(".") if name != "__init__" else []
    text = path.read_text(encoding="utf-8") if source is None else source
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                yield (alias.name.removeprefix("ovopcheck.") if top == "ovopcheck" else top), node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                module = node.module or ""
                if module.split(".")[0] != "ovopcheck":
                    yield module.split(".")[0], node.lineno
                    continue
                base = module.split(".")[1:]
            else:
                package = here if is_package else here[:-1]
                base = package[: len(package) - (node.level - 1)] + (node.module.split(".") if node.module else [])
            for alias in node.names:  # ``from . import read`` names a module; ``from .x import y`` does not
                candidate = ".".join([*base, alias.name])
                yield (candidate if candidate in MODULES else ".".join(base) or "__init__"), node.lineno


def layer_of(name: str) -> int:
    for number, rooms in enumerate(LAYERS):
        if any(name == room or name.startswith(room + ".") for room in rooms):
            return number
    raise AssertionError(f"ovopcheck/{name}: in no layer of tests/test_layers.py; give it a room there")


def test_every_module_has_a_room() -> None:
    for name in MODULES:
        layer_of(name)


def test_no_import_climbs_to_a_later_stage() -> None:
    climbs = []
    for name in MODULES:
        for target, line in imports(name):
            if target in MODULES and layer_of(target) > layer_of(name):
                climbs.append(f"ovopcheck/{name} line {line} imports {target}")
    assert climbs == []


def test_no_import_circle() -> None:
    graph = {name: {t for t, _ in imports(name) if t in MODULES and t != name} for name in MODULES}
    # A package's __init__ is imported on the way to its modules: an edge into the package counts too.
    circles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                circles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert circles == []


def test_third_party_libraries_stay_in_their_rooms() -> None:
    leaks = []
    for name in MODULES:
        for target, line in imports(name):
            rooms = CONFINED.get(target)
            if rooms is not None and not any(name == r or name.startswith(r + ".") for r in rooms):
                leaks.append(f"ovopcheck/{name} line {line} imports {target}")
    assert leaks == []


def test_the_walk_sees_a_climb_and_a_module_import() -> None:
    # Relative imports are resolved as Python resolves them; a made-up climb must be found as one.
    found = list(imports("loading.probe", "from ..report.view import FileView\nfrom . import read\n"))
    assert found == [("report.view", 1), ("loading.read", 2)]
    assert layer_of("report.view") > layer_of("loading.probe")
