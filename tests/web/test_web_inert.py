"""Every value a template prints loses the characters XML forbids, on the quick path too."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from opengauge.formats.inert import xml_clean
from opengauge.web.render import _inert


@given(st.text())
def test_text_loses_what_xml_forbids(text: str) -> None:
    cleaned = _inert(text)
    assert cleaned == xml_clean(text) and type(cleaned) is str


@given(st.text())
def test_markup_stays_markup_without_what_xml_forbids(text: str) -> None:
    cleaned = _inert(Markup(text))
    assert cleaned == xml_clean(text) and type(cleaned) is Markup


def test_controls_surrogates_and_non_characters_are_dropped_others_kept() -> None:
    assert _inert("a\x00b\x1fc\ud800d\ufffe\uffffe") == "abcde"
    assert _inert("tab\tline\nreturn\r\x7f é") == "tab\tline\nreturn\r\x7f é"
    assert _inert(Markup("<b>x\x0b</b>")) == Markup("<b>x</b>")
    assert _inert(3) == 3 and _inert(None) is None
