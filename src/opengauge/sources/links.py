"""Links in a model card: papers (arXiv, ACL Anthology, OpenReview, DOI), code repositories,
Hub datasets and Hub models, each with its line, whether it sits in a code block, and the
heading above it (rating rules tell a training-code link from `pip install git+...`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qs, unquote, urlsplit

from opengauge.limits import MAX_CARD_LINKS
from opengauge.model import Evidence, Locator
from opengauge.sources.card import CardBody, split_body
from opengauge.sources.facts import CardFacts, Facts, Link
from opengauge.sources.interface import Repository, Source

SOURCE = "card-links"

_URL = re.compile(r"https?://[^\s<>()\[\]{}\"'`|\\^]+", re.IGNORECASE)
_ARXIV_TEXT = re.compile(r"\b(?:arxiv|eprint)\s*[:=]?\s*[{\"]?\s*(\d{4}\.\d{4,5})(v\d+)?",
                         re.IGNORECASE)
"""`arXiv:2312.06550`, `arxiv={2312.06550}` and BibTeX's `eprint={2312.06550}`."""
_ARXIV_ID = re.compile(r"(\d{4}\.\d{4,5})(v\d+)?")
CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "codeberg.org")
HUB_HOSTS = ("huggingface.co", "hf.co")
HUB_NOT_MODELS = {"datasets", "spaces", "docs", "blog", "papers", "api", "collections", "models",
                  "organizations", "join", "login", "settings", "pricing", "learn", "tasks", "chat",
                  "inference-endpoints", "enterprise", "new", "welcome", "posts", "changelog"}

Locate = Callable[[int | None, str | None], Locator]


def classify_url(url: str) -> tuple[str, str, str] | None:
    """(kind, id, canonical url) for a paper, code, dataset or model link; None otherwise."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    segments = [unquote(s) for s in parts.path.split("/") if s]
    arxiv_page = (host in ("arxiv.org", "export.arxiv.org") and segments[:1] in (["abs"], ["pdf"],
                                                                                  ["html"])) \
        or (host in HUB_HOSTS and segments[:1] == ["papers"])
    if arxiv_page and len(segments) >= 2 and (match := _ARXIV_ID.match(segments[1])):
        return "paper", f"arxiv:{match.group(1)}", f"https://arxiv.org/abs/{match.group(1)}"
    if host == "aclanthology.org" and segments:
        anthology = segments[0].removesuffix(".pdf")
        return "paper", f"acl:{anthology}", f"https://aclanthology.org/{anthology}"
    if host == "aclweb.org" and len(segments) >= 2 and segments[0] == "anthology":
        anthology = segments[-1].removesuffix(".pdf")
        return "paper", f"acl:{anthology}", f"https://aclanthology.org/{anthology}"
    if host == "openreview.net" and segments and segments[0] in ("forum", "pdf"):
        ids = parse_qs(parts.query).get("id")
        if ids:
            return "paper", f"openreview:{ids[0]}", f"https://openreview.net/forum?id={ids[0]}"
    if host in ("doi.org", "dx.doi.org") and len(segments) >= 2:
        doi = "/".join(segments)
        return "paper", f"doi:{doi}", f"https://doi.org/{doi}"
    if host in CODE_HOSTS and len(segments) >= 2:
        repo = f"{segments[0]}/{segments[1].removesuffix('.git')}"
        return "code", f"{host}/{repo}", f"https://{host}/{repo}"
    if host in HUB_HOSTS and len(segments) >= 3 and segments[0] == "datasets":
        repo = f"{segments[1]}/{segments[2]}"
        return "dataset", repo, f"https://huggingface.co/datasets/{repo}"
    if host in HUB_HOSTS and len(segments) >= 2 and segments[0] not in HUB_NOT_MODELS:
        repo = f"{segments[0]}/{segments[1]}"
        return "model", repo, f"https://huggingface.co/{repo}"
    return None


def find_links(body: CardBody, card: CardFacts | None, locate: Locate) -> list[Link]:
    """Links in the card body and `arxiv:` front matter, first occurrence of each id kept."""
    found: dict[tuple[str, str], Link] = {}

    def add(kind: str, ident: str, url: str, line: int | None, quote: str, field: str | None,
            in_code: bool, section: str | None) -> None:
        key = (kind, ident.lower())
        if key not in found and len(found) >= MAX_CARD_LINKS:
            return
        if key in found and not (found[key].in_code and not in_code):
            return
        evidence = Evidence(SOURCE, locate(line, field), quote[:200])
        found[key] = Link(kind, ident, url, evidence, in_code, section)

    if card is not None:
        for fact in card.arxiv:
            if match := _ARXIV_ID.match(fact.value):
                ident = match.group(1)
                found.setdefault(("paper", f"arxiv:{ident}"),
                                 Link("paper", f"arxiv:{ident}", f"https://arxiv.org/abs/{ident}",
                                      Evidence(SOURCE, fact.evidence.locator, fact.evidence.quote)))
    for offset, line in enumerate(body.lines):
        number = body.first_line + offset
        in_code = number in body.in_code
        heading = body.heading_before(number)
        section = heading.raw.strip("# ").strip() if heading else None
        for match in _URL.finditer(line):
            url = match.group(0).rstrip(".,;:!?*_~")
            classified = classify_url(url)
            if classified:
                add(*classified, number, line.strip(), None, in_code, section)
        for match in _ARXIV_TEXT.finditer(line):
            ident = match.group(1)
            add("paper", f"arxiv:{ident}", f"https://arxiv.org/abs/{ident}", number, line.strip(),
                None, in_code, section)
    return list(found.values())


class LinksSource(Source):
    """Links in the card gathered by CardSource (runs after it)."""

    name = SOURCE

    def collect(self, repo: Repository, facts: Facts) -> None:
        card = facts.card
        if card is None:
            return
        body = split_body(card.text.lstrip("\ufeff").replace("\r\n", "\n"), card.body_line)
        links = find_links(body, card, lambda line, field: repo.locate(card.file, line, field))
        facts.links.extend(links)
        if len(links) >= MAX_CARD_LINKS:
            facts.problem(SOURCE, f"{card.file}: more than {MAX_CARD_LINKS} distinct links (the "
                          "card link limit); the rest were not read", kind="limit")
