"""The governing license texts of a target, read by the license analyzer.

A *governing text* is one license or use-policy text with the analyzer's answer about it
(`matches`, `restrictions`, `open_source`, ...; docs/licenses.md) plus where it comes from:

- `origin: "file"`: a file the user gave, or found in a folder (`opengauge license`'s rules for
  license-like names);
- `origin: "registry"`: the bundled full text of a license in the registry, for a catalog model
  (its curated license names and the MOT's weights license string -> registry keys), or the use
  policy a license makes binding (same family and version, see `add_policies`).

`why` says how each text was chosen. Registry texts cite lines of the bundled file (the
registry's YAML front matter counted), so a quote can be found where it is cited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opengauge import frontmatter
from opengauge.model import Ranked, Subject

if TYPE_CHECKING:
    from opengauge.licenses.result import LicenseResult

NO_LICENSE = frozenset({"", "unclear", "unknown", "unlicensed", "undisclosed", "none", "na", "n/a",
                        "other", "proprietary"})
"""Curated strings that name no license text."""

POLICY_WORDS = re.compile(r"\b(?:polic(?:y|ies)|aup)\b", re.IGNORECASE)
"""A field-of-use finding quoting these makes a use policy binding."""

ALL_RIGHTS = ("use", "modify", "redistribute")
DEAL_FREELY = re.compile(r"\b(?:permission|grant\w*|licen[cs]e\w*)\b[^.;]{0,120}\bto\s+deal\s+in\b"
                         r"[^.;]{0,80}\bwithout\s+restriction\b")
"""An MIT-style grant ("permission ... to deal in the Model Materials without restriction"):
all three rights, whether or not they are listed after it."""
_CARD = re.compile(r"^(?:readme|model[_-]?card)", re.IGNORECASE)
_NOTICE_NAME = re.compile(r"notice", re.IGNORECASE)
_WEIGHTS_COMPONENT = "Model parameters (Final)"


@dataclass(frozen=True)
class RegistryFile:
    """A registry text as a file: its display path, its text (front matter blanked, so line
    numbers are the file's), and how many lines the front matter takes."""

    path: str
    text: str
    offset: int


@cache
def registry_file(key: str) -> RegistryFile | None:
    """The bundled (or user) file holding the reference text of registry entry `key`."""
    from opengauge.licenses.lookup import reference_file
    from opengauge.licenses.registry import registry

    entry = registry().get(key)
    found = reference_file(entry) if entry is not None else None
    if entry is None or found is None:
        return None
    path, raw = found
    body, first = frontmatter.body_of(raw)
    offset = first - 1
    body = "\n" * offset + body
    source, _, name = entry.files[0].partition("/")
    shown = str(path) if source == "user" else f"opengauge/licenses/data/{path.parent.name}/{name}"
    return RegistryFile(shown, body, offset)


@dataclass
class GoverningText:
    """One license or use-policy text and the analyzer's answer about it."""

    record: dict[str, Any]
    """The analyzer's answer plus `label`, `path`, `origin`, `why`, `kind`, `grants`."""
    text: str | None = None
    """The text itself when known (line numbers as in `record`)."""

    @property
    def result(self) -> LicenseResult:
        """The record as the analyzer's typed result (the extra keys as annotations): what a
        report's license section holds."""
        from opengauge.licenses.result import LicenseResult

        return LicenseResult.from_dict(self.record)

    @property
    def kind(self) -> str:
        return self.record.get("kind") or "license"

    @property
    def label(self) -> str:
        return self.record.get("label") or str(self.record.get("path"))

    @property
    def restrictions(self) -> list[dict[str, Any]]:
        return [r for r in self.record.get("restrictions") or [] if isinstance(r, dict)]

    @property
    def grants(self) -> set[str]:
        if self.record.get("open_source") is True:
            return set(ALL_RIGHTS)
        return set(self.record.get("grants") or [])

    @property
    def identified(self) -> bool:
        """Identified as a known text (a family known only by name is not)."""
        matches = self.record.get("matches") or []
        return bool(self.record.get("identified")) and any(m.get("key") for m in matches)

    @property
    def readable(self) -> bool:
        """Identified, or judged open source by its clauses (a permissive text never seen)."""
        return self.identified or self.record.get("open_source") is True

    @cached_property
    def sentences(self) -> list[Any]:
        from opengauge.licenses.clauses import in_context
        from opengauge.licenses.sentences import split

        return in_context(split(self.text)) if self.text else []

    def names(self) -> list[str]:
        """The licenses and policies identified in this text, by name."""
        return list(dict.fromkeys(str(m.get("name") or m.get("key")) for m in
                                  self.record.get("matches") or []))


_LIST_LINE = re.compile(r"^\s*(?:[-*+•·▪◦‣]|\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{2,5})[.)])\s")


def source_text(text: GoverningText, restriction: dict[str, Any]) -> tuple[str | None, int]:
    """The text a restriction was read from and the offset to add to its lines."""
    source = restriction.get("source")
    if source and text.record.get("origin") != "registry":
        found = registry_file(source)
        return (found.text, found.offset) if found else (None, 0)
    return text.text, 0


def prohibited_items(text: GoverningText, restriction: dict[str, Any]) -> list[tuple[int, str]]:
    """The lines a prohibition covers: its own, and when it ends with a colon ("You agree you
    will not use ... to:") the list that follows (items, nested items and blank lines, up to the
    first line that is neither). Line numbers are those of `cite`."""
    raw, offset = source_text(text, restriction)
    lines_of = restriction.get("lines") or []
    if not raw or not lines_of:
        return []
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start, end = lines_of[0] + offset, lines_of[-1] + offset
    covered = [(n, lines[n - 1]) for n in range(start, min(end, len(lines)) + 1)]
    if end <= len(lines) and lines[end - 1].rstrip().rstrip("*_ ").endswith(":"):
        number = end + 1
        while number <= len(lines):
            line = lines[number - 1]
            if line.strip() and not (_LIST_LINE.match(line) or line[:1] in (" ", "\t")):
                break
            if line.strip():
                covered.append((number, line))
            number += 1
    return [(n, " ".join(line.split())) for n, line in covered if line.strip()]


def sentences_of(text: GoverningText, restriction: dict[str, Any]) -> tuple[list[Any], int]:
    """The sentences a restriction was read from, and the line offset to add to its lines
    (restrictions of a referenced license carry lines of that license's text)."""
    source = restriction.get("source")
    if source and text.record.get("origin") != "registry":
        found = registry_file(source)
        if found is None:
            return [], 0
        return _registry_sentences(source), found.offset
    return text.sentences, 0


@cache
def _registry_sentences(key: str) -> list[Any]:
    from opengauge.licenses.clauses import in_context
    from opengauge.licenses.sentences import split

    found = registry_file(key)
    return in_context(split(found.text)) if found else []


def cite(text: GoverningText, restriction: dict[str, Any]) -> dict[str, Any]:
    """A restriction as a quoted clause: the text, the file and lines it stands on."""
    lines = list(restriction.get("lines") or [])
    source = restriction.get("source")
    file = text.record.get("path")
    if source and text.record.get("origin") != "registry":
        found = registry_file(source)
        file = found.path if found else f"registry:{source}"
        lines = [n + (found.offset if found else 0) for n in lines]
    return {"text": text.label, "file": file, "lines": lines, "kind": restriction.get("kind"),
            "quote": restriction.get("quote"), "value": restriction.get("value")}


def quoted_sentences(text: GoverningText, restriction: dict[str, Any]) -> list[str]:
    """The sentences a restriction's lines touch ([its quote] when they cannot be found)."""
    found = [s.text for s in touched(text, restriction)]
    return found or [str(restriction.get("quote") or "")]


def touched(text: GoverningText, restriction: dict[str, Any]) -> list[Any]:
    """The sentences (with their reading in context, `plain`) a restriction's lines touch;
    their lines are those of `cite`. Empty when the text is not at hand."""
    sentences, offset = sentences_of(text, restriction)
    lines = restriction.get("lines") or []
    if not sentences or not lines:
        return []
    start, end = lines[0] + offset, lines[-1] + offset
    return [s for s in sentences if s.start <= end and s.end >= start]


def full_sentence(text: GoverningText, restriction: dict[str, Any]) -> str:
    """The whole wording of the sentence(s) a restriction quotes (its quote when unknown)."""
    return " ".join(quoted_sentences(text, restriction))


def following(text: GoverningText, restriction: dict[str, Any], count: int = 2) -> list[str]:
    """The wording of the `count` sentences after a restriction's (exceptions live there)."""
    sentences, offset = sentences_of(text, restriction)
    lines = restriction.get("lines") or []
    if not sentences or not lines:
        return []
    end = lines[-1] + offset
    return [s.text for s in sentences if s.start > end][:count]


# --- texts from files ---------------------------------------------------------------------

def _kind(record: dict[str, Any], name: str) -> str:
    kinds = {m.get("kind") for m in record.get("matches") or []}
    if "license" in kinds:
        return "license"
    if "use-policy" in kinds or re.search(r"polic|aup", name, re.IGNORECASE):
        return "use-policy"
    return "license"


def _governs(record: dict[str, Any], name: str) -> bool:
    """Whether a file's answer belongs among the governing texts: an identified license or
    policy, a text with restrictions, or an unidentified license-like file (not a model card
    or NOTICE that names no license)."""
    if record.get("error"):
        return False
    if record.get("identified") or record.get("restrictions"):
        return True
    return not (_CARD.match(name) or _NOTICE_NAME.search(name))


PERMITS = re.compile(r"\b(?:permits?|allows?|authori[sz]es?)\s+(?:you|the\s+licensee|licensees?|users?)\s+"
                     r"to\s+([^.;]{0,160})|\b(?:registered\s+)?users\s+may\s+(?!not\b)([^.;]{0,160})")
"""A grant worded as a permission to someone ("This license permits you to use ...",
"Registered users may use the models for commercial activities")."""
_NOT_BEFORE = re.compile(r"\b(?:not|never|no)\b\W*(?:\w+\W+)?$")
_PERMITTED = {"use": re.compile(r"\b(?:use|run|deploy)\b"),
              "modify": re.compile(r"\b(?:modify|adapt|fine-?tune|create\s+derivative)"),
              "redistribute": re.compile(r"\b(?:distribute|redistribute|share|publish)\b")}
GRANT_SENTENCE = re.compile(r"\bhereby\s+grants?\b|\b(?:is|are)\s+(?:hereby\s+)?granted\b|\bgrants?\s+"
                            r"(?:to\s+)?you\b|\bpermits?\s+you\s+to\b")
"""A sentence by which a text grants rights of its own."""


def text_grants(text: str | None) -> set[str]:
    """The rights a text grants: the analyzer's reading (`licenses.verdict.grants`), all
    three for a grant to deal in the work without restriction (`DEAL_FREELY`), and the
    rights a permission to someone names (`PERMITS`)."""
    from opengauge.licenses.sentences import split
    from opengauge.licenses.verdict import grants

    if not text:
        return set()
    sentences = split(text)
    found = set(grants(sentences))
    for sentence in sentences:
        if DEAL_FREELY.search(sentence.plain):
            found |= set(ALL_RIGHTS)
        for match in PERMITS.finditer(sentence.plain):
            if _NOT_BEFORE.search(sentence.plain[max(0, match.start() - 30):match.start()]):
                continue  # "does not permit you to ..."
            words = match.group(1) or match.group(2) or ""
            found |= {right for right, verb in _PERMITTED.items() if verb.search(words)}
    return found


def _own_grant_part(text: str, record: dict[str, Any]) -> str | None:
    """The lines no known license explains, when they hold a grant of their own (a second
    license in the file): both texts bind, so the rights are those this part grants."""
    ranges = record.get("unexplained") or []
    if not ranges or not record.get("contains"):
        return None
    rows = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    part = "\n".join(rows[n - 1] for first, last in ranges for n in range(first, last + 1)
                     if n - 1 < len(rows))
    return part if GRANT_SENTENCE.search(" ".join(part.lower().split())) else None


def from_files(results: list[Any], why: str = "given") -> list[GoverningText]:
    """Governing texts from `licenses.analyze_path` results (files the user gave or a folder's
    license-like files). Model cards and notices naming no license are left out."""
    from opengauge.licenses.inputs import read_file

    texts = []
    for result in results:
        record = result.to_dict() if hasattr(result, "to_dict") else dict(result)
        path = str(record.get("path"))
        name = Path(path).name
        if not _governs(record, name):
            continue
        text = None
        try:
            text = read_file(Path(path)).text if path != "-" else None
        except Exception:  # unreadable after all: cite without context
            text = None
        own = _own_grant_part(text, record) if text else None
        granted = text_grants(own if own is not None else text)
        for match in record.get("matches") or []:
            if match.get("key") and match.get("kind") == "license":
                granted |= _reference_grants(match["key"])
        record.update({"label": path, "origin": "file", "why": why, "kind": _kind(record, name),
                       "grants": sorted(granted & set(ALL_RIGHTS))})
        texts.append(GoverningText(record, text))
    return texts


def from_results(results: list[LicenseResult], why: str) -> list[GoverningText]:
    """Governing texts from analyzer answers already in a report (no text at hand: clauses
    are cited by their quotes)."""
    texts = []
    for result in results:
        record = result.to_dict()
        name = Path(str(record.get("path") or "")).name
        if not _governs(record, name):
            continue
        granted: set[str] = set(record.get("grants") or [])
        for match in record.get("matches") or []:
            if match.get("key") and match.get("kind") == "license":
                granted |= _reference_grants(match["key"])
        record.setdefault("label", record.get("path") or record.get("id") or "license")
        record.setdefault("origin", "file")
        record.setdefault("why", why)
        record["kind"] = record.get("kind") or _kind(record, name)
        record["grants"] = sorted(granted & set(ALL_RIGHTS))
        texts.append(GoverningText(record, None))
    return texts


@cache
def _reference_grants(key: str) -> frozenset[str]:
    from opengauge.licenses.lookup import reference_analysis

    granted = reference_analysis(key)[1]
    found = registry_file(key)
    if found and DEAL_FREELY.search(" ".join(found.text.lower().split())):
        granted |= frozenset(ALL_RIGHTS)
    return granted


# --- texts from the registry ----------------------------------------------------------------

def from_registry(key: str, why: str) -> GoverningText | None:
    """The registry's bundled text of `key`, with the analyzer's answer about it."""
    from opengauge.licenses import lookup_id

    found = registry_file(key)
    result = lookup_id(key).to_dict()
    offset = found.offset if found else 0
    for restriction in result["restrictions"]:
        restriction.pop("source", None)
        restriction["lines"] = [n + offset for n in restriction["lines"]]
    for violation in result.get("osd_violations") or []:
        for item in violation.get("findings") or []:
            item.pop("source", None)
            item["lines"] = [n + offset for n in item.get("lines") or []]
    matches = result.get("matches") or []
    kind = matches[0].get("kind", "license") if matches else "license"
    result.pop("id", None)
    result.update({"path": found.path if found else f"registry:{key}", "label": key,
                   "origin": "registry", "why": why, "kind": kind,
                   "grants": sorted(_reference_grants(key) | (set(ALL_RIGHTS) if result.get(
                       "open_source") else set()))})
    return GoverningText(result, found.text if found else None)


def _family_text(match: dict[str, Any], result: dict[str, Any], why: str) -> GoverningText:
    """A license known by family only (`Gemma`): no text; the findings all members share."""
    record = {"path": None, "label": f"{match.get('name')} (family)", "origin": "registry",
              "why": why, "kind": "license", "identified": True, "matches": [match],
              "restrictions": result.get("restrictions") or [],
              "open_source": result.get("open_source"), "basis": result.get("basis"),
              "osd_violations": result.get("osd_violations") or [],
              "note": "a license family known by name only: its version, and so its text, is unknown",
              "grants": []}
    return GoverningText(record, None)


def policy_of(family: str | None, version: str | None) -> str | None:
    """The registry key of the use policy of a license family and version, if bundled."""
    if not family or not version:
        return None
    from opengauge.licenses.registry import registry

    reg = registry()
    for member in reg.members(family):
        if member.kind == "use-policy" and member.version == version and member.files:
            return member.key
    for index in range(len(reg)):
        entry = reg.at(index)
        if entry.kind == "use-policy" and entry.family == family and entry.version == version \
                and entry.files:
            return entry.key
    return None


def binding_policy(text: GoverningText) -> dict[str, Any] | None:
    """The field-of-use restriction by which a license makes a use policy binding."""
    if text.kind != "license":
        return None
    for restriction in text.restrictions:
        if restriction.get("kind") == "field-of-use" and POLICY_WORDS.search(
                str(restriction.get("quote") or "")):
            return restriction
    return None


def has_policy(texts: list[GoverningText]) -> bool:
    return any(t.kind == "use-policy" or any(m.get("kind") == "use-policy" for m in
                                             t.record.get("matches") or []) for t in texts)


def add_policies(texts: list[GoverningText]) -> list[GoverningText]:
    """Add the bundled use policy a license makes binding when no policy text is among
    `texts`: the registry's use policy of the license's family and version."""
    if has_policy(texts):
        return texts
    added: list[GoverningText] = []
    seen: set[str] = set()
    for text in texts:
        if binding_policy(text) is None:
            continue
        for match in text.record.get("matches") or []:
            if match.get("kind") != "license":
                continue
            key = policy_of(match.get("family"), match.get("version"))
            if key and key not in seen:
                seen.add(key)
                policy = from_registry(key, f"the use policy {match.get('name')} makes binding "
                                            f"(registry: same family and version)")
                if policy is not None:
                    added.append(policy)
    return texts + added


# --- texts of a catalog model ---------------------------------------------------------------

@dataclass
class LicenseString:
    """A license as a catalog record writes it, and where."""

    value: str
    where: str


@dataclass
class CatalogTexts:
    """What the catalog says about a model's license and the texts it resolves to."""

    strings: list[LicenseString] = field(default_factory=list)
    texts: list[GoverningText] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)
    """`curated-license-conflict` findings (see `conflicts`)."""


def license_strings(subject: Subject, frameworks: dict[str, Ranked]) -> list[LicenseString]:
    """The weights' license strings of a catalog model: each index record's end-model license,
    and the MOT release's license of its final parameters (with file and line)."""
    found: list[LicenseString] = []
    for framework_id, entry in frameworks.items():
        a = entry.assessment
        if not same_release([release_name(subject)], _release_names(a.subject)):
            continue
        if framework_id == "mof":
            rating = a.rating(_WEIGHTS_COMPONENT)
            for evidence in rating.evidence if rating else []:
                if evidence.quote:
                    loc = evidence.locator
                    where = f"{a.source} {loc.file or a.source_file}" + (f":{loc.line}" if loc.line else "")
                    found.append(LicenseString(evidence.quote, f"{where} ({_WEIGHTS_COMPONENT})"))
                    break
        elif framework_id != "osaid" and a.subject.license:
            found.append(LicenseString(a.subject.license, f"{a.source} {a.source_file} (end-model license)"))
    if subject.license and not any(s.value == subject.license for s in found):
        found.insert(0, LicenseString(subject.license, "catalog (curated license)"))
    unique: dict[str, LicenseString] = {}
    for item in found:
        unique.setdefault(item.value.strip(), item)
    return list(unique.values())


_TOKEN = re.compile(r"[a-z]+|\d+(?:\.\d+)*")


def _release_names(subject: Subject) -> list[str]:
    return list(dict.fromkeys(n for n in (subject.name, subject.end_model)
                              if n and n.strip().lower() != "unknown"))


def release_name(subject: Subject) -> str:
    """The release a record describes: its end model's name, else its name."""
    names = _release_names(subject)
    return names[-1] if names else subject.id


def _generation(name: str) -> tuple[str, str | None]:
    """A name's letters up to its first number, and that number ('Llama-2-70B-Chat' ->
    ('llama', '2'); 'Arctic-Instruct' -> ('arcticinstruct', None))."""
    letters = ""
    for token in _TOKEN.findall(name.lower()):
        if token[0].isdigit():
            return letters, token
        letters += token
    return letters, None


def same_release(headline: list[str], record: list[str]) -> bool:
    """Whether a record named `record` describes the model the headline rates (named
    `headline`): one name's letters before the generation number within the other's, and the
    same number ('Llama 3' and 'Meta-Llama-3-70B-Instruct'; without a number on one side, the
    letters alone: 'Arctic-Instruct' and 'Snowflake-Arctic-Instruct'). Another generation
    ('Grok 2' vs 'Grok-1', 'DeepSeek V3' vs 'DeepSeek-V3.2') never matches."""
    if not headline or not record:
        return True
    for want in headline:
        wanted, number = _generation(want)
        for have in record:
            got, other = _generation(have)
            if (wanted in got or got in wanted) and (number is None or other is None
                                                    or number == other):
                return True
    return False


def left_aside(subject: Subject, frameworks: dict[str, Ranked]) -> list[str]:
    """Notes naming each record whose release is not the one the headline rates."""
    names = [release_name(subject)]
    return [f"{e.assessment.source} {e.assessment.source_file}: release "
            f"'{' / '.join(_release_names(e.assessment.subject))}' is not "
            f"'{' / '.join(names)}', which the headline rates; its license is not applied"
            for e in frameworks.values()
            if not same_release(names, _release_names(e.assessment.subject))]


def _version_in(version: str | None, names: str) -> bool:
    if not version:
        return False
    return re.search(rf"(?<![\w.]){re.escape(version.lower())}(?![\w]|\.\d)", names) is not None


def catalog_texts(subject: Subject, frameworks: dict[str, Ranked]) -> CatalogTexts:
    """The governing texts of a catalog model (see the module docstring)."""
    from opengauge.licenses import lookup_name

    out = CatalogTexts(strings=license_strings(subject, frameworks),
                       notes=left_aside(subject, frameworks))
    candidates: list[tuple[dict[str, Any], dict[str, Any], LicenseString]] = []
    for item in out.strings:
        if item.value.strip().lower() in NO_LICENSE:
            out.notes.append(f"{item.where}: '{item.value}' names no license")
            continue
        result = lookup_name(item.value).to_dict()
        if not result["matches"]:
            result = _from_table(item, out.notes)
        candidates += [(m, result, item) for m in result["matches"]]
    names = " ".join(str(x).lower() for x in (subject.id, subject.name, subject.end_model) if x)
    chosen = _choose(candidates, names, out.notes)
    seen: set[str] = set()
    for match, result, item in chosen:
        why = f"{item.where}: '{item.value}'"
        key = match.get("key")
        if key is None:
            out.texts.append(_family_text(match, result, why))
        elif key not in seen:
            seen.add(key)
            text = from_registry(key, why)
            if text is not None:
                out.texts.append(text)
    out.texts = add_policies(out.texts)
    conflicts(out, subject, frameworks)
    return out


RESTRICTIVE_NOTE = re.compile(r"\b(?:research(?:[- ]only| purposes only)|(?:academic )?research "
                              r"purposes only|non-?commercial)\b", re.IGNORECASE)
"""Words in a record's own license notes or strings that forbid commercial use."""


def _restrictive_notes(subject: Subject, frameworks: dict[str, Ranked],
                       strings: list[LicenseString]) -> list[tuple[str, str]]:
    """(where, quote) of each license note or string of the model's own records that says
    research only or non-commercial."""
    found = [(s.where, s.value) for s in strings if RESTRICTIVE_NOTE.search(s.value)]
    names = [release_name(subject)]
    for entry in frameworks.values():
        a = entry.assessment
        if not same_release(names, _release_names(a.subject)):
            continue
        rating = a.rating("licenses") or a.rating("license")
        for evidence in rating.evidence if rating else []:
            if evidence.note and RESTRICTIVE_NOTE.search(evidence.note):
                found.append((f"{a.source} {a.source_file} (license notes)", evidence.note))
    return list(dict.fromkeys(found))


def conflicts(out: CatalogTexts, subject: Subject, frameworks: dict[str, Ranked]) -> None:
    """A license text the analyzer reads as open source beside the record's own note that the
    model is for research only or non-commercial: a `curated-license-conflict` finding quoting
    both, and the note joins the governing texts as a non-commercial restriction, so the more
    restrictive reading decides (the headline, can-i)."""
    permissive = [t for t in out.texts if t.record.get("open_source") is True]
    notes = _restrictive_notes(subject, frameworks, out.strings)
    if not permissive or not notes:
        return
    where, quote = notes[0]
    labels = ", ".join(t.names()[0] if t.names() else t.label for t in permissive)
    out.findings.append({
        "id": "curated-license-conflict", "severity": "warning",
        "message": f"the curated license {labels} is open source, but {where} says "
                   f"\"{quote}\"; the more restrictive reading decides",
        "evidence": [], "license": labels, "note": quote, "where": where})
    record: dict[str, Any] = {
        "path": None, "label": f"record note ({where})", "origin": "record-note",
        "why": f"{where}: \"{quote}\"", "kind": "use-policy", "identified": True,
        "matches": [{"name": f"record note: {quote}", "kind": "use-policy"}],
        "restrictions": [{"kind": "non-commercial", "quote": quote, "lines": [],
                          "value": None}],
        "open_source": False, "basis": "the record's own license note",
        "osd_violations": [], "note": None, "grants": []}
    out.texts.append(GoverningText(record, None))


def _from_table(item: LicenseString, notes: list[str]) -> dict[str, Any]:
    """A string the analyzer cannot read by name: the registry text the catalog's table of
    license strings resolves it to (`catalog/data/license-strings.yml`), else a note naming it
    (known missing, or unknown to the registry); never another release's license."""
    from opengauge.catalog import license_strings
    from opengauge.licenses import lookup_id

    key = license_strings.resolves(item.value)
    if key is not None:
        return lookup_id(key).to_dict()
    why = license_strings.missing(item.value)
    notes.append(f"{item.where}: '{item.value}' " + (
        f"has no license text here ({why})" if why else "is not a license the registry knows"))
    return {"matches": []}


def _choose(candidates: list, names: str, notes: list[str]) -> list:
    """Keep, within a license family named by several sources in different versions, the
    version the model's id or name carries (`llama-3.1` -> 3.1); when none or several do, keep
    them all and say that the sources disagree."""
    by_family: dict[str, list] = {}
    for candidate in candidates:
        by_family.setdefault(candidate[0].get("family") or candidate[0].get("key") or "", []).append(
            candidate)
    chosen = []
    for family, group in by_family.items():
        keys = list(dict.fromkeys(c[0].get("key") for c in group))
        if len(keys) < 2:
            chosen += group
            continue
        fitting = [c for c in group if _version_in(c[0].get("version"), names)]
        fitting_keys = {c[0].get("key") for c in fitting}
        if len(fitting_keys) == 1:
            dropped = [c for c in group if c[0].get("key") not in fitting_keys]
            notes += [f"{c[2].where}: '{c[2].value}' left aside: the model's name carries version "
                      f"{fitting[0][0].get('version')}" for c in dropped]
            chosen += fitting
        else:
            notes.append(f"the sources name different {family} licenses "
                         f"({', '.join(str(k) for k in keys)}); all of them are applied")
            chosen += group
    return chosen
