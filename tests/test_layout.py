"""The core's layout: every module imports, none is over 400 lines, and no imports go round.

Imports are read from the source (an `if TYPE_CHECKING:` block only names types for
the type checker, so it is left out); importing a module also runs its package's
`__init__`, so each module depends on its parent packages too.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from conftest import ROOT

CORE = ROOT / "py" / "ras_core"
MODULES = sorted(
    ".".join(("ras_core", *path.relative_to(CORE).with_suffix("").parts)).removesuffix(".__init__")
    for path in CORE.rglob("*.py")
)


def _path(module: str) -> Path:
    parts = module.split(".")[1:]
    package = CORE.joinpath(*parts, "__init__.py")
    return package if package.exists() else CORE.joinpath(*parts).with_suffix(".py")


def _imports(module: str) -> set[str]:
    """The ras_core modules `module` imports, with the packages that run first."""
    path = _path(module)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
            skipped.update(id(child) for child in ast.walk(node))
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            target = (f"{base}.{node.module}" if node.module else base) if node.level else node.module or ""
            for alias in node.names:
                name = f"{target}.{alias.name}"
                found.add(name if name in MODULES else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    deps: set[str] = set()
    for name in found:
        if not name.startswith("ras_core"):
            continue
        parts = name.split(".")
        deps.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return {d for d in deps if d in MODULES and d != module and not module.startswith(f"{d}.")}


def test_every_module_imports() -> None:
    for module in MODULES:
        if module != "ras_core.__main__":  # importing it runs `ras`
            importlib.import_module(module)


def test_no_module_is_over_400_lines() -> None:
    long = {m: n for m in MODULES if (n := len(_path(m).read_text(encoding="utf-8").splitlines())) >= 400}
    assert long == {}


def test_the_import_graph_has_no_cycles() -> None:
    graph = {module: _imports(module) for module in MODULES}
    assert graph["ras_core.cli"] >= {"ras_core.estimate.words", "ras_core.scheme.load"}
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            pytest.fail("import cycle: " + " -> ".join([*path[path.index(module) :], module]))
        if module in done:
            return
        for dep in sorted(graph[module]):
            visit(dep, [*path, module])
        done.add(module)

    for module in MODULES:
        visit(module, [])


def test_the_wheel_carries_every_data_file_the_core_reads(tmp_path: Path) -> None:
    """The nations' eligibility rules are read with importlib.resources, in Pyodide from the wheel."""
    import sys
    import zipfile

    sys.path.insert(0, str(ROOT))
    import build

    data = sorted(
        str(path.relative_to(CORE.parent)) for path in CORE.rglob("*") if path.is_file() and path.suffix == ".toml"
    )
    assert "ras_core/eligibility/england.toml" in data
    names = set(zipfile.ZipFile(build.build_wheel(tmp_path)).namelist())
    assert set(data) <= names
