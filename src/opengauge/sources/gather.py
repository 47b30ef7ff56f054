"""Run the sources over a target and return its Facts."""

from __future__ import annotations

from dataclasses import dataclass, field

from opengauge.errors import BadInput, NotFound
from opengauge.limits import read_regular
from opengauge.sources import safetensors
from opengauge.sources.card import CardSource
from opengauge.sources.cardterms import CardTermsSource
from opengauge.sources.config import ConfigSource
from opengauge.sources.facts import Facts
from opengauge.sources.hub import HubClient, HubOptions
from opengauge.sources.hubrepo import HubInfoSource, HubRepository, RelatedReposSource
from opengauge.sources.interface import Repository, Source
from opengauge.sources.licensefiles import LicenseFilesSource
from opengauge.sources.links import LinksSource
from opengauge.sources.local import LOOKED_FOR, LocalRepository, WalkLimits, model_evidence
from opengauge.sources.target import Target, resolve_target
from opengauge.sources.weights import WeightsSource
from opengauge.store import Store


@dataclass
class GatherOptions:
    """What to read (how to reach the Hub is `HubOptions`, the one Hub options type)."""

    lookups: bool = True           # look up base models and datasets on the Hub
    analyze_licenses: bool = True  # call the license analyzer seam on license files
    walk: WalkLimits = field(default_factory=WalkLimits)
    hub_gguf_headers: int = 1      # GGUF headers read by range request per Hub repo


def gather(target: Target | str, options: GatherOptions | None = None,
           client: HubClient | None = None, store: Store | None = None,
           hub: HubOptions | None = None) -> Facts:
    """Everything the sources find about `target` (a Target or a command-line string); the
    Hub is asked through `client`, else a client with the options `hub`."""
    options = options or GatherOptions()
    if isinstance(target, str):
        target = resolve_target(target)
    if target.kind == "catalog":
        raise BadInput(f"'{target.name}' is neither an existing path nor a Hub id (org/name); "
                       "catalog names have no repository to read")
    client = client or HubClient(hub or HubOptions(), store)
    client.begin_check()
    facts = Facts(target=target)
    hub_repo: HubRepository | None = None
    if target.kind == "hub":
        assert target.repo_id is not None
        model, cached = client.model_info(target.repo_id, target.revision)
        hub_repo = HubRepository(client, model, target.revision)
        repo: Repository = hub_repo
        sources: list[Source] = [
            CardSource(), CardTermsSource(), LicenseFilesSource(options.analyze_licenses),
            ConfigSource(), WeightsSource(safetensors_headers=0, gguf_headers=options.hub_gguf_headers),
            HubInfoSource(cached), LinksSource()]
    else:
        repo = _local_repository(target, options)
        if target.path_kind == "folder":
            require_a_model(repo)
        sources = [CardSource(), CardTermsSource(), LicenseFilesSource(options.analyze_licenses),
                   ConfigSource(), WeightsSource(strict=target.path_kind != "folder"), LinksSource()]
    if options.lookups:
        sources.append(RelatedReposSource(client))
    for source in sources:
        source.collect(repo, facts)
    facts.files = [(f.name, f.size) for f in repo.files()]
    facts.listing_truncated = repo.truncated
    if isinstance(repo, LocalRepository):
        for note in repo.notes:
            facts.problem("folder", f"{repo.root}/{note}", kind="folder")
        if repo.truncated:
            facts.problem("folder", f"{repo.root}: listing stopped at the walk limits "
                          f"(depth {options.walk.max_depth}, {options.walk.max_files} files)",
                          kind="truncated")
    if hub_repo is not None:
        facts.problems.extend(hub_repo.problems)
    for warning in client.warnings:
        facts.problem("hub", warning, kind="stale")
    client.warnings.clear()
    return facts


def require_a_model(repo: LocalRepository) -> None:
    """NotFound (exit 3) for a folder with no model card, config, tokenizer, weights, GGUF or
    license file: it is not a model, and rating it would be a confident wrong answer."""
    if not model_evidence([f.name for f in repo.files()]):
        raise NotFound(f"no model found in {repo.root}: looked for {', '.join(LOOKED_FOR)}"
                       + (" (the listing stopped at the walk limits)" if repo.truncated else ""))


def _local_repository(target: Target, options: GatherOptions) -> LocalRepository:
    assert target.path is not None
    path = target.path
    if target.path_kind == "folder":
        return LocalRepository(path, limits=options.walk)
    if target.path_kind == "index":
        try:
            raw, more = read_regular(path, safetensors.MAX_INDEX_BYTES)
            raw += b" " if more else b""
        except OSError as exc:
            raise BadInput(f"{path}: cannot read: {exc.strerror or exc}") from None
        index = safetensors.parse_index(raw, str(path))
        present = [s for s in index.shards if (path.parent / s).is_file()]
        return LocalRepository(path.parent, only=[path.name, *present])
    return LocalRepository(path.parent, only=[path.name])
