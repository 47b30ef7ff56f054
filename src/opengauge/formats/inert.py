"""Untrusted text made inert for each output format: one helper per format.

Card fields, GGUF names, catalog records, file names and error messages can hold anything.
Every format that writes such text passes it through its helper here:

- `terminal` (tables, errors, progress): control characters, escape sequences and
  bidirectional controls become visible escapes (`\\x1b`, `\\r`, `\\u202e`), so nothing can move
  the cursor, erase a line, change colours or reorder the text; `terminal_document` applies it
  to every string of a document before a terminal format renders it.
- `csv_cell`: a text cell beginning with `=`, `+`, `-`, `@`, tab or carriage return gets a
  leading `'` (OWASP's advice against formula injection). Numbers are not text: an `int` or
  `float`, or a string that is exactly a decimal number (`-0.5`, `+3`, `1e-3`), is written as it
  is, since no spreadsheet reads a plain number as a formula.
- `markdown`: HTML special characters become entities and Markdown's inline punctuation and
  line-start markers are backslash-escaped, so untrusted text renders as itself (no tag, link,
  image, emphasis, heading or list); line breaks become spaces.
- `xml_text` (SVG and HTML): characters XML forbids are dropped, then everything is escaped
  (`& < > " '`); `xml_clean` only drops the forbidden characters (for text an autoescaping
  template escapes afterwards).
"""

from __future__ import annotations

import html
import re
from dataclasses import fields, is_dataclass, replace
from typing import Any, TypeVar

T = TypeVar("T")

# C0 controls, DEL, C1 controls, and the Unicode bidirectional and invisible format controls
# that can make a terminal show text other than what is there.
_TERMINAL_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
_TERMINAL_LINE_CONTROLS = re.compile(f"[\t\n{_TERMINAL_CONTROLS.pattern[1:-1]}]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r", "\x1b": "\\x1b"}


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(text: str, *, line: bool = False) -> str:
    """`text` with every control character shown as a visible escape; tabs and line breaks are
    kept unless `line` (one line: an error or progress line)."""
    pattern = _TERMINAL_LINE_CONTROLS if line else _TERMINAL_CONTROLS
    return pattern.sub(_visible, text)


def terminal_value(value: T) -> T:
    """`terminal` applied to every string in nested dicts, lists, tuples and dataclasses."""
    if isinstance(value, str):
        return terminal(value)  # type: ignore[return-value]
    if isinstance(value, dict):
        return {terminal_value(k): terminal_value(v) for k, v in value.items()}  # type: ignore[return-value]
    if isinstance(value, list):
        return [terminal_value(v) for v in value]  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(terminal_value(v) for v in value)  # type: ignore[return-value]
    if is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: terminal_value(getattr(value, f.name)) for f in fields(value)
                   if f.init}
        return replace(value, **changes)  # type: ignore[return-value]
    return value


def terminal_document(document: T) -> T:
    """A `Document` whose records, data, title and notice are made inert for the terminal
    (its `payload`, the API object a format may also read, holds no text shown raw)."""
    changes = {name: terminal_value(getattr(document, name))
               for name in ("records", "data", "title", "notice")}
    return replace(document, **changes)  # type: ignore[type-var]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def csv_cell(value: Any) -> Any:
    """`value` for a CSV cell: text that a spreadsheet could read as a formula gets a leading
    `'`; numbers (and strings that are exactly a decimal number) are kept."""
    if not isinstance(value, str) or not value.startswith(_FORMULA_START):
        return value
    if _NUMBER.fullmatch(value):
        return value
    return "'" + value


_MARKDOWN_INLINE = re.compile(r"([\\`*\[\]|~]|(?<![^\W_])_|_(?![^\W_]))")
"""Inline punctuation; `_` only where it could open or close emphasis (not inside `a_b`)."""
_MARKDOWN_LINE_START = re.compile(r"^(\s*)(#{1,6}|[>+=*-]|\d{1,9}[.)])(?=\s|$)")


def markdown(text: object) -> str:
    """Untrusted text for Markdown (also inside a table cell or after a list marker): HTML
    escaped (`& < >` as entities), Markdown's inline punctuation (`` \\ ` * [ ] | ~ ``, and `_`
    except between letters or digits) backslash-escaped, a leading heading, quote or list marker
    escaped, line breaks as spaces, characters XML forbids dropped. Other text (`Apache-2.0`)
    is left as it reads."""
    value = xml_clean(str(text if text is not None else ""))
    value = re.sub(r"[\r\n\u2028\u2029]+", " ", value)
    value = html.escape(value, quote=False)  # & < > first: entities are not re-escaped below
    value = _MARKDOWN_INLINE.sub(r"\\\1", value)
    return _MARKDOWN_LINE_START.sub(_escape_marker, value)


def _escape_marker(match: re.Match[str]) -> str:
    """`\\#`, `\\-`, `\\>`; a digit cannot be escaped, so `1\\.` ("-0.5", "#1" are no markers)."""
    indent, marker = match.group(1), match.group(2)
    if marker[0].isdigit():
        return f"{indent}{marker[:-1]}\\{marker[-1]}"
    return f"{indent}\\{marker}"


def markdown_code(text: object) -> str:
    """Untrusted text as an inline code span (shown literally, markup and all); text holding a
    backtick is escaped with `markdown` instead."""
    value = re.sub(r"[\r\n\u2028\u2029]+", " ", xml_clean(str(text if text is not None else "")))
    if "`" in value or not value.strip():
        return markdown(value)
    return f"`{value}`"


_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_clean(text: str) -> str:
    """`text` without the characters XML 1.0 forbids (controls other than tab and line breaks,
    lone surrogates, U+FFFE, U+FFFF)."""
    return _XML_FORBIDDEN.sub("", text)


def xml_text(text: object) -> str:
    """Untrusted text for SVG or HTML (content or quoted attribute): forbidden characters
    dropped, `& < > " '` escaped."""
    return html.escape(xml_clean(str(text if text is not None else "")), quote=True)
