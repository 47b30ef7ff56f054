"""The JSON API under /api: the same documents, in the same envelope, as the CLI's `-f json`.

| route                     | CLI equivalent                          |
|---------------------------|-----------------------------------------|
| GET /api/models           | (every model in every framework)        |
| GET /api/models/{id}      | `opengauge show ID -f json`             |
| GET /api/frameworks       | `opengauge frameworks -f json`          |
| GET /api/frameworks/{id}  | one entry of the above                  |
| GET /api/ranking          | `opengauge rank ... -f json`            |
| GET /api/check?target=    | `opengauge check TARGET -f json`        |
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from opengauge import api
from opengauge.formats.records import (
    Document,
    frameworks_document,
    models_document,
    ranking_document,
    reports_document,
    snapshot_records,
)
from opengauge.web.cache import PageCache
from opengauge.web.checking import MAX_TARGET_LENGTH, RateLimiter, enforce_rate, run_check
from opengauge.web.pool import CheckPool
from opengauge.web.views import Views, check_pins, parse_filters

ENVELOPE = {
    "description": "The opengauge JSON envelope: schema_version, tool, data (the data snapshot "
                   "of each source used) and the records.",
    "content": {"application/json": {"schema": {"type": "object", "required": [
        "schema_version", "tool", "data"]}}},
}
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "Bad input: one message naming the parameter and what was expected."},
    404: {"description": "No such model or framework (with suggestions)."},
}


def _json(document: Document) -> JSONResponse:
    return JSONResponse(document.envelope())


def _dumps(document: Document) -> str:
    """The envelope as JSONResponse writes it."""
    return json.dumps(document.envelope(), ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def router(views: Views, limiter: RateLimiter, own: api.Own, cache: PageCache,
           pool: CheckPool) -> APIRouter:
    """The /api routes for one catalog; answers that depend only on the catalog are cached
    (an error raised while building an answer is answered and never cached)."""

    def cached(request: Request, build: Callable[[], Document]) -> Response:
        key = ("api", request.url.path, tuple(request.query_params.multi_items()))
        return cache.response(request.headers.get("accept-encoding", ""), key,
                              lambda: _dumps(build()), "application/json")
    routes = APIRouter(prefix="/api", tags=["opengauge"])

    @routes.get("/models", summary="Every model in every framework", responses={200: ENVELOPE, **ERRORS})
    def models(request: Request,
               framework: Annotated[str | None, Query(description="Only this framework id.")] = None
               ) -> Response:
        """One record per model and framework (rank, result, levels; no evidence), by id."""
        if framework:
            views.framework(framework)
        return cached(request, lambda: models_document_of(framework))

    def models_document_of(framework: str | None) -> Document:
        wanted = [framework] if framework else api.framework_ids()
        records: list[dict[str, Any]] = []
        sources: set[str] = set()
        for framework_id in wanted:
            board = views.board(framework_id)
            sources.add(board.framework["source"])
            records += [{**ranked_record_of(row), "kind": board.framework["kind"]} for row in board.rows]
        records.sort(key=lambda r: (r["id"], wanted.index(r["framework"])))
        data = snapshot_records(api.data_snapshots(own, sorted(sources)))
        return Document("models", records, data, "Models")

    def ranked_record_of(row: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in row["record"].items() if k not in ("evidence", "license", "link")}

    @routes.get("/models/{name}", summary="One model, every framework, with evidence",
                responses={200: ENVELOPE, **ERRORS})
    def model(request: Request, name: str,
              framework: Annotated[str | None, Query(description="Only this framework id.")] = None,
              snapshot: Annotated[list[str] | None, Query(
                  description="Pin the data: SOURCE@COMMIT (repeatable), as in a model page's "
                              "permalink; 404 when this server holds other data.")] = None
              ) -> Response:
        """The same document as `opengauge show NAME -f json`."""
        check_pins(snapshot or [], own)  # errors before anything is cached
        return cached(request, lambda: models_document([api.model(name, framework, own=own)]))

    @routes.get("/frameworks", summary="The frameworks and their criteria", responses={200: ENVELOPE})
    def frameworks(request: Request) -> Response:
        """The same document as `opengauge frameworks -f json`."""
        return cached(request, lambda: frameworks_document(api.describe_frameworks(),
                                                           api.data_snapshots(own)))

    @routes.get("/frameworks/{framework_id}", summary="One framework and its criteria",
                responses={200: ENVELOPE, **ERRORS})
    def framework(framework_id: str) -> JSONResponse:
        described = views.framework(framework_id)
        snaps = api.data_snapshots(own, [described["source"]])
        return _json(frameworks_document([described], snaps))

    @routes.get("/ranking", summary="A framework's ranking, filtered", responses={200: ENVELOPE, **ERRORS})
    def ranking(
        request: Request,
        framework: Annotated[str, Query(description="Framework id.")] = api.DEFAULT_FRAMEWORK,
        type: Annotated[str | None, Query(description="text, code, image, video, audio (comma list).")]
        = None,
        org: Annotated[str | None, Query(description="Organisation (whole words, any case).")] = None,
        license_family: Annotated[str | None, Query(description="A license family.")] = None,
        q: Annotated[str | None, Query(description="Free text: id, name, organisation, license.")] = None,
        top: Annotated[int | None, Query(ge=1, description="Keep the first N.")] = None,
        releases: Annotated[str | None, Query(
            description="1 or true: every MOT release (frameworks mof, osaid), not one row per "
                        "family; 0 or false (the default): one row per family.")] = None,
    ) -> Response:
        """The same document as `opengauge rank -f json` (`releases=1` is `--releases`). Any
        criterion of the framework is a filter too, with a level or a comma list of levels:
        `trainingcode=open`, `licenses=open,partial`. Ranks are ordinals within the filtered view."""
        del type, org, license_family, q, releases  # read with the criteria from the query string below
        criteria = views.criteria_refs(framework)
        items = [(k, v) for k, v in request.query_params.multi_items() if k not in ("framework", "top")]
        filters, _ = parse_filters(items, criteria, strict=True)
        return cached(request, lambda: ranking_document(
            api.rank(framework, top=top, own=own, **filters.api_kwargs())))

    @routes.get("/check", summary="Check a model: a catalog name, or a Hub id assessed automatically",
                responses={200: ENVELOPE, **ERRORS,
                           429: {"description": "Too many checks from this client, or the server's "
                                                "check queue is full (see Retry-After)."},
                           501: {"description": "Automatic assessment of Hub ids is switched off."},
                           502: {"description": "The Hub answered with an error."},
                           503: {"description": "The Hub is unreachable or busy, or the check went "
                                                "over its time budget (see Retry-After)."},
                           504: {"description": "The Hub did not answer in time."}})
    async def check(request: Request, target: Annotated[str, Query(max_length=MAX_TARGET_LENGTH,
                    description="A Hub id (organisation/name) or a catalog name; never a path.")]
                    ) -> Response:
        """The same document as `opengauge check TARGET -f json` (rate-limited per client;
        run in the server's bounded check pool)."""
        enforce_rate(limiter, request.client.host if request.client else "unknown")

        def answer() -> str:
            report = run_check(target, own)
            used = sorted({r.assessment.source for r in report.frameworks.values()
                           if r.assessment.source})
            return cache.scrub(_dumps(reports_document([report], api.data_snapshots(own, used))))

        return Response(await pool.run(answer), media_type="application/json")

    return routes
