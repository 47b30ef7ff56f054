"""Accessibility basics: contrast of the colour pairs, semantic tables, labelled controls."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from importlib import resources

import pytest

from opengauge.web.badge import COLOURS, LABEL_FILL

PAGES = ["/", "/leaderboard/ouc-2023", "/models", "/models/llama-2", "/compare?models=llama-2,olmo",
         "/frameworks", "/frameworks/osai", "/check"]


def luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def css_variables() -> dict[str, str]:
    css = resources.files("opengauge.web").joinpath("static", "style.css").read_text("utf-8")
    return dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})", css))


def test_contrast_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_level_colours_and_notices_have_enough_contrast() -> None:
    variables = css_variables()
    pairs = [(name[:-3], name) for name in variables if name.endswith("-fg")]
    assert {p for p, _ in pairs} >= {"open", "partial", "closed", "unknown", "notice"}
    for prefix, fg in pairs:
        assert contrast(variables[fg], variables[f"{prefix}-bg"]) >= 4.5, prefix
    assert contrast(variables["text"], variables["bg"]) >= 7
    assert contrast(variables["muted"], variables["bg"]) >= 4.5
    assert contrast(variables["link"], variables["bg"]) >= 4.5
    assert contrast(variables["link"], "#f6f8fa") >= 4.5  # links in table headers


def test_badge_colours_have_enough_contrast_with_white_text() -> None:
    for fill in [*COLOURS.values(), LABEL_FILL]:
        assert contrast(fill, "#ffffff") >= 4.5, fill


class Structure(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tables: list[dict] = []
        self.controls: list[dict] = []
        self.labels: set[str] = set()
        self.h1 = 0
        self.html_lang: str | None = None
        self.skip_link = False
        self._label_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.html_lang = found.get("lang")
        if tag == "a" and found.get("href") == "#main":
            self.skip_link = True
        if tag == "h1":
            self.h1 += 1
        if tag == "table":
            self.tables.append({"caption": False, "th": [], "thead_buttons": 0, "sortable":
                                "sortable" in (found.get("class") or "")})
        if tag == "caption" and self.tables:
            self.tables[-1]["caption"] = True
        if tag == "th" and self.tables:
            self.tables[-1]["th"].append(found.get("scope"))
        if tag == "button" and self.tables and "thead" in self.stack:
            self.tables[-1]["thead_buttons"] += 1
        if tag == "label":
            self._label_depth += 1
            if found.get("for"):
                self.labels.add(found["for"])
        if tag in ("input", "select", "textarea") and found.get("type") != "hidden":
            self.controls.append({**found, "_wrapped": self._label_depth > 0})
        if tag not in ("input", "meta", "link", "br", "img", "option"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self._label_depth -= 1
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass


@pytest.mark.parametrize("path", PAGES)
def test_pages_are_semantic_and_labelled(app_client, path: str) -> None:
    page = Structure()
    page.feed(app_client.get(path).text)
    assert page.html_lang == "en"
    assert page.skip_link
    assert page.h1 == 1
    assert page.tables or path in ("/check",)
    for table in page.tables:
        assert table["caption"], path
        assert table["th"] and all(scope in ("col", "row") for scope in table["th"]), path
        if table["sortable"]:
            assert table["thead_buttons"] == sum(1 for s in table["th"] if s == "col") - \
                (1 if path in ("/", "/leaderboard/ouc-2023") else 0)  # the compare column
    for control in page.controls:
        labelled = control.get("id") in page.labels or control["_wrapped"] or control.get("aria-label")
        assert labelled, (path, control)


def test_focus_is_visible_in_the_stylesheet() -> None:
    css = resources.files("opengauge.web").joinpath("static", "style.css").read_text("utf-8")
    assert re.search(r":focus-visible\s*\{\s*outline:\s*3px solid", css)
    assert "th button:focus-visible" in css
