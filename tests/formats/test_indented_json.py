"""The fast indented JSON writer must write exactly what json.dumps(indent=2) writes."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opengauge.formats import indented

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
_KEYS = st.text(max_size=8) | st.integers() | st.floats() | st.booleans() | st.none()
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(_KEYS, inner, max_size=4),
    max_leaves=25,
)


@settings(max_examples=120, deadline=None)
@given(_VALUES)
def test_same_text_as_json_dumps(value: object) -> None:
    assert indented.dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)


def test_nesting_escapes_and_non_ascii() -> None:
    value = {"a": [], "b": {}, "c": [1, 2.5, None, True, "é \"q\"\n"], 3: {"x": [[]]},
             float("nan"): float("-inf")}
    assert indented.dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)


def test_values_json_has_no_form_for_are_refused() -> None:
    with pytest.raises(TypeError):
        indented.dumps({"when": object()})
    with pytest.raises(TypeError):
        indented.dumps({(1, 2): "tuple key"})
