"""The validator's layers, as its folders show them, and no import that runs backwards.

Every import is read from the source (``ast``), those inside functions included: an
import placed in a function to dodge a cycle is still a dependency. A module may import
its own layer or the layers below it, never one above; and no group of modules imports
each other in a circle.
"""

import ast
from pathlib import Path

import pytest

import dipos.validator

PACKAGE = "dipos.validator"
ROOT = Path(dipos.validator.__file__).resolve().parent

LAYERS: dict[str, int] = {
    # the base: what a finding is, the rule catalogue, paths, safe text, the machine
    "catalogue": 0,
    "findings": 0,
    "paths": 0,
    "safetext": 0,
    "machine": 0,
    "report": 1,  # the output formats
    "read": 1,  # bytes or objects in, values of one domain and syntax findings out
    "index": 2,  # the record layout and the compact index
    "check": 3,  # the one checking pipeline and the rules
    "engine": 4,  # reading strategies (whole, lines, stream, workers) and the run
    "": 5,  # the package itself: dipos.validate
}
"""The layer of each top-level module or folder of ``dipos.validator`` (0 is the lowest)."""


def _modules() -> dict[str, Path]:
    found = {}
    for path in ROOT.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join([PACKAGE, *parts])] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The modules of ``dipos.validator`` that a module imports, anywhere in it."""
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            # `from . import x` imports the module x when there is one
            targets = [
                f"{module}.{alias.name}" if f"{module}.{alias.name}" in MODULES else module
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target.startswith(PACKAGE) and target != name:
                found.add(target)
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def layer_of(module: str) -> int:
    rest = module[len(PACKAGE) + 1 :] if module != PACKAGE else ""
    top = rest.split(".")[0]
    assert top in LAYERS, f"{module} is in no layer: add its folder to LAYERS"
    return LAYERS[top]


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_import_runs_backwards(module: str) -> None:
    upward = sorted(t for t in GRAPH[module] if layer_of(t) > layer_of(module))
    assert not upward, f"{module} (layer {layer_of(module)}) imports higher layers: {upward}"


def test_no_import_cycles() -> None:
    """Tarjan's strongly connected components over the import graph: all of size one."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for child in GRAPH.get(node, ()):
            if child not in index:
                visit(child)
                low[node] = min(low[node], low[child])
            elif child in on_stack:
                low[node] = min(low[node], index[child])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(GRAPH):
        if node not in index:
            visit(node)
    assert cycles == []


def test_the_checker_sees_a_backward_import(tmp_path: Path) -> None:
    """The test itself works: an import inside a function is found."""
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from ..engine import run\n    return run\n")
    assert f"{PACKAGE}.engine" in _imports(f"{PACKAGE}.read.m", module)


def test_packages_outside_the_validator_do_not_import_it() -> None:
    """The stdlib-only modules the validator builds on (codes, patterns, dates, schema)
    never import it back."""
    root = ROOT.parent
    for name in ("edtf.py", "patterns.py", "vocab.py", "version.py"):
        text = (root / name).read_text(encoding="utf-8")
        assert "validator" not in {
            part
            for node in ast.walk(ast.parse(text))
            if isinstance(node, ast.ImportFrom) and node.module
            for part in node.module.split(".")
        }, name
