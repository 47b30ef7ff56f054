"""Hypothesis fuzzing of the catalog YAML reader and the card body parser, with bounded input
sizes and a per-example deadline: any text is parsed or refused with BadInput, never a crash,
and what is accepted stays within the node budget."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opengauge.errors import BadInput
from opengauge.model import Locator
from opengauge.sources.card import parse_card, split_body
from opengauge.sources.links import find_links
from opengauge.yamlfile import parse_yaml

BOUNDS = settings(max_examples=300, deadline=timedelta(seconds=5),
                  suppress_health_check=[HealthCheck.too_slow])

YAML_PIECES = ["a", "b", "k1", "1", "-1.5", "true", "~", ": ", ":", ", ", "- ", "\n", "  ", "    ",
               "[", "]", "{", "}", "&x ", "&y ", "*x", "*y", "<<: ", "? ", "!!python/object ",
               "!!str ", '"', "'", "#", "|\n", ">\n", "---\n", "...\n", "\t", "%YAML 1.1\n",
               "\x00", "é", "\ufeff"]
yaml_text = st.lists(st.sampled_from(YAML_PIECES), max_size=120).map("".join)

CARD_PIECES = ["# ", "## ", "### ", "Limitations", "Intended use", "Training data", "text ",
               "\n", "\n\n", "```\n", "~~~\n", "===\n", "---\n", "**Bold**\n", "<h2>", "</h2>",
               "https://github.com/org/repo ", "https://arxiv.org/abs/2312.06550 ",
               "https://huggingface.co/datasets/a/b ", "arXiv:2101.00001 ", "[x](y) ", "<!-- ",
               " -->", "license: mit\n", "\r\n", "\x1b[2J", "é"]
card_text = st.lists(st.sampled_from(CARD_PIECES) | st.text(max_size=20), max_size=150).map("".join)


def data_nodes(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + sum(data_nodes(k) + data_nodes(v) for k, v in value.items())
    if isinstance(value, list):
        return 1 + sum(data_nodes(v) for v in value)
    return 1


@BOUNDS
@given(yaml_text)
def test_catalog_yaml_reader_parses_or_refuses_within_budget(text):
    try:
        doc = parse_yaml(text, "fuzz.yaml", max_nodes=60)
    except BadInput as error:
        assert str(error).startswith("fuzz.yaml")
        return
    assert data_nodes(doc.data) <= 60 * 2


@BOUNDS
@given(st.integers(2, 12), st.integers(2, 12))
def test_any_alias_pyramid_beyond_the_budget_is_refused(levels, width):
    lines = ["a0: &a0 [" + ", ".join(["1"] * width) + "]"]
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * width) + "]"
              for n in range(1, levels + 1)]
    try:
        doc = parse_yaml("\n".join(lines), "pyramid.yaml", max_nodes=5000)
    except BadInput as error:
        assert "5000-node limit" in str(error)
        return
    assert data_nodes(doc.data) <= 5000


def _locate(line: int | None, field: str | None) -> Locator:
    return Locator(file="README.md", line=line, field=field)


@BOUNDS
@given(card_text)
def test_card_body_parser_never_raises_and_heading_lookup_matches_a_scan(text):
    card, _problems = parse_card(text, "README.md", _locate)
    assert card is not None
    body = split_body(text, 1)
    lines = [h.line for h in body.headings]
    assert lines == sorted(lines)
    for number in range(0, len(body.lines) + 2):
        before = [h for h in body.headings if h.line <= number]
        assert body.heading_before(number) == (before[-1] if before else None)
    links = find_links(body, card, _locate)
    assert len({(link.kind, link.id.lower()) for link in links}) == len(links)
