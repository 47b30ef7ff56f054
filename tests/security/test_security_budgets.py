"""Budgets for every unit of work: each hostile input is refused naming its limit, or bounded.

The hostile files are built here. Heavy cases run in a child process under `resource` limits
(bounded.py), so a regression dies of the limit and fails the test instead of taking the
machine with it."""

from __future__ import annotations

import json
import shutil
import textwrap

import pytest

from opengauge import limits
from opengauge.errors import BadInput
from opengauge.sources import ggufheader
from opengauge.sources.bytesource import BytesSource
from opengauge.yamlfile import parse_yaml
from reference_data import REFERENCE

from .bounded import cli_bounded, code_bounded
from .conftest import gguf, gguf_text, gguf_u8, gguf_u8_array

CURRENT = REFERENCE / "osai-index" / "current"


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """A few hundred bytes that expand to width**levels nodes (23 GB as Python objects)."""
    lines = ["a0: &a0 [" + ", ".join(['"lol"'] * width) + "]"]
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def test_catalog_yaml_alias_bomb_is_refused_naming_the_node_limit(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    record = (CURRENT / "OLMo.yaml").read_text("utf-8").removeprefix("---\n")
    (folder / "bomb.yaml").write_text(alias_bomb() + record, "utf-8")
    assert len(alias_bomb()) < 600
    done = cli_bounded("rank", "--framework", "osai", "--catalog", str(folder), cpu=30,
                       memory=2 << 30)
    assert done.returncode == 2, done.stderr[-500:]
    assert done.stderr.count("\n") == 1
    assert "bomb.yaml" in done.stderr and f"{limits.MAX_YAML_NODES}-node limit" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_recursive_alias_is_refused():
    with pytest.raises(BadInput, match="refers to a node that contains it"):
        parse_yaml("a: &a [1, *a]\n", "loop.yaml")


def test_small_aliases_within_the_budget_still_work():
    doc = parse_yaml("base: &b {class: open}\nother:\n  <<: *b\n  notes: x\nlist: [*b, *b]\n",
                     "ok.yaml")
    assert doc.data["other"] == {"class": "open", "notes": "x"}
    assert doc.data["list"] == [{"class": "open"}] * 2
    with pytest.raises(BadInput, match="10-node limit"):
        parse_yaml(alias_bomb(levels=2, width=4), "small-budget.yaml", max_nodes=10)


def test_catalog_yaml_over_the_byte_limit_is_refused(tmp_path, monkeypatch):
    from opengauge import yamlfile

    monkeypatch.setattr(yamlfile, "MAX_YAML_BYTES", 1000)
    path = tmp_path / "big.yaml"
    path.write_text("k: " + "x" * 2000 + "\n", "utf-8")
    with pytest.raises(BadInput, match="over the 1000-byte limit"):
        yamlfile.read_yaml(path)


@pytest.mark.slow  # an 80,000-heading card
def test_80k_headings_and_links_stay_bounded(tmp_path):
    """A 2 MiB README of 80k headings, each followed by a link: linear heading lookup and the
    heading and link limits, under a CPU limit that a quadratic lookup overruns."""
    folder = tmp_path / "release"
    folder.mkdir()
    body = "".join(f"## Limitations {n}\nhttps://github.com/org/repo{n}\n" for n in range(80_000))
    (folder / "README.md").write_text("---\nlicense: mit\n---\n" + body[:2 << 20], "utf-8")
    (folder / "LICENSE").write_text("MIT License\n", "utf-8")
    done = cli_bounded("check", str(folder), "--format", "json", "--no-history", "--offline",
                       cpu=60)
    assert done.returncode in (0, 1), done.stderr[-800:]
    problems = json.loads(done.stdout)["models"][0]["provenance"]["problems"]
    messages = [p["message"] for p in problems if p["kind"] == "limit"]
    assert any(f"more than {limits.MAX_CARD_HEADINGS} headings" in m for m in messages)
    assert any(f"more than {limits.MAX_CARD_LINKS} distinct links" in m for m in messages)


def test_heading_lookup_is_a_binary_search():
    from opengauge.sources.card import split_body

    body = split_body("".join(f"# H{n}\ntext\n" for n in range(1000)), 1)
    assert body.heading_before(1).title == "h0"
    assert body.heading_before(2).title == "h0"
    assert body.heading_before(1999).title == "h999"
    assert body.heading_before(0) is None


@pytest.mark.parametrize("header, limit", [
    (gguf([gguf_u8(f"k{n}") for n in range(limits.MAX_GGUF_KEYS + 1)]), "-key GGUF limit"),
    (gguf([gguf_u8_array("big", limits.MAX_GGUF_ARRAY_ITEMS + 1)]), "array-element limit"),
    (gguf([], tensors=limits.MAX_GGUF_TENSORS + 1, tail=bytes(26 * limits.MAX_GGUF_TENSORS + 30)),
     "-tensor GGUF limit"),
])
def test_gguf_over_its_key_array_or_tensor_limit_is_refused(header, limit):
    with pytest.raises(BadInput, match=limit):
        ggufheader.read_header(BytesSource(header, "hostile.gguf"))


def test_gguf_with_millions_of_keys_is_exit_2_naming_the_limit(tmp_path):
    """12 million one-byte keys fit in 256 MiB; the claim alone is refused, nothing is walked."""
    path = tmp_path / "keys.gguf"
    path.write_bytes(gguf([gguf_u8(f"k{n}") for n in range(1000)], kv_count=12_000_000))
    done = cli_bounded("check", str(path), "--no-history", "--offline", cpu=20, memory=2 << 30)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "keys.gguf" in done.stderr
    assert f"{limits.MAX_GGUF_KEYS}-key GGUF limit" in done.stderr


def test_a_real_sized_tokenizer_is_within_the_gguf_limits():
    header = gguf([gguf_text("general.name", "m"), gguf_u8_array("tokenizer.ggml.token_type",
                                                                  262_144)])
    read = ggufheader.read_header(BytesSource(header, "ok.gguf"))
    assert read.values["general.name"] == "m"
    assert read.values["tokenizer.ggml.token_type"] == {"array_of": 262_144}


def test_check_from_dev_zero_fails_fast_in_one_line():
    done = cli_bounded("check", "--from", "/dev/zero", cpu=20, memory=2 << 30, timeout=60)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "/dev/zero" in done.stderr
    assert "device" in done.stderr and "Traceback" not in done.stderr


def test_check_from_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "targets.txt"
    with path.open("w") as handle:
        line = "org/model\n" * 1000
        for _ in range(limits.MAX_TARGETS_BYTES // len(line) + 1):
            handle.write(line)
    done = code_bounded(textwrap.dedent(f"""
        from opengauge import api
        from opengauge.errors import BadInput
        try:
            api.read_targets({str(path)!r})
        except BadInput as error:
            print(error)
    """), cpu=20)
    assert f"over the {limits.MAX_TARGETS_BYTES}-byte limit" in done.stdout, done.stderr


def test_copy_of_bundled_record_parses(tmp_path):
    """The budget leaves every bundled catalog record readable."""
    from opengauge.yamlfile import read_yaml

    for path in sorted(CURRENT.glob("*.yaml"))[:50]:
        shutil.copy(path, tmp_path / path.name)
        read_yaml(tmp_path / path.name)


def _safetensors(path, tensors: int = 3) -> None:
    header = {f"t{n}": {"dtype": "F32", "shape": [2], "data_offsets": [8 * n, 8 * n + 8]}
              for n in range(tensors)}
    raw = json.dumps(header).encode()
    path.write_bytes(len(raw).to_bytes(8, "little") + raw + bytes(8 * tensors))


def test_weights_headers_read_in_one_check_stop_at_the_total_budget(tmp_path, monkeypatch):
    from opengauge.sources import weights
    from opengauge.sources.gather import GatherOptions, gather

    monkeypatch.setattr(weights, "MAX_HEADER_BYTES_PER_CHECK", 400)
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(6):
        _safetensors(folder / f"model-{n}.safetensors")
    facts = gather(str(folder), GatherOptions(lookups=False))
    limited = [p for p in facts.problems if p.kind == "limit"]
    assert len(limited) == 1 and "per-check header limit" in limited[0].message
    notes = [f.evidence.note for f in facts.weights.files]
    assert notes.count("header not read (per-check header byte limit spent)") >= 3
    assert sum(f.parameters is not None for f in facts.weights.files) >= 1
