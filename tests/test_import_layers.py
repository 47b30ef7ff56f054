"""Layers only look down: a module imports from its own layer or the layers below it.

The order (README, "Development"): core → licenses → sources → frameworks → catalog → assess →
report → compliance → formats → app → api → cli and web. Every import counts, function-level ones
included; imports under `if TYPE_CHECKING:` do not (they never run). The upward imports that
existed when this test was written are listed in KNOWN_UPWARD: the test fails when a new one
appears, and when a listed one is gone (so the list only shrinks).
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

# (layer, module prefixes); the longest matching prefix decides.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("core", ("opengauge", "opengauge.model", "opengauge.errors", "opengauge.paths",
              "opengauge.yamlfile", "opengauge.atomic", "opengauge.store", "opengauge.identity",
              "opengauge.limits", "opengauge.licensenames", "opengauge.bundledindex",
              "opengauge.frontmatter", "opengauge.filenames")),
    ("licenses", ("opengauge.licenses",)),
    ("sources", ("opengauge.sources",)),
    ("frameworks", ("opengauge.frameworks",)),
    ("catalog", ("opengauge.catalog",)),
    ("assess", ("opengauge.assess", "opengauge.verdict")),
    ("report", ("opengauge.assess.gate", "opengauge.diff", "opengauge.history")),
    ("compliance", ("opengauge.compliance",)),
    ("formats", ("opengauge.formats",)),
    ("app", ("opengauge.app", "opengauge.assess.batch", "opengauge.scan")),
    ("api", ("opengauge.api",)),
    ("interface", ("opengauge.cli", "opengauge.web")),
]
ORDER = {name: index for index, (name, _) in enumerate(LAYERS)}

# Upward imports still to be removed: none are left (issue 14); the set may only stay empty.
KNOWN_UPWARD: set[tuple[str, str]] = set()


def layer_of(module: str) -> str | None:
    best: tuple[int, str] | None = None
    for name, prefixes in LAYERS:
        for prefix in prefixes:
            within = module == prefix or (prefix != "opengauge" and module.startswith(prefix + "."))
            if within and (
                    best is None or len(prefix) > best[0]):
                best = (len(prefix), name)
    return best[1] if best else None


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking_only(tree: ast.Module) -> set[int]:
    """Ids of the nodes inside `if TYPE_CHECKING:` blocks."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                skipped.update(id(n) for n in ast.walk(child))
    return skipped


def imports_of(path: Path) -> set[str]:
    """The opengauge modules a file imports (absolute and relative, at any depth)."""
    tree = ast.parse(path.read_text(), str(path))
    skipped = _type_checking_only(tree)
    package = module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" else module_name(path)
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("opengauge"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            if not module.startswith("opengauge"):
                continue
            found.add(module)
            found.update(f"{module}.{a.name}" for a in node.names
                         if (SRC / Path(*f"{module}.{a.name}".split("."))).with_suffix(".py").exists()
                         or (SRC / Path(*f"{module}.{a.name}".split("."))).is_dir())
    return found


def upward_imports() -> set[tuple[str, str]]:
    found = set()
    for path in sorted((SRC / "opengauge").rglob("*.py")):
        importer = module_name(path)
        for imported in imports_of(path):
            if ORDER[layer_of(imported) or "core"] > ORDER[layer_of(importer) or "core"]:
                found.add((importer, imported))
    return found


def test_every_module_has_a_layer():
    modules = [module_name(p) for p in (SRC / "opengauge").rglob("*.py")]
    assert [m for m in modules if layer_of(m) is None] == []


def test_no_new_upward_import():
    new = sorted(upward_imports() - KNOWN_UPWARD)
    assert new == [], "imports from a higher layer: " + ", ".join(f"{a} -> {b}" for a, b in new)


def test_the_list_of_known_upward_imports_only_shrinks():
    gone = sorted(KNOWN_UPWARD - upward_imports())
    assert gone == [], "no longer imported, remove from KNOWN_UPWARD: " + ", ".join(
        f"{a} -> {b}" for a, b in gone)


def test_layers_by_longest_prefix():
    assert layer_of("opengauge.assess.batch") == "app"
    assert layer_of("opengauge.app.session") == "app"
    assert layer_of("opengauge.assess.engine") == "assess"
    assert layer_of("opengauge.web.app") == "interface"
    assert layer_of("opengauge.unplaced") is None


def test_relative_function_level_and_type_checking_imports(tmp_path, monkeypatch):
    package = tmp_path / "opengauge" / "formats"
    package.mkdir(parents=True)
    for name in ("__init__.py", "api.py", "cli.py", "model.py"):
        (tmp_path / "opengauge" / name).write_text("")
    (package / "__init__.py").write_text("")
    (package / "view.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "from ..model import Evidence\n"
        "if TYPE_CHECKING:\n    from opengauge.cli import app\n"
        "def run():\n    from opengauge import api\n    return api\n")
    monkeypatch.setitem(globals(), "SRC", tmp_path)
    found = imports_of(package / "view.py")
    assert "opengauge.model" in found  # relative
    assert "opengauge.api" in found  # inside a function
    assert "opengauge.cli" not in found  # only for the type checker


def test_no_catalog_folder_below_the_app_layer():
    """Below the app layer nothing receives a catalog folder (`own`): the session gives the
    catalog, or the narrow thing needed, instead."""
    found = []
    for path in sorted((SRC / "opengauge").rglob("*.py")):
        module = module_name(path)
        if ORDER[layer_of(module) or "core"] >= ORDER["app"] or module == "opengauge.catalog.catalog":
            continue  # the catalog loader itself reads the folder
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                names = [a.arg for a in [*node.args.posonlyargs, *node.args.args,
                                         *node.args.kwonlyargs]]
                found += [f"{module}.{node.name}({n})" for n in names if n in ("own", "own_dir")]
    assert found == []
