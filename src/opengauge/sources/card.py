"""Model cards: YAML front matter fields and the body sections that make a card complete.

`parse_card` never raises on a bad card: malformed front matter becomes a Problem and the body
is still read. Every field and section keeps its line in the README.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from opengauge import frontmatter
from opengauge.limits import MAX_CARD_HEADINGS
from opengauge.model import Evidence, Locator
from opengauge.sources.facts import CardFacts, Fact, Facts, Problem, Section
from opengauge.sources.interface import Repository, Source, read_text

SOURCE = "card"
QUOTE_CHARS = 200

Locate = Callable[[int | None, str | None], Locator]

SECTION_PATTERNS: dict[str, re.Pattern[str]] = {
    kind: re.compile(pattern) for kind, pattern in {
        "intended_use": r"\bintended\b|^(direct |downstream )?uses?$|\buse cases?\b"
                        r"|\bout of scope\b|^uses? and limitations$",
        "limitations": r"\blimitations?\b|\bout of scope\b|\bknown issues\b",
        "training_data": r"\btraining\b.*\bdata(sets?)?\b|\bdata ?mix\b|^(model )?data(sets?)?$"
                         r"|\b(pre ?training|fine ?tuning) (data|corpus)\b|\btraining corpus\b",
        "training_procedure": r"\btraining (procedure|details|hyper ?parameters|process|setup|recipe)\b"
                              r"|\btraining$|^pre ?training$|\bhyper ?parameters\b"
                              r"|\bfine ?tuning (details|procedure)\b",
        "evaluation": r"\bevaluat|\bbenchmarks?\b|\bresults\b|\bmetrics\b|\bperformance\b",
        "bias_risks": r"\bbias(es)?\b|\brisks?\b|\bethic|\bsafety\b|\bresponsib|\bharms?\b",
        "hardware": r"\bhardware\b|\binfrastructure\b|\bcompute (resources|infrastructure)\b",
    }.items()
}

_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$")
_BOLD_LINE = re.compile(r"^\s*(?:\*\*|__)([^*_]{2,80}?)(?:\*\*|__)\s*:?\s*$")
_HTML_HEADING = re.compile(r"^\s*<h([1-6])[^>]*>(.*?)</h\1>\s*$", re.IGNORECASE)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_PLACEHOLDER = re.compile(r"\[More Information Needed\]", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]+>")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


@dataclass
class Heading:
    line: int
    level: int
    title: str
    raw: str


@dataclass
class CardBody:
    """The body split into lines, with its headings and which lines are inside code fences."""

    lines: list[str]
    first_line: int
    headings: list[Heading] = field(default_factory=list)
    in_code: set[int] = field(default_factory=set)
    headings_truncated: bool = False
    """More than MAX_CARD_HEADINGS headings: the rest were not kept."""
    _starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def heading_before(self, line: int) -> Heading | None:
        """The last heading at or above `line` (binary search: headings are in line order)."""
        if len(self._starts) != len(self.headings):
            self._starts = [heading.line for heading in self.headings]
        index = bisect_right(self._starts, line)
        return self.headings[index - 1] if index else None


def parse_card(text: str, file: str, locate: Locate) -> tuple[CardFacts, list[Problem]]:
    """Front matter and body sections of a card; problems instead of exceptions."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    card = CardFacts(file=file)
    problems: list[Problem] = []
    try:
        fence = frontmatter.split(text)
    except frontmatter.FrontMatterError as error:
        problems.append(Problem(SOURCE, f"{file}: {error.message}", _ev(locate, 1, None, "---"),
                                kind="malformed"))
        fence = None
    body_line = fence.body_line if fence is not None else 1
    if fence is not None:
        card.has_front_matter = True
        try:
            parsed = frontmatter.parse(fence)
        except frontmatter.FrontMatterError as error:
            problems.append(Problem(SOURCE, f"{file}:{error.line}: front matter: {error.message}",
                                    _ev(locate, error.line, None, None), kind="malformed"))
        else:
            _fill_fields(card, parsed.data, parsed.lines, locate)
    body = split_body(text, body_line)
    card.body_line = body_line
    card.sections = find_sections(body, locate)
    if body.headings_truncated:
        problems.append(Problem(SOURCE, f"{file}: more than {MAX_CARD_HEADINGS} headings (the "
                                "card heading limit); the rest were not read as sections",
                                _ev(locate, None, None, None), kind="limit"))
    card.body_words = _words("\n".join(body.lines))
    return card, problems


def _ev(locate: Locate, line: int | None, field_name: str | None, quote: str | None,
        note: str | None = None) -> Evidence:
    return Evidence(SOURCE, locate(line, field_name), _short(quote), note)


def _short(text: str | None) -> str | None:
    if text is None:
        return None
    text = " ".join(str(text).split())
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS - 1] + "…"


def _as_strings(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(v) for v in value if v is not None and not isinstance(v, dict | list)]
    if isinstance(value, dict):
        return []
    return [str(value)]


def _fill_fields(card: CardFacts, data: dict[Any, Any], lines: dict[tuple[str, ...], int],
                 locate: Locate) -> None:
    def fact(key: str, value: Any, index: int | None = None) -> Fact[Any]:
        line = lines.get((key, str(index))) if index is not None else None
        line = line or lines.get((key,))
        label = key if index is None else f"{key}[{index}]"
        quote = f"{key}: {value}" if not isinstance(value, dict | list) else f"{key}: …"
        return Fact(value, _ev(locate, line, label, quote))

    def strings(key: str) -> list[Fact[str]]:
        raw = data.get(key)
        items = _as_strings(raw)
        if isinstance(raw, list):
            return [fact(key, item, i) for i, item in enumerate(items)]
        return [fact(key, item) for item in items]

    def single(key: str) -> Fact[str] | None:
        items = _as_strings(data.get(key))
        return fact(key, items[0]) if items else None

    for key, value in data.items():
        card.fields[str(key)] = fact(str(key), value)
    card.licenses = strings("license")
    card.license_name = single("license_name")
    card.license_link = single("license_link")
    card.datasets = strings("datasets")
    card.base_models = strings("base_model")
    card.base_model_relation = single("base_model_relation")
    card.pipeline_tag = single("pipeline_tag")
    card.library_name = single("library_name")
    card.tags = strings("tags")
    card.arxiv = [Fact(t.value.split(":", 1)[1].strip(), t.evidence) for t in card.tags
                  if t.value.lower().startswith("arxiv:") and t.value.split(":", 1)[1].strip()]
    card.arxiv += strings("arxiv")  # some cards (Llama 2) use a top-level `arxiv:` key
    if "model-index" in data:
        card.model_index = fact("model-index", data["model-index"])
        card.eval_results = _count_results(data["model-index"])
    if "co2_eq_emissions" in data:
        card.co2_eq_emissions = fact("co2_eq_emissions", data["co2_eq_emissions"])
    for key, value in data.items():
        if str(key).startswith("extra_gated_"):
            card.gating[str(key)] = fact(str(key), value)
    if "extra_gated_eu_disallowed" in data:
        value = data["extra_gated_eu_disallowed"]
        truthy = value is True or (isinstance(value, str) and value.strip().lower() == "true")
        card.eu_disallowed = fact("extra_gated_eu_disallowed", truthy)


def _count_results(model_index: Any) -> int:
    if not isinstance(model_index, list):
        return 0
    total = 0
    for entry in model_index:
        results = entry.get("results") if isinstance(entry, dict) else None
        if isinstance(results, list):
            for result in results:
                metrics = result.get("metrics") if isinstance(result, dict) else None
                total += len(metrics) if isinstance(metrics, list) else 1
    return total


def split_body(text: str, first_line: int) -> CardBody:
    """The body's lines (numbered from `first_line`), headings outside code fences."""
    all_lines = text.split("\n")
    body = CardBody(all_lines[first_line - 1:], first_line)
    fence: str | None = None
    previous = ""
    for offset, line in enumerate(body.lines):
        number = first_line + offset
        match = _FENCE.match(line)
        if fence is not None:
            body.in_code.add(number)
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group(1)
            body.in_code.add(number)
            continue
        if len(body.headings) >= MAX_CARD_HEADINGS:  # over the limit: only notice more
            body.headings_truncated = body.headings_truncated or _heading(line, previous,
                                                                          number) is not None
            previous = line
            continue
        heading = _heading(line, previous, number)
        if heading is not None:
            body.headings.append(heading)
        previous = line
    return body


def _heading(line: str, previous: str, number: int) -> Heading | None:
    if match := _ATX.match(line):
        return Heading(number, len(match.group(1)), clean_title(match.group(2)), line.strip())
    if match := _HTML_HEADING.match(line):
        return Heading(number, int(match.group(1)), clean_title(match.group(2)), line.strip())
    if match := _BOLD_LINE.match(line):
        return Heading(number, 7, clean_title(match.group(1)), line.strip())
    stripped = line.strip()
    if previous.strip() and stripped and set(stripped) <= {"="} and len(stripped) >= 3:
        return Heading(number - 1, 1, clean_title(previous), previous.strip())
    return None


def clean_title(title: str) -> str:
    """A heading's words: no markup, numbering, emoji or punctuation; lower case."""
    title = _LINK.sub(r"\1", _TAGS.sub(" ", title))
    title = re.sub(r"[*_`]", "", title).lower()
    title = re.sub(r"^\s*(\d+(\.\d+)*\.?|[ivx]+\.)\s+", "", title)
    title = re.sub(r"[^\w\s]", " ", title.replace("’", "'").replace("'s ", " "))
    return " ".join(title.split())


def classify(title: str) -> list[str]:
    """The section kinds a (cleaned) heading title belongs to."""
    return [kind for kind, pattern in SECTION_PATTERNS.items() if pattern.search(title)]


def find_sections(body: CardBody, locate: Locate) -> list[Section]:
    sections: list[Section] = []
    for index, heading in enumerate(body.headings):
        kinds = classify(heading.title)
        if not kinds:
            continue
        end = _section_end(body, index)
        start = heading.line + 1 - body.first_line
        text = "\n".join(line for offset, line in enumerate(body.lines[start:end - body.first_line])
                         if heading.line + 1 + offset not in body.in_code)
        words = _words(text)
        for kind in kinds:
            sections.append(Section(kind, heading.raw.strip("# ").strip(), heading.line, words,
                                    _ev(locate, heading.line, None, heading.raw,
                                        f"{words} words")))
    return sections


def _section_end(body: CardBody, index: int) -> int:
    level = body.headings[index].level
    for heading in body.headings[index + 1:]:
        if level == 7 or heading.level <= level:
            return heading.line
    return body.first_line + len(body.lines)


def _words(text: str) -> int:
    text = _PLACEHOLDER.sub(" ", _COMMENT.sub(" ", text))
    return len(re.findall(r"\w+", text))


CARD_NAMES = ("README.md", "README.markdown", "MODEL_CARD.md", "model_card.md")
MAX_CARD_BYTES = 2 << 20


class CardSource(Source):
    """The model card: README.md at the top of the repository."""

    name = SOURCE

    def collect(self, repo: Repository, facts: Facts) -> None:
        found = repo.find(*CARD_NAMES)
        if found is None:
            return
        read = read_text(repo, found.name, MAX_CARD_BYTES, SOURCE, facts)
        if read is None:
            return
        text, truncated = read
        where = repo.locate(found.name)
        card, problems = parse_card(text, where.url or where.file or found.name,
                                    lambda line, field: repo.locate(found.name, line, field))
        card.file = found.name
        card.text = text
        card.truncated = truncated
        facts.card = card
        facts.problems.extend(problems)
