"""GGUF metadata and tensor shapes, read from the header only.

The `gguf` package's reader maps the whole file and walks every field without limits; this
parser reads the header sequentially through a bounded Cursor instead: every count and length
is checked against the bytes left before it is used, so a truncated or lying header fails
fast with a message naming the file and the field. Value and tensor type numbers follow the
GGUF specification (tests check them against the `gguf` package's enums).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from opengauge.limits import MAX_GGUF_ARRAY_ITEMS, MAX_GGUF_KEYS, MAX_GGUF_TENSORS
from opengauge.sources.bytesource import ByteSource, Cursor

MAGIC = b"GGUF"
VERSIONS = (2, 3)
MAX_HEADER_BYTES = 256 << 20
MAX_KEY_BYTES = 65_535
MAX_DIMS = 8
KEEP_ARRAY_ITEMS = 64
KEEP_STRING_CHARS = 4096

# value type -> (struct code, size); 8 is a string, 9 an array
SCALARS: dict[int, tuple[str, int]] = {
    0: ("B", 1), 1: ("b", 1), 2: ("H", 2), 3: ("h", 2), 4: ("I", 4), 5: ("i", 4),
    6: ("f", 4), 7: ("?", 1), 10: ("Q", 8), 11: ("q", 8), 12: ("d", 8),
}
STRING, ARRAY = 8, 9

TENSOR_TYPES: dict[int, str] = {
    0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 6: "Q5_0", 7: "Q5_1", 8: "Q8_0", 9: "Q8_1",
    10: "Q2_K", 11: "Q3_K", 12: "Q4_K", 13: "Q5_K", 14: "Q6_K", 15: "Q8_K", 16: "IQ2_XXS",
    17: "IQ2_XS", 18: "IQ3_XXS", 19: "IQ1_S", 20: "IQ4_NL", 21: "IQ3_S", 22: "IQ2_S",
    23: "IQ4_XS", 24: "I8", 25: "I16", 26: "I32", 27: "I64", 28: "F64", 29: "IQ1_M", 30: "BF16",
    34: "TQ1_0", 35: "TQ2_0", 39: "MXFP4",
}


@dataclass
class GgufHeader:
    """A parsed header: metadata values (long arrays summarized) and tensor totals."""

    version: int
    tensor_count: int
    kv_count: int
    values: dict[str, Any] = field(default_factory=dict)
    parameters: int = 0
    dtypes: dict[str, int] = field(default_factory=dict)
    header_bytes: int = 0


def read_header(source: ByteSource, max_header: int = MAX_HEADER_BYTES,
                tensors: bool = True) -> GgufHeader:
    """Parse the GGUF header of `source`; HeaderError (exit 2) on anything malformed."""
    cursor = Cursor(source, "GGUF header", budget=max_header)
    magic = cursor.read(4, "magic")
    if magic != MAGIC:
        raise cursor.fail(f"magic is {magic!r}, expected b'GGUF' (not a GGUF file)")
    raw_version = cursor.read(4, "version")
    little, big = int.from_bytes(raw_version, "little"), int.from_bytes(raw_version, "big")
    if little in VERSIONS:
        version = little
    elif big in VERSIONS:
        version, cursor.order = big, ">"
    elif little == 1:
        raise cursor.fail("version 1 (2023) is not supported; convert the file to GGUF v3")
    else:
        raise cursor.fail(f"unknown version {little}; expected one of {VERSIONS}")
    tensor_count = cursor.unpack("Q", "tensor_count")
    kv_count = cursor.unpack("Q", "metadata_kv_count")
    if kv_count > MAX_GGUF_KEYS:
        raise cursor.fail(f"header claims {kv_count} metadata entries, over the "
                          f"{MAX_GGUF_KEYS}-key GGUF limit; refused")
    if tensors and tensor_count > MAX_GGUF_TENSORS:
        raise cursor.fail(f"header claims {tensor_count} tensors, over the "
                          f"{MAX_GGUF_TENSORS}-tensor GGUF limit; refused")
    # each entry takes at least 8 (key length) + 1 (key) + 4 (type) + 1 (value) bytes
    if kv_count * 14 > cursor.remaining:
        raise cursor.fail(f"header claims {kv_count} metadata entries but only "
                          f"{cursor.remaining} bytes remain (truncated or lying header)")
    # each tensor info takes at least 8 + 1 (name) + 4 (n_dims) + 4 (type) + 8 (offset)
    if tensors and tensor_count * 25 > max(0, cursor.remaining - kv_count * 14):
        raise cursor.fail(f"header claims {tensor_count} tensors but only {cursor.remaining} "
                          "bytes remain (truncated or lying header)")
    header = GgufHeader(version, tensor_count, kv_count)
    items = _ItemBudget(cursor)
    for index in range(kv_count):
        key = _string(cursor, f"metadata[{index}].key", MAX_KEY_BYTES)
        value_type = cursor.unpack("I", f"'{key}' type")
        value = _value(cursor, value_type, key, items)
        header.values.setdefault(key, value)
    if tensors:
        for index in range(tensor_count):
            _tensor(cursor, index, header)
    header.header_bytes = cursor.offset
    return header


def _string(cursor: Cursor, field_name: str, limit: int | None = None) -> str:
    length = cursor.unpack("Q", f"{field_name} length")
    if limit is not None and length > limit:
        raise cursor.fail(f"{field_name}: length {length} exceeds {limit}")
    return cursor.read(length, field_name).decode("utf-8", errors="replace")


class _ItemBudget:
    """Array elements left to walk in one header (all arrays, nested ones included)."""

    def __init__(self, cursor: Cursor, budget: int = MAX_GGUF_ARRAY_ITEMS) -> None:
        self.cursor = cursor
        self.left = budget
        self.budget = budget

    def take(self, count: int, key: str) -> None:
        self.left -= count
        if self.left < 0:
            raise self.cursor.fail(f"'{key}': arrays hold more than {self.budget} elements in "
                                   "all (the GGUF array-element limit); refused")


def _value(cursor: Cursor, value_type: int, key: str, items: _ItemBudget) -> Any:
    if value_type in SCALARS:
        code, _size = SCALARS[value_type]
        return cursor.unpack(code, f"'{key}' value")
    if value_type == STRING:
        length = cursor.unpack("Q", f"'{key}' length")
        if length > KEEP_STRING_CHARS * 4:
            cursor.skip(length, f"'{key}' value")
            return {"string_bytes": length}
        return cursor.read(length, f"'{key}' value").decode("utf-8", errors="replace")
    if value_type == ARRAY:
        item_type = cursor.unpack("I", f"'{key}' array type")
        count = cursor.unpack("Q", f"'{key}' array length")
        return _array(cursor, item_type, count, key, items)
    raise cursor.fail(f"'{key}': unknown value type {value_type}")


def _array(cursor: Cursor, item_type: int, count: int, key: str, items: _ItemBudget) -> Any:
    if item_type in SCALARS:
        code, size = SCALARS[item_type]
        cursor.need(count * size, f"'{key}' array of {count}")
        items.take(count, key)
        if count > KEEP_ARRAY_ITEMS:
            cursor.skip(count * size, f"'{key}' array")
            return {"array_of": count}
        return [cursor.unpack(code, f"'{key}'[{i}]") for i in range(count)]
    if item_type == STRING:
        cursor.need(count * 8, f"'{key}' array of {count} strings")
        items.take(count, key)
        kept = cursor.strings(count, f"'{key}'", KEEP_ARRAY_ITEMS, KEEP_STRING_CHARS * 4)
        return kept if count <= KEEP_ARRAY_ITEMS else {"array_of": count}
    if item_type == ARRAY:
        cursor.need(count * 12, f"'{key}' array of {count} arrays")
        items.take(count, key)
        for i in range(count):
            inner_type = cursor.unpack("I", f"'{key}'[{i}] type")
            if inner_type == ARRAY:
                raise cursor.fail(f"'{key}': arrays nested more than two deep")
            inner_count = cursor.unpack("Q", f"'{key}'[{i}] length")
            _array(cursor, inner_type, inner_count, key, items)
        return {"array_of": count}
    raise cursor.fail(f"'{key}': unknown array item type {item_type}")


def _tensor(cursor: Cursor, index: int, header: GgufHeader) -> None:
    name = _string(cursor, f"tensor[{index}].name", MAX_KEY_BYTES)
    n_dims = cursor.unpack("I", f"tensor '{name}' n_dims")
    if n_dims > MAX_DIMS:
        raise cursor.fail(f"tensor '{name}': {n_dims} dimensions (at most {MAX_DIMS})")
    dims = [cursor.unpack("Q", f"tensor '{name}' dim {d}") for d in range(n_dims)]
    type_id = cursor.unpack("I", f"tensor '{name}' type")
    cursor.skip(8, f"tensor '{name}' offset")
    count = math.prod(dims)
    dtype = TENSOR_TYPES.get(type_id, f"type{type_id}")
    header.parameters += count
    header.dtypes[dtype] = header.dtypes.get(dtype, 0) + count
