"""The web app: server-rendered pages, the JSON API under /api, CSV downloads and badges.

`create_app(own)` builds a FastAPI app for one catalog; `opengauge serve` runs it on uvicorn.
Every answer goes through `opengauge.api` (via `views.py`); rendered pages are cached per URL
(the catalog does not change while the server runs), gzip-compressed once.
"""

from __future__ import annotations

import contextlib
import gc
import threading
import time
from collections.abc import AsyncIterator, Callable
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from opengauge import __version__, api
from opengauge.errors import BadInput, NotFound, OpengaugeError
from opengauge.paths import own_catalog_dir
from opengauge.store import Store
from opengauge.web.cache import PageCache
from opengauge.web.checking import (
    MAX_FORM_BYTES,
    MAX_TARGET_LENGTH,
    HubFailure,
    Limited,
    NotAvailable,
    RateLimiter,
    enforce_rate,
    run_check,
)
from opengauge.web.links import Links
from opengauge.web.pages import Pages
from opengauge.web.pool import DEFAULT_BUDGET, DEFAULT_QUEUE, DEFAULT_WORKERS, CheckPool
from opengauge.web.private import HidePaths, PathHider
from opengauge.web.views import MAX_PINS, Views, check_pins, parse_filters

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class Headers:
    """ASGI middleware: security headers, CORS for /api and /badge, and Server-Timing."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        public = scope["path"].startswith(("/api/", "/badge/"))

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                extra = [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"content-security-policy", CSP.encode()),
                    (b"server-timing", f"app;dur={(time.perf_counter() - start) * 1000:.2f}".encode()),
                ]
                if public:
                    extra.append((b"access-control-allow-origin", b"*"))
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """ASGI middleware: `HEAD` is answered wherever `GET` is (same status and headers, no body)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_without_body(message: dict) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_without_body)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def error_envelope(status: int, kind: str, message: str, suggestions: list[str] | None = None) -> dict:
    """The JSON answer for an error: the tool, and one clear message."""
    return {"schema_version": "1.0", "tool": {"name": "opengauge", "version": __version__},
            "error": {"status": status, "type": kind, "message": message,
                      "suggestions": suggestions or []}}


def status_of(error: OpengaugeError) -> int:
    if isinstance(error, HubFailure):
        return error.status
    if isinstance(error, NotAvailable):
        return 501
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, BadInput):
        return 400
    return 500


class AfterFirstAnswer:
    """Runs `job` once, in a background thread, after the first request has been answered:
    `serve` renders nothing before its first request, and later pages find their templates
    compiled and leaderboard rows rendered."""

    def __init__(self, job: Callable[[], object]) -> None:
        self.job = job
        self.started = threading.Event()

    def answered(self) -> None:
        if not self.started.is_set():
            self.started.set()
            threading.Thread(target=self.job, name="opengauge-warm", daemon=True).start()


class WarmAfterFirst:
    """ASGI middleware: tells `warmer` when the first HTTP response has been sent."""

    def __init__(self, app: Any, warmer: AfterFirstAnswer) -> None:
        self.app = app
        self.warmer = warmer

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or self.warmer.started.is_set():
            await self.app(scope, receive, send)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            self.warmer.answered()


def create_app(own: str | None = None, *, check_limit: int = 10, check_window: float = 60.0,
               cache_bytes: int = 64 * 1024 * 1024, warm: bool = True,
               check_workers: int = DEFAULT_WORKERS, check_queue: int = DEFAULT_QUEUE,
               check_budget: float = DEFAULT_BUDGET, scan: str | None = None,
               after_first: Callable[[], object] | None = None) -> FastAPI:
    """The app for the catalog with `own` records (else `$OPENGAUGE_CATALOG`, else none);
    with `scan`, the census of that scan dataset at /scan (computed once, at start).

    After the first answer, in one background thread: every template compiled and every
    leaderboard row rendered (`warm`), then `after_first` (run even if the warm-up failed).

    Checks run in a `CheckPool` of `check_workers` threads with `check_queue` more waiting,
    each answered within `check_budget` seconds; each client may start `check_limit` checks
    per `check_window` seconds."""
    folder = own_catalog_dir(own)
    hider = PathHider([folder] if folder is not None else [])
    # one session for the app: its catalog, Hub options and the one store every check shares
    # (opened, and created, once before any runs)
    session = api.session(str(folder.resolve()) if folder is not None else None, store=Store())
    views = Views(session)
    pages = Pages(views, Links("server"))
    cache = PageCache(cache_bytes, hider.text)
    limiter = RateLimiter(check_limit, check_window)
    pool = CheckPool(check_workers, check_queue, check_budget)

    def warm_up() -> None:
        try:
            if warm:
                views.citation()
                pages.warm()
        finally:
            if after_first is not None:
                after_first()

    warmer = AfterFirstAnswer(warm_up) if warm or after_first is not None else None

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        pool.shutdown()

    app = FastAPI(
        lifespan=lifespan,
        title="opengauge",
        version=__version__,
        description=("Openness ratings of AI models with their evidence. Every answer uses the "
                     "JSON contract of the opengauge CLI (`schema_version`, `tool`, `data`, "
                     "`models` or `frameworks`)."),
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.views = views
    app.state.pages = pages
    app.state.cache = cache
    app.state.limiter = limiter
    app.state.pool = pool
    app.add_middleware(Headers)
    app.add_middleware(HidePaths, hider=hider)
    app.add_middleware(HeadAsGet)  # outermost: the body is dropped after everything else
    if warmer is not None:
        app.add_middleware(WarmAfterFirst, warmer=warmer)
    static = resources.files("opengauge.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    def html_page(request: Request, key: Any, build: Callable[[], str]) -> Response:
        return cache.response(request.headers.get("accept-encoding", ""), key, build,
                              "text/html; charset=utf-8")

    def error_page(request: Request, status: int, kind: str, message: str,
                   suggestions: list[str] | None = None, headers: dict[str, str] | None = None) -> Response:
        if _wants_json(request):
            return JSONResponse(error_envelope(status, kind, message, suggestions), status, headers)
        if request.url.path.startswith("/badge/"):
            return Response(f"{status} {message}\n", status, headers, media_type="text/plain")
        on_form = request.url.path == "/check" and request.method == "POST"
        if on_form and (status < 500 or status == 501):
            body = pages.check_form(getattr(request.state, "target", ""), message,
                                    max_length=MAX_TARGET_LENGTH)
            return HTMLResponse(body, status, headers)
        titles = {400: "Bad request", 404: "Not found", 413: "Too large", 415: "Unsupported form",
                  429: "Too many requests", 501: "Not available yet", 502: "Hub error",
                  503: "Try again later", 504: "Hub timed out"}
        title = titles.get(status, "Something went wrong")
        return HTMLResponse(pages.error(title, message, suggestions), status, headers)

    @app.exception_handler(OpengaugeError)
    async def on_opengauge_error(request: Request, error: OpengaugeError) -> Response:
        suggestions = getattr(error, "suggestions", None)
        return error_page(request, status_of(error), type(error).__name__, str(error), suggestions)

    @app.exception_handler(Limited)
    async def on_limited(request: Request, error: Limited) -> Response:
        return error_page(request, error.status, "Limited", str(error), headers=error.headers)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, error: StarletteHTTPException) -> Response:
        message = "no such page" if error.status_code == 404 else str(error.detail)
        return error_page(request, error.status_code, "HTTPError", message)

    @app.exception_handler(RequestValidationError)
    async def on_validation_error(request: Request, error: RequestValidationError) -> Response:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "path", "body"))
        return error_page(request, 400, "BadInput", f"{where or 'request'}: {first.get('msg', 'invalid')}")

    @app.exception_handler(Exception)
    async def on_internal_error(request: Request, error: Exception) -> Response:
        return error_page(request, 500, "InternalError",
                          f"internal error ({type(error).__name__}); please report it")

    # -- pages ----------------------------------------------------------------------------
    def leaderboard_response(request: Request, framework_id: str) -> Response:
        criteria = views.criteria_refs(framework_id)
        filters, notices = parse_filters(list(request.query_params.multi_items()), criteria, strict=False)
        key = ("board", framework_id, filters.key(), tuple(notices))

        return html_page(request, key, lambda: pages.leaderboard(framework_id, filters, notices))

    @app.get("/", include_in_schema=False)
    def home(request: Request) -> Response:
        return leaderboard_response(request, api.DEFAULT_FRAMEWORK)

    @app.get("/leaderboard/{framework_id}.csv", include_in_schema=False)
    def leaderboard_csv(request: Request, framework_id: str) -> Response:
        from opengauge.formats.csv import CsvFormat
        from opengauge.formats.records import ranking_document

        filters, _ = parse_filters(list(request.query_params.multi_items()),
                                   views.criteria_refs(framework_id), strict=True)
        ranking = api.rank(framework_id, own=session, **filters.api_kwargs())
        text = CsvFormat().render(ranking_document(ranking))
        name = f"opengauge-{framework_id}{'-releases' if filters.releases else ''}.csv"
        return Response(text, media_type="text/csv; charset=utf-8",
                        headers={"content-disposition": f'attachment; filename="{name}"'})

    @app.get("/leaderboard/{framework_id}", include_in_schema=False)
    def leaderboard(request: Request, framework_id: str) -> Response:
        return leaderboard_response(request, framework_id)

    @app.get("/models", include_in_schema=False)
    def models_index(request: Request) -> Response:
        return html_page(request, ("models",), pages.models)

    @app.get("/models/{name}", include_in_schema=False)
    def model_page(request: Request, name: str) -> Response:
        model_id = api.resolve(name, session)
        pins = request.query_params.getlist("snapshot")
        if len(pins) > MAX_PINS:
            raise BadInput(f"snapshot: at most {MAX_PINS} pins")
        if model_id != name:
            query = f"?{request.url.query}" if request.url.query else ""
            return RedirectResponse(f"/models/{model_id}{query}", status_code=308)
        base = str(request.base_url).rstrip("/")
        check_pins(pins, session)  # errors before anything is cached
        return html_page(request, ("model", model_id, tuple(pins), base),
                         lambda: pages.model(model_id, pins, base_url=base))

    @app.get("/compare", include_in_schema=False)
    def compare(request: Request) -> Response:
        names = [n for raw in request.query_params.getlist("models") for n in raw.split(",")]
        names = [n.strip() for n in names if n.strip()]
        if len(names) > 4 or any(len(n) > MAX_TARGET_LENGTH for n in names):
            raise BadInput("models: compare takes 2 to 4 models")
        if len(names) == 1:
            return HTMLResponse(pages.compare(names, "compare needs 2 to 4 models (got 1)"), 400)
        return html_page(request, ("compare", tuple(names)), lambda: pages.compare(names))

    if scan is not None:
        from opengauge.scan.census import compute

        scan_census = compute(scan).to_dict()

        @app.get("/scan", include_in_schema=False)
        def scan_page(request: Request) -> Response:
            return html_page(request, ("scan",), lambda: pages.scan(scan_census))

    @app.get("/frameworks", include_in_schema=False)
    def frameworks_page(request: Request) -> Response:
        return html_page(request, ("frameworks",), pages.frameworks)

    @app.get("/frameworks/{framework_id}", include_in_schema=False)
    def framework_page(request: Request, framework_id: str) -> Response:
        views.framework(framework_id)
        return html_page(request, ("framework", framework_id), lambda: pages.framework(framework_id))

    @app.get("/check", include_in_schema=False)
    def check_form() -> Response:
        return HTMLResponse(pages.check_form(max_length=MAX_TARGET_LENGTH))

    @app.post("/check", include_in_schema=False)
    async def check_submit(request: Request) -> Response:
        target = await _form_target(request)
        request.state.target = target
        _rate_limit(request, limiter)
        body = await pool.run(lambda: pages.report(run_check(target, session), target))
        return HTMLResponse(body)

    @app.get("/badge/{name}.svg", include_in_schema=False)
    def badge(name: str, framework: str = api.DEFAULT_FRAMEWORK) -> Response:
        from opengauge.web.badge import model_badge

        views.framework(framework)
        try:
            model_id = api.resolve(name, session)
        except NotFound:
            body, status = model_badge(framework, None, None, name), 404
        else:
            row = next((r for r in views.board(framework).rows if r["id"] == model_id), None)
            body = model_badge(framework, row["record"] if row else None,
                               row["result"] if row else None, row["name"] if row else model_id)
            status = 200
        return Response(body, status, media_type="image/svg+xml",
                        headers={"cache-control": "public, max-age=3600"})

    from opengauge.web.api_routes import router

    app.include_router(router(views, limiter, session, cache, pool))
    return app


def _rate_limit(request: Request, limiter: RateLimiter) -> None:
    enforce_rate(limiter, request.client.host if request.client else "unknown")


async def _form_target(request: Request) -> str:
    """The `target` field of a small urlencoded form (413 / 415 / 400 otherwise)."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise Limited(415, "the check form must be sent as application/x-www-form-urlencoded")
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_FORM_BYTES:
        raise Limited(413, f"the check form takes at most {MAX_FORM_BYTES} bytes")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise Limited(413, f"the check form takes at most {MAX_FORM_BYTES} bytes")
    try:
        fields = parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False,
                           max_num_fields=8)
    except (UnicodeDecodeError, ValueError):
        raise BadInput("the check form could not be read (expected target=...)") from None
    targets = [v for k, v in fields if k == "target"]
    if len(targets) != 1:
        raise BadInput("the check form needs exactly one 'target' field")
    return targets[0]


def collect_from_now_on() -> None:
    """Turn the cycle collector back on. `serve` keeps it off from its start to its first
    answer: its passes over the tens of thousands of small objects that importing FastAPI and
    loading the catalog create cost 0.05-0.1 s there and free almost nothing.
    Cyclic garbage made so far is collected once, and what start-up built and still holds is
    moved out of the collector's way (`gc.freeze`: it lives as long as the server)."""
    gc.collect()
    gc.freeze()
    gc.enable()


def serve(host: str = "127.0.0.1", port: int = 8000, own: str | None = None,
          scan: str | None = None, *,
          check_workers: int = DEFAULT_WORKERS, check_queue: int = DEFAULT_QUEUE,
          check_budget: float = DEFAULT_BUDGET, check_rate: int = 10) -> None:
    """Run the app on uvicorn until interrupted (BadInput when the address is taken)."""
    import socket

    import uvicorn

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise BadInput(f"--host {host} --port {port}: cannot listen there ({error.strerror})") from None
    gc.disable()  # until the first answer (see `collect_from_now_on`)
    app = create_app(own, check_limit=check_rate, check_window=60.0, check_workers=check_workers,
                     check_queue=check_queue, check_budget=check_budget, scan=scan,
                     after_first=collect_from_now_on)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
