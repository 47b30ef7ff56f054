"""Templates compiled ahead of time (`opengauge.web.precompile`): current, used, never stale."""

from __future__ import annotations

import importlib
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest
from fastapi.testclient import TestClient
from jinja2 import Environment, FileSystemLoader, PackageLoader

from opengauge.web import compiled, render
from opengauge.web.app import create_app
from opengauge.web.precompile import PrecompiledLoader, generate, module_name
from opengauge.web.render import environment

COMPILED = Path(render.__file__).resolve().parent / "compiled"


SHIPPED_FOR_THIS_JINJA = jinja2.__version__ == compiled.JINJA_VERSION


def test_every_template_has_its_current_precompiled_code(tmp_path: Path) -> None:
    """Fails when a template (or the environment's settings) changed without
    `python -m opengauge.web.precompile`: the server would still be right, only slower.
    (Under another Jinja, as in `.ci/floors`, the shipped code is for a version not installed:
    then the next test checks that none of it is used.)"""
    fresh = tmp_path / "compiled"
    fresh.mkdir()
    written = generate(environment(), fresh)
    shipped = sorted(p.name for p in COMPILED.glob("t_*.py"))
    assert len(shipped) == len(written) == len(environment().list_templates())
    if SHIPPED_FOR_THIS_JINJA:
        assert shipped == written, "run `python -m opengauge.web.precompile` and commit the result"
        for name in [*written, "__init__.py"]:
            assert (COMPILED / name).read_text("utf-8") == (fresh / name).read_text("utf-8"), name
    else:
        assert not set(shipped) & set(written)


def test_the_web_environment_uses_the_precompiled_code_of_its_jinja() -> None:
    for name in ("leaderboard.html", "base.html", "_board.html", "_macros.html", "model.html"):
        template = environment().get_template(name)
        code_file = Path(template.root_render_func.__code__.co_filename)
        assert (code_file.parent == COMPILED) is SHIPPED_FOR_THIS_JINJA, name
        assert template.filename is not None and Path(template.filename).name == name


@pytest.fixture
def scratch_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Path]]:
    """(templates folder, an importable package for their compiled code), both new."""
    templates = tmp_path / "templates"
    templates.mkdir()
    package = tmp_path / f"og_scratch_{uuid.uuid4().hex}"
    package.mkdir()
    (package / "__init__.py").write_text("", "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield templates, package
    sys.modules.pop(package.name, None)


def _environment(templates: Path, **settings: object) -> Environment:
    """An environment whose compiled code lives in the scratch package next to `templates`."""
    package = next(templates.parent.glob("og_scratch_*"))
    importlib.invalidate_caches()  # the package's files were just written
    loader = PrecompiledLoader(FileSystemLoader(str(templates)), package.name)
    return Environment(loader=loader, autoescape=True, **settings)  # type: ignore[arg-type]


def test_a_changed_template_is_compiled_from_its_new_text(scratch_package: tuple[Path, Path]) -> None:
    templates, package = scratch_package
    (templates / "page.html").write_text("<p>{{ who }} says hello</p>\n", "utf-8")
    generate(_environment(templates), package)

    first = _environment(templates).get_template("page.html")
    assert Path(first.root_render_func.__code__.co_filename).parent == package
    assert first.render(who="<Ann>") == "<p>&lt;Ann&gt; says hello</p>"

    (templates / "page.html").write_text("<p>{{ who }} says goodbye</p>\n", "utf-8")
    changed = _environment(templates).get_template("page.html")
    assert changed.render(who="Ann") == "<p>Ann says goodbye</p>"
    assert Path(changed.root_render_func.__code__.co_filename) == templates / "page.html"


def test_code_for_other_settings_is_not_used(scratch_package: tuple[Path, Path]) -> None:
    templates, package = scratch_package
    (templates / "list.html").write_text("{% for x in xs %}\n  {{ x }}\n{% endfor %}\n", "utf-8")
    generate(_environment(templates), package)
    trimmed = _environment(templates, trim_blocks=True, lstrip_blocks=True).get_template("list.html")
    assert Path(trimmed.root_render_func.__code__.co_filename).parent != package
    assert trimmed.render(xs=[1, 2]) == "  1\n  2\n"
    plain = _environment(templates).get_template("list.html")
    assert Path(plain.root_render_func.__code__.co_filename).parent == package
    assert plain.render(xs=[1, 2]) == "\n  1\n\n  2\n"


def test_generate_removes_the_code_of_older_templates(scratch_package: tuple[Path, Path]) -> None:
    templates, package = scratch_package
    (templates / "a.html").write_text("one", "utf-8")
    old = generate(_environment(templates), package)
    (templates / "a.html").write_text("two", "utf-8")
    new = generate(_environment(templates), package)
    env = _environment(templates)
    assert new == [f"{module_name(env, 'a.html', 'two')}.py"] != old
    assert sorted(p.name for p in package.glob("t_*.py")) == new


PAGES = ["/", "/leaderboard/mof", "/models", "/frameworks", "/frameworks/osaid", "/check", "/nope",
         "/models/llama-2", "/compare?models=llama-2,amd-olmo", "/api/models/llama-2"]


def _pages() -> dict[str, tuple[int, bytes]]:
    with TestClient(create_app(warm=False)) as client:
        return {url: (r.status_code, r.content) for url in PAGES for r in (client.get(url),)}


@pytest.mark.slow
def test_pages_are_byte_identical_with_and_without_precompiled_code(
        monkeypatch: pytest.MonkeyPatch) -> None:
    environment.cache_clear()
    try:
        precompiled = _pages()
        monkeypatch.setattr(render, "PRECOMPILED", None)
        environment.cache_clear()
        assert isinstance(environment().loader, PackageLoader)
        from_source = _pages()
    finally:
        monkeypatch.undo()
        environment.cache_clear()
    assert [precompiled[url][0] for url in PAGES] == [200] * 6 + [404, 200, 200, 200]
    assert precompiled == from_source


def test_without_the_package_templates_are_compiled_from_source(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("{{ 1 + 1 }}", "utf-8")
    loader = PrecompiledLoader(FileSystemLoader(str(tmp_path)), "og_no_such_package.compiled")
    template = Environment(loader=loader).get_template("page.html")
    assert template.render() == "2"
    assert Path(template.root_render_func.__code__.co_filename) == tmp_path / "page.html"
