"""Safetensors headers and shard indexes: real files from the safetensors library, hostile ones."""

from __future__ import annotations

import contextlib
import json
import struct
import tracemalloc

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from safetensors.numpy import save_file

from opengauge.errors import BadInput
from opengauge.sources import safetensors
from opengauge.sources.bytesource import BytesSource, FileSource, HeaderError


def write(path, header: dict, data: bytes = b"", length: int | None = None) -> None:
    raw = json.dumps(header).encode()
    path.write_bytes(struct.pack("<Q", len(raw) if length is None else length) + raw + data)


def test_reads_a_file_written_by_the_safetensors_library(tmp_path):
    path = tmp_path / "model.safetensors"
    save_file({"embed": np.zeros((10, 4), dtype=np.float16), "bias": np.zeros(3, dtype=np.float32),
               "step": np.zeros((), dtype=np.int64)}, str(path), metadata={"format": "pt"})
    with FileSource(path) as source:
        header = safetensors.read_header(source)
    assert header.tensors == 3
    assert header.parameters == 10 * 4 + 3 + 1
    assert header.dtypes == {"F16": 40, "F32": 3, "I64": 1}
    assert header.metadata == {"format": "pt"}


def test_header_length_two_to_the_63_is_rejected_without_allocating(tmp_path):
    path = tmp_path / "evil.safetensors"
    path.write_bytes(struct.pack("<Q", 2 ** 63) + b"{}")
    tracemalloc.start()
    with FileSource(path) as source, pytest.raises(HeaderError, match=r"evil\.safetensors: .*"
                                                   "exceeds the 100000000-byte limit"):
        safetensors.read_header(source)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 1_000_000


def test_header_running_past_the_end_of_file(tmp_path):
    path = tmp_path / "short.safetensors"
    write(path, {"a": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}}, length=5000)
    with FileSource(path) as source, pytest.raises(HeaderError, match="file ends at"):
        safetensors.read_header(source)


def test_lying_data_offsets_are_rejected(tmp_path):
    path = tmp_path / "lying.safetensors"
    write(path, {"w": {"dtype": "F32", "shape": [1000, 1000], "data_offsets": [0, 4_000_000]}},
          data=b"\0" * 16)
    with FileSource(path) as source, pytest.raises(HeaderError, match="tensor 'w': data ends at"):
        safetensors.read_header(source)


def test_size_that_does_not_match_shape_is_rejected(tmp_path):
    path = tmp_path / "odd.safetensors"
    write(path, {"w": {"dtype": "F32", "shape": [2, 2], "data_offsets": [0, 4]}}, data=b"\0" * 4)
    with FileSource(path) as source, pytest.raises(HeaderError, match=r"needs 16 bytes"):
        safetensors.read_header(source)


@pytest.mark.parametrize(("raw", "message"), [
    (b"[1, 2]", "expected a JSON object"),
    (b"{\"a\": 1}", "tensor 'a': expected an object"),
    (b"{\"a\": {\"dtype\": \"F32\", \"shape\": [-1], \"data_offsets\": [0, 0]}}", "'shape'"),
    (b"{\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [4, 0]}}", "'data_offsets'"),
    (b"{\"__metadata__\": [1]}", "__metadata__"),
    (b"\xff\xfe", "not UTF-8"),
    (b"{\"a\": ", "invalid JSON"),
    (b"[" * 100_000, "nested too deeply|invalid JSON"),
])
def test_malformed_headers_name_the_problem(raw, message):
    source = BytesSource(struct.pack("<Q", len(raw)) + raw + b"\0" * 8, "x.safetensors")
    with pytest.raises(HeaderError, match=message):
        safetensors.read_header(source)


def test_too_short_for_a_header():
    with pytest.raises(HeaderError, match="too short"):
        safetensors.read_header(BytesSource(b"\x01\x02", "tiny.safetensors"))


def test_unknown_dtypes_are_counted_not_sized():
    raw = json.dumps({"q": {"dtype": "F2_NEW", "shape": [8], "data_offsets": [0, 2]}}).encode()
    header = safetensors.read_header(BytesSource(struct.pack("<Q", len(raw)) + raw + b"\0\0"))
    assert header.dtypes == {"F2_NEW": 8}


def test_index_lists_shards_once():
    raw = json.dumps({"metadata": {"total_size": 10}, "weight_map": {
        "a": "model-00001-of-00002.safetensors", "b": "model-00002-of-00002.safetensors",
        "c": "model-00001-of-00002.safetensors"}}).encode()
    index = safetensors.parse_index(raw, "model.safetensors.index.json")
    assert index.shards == ["model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"]
    assert (index.total_size, index.tensors) == (10, 3)


@pytest.mark.parametrize(("shard", "message"), [
    ("../outside.safetensors", "leaves the index's folder"),
    ("sub/../../x.safetensors", "leaves the index's folder"),
    ("/etc/passwd", "absolute path"),
    ("C:\\weights.safetensors", "absolute path"),
    ("..\\x.safetensors", "leaves the index's folder"),
])
def test_index_rejects_paths_outside_its_folder(shard, message):
    raw = json.dumps({"weight_map": {"a": shard}}).encode()
    with pytest.raises(BadInput, match=message) as caught:
        safetensors.parse_index(raw, "model.safetensors.index.json")
    assert "weight_map.a" in str(caught.value)


def test_index_without_weight_map():
    with pytest.raises(BadInput, match="'weight_map'"):
        safetensors.parse_index(b"{}", "model.safetensors.index.json")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_fuzzed_bytes_give_a_header_or_a_clear_error(data):
    try:
        header = safetensors.read_header(BytesSource(data, "fuzz.safetensors"))
    except HeaderError as error:
        assert str(error).startswith("fuzz.safetensors: ")
    else:
        assert header.parameters >= 0


@settings(max_examples=150, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=5), inner, max_size=4), max_leaves=20),
       st.integers(min_value=0, max_value=64))
def test_fuzzed_json_headers_give_a_header_or_a_clear_error(value, extra):
    raw = json.dumps({"t": value} if not isinstance(value, dict) else value).encode()
    source = BytesSource(struct.pack("<Q", len(raw)) + raw + b"\0" * extra, "fuzz.safetensors")
    with contextlib.suppress(HeaderError):
        safetensors.read_header(source)
