"""The one front-matter reader (`opengauge.frontmatter`): fences, lines, and untrusted text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opengauge import frontmatter
from opengauge.frontmatter import FrontMatterError


def test_split_lines_and_body():
    fence = frontmatter.split("---\na: 1\n---\nbody\nmore")
    assert fence == frontmatter.Fence("a: 1", 2, "body\nmore", 4)


def test_no_front_matter():
    assert frontmatter.split("# Title\n---\n") is None
    assert frontmatter.read("") is None
    assert frontmatter.body_of("plain text") == ("plain text", 1)


def test_unclosed_names_line_one():
    with pytest.raises(FrontMatterError) as caught:
        frontmatter.split("---\nlicense: mit\n# Title\n")
    assert caught.value.line == 1 and "never closed" in caught.value.message
    assert frontmatter.body_of("---\nlicense: mit\n") == ("---\nlicense: mit\n", 1)


def test_dots_close_and_trailing_space_and_bom():
    fence = frontmatter.split("\ufeff--- \nkey: x\n...\t\nrest")
    assert fence is not None and (fence.yaml, fence.body, fence.body_line) == ("key: x", "rest", 4)


def test_crlf_keeps_carriage_returns_in_body():
    fence = frontmatter.split("---\r\nkey: x\r\n---\r\nline one\r\nline two")
    assert fence is not None and fence.body == "line one\r\nline two" and fence.body_line == 4
    assert frontmatter.parse(fence).data == {"key": "x"}


def test_read_key_lines():
    found = frontmatter.read("---\nname: m\nlicense:\n  - mit\n  - apache-2.0\nextra:\n  a: 1\n---\n")
    assert found is not None
    assert found.data == {"name": "m", "license": ["mit", "apache-2.0"], "extra": {"a": 1}}
    assert found.line("license") == 3 and found.lines[("license", "1")] == 5
    assert found.lines[("extra", "a")] == 7 and found.line("missing") is None
    assert found.body == "" and found.body_line == 9


def test_empty_front_matter_is_an_empty_mapping():
    found = frontmatter.read("---\n---\nbody")
    assert found is not None and found.data == {} and found.body == "body"


@pytest.mark.parametrize(("text", "line", "words"), [
    ("---\na: [1\n---\n", 3, "invalid YAML"),
    ("---\n- a\n- b\n---\n", 2, "expected a mapping of fields, found list"),
    ("---\na: &x 1\nb: *x\n---\n", 3, "aliases"),
])
def test_bad_yaml_names_line(text, line, words):
    with pytest.raises(FrontMatterError) as caught:
        frontmatter.read(text)
    assert caught.value.line == line and words in caught.value.message


def test_size_capped():
    text = "---\na: '" + "x" * frontmatter.MAX_FRONT_MATTER_BYTES + "'\n---\n"
    with pytest.raises(FrontMatterError, match="bytes"):
        frontmatter.read(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_untrusted_bytes_raise_only_the_documented_error(raw):
    text = raw.decode("utf-8", errors="replace")
    for candidate in (text, "---\n" + text, "---\n" + text + "\n---\n"):
        try:
            found = frontmatter.read(candidate)
        except FrontMatterError as error:
            assert error.line >= 1
            continue
        if found is not None:
            assert isinstance(found.data, dict)
            assert candidate.endswith(found.body)
            assert candidate.count("\n") - found.body.count("\n") == found.body_line - 1


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("abc:-[]{}&*!|>'\".\n #\t\r")), max_size=200))
def test_yaml_like_text_raises_only_the_documented_error(front):
    try:
        found = frontmatter.read(f"---\n{front}\n---\nbody")
    except FrontMatterError as error:
        breaks = front.count("\n") + front.count("\r")  # YAML also breaks lines at a lone \r
        assert 1 <= error.line <= breaks + 3
    else:
        assert found is not None and found.body_line <= front.count("\n") + 4
