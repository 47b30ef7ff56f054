"""A copy whose numbers differ from the registry's text (another date, version or amount) is
another edition: not named as the registry's text, which stays `closest`."""

from __future__ import annotations

from pathlib import Path

from license_fixtures import library_text, reference, rewrap

from opengauge.licenses import analyze_text

TRUTH = Path(__file__).resolve().parents[2] / "benchmarks" / "licenses" / "truth" / "texts"
STABILITY = "stability-ai-nc-2023-12-06"


def keys(text: str) -> tuple[list[str], str | None]:
    result = analyze_text(text).to_dict()
    return [m["key"] for m in result["matches"]], (result.get("closest") or {}).get("key")


def test_a_stability_text_dated_otherwise_is_not_the_registry_edition() -> None:
    """StableCascade's LICENSE is dated November 28, 2023; the registry's text December 06."""
    text = (TRUTH / "Stability-AI/StableCascade/LICENSE@209a5260.txt").read_text("utf-8")
    assert "November 28, 2023" in text
    assert keys(text) == ([], STABILITY)
    assert keys(rewrap(text)) == ([], STABILITY)


def test_the_registry_edition_itself_is_still_named() -> None:
    text = reference("licenses/ai/STABILITY-AI-NON-COMMERCIAL-RESEARCH-COMMUNITY-LICENSE-AGREEMENT.txt")
    assert "December 06, 2023" in text
    assert keys(text)[0] == [STABILITY]
    assert keys(rewrap(text))[0] == [STABILITY]
    assert keys("# License\n\n" + text)[0] == [STABILITY]


def test_another_threshold_amount_is_not_the_license() -> None:
    text = reference("licenses/ai/llama2-license.txt")
    assert keys(text)[0] == ["llama-2-license-2023"]
    changed = text.replace("700 million", "100 million")
    assert changed != text
    found, closest = keys(changed)
    assert found == [] and closest == "llama-2-license-2023"


def test_a_number_only_added_keeps_the_name() -> None:
    """A copyright year or a section number added to a copy replaces no number of the text."""
    text = library_text("apache-2.0")
    with_year = text.replace("APPENDIX: How to apply",
                             "Copyright 2024 Acme Corp.\n\nAPPENDIX: How to apply", 1)
    assert keys(with_year)[0] == ["apache-2.0"]
    assert keys(library_text("mit") + "\nSee section 3 of the README.\n")[0][:1] == ["mit"]


DEEPSEEK = TRUTH / "deepseek-ai/DeepSeek-Coder/LICENSE-MODEL@a4ba628d.txt"


def test_a_prohibited_use_taken_out_of_the_list_is_not_the_license() -> None:
    """DeepSeek License Agreement v1.0 without "For military use in any way;" (one item of its
    list of prohibited uses), or with "not" dropped from "You agree not to use"."""
    text = DEEPSEEK.read_text("utf-8")
    assert keys(text)[0] == ["deepseek-la-1.0"]
    lines = text.splitlines()
    military = next(i for i, line in enumerate(lines) if "For military use" in line)
    without = "\n".join(lines[:military] + lines[military + 1:]) + "\n"
    assert keys(without) == ([], "deepseek-la-1.0")
    assert "You agree not to use" in text
    assert keys(text.replace("You agree not to use", "You agree to use")) == ([], "deepseek-la-1.0")


def test_neutral_words_dropped_or_a_cut_copy_keep_the_name() -> None:
    """Dropping words that neither grant, limit nor oblige ("an"), or cutting the copy at its
    end, leaves the license named (cut short)."""
    text = DEEPSEEK.read_text("utf-8")
    assert " the " in text
    dropped = text.replace("the Model", "Model", 1)
    assert keys(dropped)[0] == ["deepseek-la-1.0"]
    lines = text.splitlines()
    assert keys("\n".join(lines[: int(len(lines) * 0.9)]) + "\n")[0] == ["deepseek-la-1.0"]


def test_words_lost_with_a_copyright_line_are_not_a_removed_clause() -> None:
    """GPL-3.0 re-wrapped so that "Everyone is permitted to copy" shares the copyright line
    (which normalization drops) is still GPL-3.0; the same words dropped elsewhere are not."""
    text = library_text("gpl-3.0")
    assert "Everyone is permitted to copy" in text
    joined = re_join(text, "Everyone is permitted to copy")
    assert keys(joined)[0] == ["gpl-3.0"]
    assert keys(rewrap(text, 60))[0] == ["gpl-3.0"]
    assert keys(text.replace("Everyone is permitted to copy", "copy", 1))[0] == []


def re_join(text: str, words: str) -> str:
    """`text` with the line holding `words` joined onto the line before it."""
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if words in line)
    before = at - 1
    while not lines[before].strip():
        before -= 1
    joined = [*lines[:before], f"{lines[before].rstrip()} {lines[at].strip()}", *lines[at + 1:]]
    return "\n".join(joined) + "\n"
