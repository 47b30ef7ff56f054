"""Reference statements: SPDX-License-Identifier lines, model card front matter, notices."""

from __future__ import annotations

import csv

import pytest
from license_fixtures import REFERENCE

from opengauge.licenses import analyze_path, analyze_text


def keys(text: str) -> list[str | None]:
    return [m.key or m.family for m in analyze_text(text).matches]


def test_spdx_license_identifier_expressions() -> None:
    result = analyze_text("// SPDX-License-Identifier: MIT OR Apache-2.0\nint main() {}\n")
    assert [m.key for m in result.matches] == ["mit", "apache-2.0"]
    assert all(m.via == "reference" and m.lines == [1, 1] for m in result.matches)
    assert result.open_source is True


def test_unknown_spdx_ids_are_reported_not_guessed() -> None:
    result = analyze_text("# SPDX-License-Identifier: LicenseRef-Acme-Secret\n")
    assert not result.matches and "not recognized" in result.warnings[0]


def test_model_card_front_matter_with_hub_ids() -> None:
    card = "---\nlicense: llama3.1\nlanguage: en\n---\n# Model\n"
    result = analyze_text(card)
    assert [m.key for m in result.matches] == ["llama-3.1-license-2024"]
    assert result.matches[0].lines == [2, 2]
    assert result.open_source is False
    assert all(f.source == "llama-3.1-license-2024" for f in result.restrictions)


def test_front_matter_other_uses_license_name() -> None:
    card = "---\nlicense: other\nlicense_name: tongyi-qianwen-research\n---\n"
    assert keys(card) == ["tongyi-qianwen-research"]


def test_notices_name_a_license() -> None:
    assert keys("Llama 3.1 is licensed under the Llama 3.1 Community License, Copyright © Meta "
                "Platforms, Inc. All Rights Reserved.") == ["llama-3.1-license-2024"]
    assert keys("This model is released under the Apache License, Version 2.0.") == ["apache-2.0"]
    assert keys("The weights are licensed under CC-BY-NC-4.0.") == ["cc-by-nc-4.0"]


def test_a_notice_inside_a_license_text_is_part_of_that_text() -> None:
    from license_fixtures import library_text

    result = analyze_text(library_text("llama-3-community"))
    assert [m.via for m in result.matches] == ["exact"]


def cards() -> list[dict[str, str]]:
    manifest = REFERENCE / "hub" / "cards" / "MANIFEST.tsv"
    if not manifest.exists():
        return []
    with manifest.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


EXPECTED = {"llama3.2": "llama-3.2-license-2024", "apache-2.0": "apache-2.0", "mit": "mit",
            "llama2": "llama-2-license-2023", "cc-by-nc-4.0": "cc-by-nc-4.0",
            "creativeml-openrail-m": "stable-diffusion-2022-08-22", "gemma": "gemma",
            "openrail": "openrail"}


@pytest.mark.parametrize("row", [r for r in cards() if r["license_in_card"] in EXPECTED],
                         ids=lambda r: r["slug"])
def test_real_model_cards_name_their_license(row: dict[str, str]) -> None:
    result = analyze_path(REFERENCE / "hub" / "cards" / row["slug"] / "README.md")[0]
    found = [m.key or m.family for m in result.matches]
    assert EXPECTED[row["license_in_card"]] in found


def test_a_real_gated_llama_license_copy() -> None:
    path = REFERENCE / "hub" / "cards" / "meta-llama__Llama-3.2-1B" / "LICENSE.txt"
    if not path.exists():
        pytest.skip("reference data not found")
    result = analyze_path(path)[0]
    assert result.matches[0].key == "llama-3.2-license-2024" and result.open_source is False


def test_an_spdx_or_line_is_a_choice_and_an_and_line_binds_both() -> None:
    choice = analyze_text("// SPDX-License-Identifier: MIT OR CC-BY-NC-4.0\nint main() {}\n")
    assert [m.key for m in choice.matches] == ["mit", "cc-by-nc-4.0"]
    assert choice.open_source is True and choice.restrictions == []
    assert "the answer follows MIT" in choice.note and "CC-BY-NC-4.0" in choice.note
    both = analyze_text("// SPDX-License-Identifier: MIT AND CC-BY-NC-4.0\nint main() {}\n")
    assert both.open_source is False
    assert {f.kind for f in both.restrictions} == {"non-commercial"}
    assert all(f.source == "cc-by-nc-4.0" for f in both.restrictions)
