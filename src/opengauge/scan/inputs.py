"""Where a scan's repositories come from: a list of Hub ids (`--from FILE`), a Parquet snapshot
of model cards (`--cards PATH`, the librarian-bots/model_cards_with_metadata layout) or the
Hub's model listing (`--hub`, pages followed by their `Link: rel="next"` header)."""

from __future__ import annotations

import glob
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from opengauge.errors import BadInput, NetworkError, NotFound
from opengauge.scan.limiter import Limiter
from opengauge.scan.rows import Listed
from opengauge.sources.target import is_hub_name

CARD_COLUMNS = ("modelId", "author", "last_modified", "downloads", "likes", "library_name",
                "tags", "pipeline_tag", "createdAt", "card")
EXPAND = ("cardData", "gated", "sha", "lastModified", "tags", "pipeline_tag", "library_name",
          "downloads", "likes")
PAGE = 1000


def from_file(path: Path) -> Iterator[Listed]:
    """One Hub id per line; blank lines and `#` comments are skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise NotFound(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise BadInput(f"{path}: cannot read as UTF-8 text: {error}") from None
    for number, line in enumerate(lines, 1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        if not is_hub_name(text):
            raise BadInput(f"{path}:{number}: '{text[:80]}' is not a Hub model id (org/name)")
        yield Listed(id=text)


def card_files(spec: str) -> list[Path]:
    """The Parquet files of `--cards`: a file, a folder (its *.parquet, recursively) or a glob."""
    path = Path(spec)
    if path.is_file():
        return [path]
    if path.is_dir():
        found = sorted(path.rglob("*.parquet"))
    else:
        found = sorted(Path(p) for p in glob.glob(spec, recursive=True) if Path(p).is_file())
    if not found:
        raise NotFound(f"--cards {spec}: no Parquet files there")
    return found


def from_cards(spec: str) -> Iterator[Listed]:
    """The rows of a model-card snapshot. It has no license, sha or gated column: those stay
    null (with the reason in the row's `nulls`) unless the card itself says."""
    import pyarrow.parquet as pq

    for path in card_files(spec):
        try:
            handle = pq.ParquetFile(path)
        except Exception as error:
            raise BadInput(f"{path}: not a readable Parquet file ({error})") from None
        names = handle.schema_arrow.names
        for required in ("modelId", "card"):
            if required not in names:
                raise BadInput(f"{path}: no '{required}' column (expected the "
                               "librarian-bots/model_cards_with_metadata layout: "
                               + ", ".join(CARD_COLUMNS) + ")")
        columns = [c for c in CARD_COLUMNS if c in names]
        for batch in handle.iter_batches(batch_size=2048, columns=columns):
            for record in batch.to_pylist():
                yield _card_row(record, path)


def _card_row(record: dict[str, Any], path: Path) -> Listed:
    model_id = record.get("modelId")
    if not isinstance(model_id, str) or not model_id:
        raise BadInput(f"{path}: a row has no modelId")
    modified = record.get("last_modified")
    return Listed(id=model_id, card=record.get("card") if isinstance(record.get("card"), str)
                  else None,
                  tags=[str(t) for t in record.get("tags") or []],
                  pipeline_tag=record.get("pipeline_tag"), library_name=record.get("library_name"),
                  last_modified=None if modified is None else str(modified),
                  downloads=record.get("downloads"), likes=record.get("likes"),
                  known={"card", "tags", "pipeline_tag", "library_name", "last_modified"})


@dataclass
class HubQuery:
    """`--hub` with its filters."""

    author: str | None = None
    filter: list[str] | None = None
    search: str | None = None
    limit: int | None = None


def from_hub(query: HubQuery, endpoint: str, token: str | None, limiter: Limiter | None,
             timeout: float = 30.0, retries: int = 6) -> Iterator[Listed]:
    """The Hub's model listing with expanded card data, one API call per page."""
    from huggingface_hub.utils import build_hf_headers, get_session

    from opengauge import __version__
    from opengauge.sources.hub import RETRY_STATUS, retry_after

    params: list[tuple[str, str]] = [("limit", str(min(PAGE, query.limit or PAGE)))]
    if query.author:
        params.append(("author", query.author))
    if query.search:
        params.append(("search", query.search))
    params += [("filter", f) for f in query.filter or []]
    params += [("expand[]", e) for e in EXPAND]
    url: str | None = f"{endpoint}/api/models?{urlencode(params)}"
    headers = build_hf_headers(token=token, library_name="opengauge", library_version=__version__)
    count = 0
    while url is not None:
        response = None
        for attempt in range(retries + 1):
            if limiter is not None:
                limiter.acquire("api")
            try:
                response = get_session().get(url, headers=headers, timeout=timeout)
            except Exception as error:
                raise NetworkError(f"Hub {endpoint}: listing models: {type(error).__name__}: "
                                   f"{error}") from None
            if response.status_code not in RETRY_STATUS or attempt == retries:
                break
            wait = retry_after(response.headers)
            if wait is not None and limiter is not None:
                limiter.pause(wait)
            (limiter.sleep if limiter else _sleep)(wait if wait is not None else
                                                   min(8.0, 0.5 * 2 ** attempt))
        assert response is not None
        if response.status_code != 200:
            raise NetworkError(f"Hub {endpoint}: listing models: HTTP {response.status_code}")
        try:
            page = json.loads(response.content)
        except ValueError:
            raise NetworkError(f"Hub {endpoint}: listing models: malformed JSON") from None
        for item in page if isinstance(page, list) else []:
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            yield _listed(item)
            count += 1
            if query.limit is not None and count >= query.limit:
                return
        url = _next_link(response.headers.get("Link"))


def _sleep(seconds: float) -> None:
    import time

    time.sleep(seconds)


def _listed(item: dict[str, Any]) -> Listed:
    card_data = item.get("cardData") if isinstance(item.get("cardData"), dict) else None
    return Listed(id=item["id"], card_data=card_data, sha=item.get("sha"),
                  gated=item.get("gated", False), tags=[str(t) for t in item.get("tags") or []],
                  pipeline_tag=item.get("pipeline_tag"), library_name=item.get("library_name"),
                  last_modified=item.get("lastModified"), downloads=item.get("downloads"),
                  likes=item.get("likes"),
                  known={"card_data", "sha", "gated", "tags", "last_modified"})


def _next_link(header: str | None) -> str | None:
    """The `rel="next"` URL of a Link header."""
    for part in (header or "").split(","):
        pieces = part.split(";")
        if len(pieces) >= 2 and any(p.strip() in ('rel="next"', "rel=next") for p in pieces[1:]):
            return pieces[0].strip().strip("<>")
    return None
