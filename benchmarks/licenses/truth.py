"""Truth benchmark: real AI license texts with hand-written answers (issue 11, item 6).

    python benchmarks/licenses/truth.py [--json out.json] [--skip-accuracy] [--skip-reference]
                                        [--show-misses]

Runs the license analyzer and can-i (the Python API, one process) over the corpus in
benchmarks/licenses/truth/ (manifest.yml: each text's source and its expected license, verdict,
restriction kinds and can-i answers, written by hand) and over variants generated here from
those texts with expectations derived by rule (see VARIANTS below). Reports per set:

- confident wrong names: a license named from the text (via `exact` or `text`) that the case
  does not hold (expected "unknown", or another license);
- names right / abstained;
- wrong `open_source: true` (a verdict of open source where the truth is false or unknown);
- can-i: right share, wrong `yes`, wrong `no`, `unknown` share;
- restriction precision and recall over (file, kind) pairs.

It also checks the existing accuracy corpus (benchmarks/licenses/corpus, made by corpus.py)
and the reference licenses (OPENGAUGE_REFERENCE or /work/shared/reference, `licenses/`) for
confident wrong names and wrong `yes` verdicts (open source where the case or the registry says
not). Fields the engine may lack (`text_coverage`, `unexplained`, `contains`, a match's
`truncated`, a finding's `source`) are read when present, never required.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import textwrap
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
TRUTH = HERE / "truth"
sys.path.insert(0, str(HERE.parents[1] / "src"))

from opengauge import api  # noqa: E402
from opengauge.licenses import analyze_path  # noqa: E402
from opengauge.licenses.registry import registry  # noqa: E402

QUESTIONS = ("commercial", "users", "revenue", "region", "fine-tune", "redistribute",
             "train-on-outputs", "military")
CODES = {"y": "yes", "n": "no", "c": "conditional", "u": "unknown"}
NAMED_VIA = ("exact", "text")


# ---------------------------------------------------------------- expectations

def canonical(key: str) -> str:
    entry = registry().get(key)
    return entry.key if entry is not None else key


def expected_groups(license_field: str | list[str]) -> list[set[str]]:
    """The expected licenses in order, each a set of acceptable registry keys ("a|b")."""
    items = license_field if isinstance(license_field, list) else [license_field]
    return [{canonical(k.strip()) for k in item.split("|")} for item in items if item != "unknown"]


def answers(codes: str) -> list[str]:
    return [CODES[c] for c in codes.split()]


@dataclass
class Case:
    file: str
    path: Path
    expect: list[set[str]]
    open_source: bool | None = None
    kinds: set[str] | None = None          # None: not judged for this case
    small: list[str] | None = None
    large: list[str] | None = None
    publisher: str = ""
    variant: str = ""
    check_verdict: bool = True
    by_reference: bool = False             # the expected license is only named, not included
    kinds_within: set[str] | None = None   # kinds found must be among these (precision only)


@dataclass
class Tally:
    cases: int = 0
    names: Counter = field(default_factory=Counter)
    wrong_names: list[str] = field(default_factory=list)
    verdict: Counter = field(default_factory=Counter)
    wrong_open: list[str] = field(default_factory=list)
    cani: Counter = field(default_factory=Counter)
    wrong_answers: list[str] = field(default_factory=list)
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed_kinds: list[str] = field(default_factory=list)
    extra_kinds: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- running the engine

def found_names(result: Any, by_reference: bool = False) -> list[str]:
    via = (*NAMED_VIA, "reference") if by_reference else NAMED_VIA
    return [canonical(m.key) for m in result.matches if m.via in via]


def name_outcome(expect: list[set[str]], found: list[str]) -> str:
    allowed = set().union(*expect) if expect else set()
    if any(k not in allowed for k in found):
        return "wrong"
    if len(found) == len(expect) and all(k in g for k, g in zip(found, expect, strict=True)):
        return "right"
    return "abstain"


def can_i(path: Path, ask: dict[str, Any]) -> list[str]:
    record = api.can_i(str(path), commercial=True, users=ask["users"], revenue=ask["revenue"],
                       region=ask["region"], fine_tune=True, redistribute=True,
                       train_on_outputs=True, military=True)
    got = {a["question"]: a["answer"] for a in record["answers"]}
    return [got.get(q, "unknown") for q in QUESTIONS]


def judge(case: Case, asks: dict[str, dict], tally: Tally, rows: list[dict]) -> None:
    result = analyze_path(case.path)[0]
    found = found_names(result, case.by_reference)
    outcome = name_outcome(case.expect, found)
    tally.cases += 1
    tally.names[outcome] += 1
    if outcome == "wrong":
        tally.wrong_names.append(f"{case.file}: expected {sorted_groups(case.expect)} named {found}")
    row: dict[str, Any] = {"file": case.file, "variant": case.variant, "expect": sorted_groups(case.expect),
                           "found": found, "names": outcome, "open_source": result.open_source,
                           "closest": (result.closest or {}).get("key"),
                           "text_coverage": getattr(result, "text_coverage", None)}
    if case.check_verdict:
        tally.verdict["right" if result.open_source == case.open_source else "wrong"] += 1
        if result.open_source is True and case.open_source is not True:
            tally.wrong_open.append(f"{case.file}: open_source true, truth {case.open_source}")
    if case.kinds is not None:
        kinds = {f.kind for f in result.restrictions}
        tally.tp += len(kinds & case.kinds)
        tally.fp += len(kinds - case.kinds)
        tally.fn += len(case.kinds - kinds)
        tally.missed_kinds += [f"{case.file}: {k}" for k in sorted(case.kinds - kinds)]
        tally.extra_kinds += [f"{case.file}: {k}" for k in sorted(kinds - case.kinds)]
        row["kinds"] = sorted(kinds)
    elif case.kinds_within is not None:
        kinds = {f.kind for f in result.restrictions}
        tally.tp += len(kinds & case.kinds_within)
        tally.fp += len(kinds - case.kinds_within)
        tally.extra_kinds += [f"{case.file}: {k}" for k in sorted(kinds - case.kinds_within)]
        row["kinds"] = sorted(kinds)
    for label, expected in (("small", case.small), ("large", case.large)):
        if expected is None:
            continue
        got = can_i(case.path, asks[label])
        row[label] = got
        for q, want, have in zip(QUESTIONS, expected, got, strict=True):
            tally.cani["asked"] += 1
            tally.cani["right"] += want == have
            tally.cani["unknown"] += have == "unknown"
            if have != want and have in ("yes", "no"):
                tally.cani[f"wrong {have}"] += 1
                tally.wrong_answers.append(f"{case.file} [{label}] {q}: {have}, truth {want}")
    rows.append(row)


def sorted_groups(groups: list[set[str]]) -> list[str]:
    return ["|".join(sorted(g)) for g in groups] or ["unknown"]


# ---------------------------------------------------------------- the corpus

def load_manifest() -> tuple[dict, dict[str, dict]]:
    manifest = yaml.safe_load((TRUTH / "manifest.yml").read_text(encoding="utf-8"))
    return manifest["asks"], manifest["cases"]


def real_cases(cases: dict[str, dict]) -> list[Case]:
    return [Case(file, TRUTH / "texts" / file, expected_groups(c["license"]), c["open_source"],
                 set(c["kinds"]), answers(c["small"]), answers(c["large"]), c["publisher"],
                 by_reference=c.get("named_by") == "reference")
            for file, c in cases.items()]


# ---------------------------------------------------------------- generated variants
#
# Each variant's expectations follow by rule from its original's hand-written ones:
#   rewrap      paragraphs re-wrapped at 60 columns: everything as the original
#   markdown    a heading, the title in bold, paragraphs unchanged: everything as the original
#   cut         the first 60 % of the lines of a text the registry knows: the same license
#               (cut short); kinds found must be among the original's (precision only, since
#               the cut may drop a clause); the verdict and can-i are not judged
#   added       a permissive OSI text with a military ban and a user threshold that withdraws
#               all rights added: no license named, open_source false, kinds field-of-use and
#               user-threshold, can-i: military no, everything no above the threshold
#   removed     a restricted known license with the paragraph of one restriction removed: no
#               license named (modified); the verdict and can-i are not judged
#   pair        two real texts in one file: both named in order; the verdict is false if either
#               is, unknown if either is and none false, else true; kinds are the union; each
#               answer is no if either says no, conditional if either does, yes if both say yes
#               or the one that grants says yes and the other is a use policy (which grants
#               nothing, and whose text answers the questions the license left open), else
#               unknown

ADDED = ("Additional terms. You may not use the Software or any work based on it for military "
         "purposes or to develop weapons. If the products or services of the licensee had more "
         "than 1,000,000 monthly active users in the preceding calendar month, the licensee must "
         "request a license from the Licensor and is not authorized to exercise any of the rights "
         "granted under this license until the Licensor grants it.")
ADDED_SMALL = "y y y y y y y n"
ADDED_LARGE = "n n n n n n n n"
REMOVE = re.compile(r"monthly active users|military|non-?commercial|improve any other|"
                    r"territory|solely for research", re.I)
PERMISSIVE = {"mit", "apache-2.0", "bsd-new"}


def paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def rewrap(text: str) -> str:
    return "\n\n".join(textwrap.fill(" ".join(p.split()), 60) for p in paragraphs(text)) + "\n"


def markdown(text: str) -> str:
    parts = paragraphs(text)
    return "# License\n\n" + f"**{' '.join(parts[0].split())}**\n\n" + "\n\n".join(parts[1:]) + "\n"


def cut(text: str) -> str:
    lines = text.splitlines()
    return "\n".join(lines[: max(1, int(len(lines) * 0.6))]) + "\n"


def add_clauses(text: str, at_end: bool) -> str:
    parts = paragraphs(text)
    if at_end or len(parts) < 3:
        return text.rstrip() + "\n\n" + ADDED + "\n"
    middle = len(parts) // 2
    return "\n\n".join([*parts[:middle], ADDED, *parts[middle:]]) + "\n"


def remove_clause(text: str) -> str | None:
    """The text without its first restricting paragraph *inside* it: not the first or the last
    paragraph and not a title (a removal at an edge leaves a copy cut short, which is the `cut`
    variant's case and is rightly named)."""
    parts = paragraphs(text)
    hits = [i for i, p in enumerate(parts) if REMOVE.search(p) and 0 < i < len(parts) - 1
            and len(p.split()) >= 8]
    if not hits:
        return None
    return "\n\n".join(p for i, p in enumerate(parts) if i != hits[0]) + "\n"


def is_policy(license_field: Any) -> bool:
    keys = license_field if isinstance(license_field, list) else [license_field]
    entries = [registry().get(k.split("|")[0]) for k in keys if k != "unknown"]
    return bool(entries) and all(e is not None and e.kind == "use-policy" for e in entries)


def combine(a: str, b: str, a_policy: bool, b_policy: bool, question: str) -> str:
    pair = (a, b)
    if "no" in pair:
        return "no"
    if "conditional" in pair:
        return "conditional"
    if a == b == "yes":
        return "yes"
    # a license that leaves region/military open because its policy was not at hand
    for lic, lic_is_policy, other_is_policy in ((a, a_policy, b_policy), (b, b_policy, a_policy)):
        if other_is_policy and not lic_is_policy and (
                lic == "yes" or (lic == "unknown" and question in ("region", "military"))):
            return "yes"
    return "unknown"


def combine_verdict(a: bool | None, b: bool | None) -> bool | None:
    if a is False or b is False:
        return False
    if a is None or b is None:
        return None
    return True


PAIRS = (  # (first, second): real texts of the corpus joined in one file
    ("facebookresearch/llama/LICENSE@7c0a08ec.txt",
     "facebookresearch/llama/USE_POLICY.md@6d4c0c29.txt"),
    ("deepseek-ai/DeepSeek-Coder/LICENSE-CODE@a4ba628d.txt",
     "deepseek-ai/DeepSeek-Coder/LICENSE-MODEL@a4ba628d.txt"),
    ("THUDM/GLM-4/LICENSE@c0a6d1e0.txt", "THUDM/ChatGLM3/MODEL_LICENSE@bd5bfb24.txt"),
    ("openai/whisper/LICENSE@6e3be77e.txt",
     "facebookresearch/audiocraft/LICENSE_weights@5e3ae32f.txt"),
    ("MiniMax-AI/MiniMax-01/LICENSE-CODE@f4c4b7ed.txt", "Tencent/Hunyuan3D-2/LICENSE@53a42977.txt"),
    ("allenai/OLMo/LICENSE@7136e024.txt", "salesforce/BLIP/LICENSE.txt@d6643642.txt"),
    ("CompVis/stable-diffusion/LICENSE@69ae4b35.txt",
     "Stability-AI/stablediffusion/LICENSE@ca86da3a.txt"),
    ("facebookresearch/chameleon/LICENSE@e3b711ef.txt",
     "facebookresearch/chameleon/USE_POLICY.md@106e3128.txt"),
)


def variant_cases(cases: dict[str, dict], out: Path) -> list[Case]:
    made: list[Case] = []

    def write(name: str, text: str) -> Path:
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def source(file: str) -> str:
        return (TRUTH / "texts" / file).read_text(encoding="utf-8", errors="replace")

    files = sorted(cases)
    for i, file in enumerate(files):
        c = cases[file]
        text = source(file)
        expect = expected_groups(c["license"])
        single_known = len(expect) == 1 and not c.get("named_by")
        by_ref = c.get("named_by") == "reference"
        if i % 4 == 0:
            made.append(Case(f"rewrap/{file}", write(f"rewrap/{file}", rewrap(text)), expect,
                             c["open_source"], set(c["kinds"]), answers(c["small"]),
                             answers(c["large"]), variant="rewrap", by_reference=by_ref))
        if i % 4 == 1:
            made.append(Case(f"markdown/{file}", write(f"markdown/{file}.md", markdown(text)), expect,
                             c["open_source"], set(c["kinds"]), answers(c["small"]),
                             answers(c["large"]), variant="markdown", by_reference=by_ref))
        if single_known and i % 3 == 2 and len(text.splitlines()) >= 10:
            made.append(Case(f"cut/{file}", write(f"cut/{file}", cut(text)), expect,
                             variant="cut", check_verdict=False, kinds_within=set(c["kinds"])))
        if single_known and expect[0] & PERMISSIVE and i % 2 == 0:
            made.append(Case(f"added/{file}", write(f"added/{file}", add_clauses(text, i % 4 == 0)), [],
                             False, {"field-of-use", "user-threshold"}, answers(ADDED_SMALL),
                             answers(ADDED_LARGE), variant="added"))
        if single_known and c["kinds"] and c["kinds"] != ["field-of-use"]:
            removed = remove_clause(text)
            if removed is not None:
                made.append(Case(f"removed/{file}", write(f"removed/{file}", removed), [],
                                 variant="removed", check_verdict=False))
    for first, second in PAIRS:
        a, b = cases[first], cases[second]
        ap, bp = is_policy(a["license"]), is_policy(b["license"])
        expect = expected_groups(a["license"]) + expected_groups(b["license"])
        small, large = ([combine(x, y, ap, bp, q) for q, x, y in
                         zip(QUESTIONS, answers(a[size]), answers(b[size]), strict=True)]
                        for size in ("small", "large"))
        name = f"pair/{Path(first).stem}+{Path(second).stem}.txt"
        text = source(first).rstrip() + "\n\n\n" + source(second)
        made.append(Case(name, write(name, text), expect, combine_verdict(a["open_source"], b["open_source"]),
                         set(a["kinds"]) | set(b["kinds"]), small, large, variant="pair"))
    return made


# ---------------------------------------------------------------- other corpora

def accuracy_cases(corpus: Path) -> list[tuple[str, Path, list[set[str]], bool | None]]:
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    return [(file, corpus / file, [{canonical(k) for k in g} for g in case["expect"]],
             case.get("open_source")) for file, case in sorted(manifest.items())]


def open_by_registry(keys: list[set[str]]) -> bool | None:
    """True when every expected license is OSI-approved or FSF-libre per the registry."""
    if not keys:
        return None
    flags = []
    for group in keys:
        entry = registry().get(next(iter(group)))
        flags.append(bool(entry and (entry.osi_approved or entry.fsf_libre)))
    return all(flags)


def reference_cases(root: Path) -> list[tuple[str, Path, list[set[str]], bool | None]]:
    out: list[tuple[str, Path, list[set[str]], bool | None]] = []
    ai = root / "ai" / "MANIFEST.tsv"
    if ai.exists():
        lines = ai.read_text(encoding="utf-8").splitlines()
        for line in lines[1:]:
            cols = line.split("\t")
            out.append((f"ai/{cols[0]}", root / "ai" / cols[0], [{canonical(cols[1])}], None))
    for path in sorted((root / "scancode").glob("*.LICENSE")):
        out.append((f"scancode/{path.name}", path, [{canonical(path.stem)}], None))
    return out


LIBRARY = HERE.parents[1] / "src" / "opengauge" / "licenses" / "data"


COPYRIGHT_LINE = re.compile(r"(?i)\bcopyright\s*(?:\(c\)|©|\d{4})")
LICENSE_WORDS = re.compile(r"(?i)\b(?:permission|granted|software|licen[cs]e|rights|redistribution|"
                           r"provided|warrant\w*|notice)\b")


def without_copyright(text: str) -> str:
    """`text` without its copyright lines and the short lines that continue them (a name
    wrapped onto the next line): neutral text (issue 11 item 1), left out when comparing."""
    kept: list[str] = []
    inside = False
    for line in text.splitlines():
        if COPYRIGHT_LINE.search(line):
            inside = True
            continue
        if inside and line.strip() and len(line) <= 80 and not LICENSE_WORDS.search(line):
            continue
        inside = False
        kept.append(line)
    return "\n".join(kept)


def shingles(text: str) -> set[tuple[str, ...]]:
    text = without_copyright(re.sub(r"(?s)\A---\n.*?\n---\n", "", text))
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i:i + 4]) for i in range(max(len(words) - 3, 1))}


def library_shingles(key: str) -> list[set[tuple[str, ...]]]:
    """The word 4-grams of each reference text of `key` (an entry may have several: the
    registry splits a license followed by its use policy into two entries' texts)."""
    entry = registry().get(key)
    found = []
    for name in entry.files if entry is not None else ():
        for path in (LIBRARY / name, LIBRARY / "ai" / Path(name).name):
            if path.exists():
                found.append(shingles(path.read_text(encoding="utf-8", errors="replace")))
                break
    return found


def same_text(found: list[str], text: str) -> bool:
    """The licenses named are exactly the input: each named text is (nearly) all in the input,
    and together they explain at least 99 % of the input's word 4-grams. A registry that keeps
    one text under two keys, or a composite entry (a license WITH an exception) named as its
    parts, is then not a wrong name; a license named from a fragment still is."""
    grams = shingles(text)
    covered: set[tuple[str, ...]] = set()
    for key in found:
        inside = [t for t in library_shingles(key) if t and len(t & grams) >= 0.95 * len(t)]
        if not inside:
            return False
        covered |= inside[0] & grams
    return bool(grams) and len(covered) >= 0.99 * len(grams)


def names_and_yes(items: list[tuple[str, Path, list[set[str]], bool | None]], tmp: Path) -> dict:
    """Confident wrong names and wrong open-source verdicts over (file, expected) pairs.

    `wrong_yes`: judged open source where the case is labelled not open source (the accuracy
    corpus's licenses with a restriction added). `not_osi_fsf_true`: judged open source
    though no license expected is OSI-approved or FSF-libre (issue 11 item 2: such a known
    license without a restriction is null, never true)."""
    named: Counter = Counter()
    wrong: list[str] = []
    wrong_yes: list[str] = []
    not_open: list[str] = []
    for file, path, expect, expect_open in items:
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".LICENSE":  # strip ScanCode's front matter: the text is the license
            text = re.sub(r"(?s)\A---\n.*?\n---\n", "", text)
            if not text.strip():
                continue
            path = tmp / "reference" / path.name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        result = analyze_path(path)[0]
        found = found_names(result)
        outcome = name_outcome(expect, found)
        if outcome == "wrong" and same_text(found, text):
            outcome = "same text"
        named[outcome] += 1
        if outcome == "wrong":
            wrong.append(f"{file}: expected {sorted_groups(expect)} named {found}")
        if result.open_source is True and expect_open is False:
            wrong_yes.append(f"{file}: open_source true, labelled false")
        elif result.open_source is True and open_by_registry(expect) is False:
            not_open.append(f"{file}: open_source true, {sorted_groups(expect)} is neither OSI nor FSF")
    return {"files": sum(named.values()), "names": dict(named), "confident_wrong_names": len(wrong),
            "wrong_yes": len(wrong_yes), "not_osi_fsf_true": len(not_open),
            "wrong_name_list": wrong, "wrong_yes_list": wrong_yes, "not_osi_fsf_list": not_open}


# ---------------------------------------------------------------- report

def summary(t: Tally) -> dict[str, Any]:
    asked = t.cani["asked"] or 1
    return {
        "cases": t.cases,
        "names_right": t.names["right"], "names_abstained": t.names["abstain"],
        "confident_wrong_names": t.names["wrong"],
        "verdict_right": t.verdict["right"], "verdict_wrong": t.verdict["wrong"],
        "wrong_open_source_true": len(t.wrong_open),
        "cani_asked": t.cani["asked"], "cani_right_share": round(t.cani["right"] / asked, 4),
        "wrong_yes": t.cani["wrong yes"], "wrong_no": t.cani["wrong no"],
        "unknown_share": round(t.cani["unknown"] / asked, 4),
        "restriction_precision": round(t.tp / (t.tp + t.fp), 4) if t.tp + t.fp else None,
        "restriction_recall": round(t.tp / (t.tp + t.fn), 4) if t.tp + t.fn else None,
        "restriction_pairs": {"tp": t.tp, "fp": t.fp, "fn": t.fn},
    }


def ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def table(rows: dict[str, dict]) -> str:
    head = ("| set | files | names right | abstained | **confident wrong names** | verdict right | "
            "wrong open source | can-i right | **wrong yes** | wrong no | unknown | restriction P | "
            "restriction R |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    lines = [head]
    for name, s in rows.items():
        verdicts = s["verdict_right"] + s["verdict_wrong"]
        cani = f"{s['cani_right_share']:.1%}" if s["cani_asked"] else "—"
        unknown = f"{s['unknown_share']:.1%}" if s["cani_asked"] else "—"
        lines.append(f"| {name} | {s['cases']} | {s['names_right']} | {s['names_abstained']} | "
                     f"**{s['confident_wrong_names']}** | {s['verdict_right']}/{verdicts} | "
                     f"{s['wrong_open_source_true']} | {cani} | **{s['wrong_yes']}** | {s['wrong_no']} | "
                     f"{unknown} | {ratio(s['restriction_precision'])} | {ratio(s['restriction_recall'])} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", type=Path, help="write the summary and per-file rows here")
    parser.add_argument("--accuracy-corpus", type=Path, default=HERE / "corpus")
    parser.add_argument("--skip-accuracy", action="store_true")
    parser.add_argument("--skip-reference", action="store_true")
    parser.add_argument("--show-misses", action="store_true", help="list every wrong answer")
    args = parser.parse_args()
    os.environ.setdefault("OPENGAUGE_NO_HISTORY", "1")
    started = time.perf_counter()
    asks, cases = load_manifest()
    rows: list[dict] = []
    tallies: dict[str, Tally] = {"real texts": Tally()}
    for case in real_cases(cases):
        judge(case, asks, tallies["real texts"], rows)
    with tempfile.TemporaryDirectory(prefix="og-truth-") as tmp_name:
        tmp = Path(tmp_name)
        variants = variant_cases(cases, tmp / "variants")
        for case in variants:
            tallies.setdefault(f"variant: {case.variant}", Tally())
            judge(case, asks, tallies[f"variant: {case.variant}"], rows)
        others: dict[str, dict] = {}
        if not args.skip_accuracy:
            if (args.accuracy_corpus / "manifest.json").exists():
                others["accuracy corpus"] = names_and_yes(accuracy_cases(args.accuracy_corpus), tmp)
            else:
                print(f"(no accuracy corpus at {args.accuracy_corpus}: run corpus.py first)")
        if not args.skip_reference:
            ref = Path(os.environ.get("OPENGAUGE_REFERENCE", "/work/shared/reference")) / "licenses"
            if ref.exists():
                others["reference licenses"] = names_and_yes(reference_cases(ref), tmp)
    all_variants = Tally()
    for name, t in tallies.items():
        if name.startswith("variant"):
            for f in ("cases", "tp", "fp", "fn"):
                setattr(all_variants, f, getattr(all_variants, f) + getattr(t, f))
            all_variants.names += t.names
            all_variants.verdict += t.verdict
            all_variants.cani += t.cani
            all_variants.wrong_open += t.wrong_open
    summaries = {name: summary(t) for name, t in tallies.items()}
    summaries["all variants"] = summary(all_variants)
    elapsed = time.perf_counter() - started
    publishers = {c["publisher"] for c in cases.values()}
    print(f"# Truth benchmark ({len(cases)} real texts of {len(publishers)} publishers, "
          f"{len(variants)} variants, {elapsed:.0f} s)\n")
    print(table(summaries))
    for name, o in others.items():
        print(f"\n{name}: {o['files']} files, names {o['names']}, confident wrong names "
              f"**{o['confident_wrong_names']}**, wrong yes (open source where labelled not) "
              f"**{o['wrong_yes']}**, open source though neither OSI nor FSF {o['not_osi_fsf_true']}")
    if args.show_misses:
        for name, t in tallies.items():
            for title, items in (("confident wrong names", t.wrong_names),
                                 ("wrong open_source", t.wrong_open),
                                 ("wrong can-i answers", t.wrong_answers),
                                 ("kinds missed", t.missed_kinds),
                                 ("kinds not in the text", t.extra_kinds)):
                if items:
                    print(f"\n## {name}: {title} ({len(items)})\n")
                    print("\n".join(f"- {i}" for i in items))
        for name, o in others.items():
            for title, key in (("confident wrong names", "wrong_name_list"), ("wrong yes", "wrong_yes_list"),
                               ("open source though neither OSI nor FSF", "not_osi_fsf_list")):
                if o[key]:
                    print(f"\n## {name}: {title} ({len(o[key])})\n")
                    print("\n".join(f"- {i}" for i in o[key]))
    if args.json:
        args.json.write_text(json.dumps({"summary": summaries, "others": others, "rows": rows}, indent=1),
                             encoding="utf-8")


if __name__ == "__main__":
    main()
