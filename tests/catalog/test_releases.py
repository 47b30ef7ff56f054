"""Every MOT release is a model of its own: ids by a documented rule, resolution by id, file
name and name, a shared name refused with its candidates, `rank --releases` (real catalog data)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from cli_process import run_cli
from opengauge import api
from opengauge.catalog.releases import AmbiguousName, assign_ids, generation_of, size_of
from opengauge.errors import NotFound
from opengauge.identity import IdentityTable, table
from opengauge.model import Assessment, Subject


def test_every_release_has_one_id_unique_across_the_catalog() -> None:
    index = api.catalog().release_index()
    assert len(index.releases) == 273
    assert len({r.file for r in index.releases.values()}) == 273
    assert not set(index.releases) & set(api.catalog().ids())
    assert not {i for i in index.releases if table().id_for_name(i)}  # no family name either
    assert table().conflicts == []


def test_the_table_lists_every_release_by_the_rule() -> None:
    """Without its `releases:` entries the table gives the same ids by the rule."""
    listed = table()
    bare = IdentityTable([replace(f, releases=[], records={**f.records, "mot": [
        r.file for r in f.releases]}) for f in listed.families.values()])
    by_rule = assign_ids(api.catalog()._families("mot"), bare)
    assert {r.file: r.id for r in by_rule.values()} == {
        r.file: r.id for r in listed.releases.values()}
    assert {r.file: (r.size, r.generation) for r in by_rule.values()} == {
        r.file: (r.size, r.generation) for r in listed.releases.values()}


def _record(file: str) -> Assessment:
    return Assessment(subject=Subject(id="x", name=file), framework="mof", source="mot",
                      source_file=file)


def test_the_id_rule_plus_family_names_and_repeats() -> None:
    bare = IdentityTable([replace(f, releases=[]) for f in table().families.values()])
    found = assign_ids({"command-r": [_record("Command-R.yml"), _record("Command-R+.yml")],
                        "new-family": [_record("New-Model-7B.yml"), _record("new model 7b.yml")],
                        "gpt-neox": [_record("GPT-NeoX-20B.yml")]}, bare)
    ids = {f: r.id for f, r in found.items()}
    assert ids["Command-R+.yml"] == "command-r-plus"  # `+` reads `plus`
    assert ids["Command-R.yml"] == "command-r-release"  # the family keeps `command-r`
    assert ids["GPT-NeoX-20B.yml"] == "gpt-neox-20b-release"  # an alias of the family
    assert ids["New-Model-7B.yml"] == "new-model-7b"
    assert ids["new model 7b.yml"] == "new-model-7b-2"  # taken by the first file name


@pytest.mark.parametrize(("name", "size", "generation"), [
    ("Llama-2-7B", "7B", "2"), ("Pythia-70M", "70M", None), ("Mixtral-8x7B", "8x7B", None),
    ("gemma-1.1-2b", "2B", "1.1"), ("Qwen2.5-32B-Instruct", "32B", "2.5"),
    ("DeepSeek-V3", None, "3"), ("BTLM-3B-8k-base-", "3B", None), ("T5", None, None),
    ("Falcon-180B", "180B", None), ("OLMo-2-1124-7B", "7B", "2"), ("OpenELM-1_1B", "1.1B", None),
    ("Switch-C-2048", None, None), ("Granite-4.1", None, "4.1"), ("RWKV-v4-(Raven)", None, "4"),
])
def test_size_and_generation_read_from_the_name(name: str, size: str | None,
                                                generation: str | None) -> None:
    assert (size_of(name), generation_of(name)) == (size, generation)


@pytest.mark.parametrize(("name", "expected"), [
    ("llama-2-7b", "llama-2-7b"), ("Llama-2-7B", "llama-2-7b"), ("Llama-2-7B.yml", "llama-2-7b"),
    ("pythia-70m", "pythia-70m"), ("Pythia-70M.yml", "pythia-70m"), ("Pythia 70M", "pythia-70m"),
    ("Command-R+.yml", "command-r-plus"), ("command-r-plus", "command-r-plus"),
    # family ids, names and aliases keep naming the family
    ("llama-2", "llama-2"), ("Llama 2", "llama-2"), ("gpt-neox-20b", "gpt-neox"),
    ("Meta-Llama-3-70B-Instruct.yml", "meta-llama-3-70b-instruct"),
])
def test_releases_resolve_by_id_file_name_and_name(name: str, expected: str) -> None:
    assert api.resolve(name) == expected


@pytest.mark.slow
def test_a_name_several_releases_share_is_refused_with_the_candidates() -> None:
    with pytest.raises(AmbiguousName) as info:
        api.resolve("Meta-Llama-3-70B-Instruct")
    assert info.value.candidates == ["llama-3-70b-instruct", "meta-llama-3-70b-instruct"]
    assert isinstance(info.value, NotFound)
    for command in (["check"], ["show"], ["can-i"], ["export", "-f", "cyclonedx"]):
        result = run_cli(*command, "Qwen2.5-32B-Instruct")
        assert result.returncode == 3, command
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "qwen2.5-32b-instruct" in lines[0], result.stderr
        assert "qwen2.5-72b-instruct" in lines[0] and "Traceback" not in result.stderr


def test_an_unknown_release_name_still_suggests() -> None:
    with pytest.raises(NotFound) as info:
        api.resolve("pythia-70n")
    assert "pythia-70m" in info.value.suggestions


def test_a_release_check_rates_that_release_and_names_its_family() -> None:
    report = api.check("pythia-70m")
    assert {f: r.assessment.source_file for f, r in report.frameworks.items()} == {
        "mof": "Pythia-70M.yml", "osaid": "Pythia-70M.yml"}
    assert report.subject.id == "pythia-70m" and report.subject.name == "Pythia-70M"
    assert report.context["family"]["id"] == "pythia"
    assert report.context["family"]["size"] == "70M"
    assert not [f for f in report.findings if f.id == "frameworks-rate-different-releases"]
    assert report.license_dict()["mot"]["release"] == "Pythia-70M.yml"
    family = api.model("pythia")
    assert "pythia-70m" in [r["id"] for r in family.context["releases"]]


def test_a_release_answers_can_i_from_its_own_license() -> None:
    """Grok-1 is Apache-2.0; the family view rates Grok 2 under xAI's own license."""
    grok1 = api.can_i("grok-1", commercial=True)
    texts = json.dumps(grok1, default=str)
    assert "Grok-1.yml" in texts and "apache" in texts.lower()


def test_rank_releases_lists_every_release_with_its_file() -> None:
    result = run_cli("rank", "--framework", "mof", "--releases", "-f", "json")
    assert result.returncode == 0, result.stderr
    models = json.loads(result.stdout)["models"]
    assert len(models) == 273
    assert all(m["source_file"] and m["id"] == api.resolve(m["source_file"]) for m in models)
    assert {"class", "progress"} <= set(models[0])
    assert len(api.rank("osaid", releases=True).entries) == 273
    assert len(api.rank("mof").entries) < 273  # the family view stays the default
    refused = run_cli("rank", "--framework", "osai", "--releases")
    assert refused.returncode == 2 and "mof, osaid" in refused.stderr


def _rated(model_id: str) -> dict[str, str | None]:
    return {f: r.assessment.source_file for f, r in api.model(model_id).frameworks.items()}


def test_split_families_rate_one_generation_each() -> None:
    """docs/frameworks.md's review: each generation is a family, linked as `related`."""
    assert _rated("gemma") == {"ouc-2023": "gemma-instruct.yaml", "mof": "gemma-1.1-2b.yml",
                               "osaid": "gemma-1.1-2b.yml"}
    assert _rated("gemma-3") == {"osai": "Gemma.yaml", "osai-14": "Gemma.yaml"}
    assert _rated("gemma-2")["mof"].startswith("gemma-2-")
    assert {"osai", "osai-14"} <= set(_rated("olmo-3")) and "mof" not in _rated("olmo-3")
    assert _rated("olmo")["ouc-2023"] == "olmo-7b-instruct.yaml"
    assert _rated("olmo")["mof"].startswith("OLMo-")
    chat = api.model("pythia-chat-base")
    assert {r.assessment.subject.org for r in chat.frameworks.values()} >= {"togethercomputer"}
    assert "osai" in chat.frameworks and "osai" not in api.model("pythia").frameworks
    assert _rated("grok") == {"mof": "Grok-1.yml", "osaid": "Grok-1.yml"}
    assert api.model("grok-2").subject.license == "xAI Community License Agreement"
    for family, related in (("gemma", {"gemma-2", "gemma-3"}), ("olmo", {"olmo-3"}),
                            ("pythia", {"pythia-chat-base"}), ("grok", {"grok-2"})):
        assert related <= set(api.model(family).context["related_families"]), family
        assert all(family in api.model(r).context["related_families"] for r in related)
    shown = api.model("gemma", "mof")
    assert shown.frameworks["mof"].assessment.related  # the other release files, unchanged


def test_split_families_no_longer_mix_releases() -> None:
    for model_id in ("gemma-3", "pythia", "pythia-chat-base", "grok", "grok-2", "phi", "phi-4",
                     "yi-1.5", "falcon", "glm-5", "intern-s1", "rwkv", "telechat", "jamba"):
        findings = [f.id for f in api.check(model_id).findings]
        assert "frameworks-rate-different-releases" not in findings, model_id
    # one generation, several variants: still said (Gemma 7B Instruct vs gemma-1.1-2b)
    gemma = [f for f in api.check("gemma").findings
             if f.id == "frameworks-rate-different-releases"]
    assert gemma and gemma[0].details["releases"]["mof"] == "gemma-1.1-2b"


def test_a_family_that_still_mixes_releases_says_so() -> None:
    """The EU index's two bundled snapshots rate MiniMax-M2.5 and MiniMax-M2 under one id."""
    report = api.check("minimax")
    (finding,) = [f for f in report.findings if f.id == "frameworks-rate-different-releases"]
    assert finding.severity == "warning"
    assert {report.frameworks[f].assessment.extra["release"] for f in ("osai", "osai-14")} == {
        finding.details["releases"]["osai"], finding.details["releases"]["osai-14"]}


STILL_MIXED = {  # docs/frameworks.md, "Family review": kept as one family, and said so
    "gemma", "olmo", "codegemma", "codegen-2.5", "qwen-3", "amber", "redpajama", "deepseek-v3",
    "mistral", "open-assistant", "airoboros", "wizardlm", "solar", "minimax", "mobilellm",
    "nanbeige", "olmo-3", "olmo-3-rl-zero-code"}


@pytest.mark.slow
def test_the_ids_that_still_mix_releases_are_the_documented_ones() -> None:
    mixed = set()
    for model_id in api.model_ids():
        report = api.check(model_id)
        findings = [f for f in report.findings if f.id == "frameworks-rate-different-releases"]
        if findings:
            mixed.add(model_id)
            named = findings[0].details["releases"]
            assert named == {f: r.assessment.extra["release"] for f, r in report.frameworks.items()}
    assert mixed == STILL_MIXED
