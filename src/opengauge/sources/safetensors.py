"""Safetensors headers (tensor names, dtypes, shapes) and sharded indexes, read without weights.

A safetensors file starts with an 8-byte little-endian header length N and N bytes of JSON.
Only those bytes are read, and N is capped (100 MB, the limit the safetensors library itself
uses), so a header claiming 2^63 bytes is rejected before anything is allocated.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from opengauge.errors import BadInput
from opengauge.sources.bytesource import ByteSource, Cursor, HeaderError

MAX_HEADER_BYTES = 100_000_000
MAX_INDEX_BYTES = 50_000_000

# bits per element of each dtype the format defines (unknown dtypes are counted, not sized)
DTYPE_BITS: dict[str, int] = {
    "BOOL": 8, "U8": 8, "I8": 8, "F8_E5M2": 8, "F8_E4M3": 8, "F8_E8M0": 8,
    "I16": 16, "U16": 16, "F16": 16, "BF16": 16,
    "I32": 32, "U32": 32, "F32": 32, "I64": 64, "U64": 64, "F64": 64,
    "F4": 4, "F6_E2M3": 6, "F6_E3M2": 6,
}


@dataclass
class SafetensorsHeader:
    """What one file's header says."""

    tensors: int
    parameters: int
    dtypes: dict[str, int]
    metadata: dict[str, str]
    header_bytes: int
    data_bytes: int


def read_header(source: ByteSource, max_header: int = MAX_HEADER_BYTES) -> SafetensorsHeader:
    """Parse the header of `source`; HeaderError (exit 2) names the file and what is wrong."""
    cursor = Cursor(source, "safetensors header", budget=8 + max_header)
    if source.size is not None and source.size < 8:
        raise cursor.fail(f"file is {source.size} bytes, too short for the 8-byte header length")
    length = cursor.unpack("Q", "header length")
    if length > max_header:
        raise cursor.fail(f"header length {length} exceeds the {max_header}-byte limit")
    raw = cursor.read(length, "header")
    data_bytes = (source.size - 8 - length) if source.size is not None else None
    return parse_header_json(raw, source.name, data_bytes, 8 + length)


def _json(raw: bytes, fail: Callable[[str], Exception]) -> Any:
    """`raw` as UTF-8 JSON; what is wrong with it goes through `fail`."""
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise fail(f"not UTF-8 (byte {exc.start})") from None
    except RecursionError:
        raise fail("JSON nested too deeply") from None
    except ValueError as exc:
        raise fail(f"invalid JSON: {exc}") from None


def parse_header_json(raw: bytes, name: str, data_bytes: int | None,
                      header_bytes: int | None = None) -> SafetensorsHeader:
    """Validate a header's JSON and total its parameters per dtype."""
    def fail(message: str) -> HeaderError:
        return HeaderError(f"{name}: safetensors header: {message}")

    header = _json(raw, fail)
    if not isinstance(header, dict):
        raise fail(f"expected a JSON object, found {type(header).__name__}")
    metadata: dict[str, str] = {}
    dtypes: dict[str, int] = {}
    parameters = tensors = 0
    for key, info in header.items():
        if key == "__metadata__":
            if not isinstance(info, dict):
                raise fail("'__metadata__' must be an object of strings")
            metadata = {str(k): v if isinstance(v, str) else json.dumps(v) for k, v in info.items()}
            continue
        count = _tensor_elements(key, info, data_bytes, fail)
        tensors += 1
        parameters += count
        dtype = info["dtype"]
        dtypes[dtype] = dtypes.get(dtype, 0) + count
    return SafetensorsHeader(tensors, parameters, dtypes, metadata,
                             header_bytes if header_bytes is not None else len(raw) + 8,
                             data_bytes if data_bytes is not None else -1)


def _tensor_elements(key: str, info: Any, data_bytes: int | None, fail: Any) -> int:
    if not isinstance(info, dict):
        raise fail(f"tensor '{key}': expected an object with dtype, shape, data_offsets")
    dtype, shape, offsets = info.get("dtype"), info.get("shape"), info.get("data_offsets")
    if not isinstance(dtype, str) or not dtype:
        raise fail(f"tensor '{key}': 'dtype' must be a string")
    if not isinstance(shape, list) or not all(_is_count(d) for d in shape):
        raise fail(f"tensor '{key}': 'shape' must be a list of non-negative integers")
    if (not isinstance(offsets, list) or len(offsets) != 2 or not all(_is_count(o) for o in offsets)
            or offsets[0] > offsets[1]):
        raise fail(f"tensor '{key}': 'data_offsets' must be [begin, end] with 0 <= begin <= end")
    if data_bytes is not None and offsets[1] > data_bytes:
        raise fail(f"tensor '{key}': data ends at byte {offsets[1]} but the file holds only "
                   f"{data_bytes} bytes of data (truncated or lying header)")
    count = math.prod(shape)
    bits = DTYPE_BITS.get(dtype)
    if bits is not None and offsets[1] - offsets[0] != (count * bits + 7) // 8:
        raise fail(f"tensor '{key}': {dtype} {shape} needs {(count * bits + 7) // 8} bytes but "
                   f"data_offsets span {offsets[1] - offsets[0]}")
    return count


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


@dataclass
class ShardIndex:
    """A `*.safetensors.index.json`: its shards (relative names) and declared total size."""

    shards: list[str]
    total_size: int | None
    tensors: int
    metadata: dict[str, Any] = field(default_factory=dict)


def parse_index(raw: bytes, name: str) -> ShardIndex:
    """Parse a shard index; shard names must stay inside the index's folder."""
    def fail(message: str) -> BadInput:
        return BadInput(f"{name}: {message}")

    if len(raw) > MAX_INDEX_BYTES:
        raise fail(f"index is {len(raw)} bytes, over the {MAX_INDEX_BYTES}-byte limit")
    data = _json(raw, fail)
    if not isinstance(data, dict) or not isinstance(data.get("weight_map"), dict):
        raise fail("field 'weight_map': expected an object mapping tensor names to shard files")
    metadata: dict[str, Any] = data["metadata"] if isinstance(data.get("metadata"), dict) else {}
    total = metadata.get("total_size")
    shards: list[str] = []
    for tensor, shard in data["weight_map"].items():
        if not isinstance(shard, str) or not shard:
            raise fail(f"field 'weight_map.{tensor}': expected a shard file name")
        check_relative(shard, name, f"weight_map.{tensor}")
        if shard not in shards:
            shards.append(shard)
    return ShardIndex(shards, total if _is_count(total) else None, len(data["weight_map"]),
                      metadata)


def check_relative(path: str, name: str, field_name: str) -> None:
    """BadInput for an absolute path or one that climbs out with `..`."""
    pure = PurePosixPath(path.replace("\\", "/"))
    if pure.is_absolute() or path.startswith(("/", "\\")) or (len(path) > 1 and path[1] == ":"):
        raise BadInput(f"{name}: field '{field_name}': absolute path '{path}' is not allowed; "
                       "shards must sit beside the index")
    if ".." in pure.parts:
        raise BadInput(f"{name}: field '{field_name}': path '{path}' leaves the index's folder "
                       "('..' is not allowed)")
