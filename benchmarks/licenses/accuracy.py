"""License identification accuracy on the generated corpus (run corpus.py first).

    python benchmarks/licenses/accuracy.py [--corpus benchmarks/licenses/corpus] [--json out.json]

Reports top-1 accuracy per category, confident wrong answers vs abstentions, a per-family
confusion table (family and version) and the precision and recall of restriction findings
against the hand labels in restrictions.yml, plus findings on permissive texts (must be 0).

A case is right when the licenses found in its text (in order; references do not count) are
exactly the expected ones. It is wrong when a license is named that the case does not hold
(a confident wrong answer), or when a case marked `open_source: false` (a license with a
restriction added) is judged open source; otherwise an expected license that is missing is
an abstention.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))

from opengauge.licenses import analyze_path  # noqa: E402
from opengauge.licenses.registry import registry  # noqa: E402

CONFUSION_FAMILIES = ("llama", "gemma", "qwen", "falcon", "kimi", "minimax", "openmdw", "flux",
                      "openrail", "cc", "gpl", "bsd", "mit", "apache")


def outcome(expect: list[list[str]], found: list[str], open_source: bool | None = None,
            expect_open: bool | None = None) -> str:
    """`right`, `wrong` or `abstain`. A case expected not open source (a license with a
    restriction added) is wrong when judged open source, whatever was named."""
    allowed = {k for group in expect for k in group}
    if any(k not in allowed for k in found):
        return "wrong"
    if expect_open is False and open_source is True:
        return "wrong"
    if len(found) == len(expect) and all(k in group for k, group in zip(found, expect, strict=True)):
        return "right"
    return "abstain"


def label(key: str | None) -> str:
    if key is None:
        return "(none)"
    entry = registry().get(key)
    if entry is None or not entry.family:
        return key
    return f"{entry.family} {entry.version or '?'}" + (" policy" if entry.kind == "use-policy" else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus")
    parser.add_argument("--json", type=Path, help="write the per-case results here")
    args = parser.parse_args()
    manifest = json.loads((args.corpus / "manifest.json").read_text(encoding="utf-8"))
    labels = yaml.safe_load((HERE / "restrictions.yml").read_text(encoding="utf-8"))
    started = time.perf_counter()
    per_category: dict[str, Counter] = defaultdict(Counter)
    confusion: dict[str, Counter] = defaultdict(Counter)
    true_pos = false_pos = false_neg = 0
    permissive_cases = permissive_bad = 0
    rows = []
    for file, case in sorted(manifest.items()):
        result = analyze_path(args.corpus / file)[0]
        found = [m.key for m in result.matches if m.via in ("exact", "text")]
        verdict = outcome(case["expect"], found, result.open_source, case.get("open_source"))
        category = case["category"]
        per_category[category][verdict] += 1
        rows.append({"file": file, "category": category, "expect": case["expect"], "found": found,
                     "outcome": verdict, "closest": (result.closest or {}).get("key")})
        if len(case["expect"]) == 1:
            expected = case["expect"][0][0]
            family = (registry().get(expected).family or "") if registry().get(expected) else ""
            if family in CONFUSION_FAMILIES:
                confusion[label(expected)][label(found[0]) if found else "abstain"] += 1
            kinds = {f.kind for f in result.restrictions if f.osd}
            if expected in labels["labels"] and category != "truncated" and "open_source" not in case:
                wanted = set(labels["labels"][expected])
                true_pos += len(kinds & wanted)
                false_pos += len(kinds - wanted)
                false_neg += len(wanted - kinds)
            if expected in labels["permissive"] and category != "negative" and "open_source" not in case:
                permissive_cases += 1
                permissive_bad += bool(kinds)
    elapsed = time.perf_counter() - started
    report(per_category, confusion, (true_pos, false_pos, false_neg),
           (permissive_cases, permissive_bad), rows, elapsed)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")


def report(per_category: dict[str, Counter], confusion: dict[str, Counter],
           counts: tuple[int, int, int], permissive: tuple[int, int], rows: list[dict],
           elapsed: float) -> None:
    print(f"# License identification accuracy ({len(rows)} files, {elapsed:.1f} s)\n")
    print("| category | files | right | wrong | abstained | top-1 accuracy |")
    print("|---|---|---|---|---|---|")
    totals: Counter = Counter()
    groups = {"exact": ["exact"], "variants": ["variant", "truncated", "near-miss", "combined", "card"],
              "negative": ["negative"]}
    for category in sorted(per_category):
        c = per_category[category]
        totals += c
        n = sum(c.values())
        print(f"| {category} | {n} | {c['right']} | {c['wrong']} | {c['abstain']} | "
              f"{c['right'] / n:.1%} |")
    for name, members in groups.items():
        c = sum((per_category[m] for m in members), Counter())
        n = sum(c.values()) or 1
        print(f"| **{name}** | {sum(c.values())} | {c['right']} | {c['wrong']} | {c['abstain']} | "
              f"**{c['right'] / n:.1%}** |")
    n = sum(totals.values())
    print(f"| **all** | {n} | {totals['right']} | **{totals['wrong']}** | {totals['abstain']} | "
          f"{totals['right'] / n:.1%} |\n")
    tp, fp, fn = counts
    print(f"Restriction findings against restrictions.yml: precision {tp / max(tp + fp, 1):.1%} "
          f"({tp} of {tp + fp}), recall {tp / max(tp + fn, 1):.1%} ({tp} of {tp + fn}).")
    print(f"Permissive texts with a finding that conflicts with the OSD: {permissive[1]} of "
          f"{permissive[0]}.\n")
    print("## Per-family confusion (expected family and version -> what was found)\n")
    print("| expected | cases | found as expected | abstained | found as something else |")
    print("|---|---|---|---|---|")
    for expected in sorted(confusion):
        row = confusion[expected]
        others = ", ".join(f"{k} ({n})" for k, n in sorted(row.items())
                           if k not in (expected, "abstain"))
        print(f"| {expected} | {sum(row.values())} | {row.get(expected, 0)} | "
              f"{row.get('abstain', 0)} | {others or '—'} |")
    misses = [r for r in rows if r["outcome"] != "right"]
    if misses:
        print("\n## Not right\n")
        for r in misses:
            print(f"- {r['outcome']}: {r['file']} expected {r['expect']} found {r['found']}"
                  f" closest {r['closest']}")


if __name__ == "__main__":
    main()
