"""Declared dependencies match what the code imports: every third-party module imported by
src/ is a runtime dependency, every one imported only by tests/ or benchmarks/ is in the test
extra, and nothing is declared that is not imported (a short list of tools excepted)."""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
# Our own: the package, and the helper modules tests and benchmarks import by name.
LOCAL = {"opengauge", "tests", "benchmarks"} | {
    p.stem for folder in ("tests", "benchmarks") for p in (ROOT / folder).rglob("*.py")} | {
    p.name for folder in ("tests", "benchmarks") for p in (ROOT / folder).rglob("*") if p.is_dir()}
# Declared without being imported, each for a reason.
NOT_IMPORTED = {
    "httpx": "fastapi.testclient runs on it",
    "ruff": "a tool .ci/run runs",
    "mypy": "a tool .ci/run runs",
    "types-pyyaml": "type stubs for mypy",
    "jsonschema": "cyclonedx-python-lib's JSON validator (export --validate) runs on it",
}


def _normal(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def imported_modules(*folders: str) -> set[str]:
    """Top-level names of every absolute import (function-level ones included)."""
    names: set[str] = set()
    for folder in folders:
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if isinstance(node, ast.Import):
                    names.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names.add(node.module.split(".")[0])
                elif _importorskip(node):
                    names.add(node.args[0].value.split(".")[0])  # type: ignore[attr-defined]
    return {n for n in names if n not in sys.stdlib_module_names and n not in LOCAL}


def _importorskip(node: ast.AST) -> bool:
    """`pytest.importorskip("module")`: an import written as a call."""
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "importorskip" and bool(node.args)
            and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str))


def distributions(modules: set[str]) -> set[str]:
    owners = packages_distributions()
    missing = sorted(m for m in modules if m not in owners)
    assert not missing, f"imported modules no installed distribution provides: {missing}"
    return {_normal(owners[m][0]) for m in modules}


def declared(requirements: list[str]) -> set[str]:
    return {_normal(Requirement(r).name) for r in requirements}


RUNTIME = declared(PYPROJECT["project"]["dependencies"])
TEST = declared(PYPROJECT["project"]["optional-dependencies"]["test"])


def test_every_module_src_imports_is_a_runtime_dependency():
    undeclared = distributions(imported_modules("src")) - RUNTIME
    assert not undeclared, f"imported by src/ but not declared: {sorted(undeclared)}"


def test_every_runtime_dependency_is_imported_by_src():
    unused = RUNTIME - distributions(imported_modules("src")) - set(NOT_IMPORTED)
    assert not unused, f"declared but never imported by src/: {sorted(unused)}"


def test_test_only_modules_are_in_the_test_extra():
    used = distributions(imported_modules("tests", "benchmarks") - imported_modules("src"))
    assert used - RUNTIME - TEST == set(), sorted(used - RUNTIME - TEST)
    unused = TEST - used - set(NOT_IMPORTED)
    assert not unused, f"test extra declares packages nothing imports: {sorted(unused)}"


@pytest.mark.parametrize("name", sorted(NOT_IMPORTED))
def test_each_exception_is_still_declared(name):
    assert name in RUNTIME | TEST
