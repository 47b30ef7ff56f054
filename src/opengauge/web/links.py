"""URLs of the pages, for the server (absolute paths) and the static site (relative files)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

RESERVED_PAGES = frozenset({"index"})
"""Page names in the static site's models/ folder that a model's page must not take."""


def model_page(model_id: str) -> str:
    """The static file name (without .html) of a model's page; ids never hold `_`, so the
    `_` prefix given to a reserved name cannot collide with another model."""
    return f"_{model_id}" if model_id in RESERVED_PAGES else model_id


@dataclass(frozen=True)
class Links:
    """Builds every link a page shows.

    `mode` is `server` (routes such as `/models/llama-2`) or `static` (files such as
    `models/llama-2.html`, relative to the page at `depth` folders below the site root).
    """

    mode: str = "server"
    depth: int = 0

    @property
    def static(self) -> bool:
        return self.mode == "static"

    def at(self, depth: int) -> Links:
        """The same links as seen from a page `depth` folders deep."""
        return Links(self.mode, depth)

    def _root(self) -> str:
        return "/" if not self.static else "../" * self.depth

    def _path(self, server: str, static: str) -> str:
        return server if not self.static else self._root() + static

    def home(self) -> str:
        return self._path("/", "index.html")

    def leaderboard(self, framework: str, query: dict[str, str] | None = None) -> str:
        base = self._path(f"/leaderboard/{quote(framework)}", f"leaderboard/{quote(framework)}.html")
        return base + (f"?{urlencode(query)}" if query and not self.static else "")

    def csv(self, framework: str, query: dict[str, str] | None = None) -> str:
        base = self._path(f"/leaderboard/{quote(framework)}.csv", f"leaderboard/{quote(framework)}.csv")
        return base + (f"?{urlencode(query)}" if query and not self.static else "")

    def model(self, model_id: str, pins: list[str] | None = None) -> str:
        base = self._path(f"/models/{quote(model_id)}", f"models/{quote(model_page(model_id))}.html")
        if pins and not self.static:
            base += "?" + urlencode([("snapshot", p) for p in pins])
        return base

    def models(self) -> str:
        return self._path("/models", "models/index.html")

    def frameworks(self) -> str:
        return self._path("/frameworks", "frameworks/index.html")

    def framework(self, framework: str) -> str:
        return self._path(f"/frameworks/{quote(framework)}", f"frameworks/{quote(framework)}.html")

    def compare(self, ids: list[str] | None = None) -> str:
        base = "/compare"
        return base + (("?" + urlencode([("models", i) for i in ids])) if ids else "")

    def check(self) -> str:
        return "/check"

    def badge(self, model_id: str, framework: str) -> str:
        if self.static:
            return self._root() + f"badge/{quote(framework)}/{quote(model_id)}.svg"
        return f"/badge/{quote(model_id)}.svg?" + urlencode({"framework": framework})

    def asset(self, name: str) -> str:
        return self._path(f"/static/{name}", f"static/{name}")

    def api(self, path: str = "") -> str:
        return "/api" + path

    def api_ranking(self, framework: str, query: dict[str, str] | None = None) -> str:
        return "/api/ranking?" + urlencode({"framework": framework, **(query or {})})
