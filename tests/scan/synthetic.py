"""Synthetic Hub repositories for scan tests, built from the shared real cards: each keeps a
real card's body and front matter, with a varied id, license, base model, gating and EU
exclusion, so that every census question has positive and negative examples."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from hubserver import HubServer
from reference_data import REFERENCE

CARDS = REFERENCE / "hub" / "cards"
LICENSES = ["apache-2.0", "mit", "llama3.1", "cc-by-nc-4.0", "openrail", "other", None, "gemma",
            "bsd-3-clause", "my-own-terms-v2", "llama2", "cc-by-4.0"]
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass
class Template:
    slug: str
    front: dict
    body: str
    extra: dict[str, bytes]


def templates() -> list[Template]:
    found = []
    for folder in sorted(p for p in CARDS.iterdir() if p.is_dir()):
        text = (folder / "README.md").read_text(encoding="utf-8")
        front, body = {}, text
        if text.startswith("---"):
            end = text.index("\n---", 3)
            front = yaml.safe_load(text[3:end]) or {}
            body = text[end + 4:].lstrip("\n")
        extra = {p.name: p.read_bytes() for p in folder.iterdir()
                 if p.is_file() and p.name != "README.md"}
        found.append(Template(folder.name, front if isinstance(front, dict) else {}, body, extra))
    return found


@dataclass
class Synthetic:
    id: str
    card: str
    gated: object
    extra: dict[str, bytes]


def synthetic(count: int, with_files: bool = False) -> Iterator[Synthetic]:
    """`count` repositories; every third is a derivative of an earlier one."""
    bases = templates()
    ids: list[str] = []
    for index in range(count):
        template = bases[index % len(bases)]
        name = template.slug.split("__", 1)[1]
        repo_id = f"org{index % 53}/{name}-s{index}"
        front = {k: v for k, v in template.front.items()
                 if k not in ("license", "license_name", "license_link", "base_model")}
        license_ = LICENSES[(index // len(bases)) % len(LICENSES)]
        if license_ is not None:
            front["license"] = license_
        if license_ == "other":
            front["license_name"] = "custom-terms"
        if index % 3 == 2 and ids:
            front["base_model"] = ids[random.Random(index).randrange(len(ids))]
        if index % 13 == 0:
            front["extra_gated_eu_disallowed"] = True
            front["extra_gated_prompt"] = "Accept the terms"
        gated = "manual" if index % 7 == 0 else ("auto" if index % 11 == 0 else False)
        card = "---\n" + yaml.dump(front, Dumper=_Dumper, sort_keys=False) + "---\n" + template.body
        ids.append(repo_id)
        yield Synthetic(repo_id, card, gated, template.extra if with_files else {})


def serve(server: HubServer, count: int, with_files: bool = True) -> list[str]:
    """Add `count` synthetic repositories to `server`; their ids."""
    found = []
    for item in synthetic(count, with_files):
        server.add_model(item.id, {"README.md": item.card, **item.extra}, gated=item.gated)
        found.append(item.id)
    return found


def cards_parquet(path: Path, count: int, files: int = 1) -> list[str]:
    """A librarian-bots/model_cards_with_metadata style snapshot of `count` repositories."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([("modelId", pa.string()), ("author", pa.string()),
                        ("last_modified", pa.timestamp("us", tz="UTC")),
                        ("downloads", pa.int64()), ("likes", pa.int64()),
                        ("library_name", pa.string()), ("tags", pa.list_(pa.string())),
                        ("pipeline_tag", pa.string()), ("createdAt", pa.timestamp("us", tz="UTC")),
                        ("card", pa.string())])
    path.mkdir(parents=True, exist_ok=True)
    writers = [pq.ParquetWriter(path / f"train-{n:05d}.parquet", schema) for n in range(files)]
    ids: list[str] = []
    batch: list[dict] = []

    def flush() -> None:
        if batch:
            writers[len(ids) // 1000 % files].write_table(pa.Table.from_pylist(batch, schema))
            batch.clear()

    import datetime

    moment = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
    for index, item in enumerate(synthetic(count)):
        batch.append({"modelId": item.id, "author": item.id.split("/")[0], "last_modified": moment,
                      "downloads": index, "likes": index % 17, "library_name": "transformers",
                      "tags": ["transformers"], "pipeline_tag": "text-generation",
                      "createdAt": moment, "card": item.card})
        ids.append(item.id)
        if len(batch) >= 1000:
            flush()
    flush()
    for writer in writers:
        writer.close()
    return ids
