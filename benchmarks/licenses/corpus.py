"""Generate the license benchmark corpus from the shared reference texts.

    python benchmarks/licenses/corpus.py [--out benchmarks/licenses/corpus] [--seed 7]

Writes one file per case and `manifest.json` ({file: {expect, category, subject}}), where
`expect` lists the licenses the file holds in order (each a list of acceptable keys, since
a few ScanCode texts are word-for-word identical) or is empty when the right answer is "no
identified license". Categories:

- exact: a reference text as published (ScanCode body, or the publisher's file for ai/);
- variant: re-wrapped lines, Markdown, CRLF line ends, another copyright holder;
- truncated: the first 30-80 % of a text;
- near-miss: variants of texts that differ from a sibling in a few words (Llama 2/3/3.1/
  3.2/3.3/4, Gemma 2024-02-21/2024-04-01/2025-03-24, Tongyi Qianwen commercial/research,
  Falcon/Apache-2.0, Kimi/MiniMax/MIT, CC-BY/CC-BY-NC truncated, GPL-2.0/3.0, BSD-2/3, ...);
- combined: a license followed by its use policy, and dual-licensed files;
- card: a license inside a model card;
- negative: texts that must not be named (a version the library lacks, a license with an
  added restriction, long or short, prose that is no license).

A case may also carry `open_source: false`: a license with a restriction added must not be
judged open source, whether it is named (the restriction follows the whole license) or not.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "src"))

from opengauge.licenses.index import text_digest  # noqa: E402
from opengauge.licenses.library import read as read_library  # noqa: E402
from opengauge.licenses.normalize import tokens  # noqa: E402

REFERENCE = ROOT.parent / "shared" / "reference"
_FRONT = re.compile(r"\A---\n.*?\n---\n?", re.DOTALL)
AI_KEYS = [
    "llama-2-license-2023", "llama-3-community", "llama-3.1-license-2024", "llama-3.2-license-2024",
    "llama-3.3-license-2024", "llama-4-cla-2025", "llama-2-aup", "llama-3-aup", "llama-3.1-aup",
    "llama-3.2-aup", "llama-3.3-aup", "llama-4-license-2025", "code-llama-aup",
    "gemma-terms-2024-02-21", "gemma-tou-2024-04-01", "gemma-tou-2025-03-24", "gemma-pup-2024-02-21",
    "tongyi-qianwen-2023", "tongyi-qianwen-research", "qwen-2024", "mistral-research-0.1",
    "openmdw-1.0", "openmdw-1.1", "falcon-2-11b-1.0", "falcon-2-aup-1.0", "falcon-3-aup",
    "moonshot-ai-modified-mit-2025", "minimax-m2", "grok-2-community", "exaone-ai-model-1.1-nc",
    "flux-1-nc", "flux-nc-2.1", "stability-ai-nc-2023-12-06", "stability-ai-community-2024",
    "bigscience-open-rail-m", "bigscience-open-rail-m2", "bigcode-open-rail-m-v1",
    "stable-diffusion-2022-08-22", "bigscience-rail-1.0", "deepseek-la-1.0",
    "nvidia-open-model-2025-04-28", "cohere-labs-aup", "databricks-open-model-aup",
    "hyperclova-x-seed-2025", "chameleon-research-2024", "playground-v2-community",
]
NEAR_MISS = [
    ["llama-2-license-2023", "llama-3-community", "llama-3.1-license-2024", "llama-3.2-license-2024",
     "llama-3.3-license-2024", "llama-4-cla-2025"],
    ["llama-2-aup", "llama-3-aup", "llama-3.1-aup", "llama-3.2-aup", "llama-3.3-aup",
     "llama-4-license-2025"],
    ["gemma-terms-2024-02-21", "gemma-tou-2024-04-01", "gemma-tou-2025-03-24"],
    ["tongyi-qianwen-2023", "tongyi-qianwen-research", "qwen-2024"],
    ["falcon-2-11b-1.0", "apache-2.0"],
    ["moonshot-ai-modified-mit-2025", "minimax-m2", "mit"],
    ["openmdw-1.0", "openmdw-1.1"],
    ["flux-1-nc", "flux-nc-2.1"],
    ["gpl-2.0", "gpl-3.0", "lgpl-2.1", "lgpl-3.0", "agpl-3.0"],
    ["bsd-simplified", "bsd-new", "bsd-original"],
    ["mpl-1.1", "mpl-2.0"], ["apache-1.1", "apache-2.0"], ["epl-1.0", "epl-2.0"],
]
CC_PAIRS = [("cc-by-4.0", "cc-by-nc-4.0"), ("cc-by-3.0", "cc-by-nc-3.0"), ("cc-by-2.0", "cc-by-nc-2.0"),
            ("cc-by-sa-4.0", "cc-by-nc-sa-4.0"), ("cc-by-nd-4.0", "cc-by-nc-nd-4.0")]
POLICIES = [("llama-2-license-2023", "llama-2-aup"), ("llama-3.1-license-2024", "llama-3.1-aup"),
            ("llama-3.2-license-2024", "llama-3.2-aup"), ("llama-3.3-license-2024", "llama-3.3-aup"),
            ("llama-4-cla-2025", "llama-4-license-2025"), ("gemma-tou-2024-04-01", "gemma-pup-2024-02-21"),
            ("falcon-2-11b-1.0", "falcon-2-aup-1.0")]
DUAL = [("mit", "apache-2.0"), ("apache-2.0", "cc-by-4.0"), ("bsd-new", "gpl-2.0"),
        ("mpl-2.0", "mit"), ("apache-2.0", "llama-3.1-license-2024")]
HOLDERS = ["Acme Robotics GmbH", "The Example Foundation", "Jane Q. Developer", "Northwind AI Labs Ltd.",
           "Contributors to the Zeta project"]
PROSE = (REFERENCE / "osaid" / "README.md")
SHORT_CLAUSES = [
    ("mit", "The Software may not be used for commercial purposes."),
    ("bsd-new", "You may not use this software for military purposes."),
    ("apache-2.0", "Commercial use of the Work is not permitted."),
    ("mit", "The Software shall not be used to train other AI models."),
    ("isc", "Commercial use of the Model is prohibited."),
    ("bsd-simplified", "You may not distribute modified versions."),
    ("apache-2.0", "You may not use the Work to train other AI models."),
    ("zlib", "The Software may not be used for commercial purposes."),
]
"""Short restrictions of the audit (issue 4) and their kin, each added to a permissive text."""


class Corpus:
    """Collects cases and writes them."""

    def __init__(self, out: Path, seed: int) -> None:
        self.out = out
        self.rng = random.Random(seed)
        self.cases: dict[str, dict] = {}
        self.library = read_library()
        self.groups = self._same_text_groups()

    def _same_text_groups(self) -> dict[str, list[str]]:
        """key -> every key with a word-for-word identical reference text."""
        by_digest: dict[str, list[str]] = {}
        for entry in self.library.entries.values():
            if entry.deprecated or entry.generic:
                continue
            for _, text in entry.texts:
                by_digest.setdefault(text_digest(tokens(text)), []).append(entry.key)
        groups: dict[str, list[str]] = {}
        for keys in by_digest.values():
            for key in keys:
                groups[key] = sorted(set(groups.get(key, [key])) | set(keys))
        return groups

    def key(self, ident: str) -> str:
        entry = self.library.entries.get(ident)
        if entry is not None:
            return entry.key
        return next(e.key for e in self.library.entries.values() if ident in e.aliases)

    def text(self, ident: str) -> str:
        entry = self.library.entries[self.key(ident)]
        for rel, body in entry.texts:
            if rel.endswith(f"/{ident}.LICENSE"):
                return body.strip() + "\n"
        return entry.texts[0][1].strip() + "\n"

    def accept(self, key: str) -> list[str]:
        return self.groups.get(key, [key])

    def add(self, name: str, text: str, expect: list[str], category: str, subject: str,
            suffix: str = "LICENSE.txt", open_source: bool | None = None) -> None:
        file = f"{len(self.cases):04d}-{name}-{suffix}"
        self.cases[file] = {"expect": [self.accept(self.key(k)) for k in expect],
                            "category": category, "subject": subject}
        if open_source is not None:
            self.cases[file]["open_source"] = open_source
        newline = "" if "\r\n" in text else None
        (self.out / file).write_text(text, encoding="utf-8", newline=newline)

    # --- variations -------------------------------------------------------------------
    def rewrap(self, text: str) -> str:
        width = self.rng.randint(45, 100)
        out = []
        for paragraph in re.split(r"\n\s*\n", text):
            line, lines = "", []
            for word in paragraph.split():
                if line and len(line) + 1 + len(word) > width:
                    lines.append(line)
                    line = word
                else:
                    line = f"{line} {word}" if line else word
            lines.append(line)
            out.append("\n".join(lines))
        return "\n\n".join(out) + "\n"

    def markdown(self, text: str) -> str:
        lines = text.strip().splitlines()
        body = []
        for line in lines[1:]:
            stripped = line.strip()
            if re.match(r"^(\d+(\.\d+)*\.?|[a-z]\.|\([a-z]\))\s", stripped):
                body.append(f"- {stripped}")
            elif stripped and len(stripped) < 60 and stripped.upper() == stripped:
                body.append(f"### {stripped.title()}")
            else:
                body.append(line)
        return f"# {lines[0].strip()}\n\n" + "\n".join(body) + "\n"

    def crlf(self, text: str) -> str:
        return text.replace("\n", "\r\n")

    def holder(self, text: str) -> str:
        name = self.rng.choice(HOLDERS)
        year = self.rng.randint(1998, 2025)
        text = re.sub(r"\[yyyy\]|<year>|\{yyyy\}|\[year\]", str(year), text)
        text = re.sub(r"\[name of copyright owner\]|<copyright holders?>|<owner>|<organization>",
                      name, text, flags=re.IGNORECASE)
        return f"Copyright (c) {year} {name}\n\n{text}"

    def truncate(self, text: str, share: float) -> str:
        cut = int(len(text) * share)
        return text[: text.rfind(" ", 0, cut) if " " in text[:cut] else cut] + "\n"

    def variants(self, text: str, count: int) -> list[tuple[str, str]]:
        makers = [("rewrap", self.rewrap), ("markdown", self.markdown), ("crlf", self.crlf),
                  ("holder", self.holder), ("rewrap-holder", lambda t: self.holder(self.rewrap(t))),
                  ("markdown-crlf", lambda t: self.crlf(self.markdown(t)))]
        chosen = self.rng.sample(makers, min(count, len(makers)))
        return [(name, make(text)) for name, make in chosen]

    # --- the corpus ---------------------------------------------------------------------
    def build(self) -> None:
        self.out.mkdir(parents=True, exist_ok=True)
        for old in self.out.iterdir():
            old.unlink()
        self._exact_and_variants()
        self._near_misses()
        self._combined()
        self._cards()
        self._negatives()
        (self.out / "manifest.json").write_text(json.dumps(self.cases, indent=1, sort_keys=True),
                                                encoding="utf-8")

    def _subjects(self) -> tuple[list[str], list[str], list[str]]:
        from opengauge.licenses.registry import spdx_flags

        usable = [e for e in self.library.entries.values()
                  if e.texts and not e.deprecated and not e.generic and e.source == "scancode"
                  and len(tokens(e.texts[0][1])) >= 30]
        opened = sorted(e.key for e in usable if e.spdx and (
            (spdx_flags(e.spdx) and (spdx_flags(e.spdx).osi_approved or spdx_flags(e.spdx).fsf_libre))
            or e.spdx.startswith("CC-")))
        others = sorted(e.key for e in usable if e.key not in opened and e.key not in AI_KEYS)
        return AI_KEYS, self.rng.sample(opened, min(150, len(opened))), \
            self.rng.sample(others, 120)

    def _exact_and_variants(self) -> None:
        ai, opened, others = self._subjects()
        manifest = REFERENCE / "licenses" / "ai" / "MANIFEST.tsv"
        for row in manifest.read_text(encoding="utf-8").splitlines()[1:]:
            file, ident = row.split("\t")[:2]
            text = (REFERENCE / "licenses" / "ai" / file).read_text(encoding="utf-8")
            expect = ["llama-3-community", "llama-3-aup"] if ident == "llama-3-community" else [ident]
            self.add(f"ai-{ident}", text, expect, "exact", ident)
        for group, count in ((ai, 3), (opened, 2), (others, 1)):
            for key in group:
                text = self.text(key)
                self.add(key, text, [key], "exact", key)
                for name, variant in self.variants(text, count):
                    self.add(f"{key}-{name}", variant, [key], "variant", key)
        for key in ai:
            text = self.text(key)
            if len(tokens(text)) > 300:
                share = self.rng.uniform(0.3, 0.8)
                self.add(f"{key}-truncated", self.truncate(text, share), [key], "truncated", key)

    def _near_misses(self) -> None:
        for group in NEAR_MISS:
            for key in group:
                text = self.text(key)
                for name, variant in self.variants(text, 2):
                    self.add(f"near-{key}-{name}", variant, [key], "near-miss", key)
        for pair in CC_PAIRS:
            for key in pair:
                for share in (0.3, 0.5, 0.7):
                    text = self.truncate(self.text(key), share)
                    self.add(f"near-{key}-cut{int(share * 100)}", self.rewrap(text), [key],
                             "near-miss", key)

    def _combined(self) -> None:
        for license_key, policy in POLICIES:
            text = f"{self.text(license_key)}\n\n{self.text(policy)}"
            self.add(f"combined-{license_key}", text, [license_key, policy], "combined", license_key)
            self.add(f"combined-{license_key}-md", self.markdown(text), [license_key, policy],
                     "combined", license_key)
        for first, second in DUAL:
            text = (f"This software is available under either license below.\n\n{self.text(first)}"
                    f"\n\n----\n\n{self.text(second)}")
            self.add(f"dual-{first}-{second}", text, [first, second], "combined", first)

    def _cards(self) -> None:
        subjects = ["llama-3.1-license-2024", "llama-3.2-license-2024", "gemma-tou-2025-03-24",
                    "apache-2.0", "mit", "cc-by-nc-4.0", "tongyi-qianwen-research", "qwen-2024",
                    "bigscience-open-rail-m", "openmdw-1.0", "mistral-research-0.1", "llama-2-license-2023"]
        for key in subjects:
            card = ("---\nlanguage:\n- en\npipeline_tag: text-generation\ntags:\n- chat\n---\n\n"
                    f"# Example model\n\nThis model was fine-tuned on public instruction data. It "
                    f"answers questions and writes code.\n\n## Evaluation\n\n| task | score |\n|---|---|\n"
                    f"| arc | 0.61 |\n\n## License\n\n{self.text(key)}\n\n## Citation\n\nPlease cite "
                    "the accompanying paper.\n")
            self.add(f"card-{key}", card, [key], "card", key, suffix="README.md")
        cards = REFERENCE / "hub" / "cards" / "meta-llama__Llama-3.2-1B" / "LICENSE.txt"
        if cards.exists():
            self.add("hub-llama-3.2-1b", cards.read_text(encoding="utf-8"), ["llama-3.2-license-2024"],
                     "exact", "llama-3.2-license-2024")

    def _negatives(self) -> None:
        unknown_versions = [("llama-3.1-license-2024", "3.1", "3.7"),
                            ("llama-3.3-license-2024", "3.3", "3.4"),
                            ("gemma-tou-2025-03-24", "March 24, 2025", "June 2, 2026"),
                            ("apache-2.0", "2.0", "2.1"), ("gpl-3.0", "Version 3", "Version 4")]
        for key, old, new in unknown_versions:
            self.add(f"neg-{key}-unknown-version", self.text(key).replace(old, new), [],
                     "negative", key)
        clause = ("The Software shall not be used for military purposes or by any organisation whose "
                  "revenue exceeds one hundred million dollars in any year, without written permission.")
        for key in ("mit", "bsd-new", "apache-2.0", "isc", "cc-by-4.0"):
            text = self.text(key)
            glue = "\n\n" if text.count("\n\n") >= 3 else "\n"
            paragraphs = text.split(glue)
            at = max(1, len(paragraphs) // 2)
            text = glue.join([*paragraphs[:at], clause, *paragraphs[at:]])
            self.add(f"neg-{key}-added-clause", text, [], "negative", key)
        self._short_clauses()
        prose = PROSE.read_text(encoding="utf-8") if PROSE.exists() else "No license here. " * 50
        self.add("neg-prose", prose, [], "negative", "prose", suffix="README.md")
        self.add("neg-empty", "", [], "negative", "empty")

    def _short_clauses(self) -> None:
        """One short restricting sentence (fewer words than a clause the matcher notices by
        itself) inside a permissive license: must not be named, nor judged open source. After
        the whole license, the license is named with its lines and the text is still not open
        source (near-miss: MIT against Embedthis, whose text goes on after MIT's)."""
        for key, sentence in SHORT_CLAUSES:
            text = self.text(key)
            paragraphs = re.split(r"\n[ \t]*\n", text)
            at = max(1, len(paragraphs) // 2)
            inside = "\n\n".join([*paragraphs[:at], sentence, *paragraphs[at:]])
            self.add(f"neg-{key}-short-clause", inside, [], "negative", key, open_source=False)
        for key, sentence in SHORT_CLAUSES[:3]:
            # A restriction after a complete license is no part of it: the file is not that
            # license (issue 11: named only when the license explains the whole input).
            self.add(f"near-{key}-trailing-clause", f"{self.text(key)}\n{sentence}\n", [],
                     "negative", key, open_source=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=HERE / "corpus")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    corpus = Corpus(args.out, args.seed)
    corpus.build()
    counts: dict[str, int] = {}
    for case in corpus.cases.values():
        counts[case["category"]] = counts.get(case["category"], 0) + 1
    print(f"wrote {len(corpus.cases)} files to {args.out}: "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
