"""GGUF headers: files written by the gguf package's own writer, and truncated or lying ones."""

from __future__ import annotations

import struct

import gguf
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opengauge.sources import ggufheader
from opengauge.sources.bytesource import BytesSource, FileSource, HeaderError
from opengauge.sources.weights import gguf_meta


def write_gguf(path, *, tokens: int = 0, license: str | None = "apache-2.0") -> None:
    writer = gguf.GGUFWriter(str(path), "llama")
    writer.add_name("Tiny Test")
    if license:
        writer.add_license(license)
        writer.add_license_name("Apache License 2.0")
        writer.add_license_link("https://www.apache.org/licenses/LICENSE-2.0")
    writer.add_base_model_count(1)
    writer.add_base_model_name(0, "Qwen2.5 0.5B")
    writer.add_base_model_organization(0, "Qwen")
    writer.add_base_model_repo_url(0, "https://huggingface.co/Qwen/Qwen2.5-0.5B")
    writer.add_dataset_count(1)
    writer.add_dataset_name(0, "SlimPajama")
    writer.add_dataset_repo_url(0, "https://huggingface.co/datasets/cerebras/SlimPajama-627B")
    writer.add_source_url("https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct")
    writer.add_context_length(4096)
    if tokens:
        writer.add_token_list([f"token{i}" for i in range(tokens)])
    writer.add_tensor("token_embd.weight", np.zeros((16, 8), dtype=np.float32))
    writer.add_tensor("output_norm.weight", np.zeros(8, dtype=np.float16))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


def evidence(key, value):
    from opengauge.model import Evidence, Locator
    return Evidence("gguf", Locator(file="m.gguf", field=key), f"{key} = {value}")


def test_reads_metadata_written_by_the_gguf_package(tmp_path):
    path = tmp_path / "m.gguf"
    write_gguf(path)
    with FileSource(path) as source:
        header = ggufheader.read_header(source)
    assert header.version == 3
    assert header.tensor_count == 2
    assert header.parameters == 16 * 8 + 8
    assert header.dtypes == {"F32": 128, "F16": 8}
    meta = gguf_meta(header, evidence)
    assert meta.license.value == "apache-2.0"
    assert meta.license.evidence.locator.field == "general.license"
    assert meta.license_name.value == "Apache License 2.0"
    assert meta.architecture.value == "llama"
    assert meta.base_models[0].value["repo_url"] == "https://huggingface.co/Qwen/Qwen2.5-0.5B"
    assert meta.base_models[0].value["organization"] == "Qwen"
    assert meta.datasets[0].value["name"] == "SlimPajama"
    assert [f.value for f in meta.source_urls] == ["https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct"]
    assert header.values["llama.context_length"] == 4096


def test_long_arrays_are_summarized_and_read_quickly(tmp_path):
    path = tmp_path / "m.gguf"
    write_gguf(path, tokens=50_000)
    with FileSource(path) as source:
        header = ggufheader.read_header(source)
    assert header.values["tokenizer.ggml.tokens"] == {"array_of": 50_000}
    assert header.parameters == 136


def test_type_tables_match_the_gguf_package():
    for value_type in gguf.GGUFValueType:
        if value_type in (gguf.GGUFValueType.STRING, gguf.GGUFValueType.ARRAY):
            assert value_type.value in (ggufheader.STRING, ggufheader.ARRAY)
        else:
            assert value_type.value in ggufheader.SCALARS
    for quant in gguf.GGMLQuantizationType:
        if quant.value in ggufheader.TENSOR_TYPES:
            assert ggufheader.TENSOR_TYPES[quant.value] == quant.name


def header_bytes(version=3, tensors=0, kvs=0, order="<") -> bytes:
    return b"GGUF" + struct.pack(order + "IQQ", version, tensors, kvs)


def test_truncated_file_names_the_field(tmp_path):
    path = tmp_path / "m.gguf"
    write_gguf(path)
    data = path.read_bytes()
    for cut in (3, 10, 30, 120, 300):
        with pytest.raises(HeaderError, match=r"cut\.gguf: GGUF header: .*"):
            ggufheader.read_header(BytesSource(data[:cut], "cut.gguf"))


@pytest.mark.parametrize(("data", "message"), [
    (b"GGML" + b"\0" * 20, "not a GGUF file"),
    (header_bytes(version=1), "version 1"),
    (header_bytes(version=99), "unknown version 99"),
    (header_bytes(kvs=2 ** 62), "claims 4611686018427387904 metadata entries"),
    (header_bytes(tensors=2 ** 63), "claims 9223372036854775808 tensors"),
    (header_bytes(kvs=1) + struct.pack("<Q", 2 ** 40) + b"x" * 20, "exceeds 65535"),
    (header_bytes(kvs=1) + struct.pack("<Q", 1) + b"k" + struct.pack("<I", 77) + b"\0" * 20,
     "unknown value type 77"),
    (header_bytes(kvs=1) + struct.pack("<Q", 1) + b"k" + struct.pack("<IIQ", 9, 4, 2 ** 60)
     + b"\0" * 20, "array of 1152921504606846976"),
    (header_bytes(kvs=1) + struct.pack("<Q", 1) + b"k" + struct.pack("<IQ", 8, 2 ** 50)
     + b"\0" * 20, "file ends"),
])
def test_lying_headers_fail_fast(data, message):
    # the claimed sizes are checked against the bytes left before any loop or allocation
    with pytest.raises(HeaderError, match=message):
        ggufheader.read_header(BytesSource(data + b"\0" * 16, "lying.gguf"))


def test_big_endian_files_are_read():
    key = b"general.license"
    value = b"mit"
    data = (b"GGUF" + struct.pack(">IQQ", 3, 0, 1) + struct.pack(">Q", len(key)) + key
            + struct.pack(">IQ", 8, len(value)) + value)
    header = ggufheader.read_header(BytesSource(data, "be.gguf"))
    assert header.values == {"general.license": "mit"}


def test_header_budget_caps_reads(tmp_path):
    path = tmp_path / "m.gguf"
    write_gguf(path, tokens=1000)
    with FileSource(path) as source, pytest.raises(HeaderError, match="header limit"):
        ggufheader.read_header(source, max_header=2000)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_fuzzed_bytes_after_a_valid_start(tail):
    data = b"GGUF" + struct.pack("<IQQ", 3, 2, 3) + tail
    try:
        header = ggufheader.read_header(BytesSource(data, "fuzz.gguf"))
    except HeaderError as error:
        assert str(error).startswith("fuzz.gguf: GGUF header: ")
    else:
        assert header.kv_count == 3


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=0, max_value=400), st.binary(min_size=1, max_size=8))
def test_corrupting_a_real_header(tmp_path, position, junk):
    path = tmp_path / "m.gguf"
    if not path.exists():
        write_gguf(path)
    data = bytearray(path.read_bytes())
    data[position:position + len(junk)] = junk
    try:
        ggufheader.read_header(BytesSource(bytes(data), "corrupt.gguf"))
    except HeaderError as error:
        assert str(error).startswith("corrupt.gguf: GGUF header: ")
