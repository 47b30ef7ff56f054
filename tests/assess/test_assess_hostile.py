"""Hostile inputs through the whole `check` path: clear errors, bounded time and memory."""

from __future__ import annotations

import json
import os
import struct
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opengauge.app.session import Session, SessionConfig
from opengauge.errors import BadInput, OpengaugeError
from opengauge.formats.records import report_record
from opengauge.model import LEVELS

from .conftest import finding_ids, needs_cards, release, run_cli, write_safetensors

OFFLINE = SessionConfig.of(offline=True)


def check_target(target: str, *, options: SessionConfig, store):
    return Session(options, store=store).check_target(target)


def gguf_claiming(tensors: int = 0, kvs: int = 0) -> bytes:
    return b"GGUF" + struct.pack("<IQQ", 3, tensors, kvs) + b"\0" * 64


def test_a_safetensors_header_length_of_two_to_the_63(tmp_path, store):
    path = tmp_path / "evil.safetensors"
    path.write_bytes(struct.pack("<Q", 2 ** 63) + b"{}")
    tracemalloc.start()
    try:
        with pytest.raises(BadInput, match=r"evil\.safetensors"):
            check_target(str(path), options=OFFLINE, store=store)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50 << 20
    done = run_cli("check", str(path))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "evil.safetensors" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("data", [gguf_claiming(tensors=2 ** 63), gguf_claiming(kvs=2 ** 62),
                                  b"GGUF\3\0\0\0", b"GGML" + b"\0" * 30])
def test_lying_or_truncated_gguf_files(tmp_path, store, data):
    path = tmp_path / "lying.gguf"
    path.write_bytes(data)
    tracemalloc.start()
    try:
        with pytest.raises(BadInput, match=r"lying\.gguf"):
            check_target(str(path), options=OFFLINE, store=store)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50 << 20


def test_bad_weights_inside_a_folder_do_not_stop_the_report(tmp_path, store):
    folder = release(tmp_path, card="---\nlicense: mit\n---\n# M\n", weights=False)
    (folder / "a.safetensors").write_bytes(struct.pack("<Q", 2 ** 63) + b"{}")
    (folder / "b.gguf").write_bytes(gguf_claiming(tensors=2 ** 63))
    write_safetensors(folder / "c.safetensors")
    report = check_target(str(folder), options=OFFLINE, store=store)
    assert "evidence-unreadable" in finding_ids(report)
    assert report.context["repository"]["parameters"] == 16
    assert any(p["kind"] == "malformed" for p in report.provenance.problems)


def test_malformed_front_matter_still_gives_a_report(tmp_path, store):
    folder = release(tmp_path, card="---\nlicense: [mit\nbase_model: *x\n---\n# Model\n"
                                    "## Limitations\n" + "It fails often. " * 5 + "\n")
    report = check_target(str(folder), options=OFFLINE, store=store)
    problem = next(p for p in report.provenance.problems if p["source"] == "card")
    assert "README.md:2" in problem["message"] or "README.md:3" in problem["message"]
    assert "evidence-unreadable" in finding_ids(report)
    assert report.frameworks["osai"].assessment.rating("modelcard").level == "closed"


def test_symlink_loops_and_broken_links(tmp_path, store):
    folder = release(tmp_path, card="---\nlicense: mit\n---\n# M\n")
    os.symlink(folder, folder / "loop")
    os.symlink(folder / "missing", folder / "dangling")
    report = check_target(str(folder), options=OFFLINE, store=store)
    kinds = {p["kind"] for p in report.provenance.problems}
    assert "folder" in kinds


def test_parent_paths_inside_a_shard_index(tmp_path, store):
    folder = release(tmp_path, card="# M\n", weights=False)
    index = folder / "model.safetensors.index.json"
    index.write_text(json.dumps({"weight_map": {"w": "../../etc/passwd"}}))
    with pytest.raises(BadInput, match="weight_map"):
        check_target(str(index), options=OFFLINE, store=store)
    done = run_cli("check", str(index))
    assert done.returncode == 2 and "weight_map" in done.stderr


@needs_cards
@pytest.mark.slow
def test_a_huge_card_is_cut(tmp_path, store):
    folder = release(tmp_path, "LLM360__Amber")
    with (folder / "README.md").open("a") as handle:
        handle.write("word " * (600_000))
    report = check_target(str(folder), options=OFFLINE, store=store)
    assert any(p["kind"] == "truncated" for p in report.provenance.problems)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(card=st.binary(max_size=600), config=st.binary(max_size=200),
       header=st.binary(max_size=64), license_text=st.text(max_size=400))
def test_fuzzed_release_folders_give_a_report_or_a_clear_error(tmp_path_factory, card, config,
                                                              header, license_text):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "README.md").write_bytes(b"---\n" + card)
    (folder / "LICENSE").write_text("Licensed under the Apache License, Version 2.0. "
                                    + license_text, "utf-8", errors="surrogatepass")
    (folder / "config.json").write_bytes(config)
    (folder / "model.safetensors").write_bytes(struct.pack("<Q", len(header)) + header)
    from opengauge.store import Store

    with Store(folder / "store.sqlite3") as store:
        try:
            report = check_target(str(folder), options=OFFLINE, store=store)
        except OpengaugeError as error:
            assert str(error)
            return
    for entry in report.frameworks.values():
        assert all(r.level in LEVELS for r in entry.assessment.ratings)
    json.dumps(report_record(report))  # the JSON contract holds whatever the card says
