"""One repository's row: the Facts its depth allows, assessed by `check`'s own code path
(`assess.engine.assess`, `summarize`, `license_of`, `assess.findings.find`)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from opengauge import frontmatter
from opengauge.assess import engine
from opengauge.assess import findings as finding_rules
from opengauge.assess.licensing import CatalogTerms
from opengauge.model import Locator
from opengauge.sources.bytesource import ByteSource
from opengauge.sources.card import CardSource
from opengauge.sources.facts import Facts
from opengauge.sources.hub import HubClient, HubModel
from opengauge.sources.hubrepo import HubInfoSource, HubRepository
from opengauge.sources.interface import RepoFile
from opengauge.sources.links import LinksSource
from opengauge.sources.target import resolve_target

CARD = "README.md"


@dataclass
class Listed:
    """What the input says of one repository before any request: its id and, from a listing or
    a cards snapshot, card data or the card itself."""

    id: str
    card: str | None = None
    card_data: dict[str, Any] | None = None
    sha: str | None = None
    gated: Any = None
    tags: list[str] = field(default_factory=list)
    pipeline_tag: str | None = None
    library_name: str | None = None
    last_modified: str | None = None
    downloads: int | None = None
    likes: int | None = None
    known: set[str] = field(default_factory=set)
    """The fields the input had at all (a cards snapshot has no sha and no gated column)."""

    def to_record(self) -> dict[str, Any]:
        return {"id": self.id, "card": self.card,
                "card_data": None if self.card_data is None else json.dumps(self.card_data),
                "sha": self.sha, "gated": None if self.gated is None else json.dumps(self.gated),
                "tags": self.tags, "pipeline_tag": self.pipeline_tag,
                "library_name": self.library_name, "last_modified": self.last_modified,
                "downloads": self.downloads, "likes": self.likes, "known": sorted(self.known)}

    @classmethod
    def from_record(cls, data: dict[str, Any]) -> Listed:
        return cls(id=data["id"], card=data.get("card"),
                   card_data=json.loads(data["card_data"]) if data.get("card_data") else None,
                   sha=data.get("sha"),
                   gated=json.loads(data["gated"]) if data.get("gated") is not None else None,
                   tags=list(data.get("tags") or []), pipeline_tag=data.get("pipeline_tag"),
                   library_name=data.get("library_name"), last_modified=data.get("last_modified"),
                   downloads=data.get("downloads"), likes=data.get("likes"),
                   known=set(data.get("known") or []))


class ListedRepository(HubRepository):
    """A Hub repository seen through its listing: the card alone, from memory when the input
    holds it (cards snapshot, or card data as front matter at depth metadata), else downloaded."""

    def __init__(self, client: HubClient, model: HubModel, card: str | None,
                 download: bool) -> None:
        super().__init__(client, model, model.sha)
        self.card = card
        self.download = download

    def files(self) -> list[RepoFile]:
        has_card = self.card is not None or self.download
        return [RepoFile(CARD, None if self.card is None else len(self.card.encode()))] \
            if has_card else []

    def read(self, name: str, limit: int) -> tuple[bytes, bool] | None:
        if name != CARD:
            return None
        if self.card is None:
            return super().read(name, limit) if self.download else None
        data = self.card.encode("utf-8", "replace")
        return data[:limit], len(data) > limit

    def open(self, name: str) -> ByteSource:  # pragma: no cover - no weights at these depths
        raise FileNotFoundError(name)

    def locate(self, name: str, line: int | None = None, field: str | None = None) -> Locator:
        return super().locate(name, line, field)


def card_from_data(card_data: dict[str, Any] | None) -> str | None:
    """Listing card data as a card's front matter (depth metadata reads only that)."""
    if not card_data:
        return None
    import yaml

    return "---\n" + yaml.safe_dump(card_data, sort_keys=False, allow_unicode=True) + "---\n"


def shallow_facts(listed: Listed, depth: str, client: HubClient) -> Facts:
    """Facts at depth metadata or card: listing fields and the card, no other requests."""
    model = HubModel(id=listed.id, sha=listed.sha, gated=listed.gated, tags=list(listed.tags),
                     pipeline_tag=listed.pipeline_tag, library_name=listed.library_name,
                     card_data=listed.card_data or {}, last_modified=listed.last_modified)
    card = listed.card if depth == "card" else card_from_data(listed.card_data)
    if depth == "metadata" and card is None and listed.card is not None:
        card = listed.card  # a cards snapshot: its front matter is the card data
        card = _front_matter_only(card)
    download = depth == "card" and listed.card is None
    repo = ListedRepository(client, model, card, download)
    facts = Facts(target=resolve_target(f"hub:{listed.id}"))
    for source in (CardSource(), HubInfoSource(), LinksSource()):
        source.collect(repo, facts)
    facts.files = [(f.name, f.size) for f in repo.files()]
    facts.problems.extend(repo.problems)
    if facts.hub is not None and facts.card is not None and not model.card_data:
        facts.hub.card_data = None
    return facts


def _front_matter_only(card: str) -> str | None:
    card = card.lstrip("\ufeff")
    lines = frontmatter.body_of(card)[1] - 1
    return "\n".join(card.split("\n")[:lines]) + "\n" if lines else None


def row_of(facts: Facts, depth: str, listed: Listed | None = None,
           terms: CatalogTerms | None = None) -> dict[str, Any]:
    """The dataset row of `facts`: license, verdict and findings as `check` computes them
    (`terms`: the catalog's; default: the session of `$OPENGAUGE_CATALOG`)."""
    if terms is None:
        from opengauge.app.session import Session, SessionConfig

        terms = Session(SessionConfig.of()).terms()
    dossier, _, assessed = engine.assess(facts, terms)
    summary = engine.summarize(dossier, assessed)
    picture = dossier.licenses
    licenses, seen = [], set()
    for reading in picture.model:
        scope = reading.source
        for match in reading.licenses:
            item = (match.key, match.name, match.version, scope)
            if item not in seen:
                seen.add(item)
                licenses.append(dict(zip(("key", "name", "version", "scope"),
                                         [None if v is None else str(v) for v in item],
                                         strict=True)))
    restrictions = sorted({r.kind for reading in picture.terms
                           for r in reading.restrictions if r.kind})
    regions = []
    card = facts.card
    if card is not None and card.eu_disallowed is not None and card.eu_disallowed.value:
        regions.append("EU")
    for reading in picture.terms:
        for restriction in reading.restrictions:
            if restriction.kind == "territorial":
                value = restriction.value
                regions.extend(str(v) for v in (value if isinstance(value, list) else [value])
                               if v)
    bases = [{"id": r.subject, "licenses": sorted({str(m.key or m.name)
                                                   for m in r.licenses}) or [r.declared],
              "open_source": r.open_source} for r in picture.base_models]
    known = {b["id"] for b in bases}
    bases += [{"id": b, "licenses": [], "open_source": None}
              for b, _ in dossier.base_ids if b not in known]
    eu = assessed.get("osai")
    mof = assessed.get("mof")
    hub = facts.hub
    nulls = []
    hub_gated = hub.gated.value if hub is not None else None
    if listed is None or not listed.known or "gated" in listed.known:
        gated: str | None = "no" if hub_gated in (None, False, "false", "False") else str(hub_gated)
    elif card is not None and card.gated:
        gated = "card"  # the snapshot has no gated column, but the card asks for access terms
    else:
        gated = None
        nulls.append("gated: the input has no gated field")
    if hub is not None and hub.sha is None:
        nulls.append("revision: the input has no commit sha")
    declared = [r.declared for r in picture.model if r.source in ("card", "card-name", "gguf")]
    return {
        "id": hub.repo_id if hub is not None else facts.target.label,
        "revision": hub.sha if hub is not None else None,
        "depth": depth,
        "declared_licenses": declared,
        "license_name": picture.declared_name(),
        "licenses": licenses,
        "unidentified_licenses": [r.declared for r in picture.unidentified],
        "license_files": [f.name for f in facts.license_files],
        "license_open_source": picture.open_source,
        "open_source": summary["open_source"],
        "restrictions": restrictions,
        "base_models": bases,
        "gated": gated,
        "excluded_regions": sorted(set(regions)),
        "findings": [f.id for f in finding_rules.find(dossier)],
        "eu_score": round(eu.score, 6) if eu is not None and eu.score is not None else None,
        "mof_class": str(mof.klass) if mof is not None and mof.klass is not None else None,
        "last_modified": (listed.last_modified if listed else None) or (hub.last_modified
                                                                         if hub else None),
        "downloads": listed.downloads if listed else None,
        "likes": listed.likes if listed else None,
        "nulls": nulls,
    }
