"""Templates compiled ahead of time: Jinja's Python code for each template, shipped as modules.

Compiling the templates (parsing them and generating Python) is most of the cost of the web
app's first page. `python -m opengauge.web.precompile` writes the code Jinja generates for every
template into `opengauge/web/compiled/`, one module per template, named after the template and a
key: the SHA-256 of the Jinja version, the environment settings that shape the generated code
(`code_settings`) and the template's text. At run time `PrecompiledLoader` reads a template's
source as always, computes its key and uses the module of that key when there is one (its
bytecode comes from `__pycache__` like any module's); otherwise (a changed template, other
settings, another Jinja) it compiles the source as Jinja would. The code is the same either way:
it is what `Environment.compile` returns, so pages are byte-identical.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.util
import json
import re
import sys
from collections.abc import Mapping, MutableMapping
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
from jinja2 import BaseLoader, Environment, Template

PACKAGE = "opengauge.web.compiled"
NOTICE = "# Generated from opengauge/web/templates/{name} by `python -m opengauge.web.precompile`.\n"
INIT = ('"""The templates\' code compiled ahead of time by `python -m opengauge.web.precompile`\n'
        '(see `opengauge/web/precompile.py`); do not edit these modules, regenerate them."""\n\n'
        'JINJA_VERSION = "{version}"\n')

_LEXER_SETTINGS = ("block_start_string", "block_end_string", "variable_start_string",
                   "variable_end_string", "comment_start_string", "comment_end_string",
                   "line_statement_prefix", "line_comment_prefix", "trim_blocks", "lstrip_blocks",
                   "newline_sequence", "keep_trailing_newline", "optimized", "is_async", "sandboxed")


def _pass_args(functions: Mapping[str, object]) -> list[tuple[str, str]]:
    """How each filter or test wants to be called (the generated call depends on it)."""
    return sorted((name, str(getattr(f, "jinja_pass_arg", None))) for name, f in functions.items())


def code_settings(environment: Environment, name: str) -> list[Any]:
    """Everything besides the template text that shapes the code Jinja generates for `name`."""
    autoescape = environment.autoescape
    finalize = environment.finalize
    return [
        jinja2.__version__,
        [str(getattr(environment, setting)) for setting in _LEXER_SETTINGS],
        bool(autoescape(name) if callable(autoescape) else autoescape),
        None if finalize is None else str(getattr(finalize, "jinja_pass_arg", None)),
        sorted(environment.extensions),
        _pass_args(environment.filters),
        _pass_args(environment.tests),
        f"{environment.code_generator_class.__module__}.{environment.code_generator_class.__qualname__}",
    ]


def module_name(environment: Environment, name: str, source: str) -> str:
    """The module that holds the code of template `name` with text `source` in `environment`."""
    key = hashlib.sha256(json.dumps([code_settings(environment, name), name, source]).encode())
    return "t_" + re.sub(r"\W", "_", name) + "_" + key.hexdigest()[:20]


class PrecompiledLoader(BaseLoader):
    """`inner`'s templates, with their code from the modules of `package` where a key matches."""

    def __init__(self, inner: BaseLoader, package: str = PACKAGE) -> None:
        self.inner = inner
        self.package = package

    def get_source(self, environment: Environment, template: str) -> tuple[str, str | None, Any]:
        return self.inner.get_source(environment, template)

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()

    def precompiled(self, environment: Environment, name: str, source: str) -> CodeType | None:
        """The code of `package`'s module for this template and text, else None."""
        module = f"{self.package}.{module_name(environment, name, source)}"
        try:
            spec = importlib.util.find_spec(module)
        except ImportError:  # no such package
            return None
        if spec is None or not isinstance(spec.loader, importlib.abc.InspectLoader):
            return None
        return spec.loader.get_code(module)

    def load(self, environment: Environment, name: str,
             globals: MutableMapping[str, Any] | None = None) -> Template:
        source, filename, uptodate = self.get_source(environment, name)
        code = self.precompiled(environment, name, source)
        if code is None:
            code = environment.compile(source, name, filename)
        template = environment.template_class.from_code(environment, code, globals or {}, uptodate)
        template.filename = filename  # as if compiled here (tracebacks name the template file)
        return template


def generate(environment: Environment, folder: Path) -> list[str]:
    """Write the code of every template of `environment` into `folder` (a package), remove the
    modules of older templates and settings, and return the names of the files written."""
    loader = environment.loader
    inner = loader.inner if isinstance(loader, PrecompiledLoader) else loader
    if inner is None:
        raise ValueError("the environment has no loader")
    written = []
    for name in inner.list_templates():
        source, filename, _ = inner.get_source(environment, name)
        code = environment.compile(source, name, filename, raw=True)
        # the notice goes last: a line before the code would shift the line numbers Jinja's
        # debug information maps back to the template
        text = f"{code}\n{NOTICE.format(name=name)}"
        target = folder / f"{module_name(environment, name, source)}.py"
        if not target.exists() or target.read_text("utf-8") != text:
            target.write_text(text, "utf-8")
        written.append(target.name)
    for stale in folder.glob("t_*.py"):
        if stale.name not in written:
            stale.unlink()
    init = folder / "__init__.py"
    text = INIT.format(version=jinja2.__version__)
    if not init.exists() or init.read_text("utf-8") != text:
        init.write_text(text, "utf-8")
    return sorted(written)


def main() -> None:
    from opengauge.web.render import environment

    folder = Path(__file__).resolve().parent / "compiled"
    written = generate(environment(), folder)
    print(f"{len(written)} templates compiled into {folder}", file=sys.stderr)


if __name__ == "__main__":
    main()
