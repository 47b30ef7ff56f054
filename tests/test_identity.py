"""The reviewed alias table: every alias resolves, none is ambiguous, every record is listed."""

from __future__ import annotations

import re

import pytest
import yaml

from opengauge import api
from opengauge.catalog.catalog import Catalog, load
from opengauge.errors import NotFound
from opengauge.identity import ID_PATTERN, slugify, table
from reference_data import REFERENCE


def test_the_table_has_no_conflicts() -> None:
    assert table().conflicts == []


def test_every_id_name_and_alias_resolves_to_its_family() -> None:
    ids = table()
    for family in ids.families.values():
        assert ID_PATTERN.match(family.id)
        for name in (family.id, family.name, *family.aliases):
            assert ids.id_for_name(name) == family.id, name


def test_every_bundled_record_is_listed_in_the_table() -> None:
    catalog: Catalog = load()
    unlisted = [
        f"{d.source}:{r.source_file}" for d in catalog.datasets for r in d.records
        if table().id_for_record(d.source, r.source_file) is None
    ]
    assert unlisted == []


def test_the_same_family_links_records_across_sources() -> None:
    view = api.model("llama-2")
    assert {f: r.assessment.source_file for f, r in view.frameworks.items()} == {
        "osai": "llama-2-chat.yaml", "osai-14": "llama-2-chat.yaml", "ouc-2023": "llama-2-chat.yaml",
        "mof": "Llama-2-chat-70B.yml", "osaid": "Llama-2-chat-70B.yml"}
    assert table().ids_for_hub("meta-llama/Llama-2-7b-chat-hf") == ["llama-2"]


def test_names_resolve_case_and_separator_insensitively() -> None:
    assert api.resolve("Llama 2") == "llama-2"
    assert api.resolve("LLAMA_2") == "llama-2"
    assert api.resolve("llama2") == "llama-2"


def test_fuzzy_matching_only_suggests() -> None:
    with pytest.raises(NotFound) as info:
        api.resolve("lama-2")
    assert "llama-2" in info.value.suggestions


def test_slugify() -> None:
    assert slugify("Tülu 3") == "tulu-3"
    assert slugify("AMD Nitro Diffusion") == "amd-nitro-diffusion"
    assert slugify("dots.llm1") == "dots.llm1"
    assert slugify("---") == "model"


def test_mot_releases_hub_links_resolve_to_their_own_family() -> None:
    """Each MOT release's Hugging Face link matches its family's Hub patterns and no other's."""
    # Upstream records whose `huggingface` link names another model (kept literal upstream).
    wrong_upstream = {"Hawk.yml", "dbrx-instruct.yml"}
    checked = 0
    for path in sorted((REFERENCE / "mot" / "models").glob("*.yml")):
        release = yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)["release"]
        link = (release.get("huggingface") or "").strip()
        found = re.match(r"(?:https://huggingface\.co/)?([\w.-]+/[\w.-]+)", link)
        if not found or found.group(1).split("/")[0] in ("collections", "papers", "datasets"):
            continue
        family = table().id_for_record("mot", path.name)
        matches = table().ids_for_hub(found.group(1))
        if path.name in wrong_upstream:
            assert family not in matches
            continue
        assert matches == [family], path.name
        checked += 1
    assert checked > 150
