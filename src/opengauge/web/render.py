"""The Jinja2 environment: autoescaping on for every template, and the display filters."""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from opengauge.formats.inert import xml_clean
from opengauge.formats.licenses import match_how
from opengauge.web.links import Links
from opengauge.web.precompile import PACKAGE, PrecompiledLoader
from opengauge.web.views import LEVEL_GLYPH, safe_url

PRECOMPILED: str | None = PACKAGE
"""The package with the templates' code compiled ahead of time (`precompile.py`), else None."""


def _percent(value: Any) -> str:
    return f"{float(value):.0%}" if isinstance(value, int | float) else ""


def _number(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return str(value)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True, default=str)


def _restriction_value(value: Any) -> str:
    """A restriction's value: '700,000,000 monthly active users', else its fields."""
    if isinstance(value, dict) and isinstance(value.get("amount"), int | float):
        return f"{value['amount']:,} {value.get('unit') or ''}".strip()
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def _locator(locator: dict[str, Any] | None) -> str:
    loc = locator or {}
    where = loc.get("file") or ""
    if where and loc.get("line"):
        where += f":{loc['line']}"
    if loc.get("field"):
        where += f" ({loc['field']})" if where else loc["field"]
    return where


def _inert(value: Any) -> Any:
    """Every value a template prints loses the characters XML forbids (then autoescaping
    escapes it, or it is our own markup)."""
    if type(value) in (str, Markup) and value.isascii() and value.isprintable():
        return value  # no character XML forbids: the common case, tested without a regex
    if isinstance(value, Markup):
        return Markup(xml_clean(str(value)))
    if isinstance(value, str):
        return xml_clean(value)
    return value


@cache
def environment() -> Environment:
    """Templates from the package, autoescaped (HTML and SVG), undefined names are errors;
    their code compiled ahead of time where it is current (`PRECOMPILED`)."""
    templates = PackageLoader("opengauge.web", "templates")
    env = Environment(
        loader=templates if PRECOMPILED is None else PrecompiledLoader(templates, PRECOMPILED),
        autoescape=select_autoescape(["html", "svg", "xml"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_inert,
    )
    env.filters.update(safe_url=safe_url, percent=_percent, number=_number, json=_json,
                       locator=_locator, linkify=linkify, match_how=match_how,
                       restriction_value=_restriction_value)
    env.globals.update(glyph=LEVEL_GLYPH, levels=("open", "partial", "closed", "unknown"))
    return env


def render(template: str, context: dict[str, Any], links: Links) -> str:
    """`template` rendered with `context` and the page's `links`."""
    return environment().get_template(template).render(**context, links=links)


_URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:)]")


def linkify(text: Any) -> Markup:
    """Escape `text`, then turn its http(s) URLs into links."""
    escaped = str(escape(str(text or "")))
    return Markup(_URL.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', escaped))
