"""A small Hugging Face Hub on 127.0.0.1 for tests: real HTTP, the Hub API's shapes, faults.

It answers what `huggingface_hub` 2.x asks for:
- GET /api/models/{id} and /api/models/{id}/revision/{rev} (model_info; `blobs=True` adds
  sizes), GET /api/datasets/{id}[/revision/{rev}] (dataset_info);
- GET/HEAD /{id}/resolve/{rev}/{path} and /datasets/{id}/resolve/{rev}/{path} with
  X-Repo-Commit, ETag, Content-Length, Accept-Ranges and Range (206) support;
- GET /api/models (the listing): `author`, `search` (in the id, case-insensitive), `filter`
  (tags, all must match), `limit` (page size) and `expand[]` (only those fields), pages linked
  by a `Link: <...cursor=N>; rel="next"` header;
- errors the way the Hub sends them: 404/401 with X-Error-Code RepoNotFound, RevisionNotFound,
  EntryNotFound or GatedRepo (files of gated repos, except README.md, need a token).

Faults are injected per path substring: a delay longer than the client's timeout, a hold (the
request waits until `release()` or the server stops, at most `delay` s), an HTTP status (429
with Retry-After, 500, 503), a body cut short, a connection closed at once, a body trickled one
byte every `delay` seconds ("trickle"), an answer declaring `size` bytes and sending few
("declare"), or a redirect to `location` ("redirect").
"""

from __future__ import annotations

import gzip
import hashlib
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

import yaml


def front_matter(text: str) -> dict[str, Any]:
    """The card's YAML front matter as the Hub's cardData (dates become strings)."""
    lines = text.lstrip("\ufeff").split("\n")
    if not lines or lines[0].strip() != "---":
        return {}
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            try:
                data = yaml.safe_load("\n".join(lines[1:index]))
            except yaml.YAMLError:
                return {}
            return json.loads(json.dumps(data, default=str)) if isinstance(data, dict) else {}
    return {}


@dataclass
class Repo:
    id: str
    type: str = "model"
    files: dict[str, bytes] = field(default_factory=dict)
    sha: str = ""
    gated: Any = False
    private: bool = False
    branches: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.sha:
            self.sha = hashlib.sha1(self.id.encode()).hexdigest()
        self.branches.setdefault("main", self.sha)

    @property
    def card_data(self) -> dict[str, Any]:
        readme = self.files.get("README.md")
        return front_matter(readme.decode("utf-8", "replace")) if readme else {}

    def info(self, blobs: bool, sha: str | None = None) -> dict[str, Any]:
        card = self.card_data
        org = self.id.split("/")[0]
        tags = [t for t in card.get("tags") or [] if isinstance(t, str)]
        if isinstance(card.get("license"), str):
            tags.append(f"license:{card['license']}")
        siblings = []
        for name, data in sorted(self.files.items()):
            sibling: dict[str, Any] = {"rfilename": name}
            if blobs:
                sibling["size"] = len(data)
                sibling["blobId"] = hashlib.sha1(data).hexdigest()
            siblings.append(sibling)
        info = {
            "_id": hashlib.md5(self.id.encode()).hexdigest()[:24], "id": self.id,
            "author": org, "sha": sha or self.sha, "lastModified": "2024-05-01T12:00:00.000Z",
            "createdAt": "2024-01-01T12:00:00.000Z", "private": self.private,
            "disabled": False, "gated": self.gated, "downloads": 0, "likes": 0, "tags": tags,
            "cardData": card, "siblings": siblings,
            "usedStorage": sum(len(d) for d in self.files.values()),
        }
        if self.type == "model":
            info.update({"modelId": self.id, "pipeline_tag": card.get("pipeline_tag"),
                         "library_name": card.get("library_name"), "spaces": []})
            if "model-index" in card:
                info["model-index"] = card["model-index"]
        info.update(self.extra)
        return info


@dataclass
class Fault:
    match: str
    kind: str  # "delay", "hold", "status", "truncate" (body cut), "cut-json" (JSON cut), "close",
    # "trickle", "declare", "redirect"
    times: int = 1
    status: int = 500
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    size: int = 0
    location: str = ""


class HubServer:
    """Start with `start()`, stop with `stop()`; `url` is the endpoint to give HfApi."""

    def __init__(self) -> None:
        self.repos: dict[tuple[str, str], Repo] = {}
        self.faults: list[Fault] = []
        self.log: list[tuple[str, str, dict[str, str]]] = []
        self.stamps: list[tuple[float, str]] = []
        """(time.monotonic() on arrival, path) of every request, to check request rates."""
        self.tokens = {"granted"}
        self.gzip_json = False
        """Send JSON answers gzip-encoded (as huggingface.co does)."""
        self.active = 0
        self.max_active = 0
        """Requests being answered at once now, and the most ever (to see client concurrency)."""
        self._lock = threading.Lock()
        self._released = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None

    # -- content ----------------------------------------------------------------------------

    def add(self, repo: Repo) -> Repo:
        self.repos[(repo.type, repo.id)] = repo
        return repo

    def add_model(self, repo_id: str, files: dict[str, bytes | str], **kwargs: Any) -> Repo:
        data = {k: v.encode() if isinstance(v, str) else v for k, v in files.items()}
        return self.add(Repo(repo_id, "model", data, **kwargs))

    def add_dataset(self, repo_id: str, card: dict[str, Any] | None = None, **kwargs: Any) -> Repo:
        readme = f"---\n{yaml.safe_dump(card or {})}---\n# {repo_id}\n"
        return self.add(Repo(repo_id, "dataset", {"README.md": readme.encode()}, **kwargs))

    def load_cards(self, root: Path) -> list[Repo]:
        """Every folder of hub/cards/ as a model repository (org__name -> org/name)."""
        manifest = {}
        table = root / "MANIFEST.tsv"
        if table.exists():
            rows = table.read_text().splitlines()
            header = rows[0].split("\t")
            for row in rows[1:]:
                values = dict(zip(header, row.split("\t"), strict=False))
                manifest[values["slug"]] = values
        repos = []
        for folder in sorted(p for p in root.iterdir() if p.is_dir()):
            files = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
            gated = "manual" if manifest.get(folder.name, {}).get("gated") == "yes" else False
            repos.append(self.add_model(folder.name.replace("__", "/", 1), files, gated=gated))
        return repos

    def fault(self, match: str, kind: str, **kwargs: Any) -> Fault:
        fault = Fault(match, kind, **kwargs)
        self.faults.append(fault)
        return fault

    def requests_to(self, fragment: str) -> int:
        return sum(1 for _, path, _ in self.log if fragment in path)

    # -- lifecycle ----------------------------------------------------------------------------

    @property
    def url(self) -> str:
        assert self._httpd is not None
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> HubServer:
        server = self

        class Handler(_Handler):
            hub = server

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                         daemon=True).start()
        return self

    def release(self) -> None:
        """Let every held request go on (and every later one pass its hold at once)."""
        self._released.set()

    def stop(self) -> None:
        self.release()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def take_fault(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.match in path and fault.times > 0:
                    fault.times -= 1
                    return fault
        return None


class _Handler(BaseHTTPRequestHandler):
    hub: HubServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms delayed-ACK stall

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_GET(self) -> None:
        self._serve(head=False)

    # -- dispatch -----------------------------------------------------------------------------

    def _serve(self, head: bool) -> None:
        with self.hub._lock:
            self.hub.active += 1
            self.hub.max_active = max(self.hub.max_active, self.hub.active)
        try:
            self._answer(head)
        finally:
            with self.hub._lock:
                self.hub.active -= 1

    def _answer(self, head: bool) -> None:
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        self.hub.log.append((self.command, path, dict(self.headers.items())))
        self.hub.stamps.append((time.monotonic(), path))
        fault = self.hub.take_fault(path)
        if fault is not None and self._fault(fault, head):
            return
        query = parse_qs(parts.query)
        segments = [s for s in path.split("/") if s]
        try:
            if segments == ["api", "models"]:
                self._listing(query, head)
            elif segments[:2] in (["api", "models"], ["api", "datasets"]) and len(segments) >= 4:
                kind = "model" if segments[1] == "models" else "dataset"
                revision = segments[5] if len(segments) >= 6 and segments[4] == "revision" else None
                self._info(kind, f"{segments[2]}/{segments[3]}", revision,
                           query.get("blobs", [""])[0].lower() == "true", head)
            elif len(segments) >= 5 and segments[0] == "datasets" and segments[3] == "resolve":
                self._resolve("dataset", f"{segments[1]}/{segments[2]}", segments[4],
                              "/".join(segments[5:]), head)
            elif len(segments) >= 4 and segments[2] == "resolve":
                self._resolve("model", f"{segments[0]}/{segments[1]}", segments[3],
                              "/".join(segments[4:]), head)
            else:
                self._error(404, "RepoNotFound", "Not found", head)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _fault(self, fault: Fault, head: bool) -> bool:
        """Apply a fault; True when the request is answered (or dropped) by it."""
        if fault.kind == "delay":
            time.sleep(fault.delay)
            return False
        if fault.kind == "hold":
            self.hub._released.wait(fault.delay or 60.0)
            return False
        if fault.kind == "close":
            self.close_connection = True
            self.connection.shutdown(2)
            return True
        if fault.kind == "status":
            self._send(fault.status, b'{"error":"injected"}', {**fault.headers,
                       "Content-Type": "application/json"}, head)
            return True
        if fault.kind in ("truncate", "cut-json"):
            self._cut = fault.kind
            return False
        if fault.kind == "redirect":
            self._send(302, b"", {"Location": fault.location}, head)
            return True
        if fault.kind in ("trickle", "declare"):
            size = fault.size or 1000
            self.close_connection = True
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(size))
            self.end_headers()
            if not head:
                for _ in range(size if fault.kind == "trickle" else 1):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    if fault.kind == "trickle":
                        time.sleep(fault.delay)
            return True
        raise ValueError(fault.kind)

    # -- answers ------------------------------------------------------------------------------

    def _repo(self, kind: str, repo_id: str, head: bool) -> Repo | None:
        repo = self.hub.repos.get((kind, repo_id))
        if repo is None or (repo.private and not self._authorized()):
            self._error(401 if repo is None else 404, "RepoNotFound",
                        "Repository not found", head)
            return None
        return repo

    def _revision(self, repo: Repo, revision: str | None, head: bool) -> str | None:
        if revision is None:
            return repo.sha
        known = revision == repo.sha or revision in repo.branches.values()
        sha = repo.branches.get(revision) or (revision if known else None)
        if sha is None:
            self._error(404, "RevisionNotFound", "Invalid rev id", head)
        return sha

    def _info(self, kind: str, repo_id: str, revision: str | None, blobs: bool,
              head: bool) -> None:
        repo = self._repo(kind, repo_id, head)
        sha = self._revision(repo, revision, head) if repo is not None else None
        if repo is None or sha is None:
            return
        body = json.dumps(repo.info(blobs, sha)).encode()
        self._send(200, body, {"Content-Type": "application/json"}, head)

    def _listing(self, query: dict[str, list[str]], head: bool) -> None:
        """A page of the model listing, sorted by id, and the link to the next page."""
        author = query.get("author", [None])[0]
        search = (query.get("search", [""])[0] or "").lower()
        wanted = query.get("filter", [])
        expand = query.get("expand[]", []) or query.get("expand", [])
        size = int(query.get("limit", ["1000"])[0] or 1000)
        start = int(query.get("cursor", ["0"])[0] or 0)
        found = []
        for (kind, repo_id), repo in sorted(self.hub.repos.items(), key=lambda i: i[0][1]):
            if kind != "model" or repo.private:
                continue
            if author and not repo_id.startswith(author + "/"):
                continue
            if search and search not in repo_id.lower():
                continue
            if wanted:
                tags = set(repo.info(False)["tags"])
                if not all(f in tags for f in wanted):
                    continue
            found.append(repo)
        page = []
        for repo in found[start:start + size]:
            info = repo.info(False)
            keep = set(expand) if expand else {"likes", "downloads", "tags", "pipeline_tag",
                                                "library_name", "createdAt", "modelId"}
            page.append({"_id": info["_id"], "id": info["id"],
                         **{k: v for k, v in info.items() if k in keep}})
        headers = {"Content-Type": "application/json"}
        if start + size < len(found):
            params = [(k, v) for k, values in query.items() if k != "cursor" for v in values]
            params.append(("cursor", str(start + size)))
            host, port = self.server.server_address[:2]
            headers["Link"] = f'<http://{host}:{port}/api/models?{urlencode(params)}>; rel="next"'
        self._send(200, json.dumps(page).encode(), headers, head)

    def _resolve(self, kind: str, repo_id: str, revision: str, path: str, head: bool) -> None:
        repo = self._repo(kind, repo_id, head)
        if repo is None:
            return
        sha = self._revision(repo, revision, head)
        if sha is None:
            return
        if path not in repo.files:
            self._error(404, "EntryNotFound", "Entry not found", head)
            return
        if repo.gated and path not in ("README.md", ".gitattributes") and not self._authorized():
            self._error(401, "GatedRepo", "Access to this repository is restricted", head)
            return
        data = repo.files[path]
        headers = {"X-Repo-Commit": sha, "ETag": f'"{hashlib.sha1(data).hexdigest()}"',
                   "Accept-Ranges": "bytes", "Content-Type": "application/octet-stream"}
        wanted = self.headers.get("Range")
        if wanted and wanted.startswith("bytes="):
            first, _, last = wanted[6:].partition("-")
            start = int(first)
            end = min(int(last) if last else len(data) - 1, len(data) - 1)
            if start >= len(data):
                self._send(416, b"", {"Content-Range": f"bytes */{len(data)}"}, head)
                return
            headers["Content-Range"] = f"bytes {start}-{end}/{len(data)}"
            self._send(206, data[start:end + 1], headers, head)
            return
        self._send(200, data, headers, head)

    def _authorized(self) -> bool:
        value = self.headers.get("Authorization", "")
        return value.startswith("Bearer ") and value[7:] in self.hub.tokens

    def _error(self, status: int, code: str, message: str, head: bool) -> None:
        body = json.dumps({"error": message}).encode()
        self._send(status, body, {"X-Error-Code": code, "X-Error-Message": message,
                                  "Content-Type": "application/json"}, head)

    def _send(self, status: int, body: bytes, headers: dict[str, str], head: bool) -> None:
        cut = getattr(self, "_cut", None)
        self._cut = None
        if cut == "cut-json":  # a complete response whose JSON stops half-way
            body = body[:len(body) // 2]
        if self.hub.gzip_json and headers.get("Content-Type") == "application/json" \
                and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body)  # as the real Hub sends its API answers
            headers = {**headers, "Content-Encoding": "gzip"}
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if head:
            return
        if cut == "truncate":  # the connection drops before Content-Length bytes arrive
            self.wfile.write(body[:len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(2)
            return
        self.wfile.write(body)
