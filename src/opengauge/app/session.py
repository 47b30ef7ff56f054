"""The session: one catalog, one set of Hub options and one store, built once per command (or
per web app) and passed down.

Lower layers never see a catalog folder: they are given the `Catalog`, or the narrow thing they
need (`licensing.CatalogTerms`, a resolver), from here. `SessionConfig` is small, frozen and
picklable: another process rebuilds an equal session with `Session(config)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from opengauge.assess.report import Report
from opengauge.catalog.catalog import Catalog, load
from opengauge.model import DataSnapshot, Ranked
from opengauge.paths import own_catalog_dir
from opengauge.sources.hub import HubOptions
from opengauge.store import Store

if TYPE_CHECKING:
    from opengauge.app.curated import ModelView
    from opengauge.assess.licensing import CatalogTerms


@dataclass(frozen=True)
class SessionConfig:
    """What a session is built from. `catalog` is the user's own records folder (absolute), or
    None; the Hub fields are `HubOptions.of`'s (None: the default; `refresh` asks again what
the store holds); `store` is the store's path
    (None: none given, the callers' default); `history` stores each check."""

    catalog: str | None = None
    endpoint: str | None = None
    token: str | bool | None = None
    offline: bool | None = None
    timeout: float | None = None
    retries: int | None = None
    backoff: float | None = None
    refresh: bool = False
    store: str | None = None
    history: bool = False

    @classmethod
    def of(cls, own: str | Path | None = None, **fields: object) -> SessionConfig:
        """A config for the own records `own` (else `$OPENGAUGE_CATALOG`, else none)."""
        folder = own_catalog_dir(own)
        return cls(catalog=str(folder.resolve()) if folder else None, **fields)  # type: ignore[arg-type]

    def hub_options(self) -> HubOptions:
        return HubOptions.of(offline=self.offline, endpoint=self.endpoint, token=self.token,
                             timeout=self.timeout, retries=self.retries, backoff=self.backoff,
                             refresh=self.refresh)


@cache
def _catalog(folder: str | None) -> Catalog:
    return load(Path(folder) if folder else None)


def forget() -> None:
    """Forget loaded catalogs (after an import, or in tests)."""
    _catalog.cache_clear()


class Session:
    """The catalog, the Hub options and the store of one command or web app."""

    def __init__(self, config: SessionConfig | None = None, *, store: Store | None = None) -> None:
        self.config = config or SessionConfig()
        self._store = store

    def with_store(self, store: Store) -> Session:
        """This session with `store` (same config)."""
        return Session(self.config, store=store)

    @property
    def catalog(self) -> Catalog:
        """Bundled, imported and own records (loaded once per process and folder)."""
        return _catalog(self.config.catalog)

    @property
    def own(self) -> Path | None:
        """The own records folder (for `load_layer`), or None."""
        return Path(self.config.catalog) if self.config.catalog else None

    @cached_property
    def hub(self) -> HubOptions:
        """The Hub options (BadInput for a bad timeout, when first needed)."""
        return self.config.hub_options()

    @cached_property
    def store(self) -> Store | None:
        """The store given, else the one at the config's path, else None (the default store)."""
        if self._store is not None:
            return self._store
        return Store(Path(self.config.store)) if self.config.store else None

    # -- the catalog ----------------------------------------------------------------------

    def ids(self) -> list[str]:
        """Every model id in the catalog (any framework)."""
        return self.catalog.ids()

    def resolve(self, name: str) -> str:
        """The family or release id `name` refers to (`Catalog.resolve`); NotFound with
        suggestions otherwise, `AmbiguousName` (exit 3, with the candidates) for a name releases
        share. An exact model id always names that model, whatever the alias table says."""
        return self.catalog.resolve(name)

    def snapshots(self, sources: list[str] | None = None) -> list[DataSnapshot]:
        """The data snapshots in use (of `sources` only, when given)."""
        from opengauge.catalog.ranking import snapshots_of

        return snapshots_of(self.catalog, sources)

    def ranked(self, framework_id: str, *, releases: bool = False) -> list[Ranked]:
        """The full ranking of `framework_id` (of every MOT release with `releases`), before
        any filter."""
        from opengauge import frameworks

        return frameworks.get(framework_id).rank(
            self.catalog.assessments(framework_id, releases=releases))

    # -- reports --------------------------------------------------------------------------

    def model(self, name: str, framework: str | None = None) -> ModelView:
        """One model with its ranked assessment in every framework (or just `framework`)."""
        from opengauge.app.curated import model

        return model(self, name, framework)

    def check(self, name: str) -> Report:
        """The curated report of a catalog model."""
        from opengauge.app.curated import check

        return check(self, name)

    def check_target(self, target: str, *, allow_paths: bool = True) -> Report:
        """The report for any target: a path, a Hub id or a catalog name."""
        from opengauge.app.checking import check_target

        return check_target(self, target, allow_paths=allow_paths)

    def terms(self) -> CatalogTerms:
        """What the license reading needs from the catalog (its ids, a family's texts)."""
        from opengauge.app.curated import catalog_terms

        return catalog_terms(self)
