"""`json.dumps(value, indent=2, ensure_ascii=False)`, written faster.

With `indent`, the standard library encodes through nested Python generators, one frame per
level for every piece of output; a folder of license results spends more time there than
in rendering anything else. This writer appends the same pieces to one list instead (strings
still go through the library's C escaper), so its output is byte for byte the same.
"""

from __future__ import annotations

import json.encoder
from typing import Any

_ESCAPE = json.encoder.encode_basestring
_INF = float("inf")


def dumps(value: Any) -> str:
    """`value` as `json.dumps(value, indent=2, ensure_ascii=False)` writes it."""
    out: list[str] = []
    _write(value, "\n", out)
    return "".join(out)


def _write(value: Any, newline: str, out: list[str]) -> None:
    """Append `value`; `newline` is a line break followed by the current indentation."""
    if isinstance(value, str):
        out.append(_ESCAPE(value))
    elif isinstance(value, dict):
        _write_dict(value, newline, out)
    elif isinstance(value, list | tuple):
        _write_list(value, newline, out)
    else:
        out.append(_scalar(value))


def _write_dict(value: dict, newline: str, out: list[str]) -> None:
    if not value:
        out.append("{}")
        return
    inner = newline + "  "
    separator = "{" + inner
    for key, item in value.items():
        out.append(separator)
        out.append(_ESCAPE(key if isinstance(key, str) else _key(key)))
        out.append(": ")
        if isinstance(item, str):
            out.append(_ESCAPE(item))
        else:
            _write(item, inner, out)
        separator = "," + inner
    out.append(newline + "}")


def _write_list(value: list | tuple, newline: str, out: list[str]) -> None:
    if not value:
        out.append("[]")
        return
    inner = newline + "  "
    separator = "[" + inner
    for item in value:
        out.append(separator)
        if isinstance(item, str):
            out.append(_ESCAPE(item))
        else:
            _write(item, inner, out)
        separator = "," + inner
    out.append(newline + "]")


def _scalar(value: Any) -> str:
    """null, true, false, a number; TypeError for anything JSON has no form for."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == _INF:
        return "Infinity"
    if value == -_INF:
        return "-Infinity"
    return float.__repr__(value)


def _key(key: Any) -> str:
    """A dict key that is not a string, as JSON writes it."""
    if isinstance(key, float):
        return _float(key)
    if key is True or key is False or key is None or isinstance(key, int):
        return _scalar(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")
