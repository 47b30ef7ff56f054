"""The Hugging Face Hub through `huggingface_hub`, with a cache, offline mode and retries.

`HubClient` asks `HfApi(endpoint=...)` for model and dataset info and downloads small files
(card, licenses, config) and byte ranges (GGUF headers) with huggingface_hub's URL and header
builders. Every answer is normalized to plain JSON and kept in the SQLite store:

- answers for a commit sha never expire; answers for a branch or tag are fresh for `ttl`;
- `offline=True` answers only from the store (any age) and fails clearly when it cannot;
- timeouts, dropped connections, 408/429/5xx and truncated or invalid JSON are retried with
  exponential backoff; a `Retry-After` header is honoured (up to `max_retry_after`);
- a connection that cannot be made at all (DNS failure, refused, no route) is not retried:
  `HubUnreachable` is raised, and the client remembers it, so later questions in the same run
  are answered from the store or fail at once without another attempt;
- when every attempt fails, a stale stored answer is used (with a warning) or NetworkError
  (exit 4) is raised;
- every request has a total deadline (connect, headers and every byte: `deadline`), JSON
  answers are capped in size before they are read (`MAX_HUB_JSON_BYTES`, HubLimitError), and
  a file that answers 404 at the end of its redirects is a missing file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar
from urllib.parse import quote

from opengauge import __version__
from opengauge.errors import BadInput, NetworkError, NotFound
from opengauge.limits import CHECK_SECONDS, HUB_REQUEST_SECONDS, MAX_HUB_JSON_BYTES
from opengauge.store import Store

T = TypeVar("T")

DEFAULT_ENDPOINT = "https://huggingface.co"
RETRY_STATUS = (408, 429, 500, 502, 503, 504)
SHA = re.compile(r"[0-9a-f]{40}")
MAX_FILE_BYTES = 2 << 20


def _env_flag(*names: str) -> bool:
    return any(os.environ.get(n, "").strip().lower() in ("1", "true", "yes", "on") for n in names)


@dataclass
class HubOptions:
    """How to reach the Hub. Defaults come from the environment (see docs/sources.md)."""

    endpoint: str | None = None
    token: str | bool | None = None
    offline: bool | None = None
    timeout: float = 10.0
    deadline: float = HUB_REQUEST_SECONDS
    """Total seconds for one request: connect, headers and every byte of the body."""
    check_seconds: float = CHECK_SECONDS
    """Seconds of Hub requests one check may spend (from `HubClient.begin_check`)."""
    retries: int = 4
    backoff: float = 0.5
    max_backoff: float = 8.0
    max_retry_after: float = 60.0
    ttl: float = 24 * 3600.0
    refresh: bool = False

    @classmethod
    def of(cls, *, offline: bool | None = None, endpoint: str | None = None,
           token: str | bool | None = None, timeout: float | None = None,
           retries: int | None = None, backoff: float | None = None,
           refresh: bool = False) -> HubOptions:
        """Options from command-line values: None keeps the default; a `timeout` must be
        positive and widens the request `deadline` to hold one read."""
        options = cls(endpoint=endpoint, token=token, offline=offline, refresh=refresh)
        if retries is not None:
            options.retries = retries
        if backoff is not None:
            options.backoff = backoff
        if timeout is not None:
            if not timeout > 0:
                raise BadInput(f"--timeout must be a positive number of seconds, not {timeout}")
            options.timeout = timeout
            options.deadline = max(options.deadline, timeout)  # a read fits in a request
        return options

    def resolved_endpoint(self) -> str:
        endpoint = (self.endpoint or os.environ.get("OPENGAUGE_HUB_ENDPOINT")
                    or os.environ.get("HF_ENDPOINT") or DEFAULT_ENDPOINT)
        return endpoint.rstrip("/")

    def is_offline(self) -> bool:
        if self.offline is not None:
            return self.offline
        return _env_flag("OPENGAUGE_OFFLINE", "HF_HUB_OFFLINE")


@dataclass
class HubModel:
    """model_info, normalized (what opengauge keeps of it)."""

    id: str
    sha: str | None = None
    gated: Any = None
    private: bool | None = None
    disabled: bool | None = None
    pipeline_tag: str | None = None
    library_name: str | None = None
    tags: list[str] = field(default_factory=list)
    card_data: dict[str, Any] = field(default_factory=dict)
    siblings: list[tuple[str, int | None]] = field(default_factory=list)
    safetensors: dict[str, Any] | None = None
    gguf: dict[str, Any] | None = None
    base_models: Any = None
    last_modified: str | None = None

    @classmethod
    def from_info(cls, info: Any) -> HubModel:
        siblings = []
        for sibling in info.siblings or []:
            size = sibling.size if sibling.size is not None else (
                sibling.lfs.size if sibling.lfs else None)
            siblings.append((sibling.rfilename, size))
        card = info.card_data.to_dict() if info.card_data is not None else {}
        return cls(
            id=info.id, sha=info.sha, gated=info.gated, private=info.private,
            disabled=info.disabled, pipeline_tag=info.pipeline_tag,
            library_name=info.library_name, tags=list(info.tags or []), card_data=card,
            siblings=siblings,
            safetensors=({"parameters": dict(info.safetensors.parameters),
                          "total": info.safetensors.total} if info.safetensors else None),
            gguf=dict(info.gguf) if isinstance(info.gguf, dict) else None,
            base_models=info.base_models,
            last_modified=info.last_modified.isoformat() if info.last_modified else None)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HubModel:
        data = dict(data)
        data["siblings"] = [tuple(s) for s in data.get("siblings") or []]
        return cls(**data)


@dataclass
class HubDataset:
    """dataset_info, normalized."""

    id: str
    sha: str | None = None
    gated: Any = None
    private: bool | None = None
    card_data: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_info(cls, info: Any) -> HubDataset:
        card = info.card_data.to_dict() if info.card_data is not None else {}
        return cls(id=info.id, sha=info.sha, gated=info.gated, private=info.private,
                   card_data=card)


@dataclass
class FileAnswer:
    """A downloaded file (or the first `limit` bytes of it), or why there is none."""

    status: int  # 200 read, 404 absent, 401 gated
    data: bytes = b""
    truncated: bool = False
    cached: bool = False


class HubLimitError(BadInput):
    """A Hub answer over its size limit, or a check over its Hub time budget (refused, not
    retried, not stored)."""


class HubUnreachable(NetworkError):
    """No connection to the Hub could be made (DNS failure, refused, no route); not retried."""

    def __init__(self, endpoint: str, reason: str) -> None:
        super().__init__(f"Hub {endpoint}: cannot connect: {reason}")
        self.endpoint = endpoint
        self.reason = reason


def connect_reason(error: Exception, endpoint: str) -> str:
    """A short reason for a failed connection: DNS, refused, no route, else the error's text."""
    from urllib.parse import urlsplit

    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    host = urlsplit(endpoint).hostname or endpoint
    lower = text.lower()
    if any(w in lower for w in ("name or service not known", "nodename nor servname",
                                "name resolution", "getaddrinfo", "no address associated")):
        return f"DNS lookup of {host} failed"
    if "refused" in lower:
        return f"connection to {host} refused"
    if "no route" in lower or "unreachable" in lower:
        return f"no route to {host}"
    return f"{host}: {text}"[:200]


class _Retry(Exception):
    """One attempt failed in a way worth retrying."""

    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.wait = wait


class HubClient:
    """Cached, retrying access to one Hub endpoint."""

    def __init__(self, options: HubOptions | None = None, store: Store | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.options = options or HubOptions()
        self.endpoint = self.options.resolved_endpoint()
        self.offline = self.options.is_offline()
        self._store = store
        self.sleep = sleep
        self.warnings: list[str] = []
        self.requests = 0
        self.unreachable: HubUnreachable | None = None
        """The first failed connection of this client; no later question tries again."""
        self._api: Any = None
        self._check_ends: float | None = None

    def begin_check(self) -> None:
        """Start the wall-time budget of one check (`options.check_seconds`)."""
        self._check_ends = time.monotonic() + self.options.check_seconds

    # -- plumbing ---------------------------------------------------------------------------

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store()
        return self._store

    @property
    def api(self) -> Any:
        if self._api is None:
            from huggingface_hub import HfApi

            self._api = HfApi(endpoint=self.endpoint, token=self.options.token,
                              library_name="opengauge", library_version=__version__)
        return self._api

    def _key(self, *parts: str) -> str:
        return "|".join((self.endpoint, *parts))

    def _auth_tag(self) -> str:
        """Which credentials answers were fetched with (gated files differ per token)."""
        token = self.options.token
        if token is None:
            from huggingface_hub import get_token

            token = get_token()
        if not token or token is True:
            return "anonymous"
        return "token:" + hashlib.sha256(str(token).encode()).hexdigest()[:12]

    def _fresh(self, revision: str | None, fetched_at: float) -> bool:
        if revision is not None and SHA.fullmatch(revision):
            return True
        return time.time() - fetched_at < self.options.ttl

    def _cached(self, kind: str, key: str, revision: str | None, what: str,
                fetch: Callable[[], tuple[int, bytes]]) -> tuple[int, bytes, bool]:
        """(status, body, from_cache): the store first, then the Hub with retries."""
        stored = self.store.hub_get(kind, key)
        if self.offline:
            if stored is None:
                raise NetworkError(f"offline: no stored Hub answer for {what}; run once without "
                                   "--offline to fetch it")
            return stored.status, stored.body, True
        if stored is not None and not self.options.refresh and self._fresh(revision,
                                                                           stored.fetched_at):
            return stored.status, stored.body, True
        if self.unreachable is not None:  # one failed connection is enough for the run
            if stored is not None:
                return stored.status, stored.body, True
            raise self.unreachable
        try:
            status, body = self._with_retries(what, fetch)
        except HubUnreachable as error:
            self.unreachable = error
            if stored is not None:
                return stored.status, stored.body, True
            raise
        except NetworkError:
            if stored is None:
                raise
            age = int(stored.age())
            self.warnings.append(f"Hub unreachable for {what}; using the answer stored {age} s ago")
            return stored.status, stored.body, True
        self.store.hub_put(kind, key, status, body)
        return status, body, False

    def _with_retries(self, what: str, attempt: Callable[[], T]) -> T:
        options = self.options
        delay = options.backoff
        last = "no attempt made"
        for number in range(options.retries + 1):
            try:
                self.requests += 1
                return attempt()
            except _Retry as retry:
                last = str(retry)
                if number == options.retries:
                    break
                wait = retry.wait if retry.wait is not None else delay
                if wait > options.max_retry_after:
                    raise NetworkError(f"Hub {self.endpoint}: {what}: {last}; asked to wait "
                                       f"{wait:.0f} s (more than {options.max_retry_after:.0f} s)"
                                       ) from None
                self.sleep(wait)
                delay = min(options.max_backoff, delay * 2)
        raise NetworkError(f"Hub {self.endpoint}: {what} failed after {options.retries + 1} "
                           f"attempts: {last}")

    def _call(self, call: Callable[[], T]) -> T:
        """Run one huggingface_hub call, turning transient failures into _Retry."""
        import httpx2
        from huggingface_hub.errors import HfHubHTTPError, HFValidationError, OfflineModeIsEnabled

        try:
            return self._within_deadline(call)
        except HFValidationError as error:  # a malformed id: asking again cannot help
            raise BadInput(f"not a Hub repository id: {str(error).splitlines()[0]}"[:300]) from None
        except OfflineModeIsEnabled:
            raise NetworkError("HF_HUB_OFFLINE is set: huggingface_hub refuses network access; "
                               "use --offline to answer from opengauge's store") from None
        except HfHubHTTPError as error:
            response = error.response
            status = response.status_code if response is not None else 0
            if status in RETRY_STATUS:
                raise _Retry(f"HTTP {status}", retry_after(response.headers)) from None
            raise
        except httpx2.TimeoutException:
            raise _Retry(f"timed out after {self.options.timeout:g} s") from None
        except httpx2.ConnectError as error:  # DNS, refused, no route: asking again cannot help
            raise HubUnreachable(self.endpoint, connect_reason(error, self.endpoint)) from None
        except httpx2.TransportError as error:
            raise _Retry(f"{type(error).__name__}: {error}") from None
        except (ValueError, KeyError, TypeError) as error:  # truncated or malformed JSON
            raise _Retry(f"malformed answer ({type(error).__name__}: {error})"[:300]) from None

    def _within_deadline(self, call: Callable[[], T]) -> T:
        """Run `call` in a worker thread; _Retry when it has not answered within `deadline`.

        The streaming readers also stop at the deadline themselves (`_check_deadline`), so a
        worker left behind ends at the next byte it receives."""
        outcome: list[Any] = []
        done = threading.Event()
        seconds = self.options.deadline
        if self._check_ends is not None:
            left = self._check_ends - time.monotonic()
            if left <= 0:
                raise HubLimitError(f"Hub {self.endpoint}: the check's "
                                    f"{self.options.check_seconds:g} s wall-time budget for Hub "
                                    "requests is spent; refused")
            seconds = min(seconds, left)
        stop_at = time.monotonic() + seconds

        def work() -> None:
            _deadline.stop_at = stop_at
            try:
                outcome.append((True, call()))
            except BaseException as error:  # handed to the caller below
                outcome.append((False, error))
            finally:
                done.set()

        threading.Thread(target=work, name="opengauge-hub-request", daemon=True).start()
        if not done.wait(seconds):
            raise _Retry(f"no complete answer within the {seconds:g} s request deadline")
        ok, value = outcome[0]
        if not ok:
            raise value
        return value  # type: ignore[no-any-return]

    def _get_json(self, kind: str, repo_id: str, revision: str | None,
                  params: dict[str, Any]) -> Any:
        """GET the Hub API's JSON about a repository (`kind` models or datasets), capped at
        MAX_HUB_JSON_BYTES before it is read."""
        import httpx2
        from huggingface_hub.utils import (
            build_hf_headers,
            get_session,
            hf_raise_for_status,
            validate_repo_id,
        )

        validate_repo_id(repo_id)
        path = f"/api/{kind}/{repo_id}" + (f"/revision/{quote(revision, safe='')}"
                                           if revision else "")
        headers = build_hf_headers(token=self.options.token, library_name="opengauge",
                                   library_version=__version__)
        url = f"{self.endpoint}{path}"
        with get_session().stream("GET", url, headers=headers, params=params,
                                  timeout=self.options.timeout) as response:
            data = _read_capped(response, MAX_HUB_JSON_BYTES, f"{path} answer")
            plain = [(k, v) for k, v in response.headers.multi_items()  # data is decoded
                     if k.lower() not in ("content-encoding", "content-length",
                                          "transfer-encoding")]
            complete = httpx2.Response(response.status_code, headers=plain, content=data,
                                       request=response.request)
        hf_raise_for_status(complete)
        return json.loads(data)

    # -- model and dataset info -------------------------------------------------------------

    def model_info(self, repo_id: str, revision: str | None = None) -> tuple[HubModel, bool]:
        """The model's info at `revision` (default branch when None); NotFound (exit 3)."""
        what = f"model_info {repo_id}" + (f"@{revision}" if revision else "")

        def fetch() -> tuple[int, bytes]:
            from huggingface_hub.hf_api import ModelInfo

            return self._info_status(lambda: HubModel.from_info(ModelInfo(**self._call(
                lambda: self._get_json("models", repo_id, revision, {"blobs": True})))))

        status, body, cached = self._cached("model_info", self._key(f"model:{repo_id}",
                                                                   revision or ""),
                                            revision, what, fetch)
        if status == 404:
            raise NotFound(f"Hub model '{repo_id}' not found at {self.endpoint} "
                           "(private or gated repositories need a token: set HF_TOKEN)")
        if status == 410:
            raise NotFound(f"Hub model '{repo_id}' has no revision '{revision}'")
        return HubModel.from_dict(json.loads(body)), cached

    def dataset_info(self, repo_id: str) -> tuple[HubDataset | None, bool]:
        """The dataset's info, or None when the Hub has no such dataset."""
        def fetch() -> tuple[int, bytes]:
            from huggingface_hub.hf_api import DatasetInfo

            return self._info_status(lambda: HubDataset.from_info(DatasetInfo(**self._call(
                lambda: self._get_json("datasets", repo_id, None, {})))))

        status, body, cached = self._cached("dataset_info", self._key(f"dataset:{repo_id}"),
                                            None, f"dataset_info {repo_id}", fetch)
        if status != 200:
            return None, cached
        return HubDataset(**json.loads(body)), cached

    def _info_status(self, get: Callable[[], Any]) -> tuple[int, bytes]:
        from huggingface_hub.errors import RepositoryNotFoundError, RevisionNotFoundError

        try:
            value = get()
        except RevisionNotFoundError:
            return 410, b""
        except RepositoryNotFoundError:
            return 404, b""
        except (_Retry, BadInput, HubUnreachable):
            raise
        except Exception as error:
            raise self._http_failure(error) from None
        return 200, json.dumps(asdict(value)).encode()

    def _http_failure(self, error: Exception) -> NetworkError:
        response = getattr(error, "response", None)
        status = getattr(response, "status_code", None)
        return NetworkError(f"Hub {self.endpoint}: HTTP {status}: {str(error).splitlines()[0]}"
                            if status else f"Hub {self.endpoint}: {type(error).__name__}: {error}")

    # -- files --------------------------------------------------------------------------------

    def file(self, repo_id: str, path: str, revision: str, repo_type: str = "model",
             limit: int = MAX_FILE_BYTES) -> FileAnswer:
        """Up to `limit` bytes of a file at `revision` (a commit sha for stable caching)."""
        key = self._key(f"{repo_type}:{repo_id}", f"{revision}/{path}", self._auth_tag())

        def fetch() -> tuple[int, bytes]:
            status, data, truncated = self._get(repo_id, path, revision, repo_type, 0, limit,
                                                ranged=False)
            return (206 if truncated else status), data

        status, body, cached = self._cached("file", key, revision, f"{repo_id}/{path}", fetch)
        if status in (200, 206):
            return FileAnswer(200, body[:limit], status == 206 or len(body) > limit, cached)
        return FileAnswer(status, b"", False, cached)

    def range(self, repo_id: str, path: str, revision: str, start: int, length: int) -> bytes:
        """`length` bytes of a file from `start` (HTTP Range), cached per range."""
        key = self._key(f"model:{repo_id}", f"{revision}/{path}#{start}+{length}")

        def fetch() -> tuple[int, bytes]:
            status, data, _ = self._get(repo_id, path, revision, "model", start, length,
                                        ranged=True)
            return status, data

        status, body, _ = self._cached("range", key, revision, f"{repo_id}/{path} bytes "
                                       f"{start}-{start + length - 1}", fetch)
        if status == 404:
            raise BadInput(f"{repo_id}/{path}: listed by the Hub but not found (HTTP 404)")
        if status != 200:
            raise NetworkError(f"Hub {self.endpoint}: {repo_id}/{path}: HTTP {status} for a "
                               "byte range")
        return body

    def _get(self, repo_id: str, path: str, revision: str, repo_type: str, start: int,
             length: int, ranged: bool) -> tuple[int, bytes, bool]:
        """(status, bytes, truncated) of one GET, read as a stream and cut at `length`."""
        from huggingface_hub import hf_hub_url
        from huggingface_hub.errors import (
            GatedRepoError,
            RemoteEntryNotFoundError,
            RepositoryNotFoundError,
        )
        from huggingface_hub.utils import build_hf_headers, get_session, hf_raise_for_status

        url = hf_hub_url(repo_id, path, repo_type=repo_type, revision=revision,
                         endpoint=self.endpoint)
        headers = build_hf_headers(token=self.options.token, library_name="opengauge",
                                   library_version=__version__)
        if ranged:
            headers["Range"] = f"bytes={start}-{start + length - 1}"

        def attempt() -> tuple[int, bytes, bool]:
            with get_session().stream("GET", url, headers=headers, timeout=self.options.timeout,
                                      follow_redirects=True) as response:
                if response.status_code in (404, 410):  # also at the end of a redirect
                    return 404, b"", False
                if response.status_code >= 400:
                    response.read()
                    hf_raise_for_status(response)
                skip = start if response.status_code == 200 and start else 0
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    _check_deadline()
                    if skip:
                        cut = min(skip, len(chunk))
                        chunk, skip = chunk[cut:], skip - cut
                    chunks.append(chunk)
                    size += len(chunk)
                    if size > length:
                        break
                data = b"".join(chunks)
                declared = response.headers.get("Content-Length")
                if (declared and declared.isdigit() and size < length
                        and size < int(declared) - (0 if response.status_code == 206 else start)):
                    raise _Retry(f"body cut short: {size} of {declared} bytes")
                return 200, data[:length], len(data) > length

        try:
            return self._call(attempt)
        except GatedRepoError:
            return 401, b"", False
        except RemoteEntryNotFoundError:
            return 404, b"", False
        except RepositoryNotFoundError:
            return 404, b"", False
        except (_Retry, BadInput, HubUnreachable):
            raise
        except Exception as error:
            raise self._http_failure(error) from None


_deadline = threading.local()
"""`stop_at` (time.monotonic) of the request the current worker thread answers."""


def _check_deadline() -> None:
    stop_at = getattr(_deadline, "stop_at", None)
    if stop_at is not None and time.monotonic() > stop_at:
        raise _Retry("the request deadline passed while the answer was still arriving")


def _read_capped(response: Any, cap: int, what: str) -> bytes:
    """The body of a streamed `response`, refused (HubLimitError) when it declares or sends
    more than `cap` bytes; stops at the request deadline."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > cap:
        raise HubLimitError(f"Hub {what}: declares {int(declared)} bytes, over the {cap}-byte "
                            "limit for a Hub answer; refused")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        _check_deadline()
        size += len(chunk)
        if size > cap:
            raise HubLimitError(f"Hub {what}: more than {cap} bytes, over the limit for a Hub "
                                "answer; refused")
        chunks.append(chunk)
    return b"".join(chunks)


def retry_after(headers: Any) -> float | None:
    """Seconds asked by a Retry-After header (seconds or an HTTP date), if any."""
    value = headers.get("Retry-After") if headers is not None else None
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
