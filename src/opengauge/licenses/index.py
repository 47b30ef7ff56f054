"""The prebuilt license index: what identification needs, ready to load in milliseconds.

`data/index.zip` (package data, written by `python -m opengauge.licenses.build`) holds:

- `index.json`: format, fingerprint and content digest of the library it was built from;
- `registry.json`: the entries (as columns), families and Hub ids;
- `match.json`: the vocabulary, the reference texts and their exact-text digests (the texts
  of deprecated entries are kept apart, under `retired`: they are only ever named as exact
  copies, and only when no current entry has the same text; the words only they use come
  last in the vocabulary, after `active`, and never take part in searching);
- `names.json`: license names reduced to their distinguishing words -> keys;
- `rules.json`: the clause rule files (`rules/*.yml`) as parsed, with a digest of each text;
- `tokens.bin`: every reference text as vocabulary ids, compressed text by text;
- `shingle-keys.bin`, `shingle-codes.bin`, `shingle-texts.bin`: an inverted index of token
  trigrams (a sample of one in eight for long texts, all of them for short ones).

Each index records a fingerprint of the files it was built from (names and sizes; with
modification times for a user's folder). When the library changes (a license file added,
say), `load()` notices and rebuilds the index into the user's cache directory.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import sys
import time
import zipfile
import zlib
from array import array
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from opengauge import __version__
from opengauge.atomic import write_atomic
from opengauge.licenses import places
from opengauge.licenses.normalize import VERSION as NORMALIZER_VERSION
from opengauge.licenses.normalize import tokens as text_tokens
from opengauge.paths import cache_dir

FORMAT = 1
INDEX_NAME = "index.zip"
SMALL_TEXT = 120
"""Texts up to this many tokens keep all their trigrams in the inverted index."""
SAMPLE_MASK = 7
"""Longer texts keep a trigram when its mixed key is 0 modulo 8."""
_MIX = 0x9E3779B97F4A7C15
_WORD = (1 << 64) - 1


def _sources(extra: Path | None) -> list[tuple[str, str, bool]]:
    """(label, path, user) of every file the library is built from."""
    root = places.data_root()
    found: list[tuple[str, str, bool]] = []
    for folder, _ in places.folders():  # plain strings: thousands of files, every new process
        label, path = f"{folder.name}/", f"{folder}{os.sep}"
        found += [(label + name, path + name, False) for name in places.license_names(folder)]
    found += [(name, str(root / name), False) for name in ("overlay.yml", "hub.yml")]
    if extra is not None:
        found += [(f"user/{name}", str(extra / name), True) for name in places.license_names(extra)]
    return found


def fingerprint(extra: Path | None = None) -> str:
    """A digest of the library's file names (and sizes and mtimes of a user's files).

    Bundled files are listed by name only, which costs no `stat` per file: adding, removing or
    renaming a license is noticed at once; an edit in place of a bundled file is caught by
    the test that compares the index with `content_digest()`.
    """
    digest = hashlib.sha1(f"{FORMAT}:{NORMALIZER_VERSION}:{__version__}".encode())
    parts = []
    for label, path, user in _sources(extra):
        if user or not label.endswith(places.SUFFIX):
            stat = os.stat(path)
            label += f"\0{stat.st_size}" + (f"\0{path}\0{stat.st_mtime_ns}" if user else "")
        parts.append(label)
    digest.update("\n".join(parts).encode())
    return digest.hexdigest()


def content_digest(extra: Path | None = None) -> str:
    """A digest of the library's file contents (slower; for the freshness test)."""
    digest = hashlib.sha1()
    for label, path, _ in _sources(extra):
        digest.update(label.encode() + b"\0" + Path(path).read_bytes())
    return digest.hexdigest()


def trigram_keys(ids: list[int], wide: bool) -> list[int]:
    """The key of every token trigram; trigrams with an unknown word (id -1) get a negative key."""
    shift = 21 if wide else 16
    double = 2 * shift
    return [(a << double) | (b << shift) | c for a, b, c in zip(ids, ids[1:], ids[2:], strict=False)]


def sampled(key: int) -> bool:
    """Whether a long text's trigram `key` is kept in the inverted index."""
    return ((key * _MIX) & _WORD) >> 61 == 0


def text_digest(words: list[str]) -> str:
    """The digest that finds an exact copy of a reference text."""
    return hashlib.blake2b(" ".join(words).encode(), digest_size=10).hexdigest()


def name_key(name: str) -> str:
    """A license name reduced to the words that tell licenses apart (for references)."""
    from opengauge.licenses.names import name_words

    return " ".join(name_words(name))


ENTRY_COLUMNS = ("key", "name", "spdx", "short_name", "owner", "category", "family", "version",
                 "kind", "url", "source")
ENTRY_LISTS = ("aliases", "other_spdx", "replaced_by", "files")
ENTRY_FLAGS = ("deprecated", "exception", "generic")


@dataclass
class Built:
    """An index as stored: JSON parts (parsed lazily) and binary arrays."""

    parts: Mapping[str, bytes]

    @cached_property
    def meta(self) -> dict[str, Any]:
        """format, normalizer and package version, fingerprint and content digest."""
        return json.loads(self.parts["index.json"])

    @cached_property
    def registry(self) -> dict[str, Any]:
        """Entries (as columns), families and Hub ids."""
        return json.loads(self.parts["registry.json"])

    @cached_property
    def matching(self) -> dict[str, Any]:
        """Vocabulary, reference texts (as columns) and exact-text digests."""
        return json.loads(self.parts["match.json"])

    @cached_property
    def rules(self) -> dict[str, Any]:
        """Rule file name -> {digest, data}: each rule file as parsed when the index was built."""
        part = self.parts.get("rules.json")
        return json.loads(part) if part else {}

    @cached_property
    def names(self) -> dict[str, list[str]]:
        """Name words -> entry keys."""
        return json.loads(self.parts["names.json"])

    def array(self, name: str, code: str) -> array:
        values = array(code)
        values.frombytes(self.parts[name])
        return values

    def text_tokens(self, number: int) -> list[int]:
        """The vocabulary ids of reference text `number`."""
        start, size = self.matching["texts"]["blob"][number]
        values = array("I" if self.matching["wide"] else "H")
        values.frombytes(zlib.decompress(self.parts["tokens.bin"][start:start + size]))
        return values.tolist()


def rule_digest(text: str) -> str:
    """The digest that tells whether a rule file is the one the index was built with."""
    return hashlib.sha1(text.encode()).hexdigest()


def rules_part() -> dict[str, Any]:
    """Each rule file (`licenses/rules/*.yml`) as parsed now, with its digest: a new process
    then reads the rules without importing a YAML parser."""
    from opengauge.licenses.library import _yaml
    from opengauge.licenses.rulebook import RULES

    found: dict[str, Any] = {}
    for path in sorted(RULES.glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        data = _yaml(text)
        if json.loads(json.dumps(data)) == data:  # only what JSON keeps as it is
            found[path.name] = {"digest": rule_digest(text), "data": data}
    return found


def _columns(entries: list[Any]) -> dict[str, Any]:
    data = [e.to_dict() for e in entries]
    columns: dict[str, Any] = {c: [d[c] for d in data] for c in ENTRY_COLUMNS}
    for name in ENTRY_LISTS:
        columns[name] = {str(i): d[name] for i, d in enumerate(data) if d[name]}
    for name in ENTRY_FLAGS:
        columns[name] = [i for i, d in enumerate(data) if d[name]]
    return columns


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def build(extra: Path | None = None) -> Built:
    """Read the library and build its index."""
    from opengauge.licenses import library

    lib = library.read(extra)
    entries = sorted(lib.entries.values(), key=lambda e: e.key)
    position = {e.key: i for i, e in enumerate(entries)}
    raw_texts: list[tuple[int, str, list[str]]] = []
    retired_texts: list[tuple[int, str, list[str]]] = []
    for entry in entries:
        if entry.generic:
            continue
        for rel, text in entry.texts:
            words = text_tokens(text)
            if len(words) >= 3:
                (retired_texts if entry.deprecated else raw_texts).append(
                    (position[entry.key], rel, words))
    counts: dict[str, int] = {}
    for _, _, words in raw_texts:
        for w in words:
            counts[w] = counts.get(w, 0) + 1
    vocab = sorted(counts, key=lambda w: (-counts[w], w))
    active = len(vocab)
    vocab += sorted({w for _, _, words in retired_texts for w in words} - counts.keys())
    ids = {w: i for i, w in enumerate(vocab)}
    wide = len(vocab) >= 1 << 16
    blobs = bytearray()
    texts: dict[str, list[Any]] = {"entry": [], "file": [], "size": [], "keys": [], "blob": []}
    exact: dict[str, list[int]] = {}
    postings: dict[int, list[int]] = {}
    for number, (entry_pos, rel, words) in enumerate(raw_texts):
        seq = [ids[w] for w in words]
        keys = set(trigram_keys(seq, wide))
        if len(seq) > SMALL_TEXT:
            keys = {k for k in keys if sampled(k)}
        for key in keys:
            postings.setdefault(key, []).append(number)
        blob = zlib.compress(array("I" if wide else "H", seq).tobytes(), 9)
        for column, value in (("entry", entry_pos), ("file", rel), ("size", len(seq)),
                              ("keys", len(keys)), ("blob", [len(blobs), len(blob)])):
            texts[column].append(value)
        blobs += blob
        exact.setdefault(text_digest(words), []).append(number)
    retired: dict[str, list[int]] = {}
    for entry_pos, rel, words in retired_texts:
        digest = text_digest(words)
        if digest in exact:
            continue
        number = len(texts["entry"])
        blob = zlib.compress(array("I" if wide else "H", [ids[w] for w in words]).tobytes(), 9)
        for column, value in (("entry", entry_pos), ("file", rel), ("size", len(words)),
                              ("keys", 0), ("blob", [len(blobs), len(blob)])):
            texts[column].append(value)
        blobs += blob
        retired.setdefault(digest, []).append(number)
    shingle_keys, shingle_codes, shingle_texts = array("Q"), array("Q"), array("H")
    for key in sorted(postings):
        found = postings[key]
        shingle_keys.append(key)
        shingle_codes.append((len(shingle_texts) << 16) | len(found))
        shingle_texts.extend(found)
    names: dict[str, list[str]] = {}
    for entry in entries:
        for name in {entry.name, entry.short_name, entry.spdx, entry.key, *entry.aliases,
                     *entry.other_spdx} - {None}:
            spelled = name_key(str(name))
            if spelled and entry.key not in names.setdefault(spelled, []):
                names[spelled].append(entry.key)
    for hub_id, item in lib.hub.items():
        for name in (hub_id, item.get("name")):
            spelled = name_key(str(name or ""))
            if spelled and f"hub:{hub_id}" not in names.setdefault(spelled, []):
                names[spelled].append(f"hub:{hub_id}")
    meta = {"format": FORMAT, "normalizer": NORMALIZER_VERSION, "version": __version__,
            "fingerprint": fingerprint(extra), "digest": content_digest(extra)}
    registry = {"entries": _columns(entries), "families": lib.families, "hub": lib.hub}
    matching = {"vocab": vocab, "active": active, "wide": wide, "texts": texts, "exact": exact,
                "retired": retired}
    return Built({
        "index.json": _json(meta), "registry.json": _json(registry), "match.json": _json(matching),
        "names.json": _json(names), "rules.json": _json(rules_part()), "tokens.bin": bytes(blobs),
        "shingle-keys.bin": shingle_keys.tobytes(), "shingle-codes.bin": shingle_codes.tobytes(),
        "shingle-texts.bin": shingle_texts.tobytes(),
    })


STORED = ("tokens.bin", "shingle-keys.bin", "shingle-codes.bin", "shingle-texts.bin")


def dump(built: Built) -> bytes:
    """The bytes of `index.zip` (deterministic: fixed member dates).

    JSON parts are deflated; binary parts are stored as they are (the token blobs are
    compressed one text at a time, so a text is decompressed only when it is compared).
    """
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in built.parts.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name in STORED else zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=9)
    return out.getvalue()


class _Members(Mapping[str, bytes]):
    """The members of an index archive, each read (and its CRC checked) on first use: a known
    license needs the registry and the exact-text digests, not the 5 MB of token arrays."""

    def __init__(self, data: bytes) -> None:
        self._archive = zipfile.ZipFile(io.BytesIO(data))
        self._names = self._archive.namelist()
        self._read: dict[str, bytes] = {}

    def __getitem__(self, name: str) -> bytes:
        if name not in self._read:
            if name not in self._names:
                raise KeyError(name)
            self._read[name] = self._archive.read(name)
        return self._read[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def parse(data: bytes) -> Built | None:
    """An index from the bytes of `index.zip`; None when unreadable or of another format."""
    try:
        built = Built(_Members(data))
        meta = built.meta
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        return None
    if meta.get("format") != FORMAT or meta.get("normalizer") != NORMALIZER_VERSION:
        return None
    return built


def bundled_path() -> Path:
    return places.data_root() / INDEX_NAME


def _read(path: Path) -> Built | None:
    try:
        return parse(path.read_bytes())
    except OSError:
        return None


@cache
def load() -> Built:
    """The index of the current library: the bundled one when it is fresh, else a rebuilt one.

    A rebuilt index is kept in the cache directory until the library changes again.
    """
    extra = places.user_folder()
    current = fingerprint(extra)
    if extra is None:
        built = _read(bundled_path())
        if built is not None and built.meta.get("fingerprint") == current:
            return built
    cached = cache_dir() / f"licenses-{INDEX_NAME}"
    built = _read(cached)
    if built is not None and built.meta.get("fingerprint") == current:
        return built
    started = time.monotonic()
    built = build(extra)
    with contextlib.suppress(OSError):
        write_atomic(cached, dump(built))
    print(f"opengauge: the license library changed; rebuilt its index in "
          f"{time.monotonic() - started:.1f} s ({cached})", file=sys.stderr)
    return built
