"""Validate the AI-BOMs of every catalog model with the official validators, offline.

    python benchmarks/exports/validate_all.py [--batch 40] [--limit N]

CycloneDX 1.6: cyclonedx-python-lib's strict JSON validator. SPDX 3.0.1: spdx3-validate's JSON
schema and SHACL shapes (pySHACL), the files it downloads served from shared/reference; the
SHACL shapes run once per batch of documents over the union of their graphs. Prints the count of
documents checked, the failures with their first errors, and the time taken.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=40, help="SPDX documents per SHACL pass")
    parser.add_argument("--limit", type=int, default=0, help="only the first N catalog ids")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="opengauge-validate-")
    os.environ.update(OPENGAUGE_DATA_DIR=f"{home}/data", OPENGAUGE_CACHE_DIR=f"{home}/cache",
                      OPENGAUGE_NO_HISTORY="1")
    import spdx_offline
    from opengauge import api
    from opengauge.formats import cyclonedx, spdx3

    ids = sorted(api.model_ids())
    ids = ids[: args.limit] if args.limit else ids
    started = time.perf_counter()
    failures: dict[str, list[str]] = {}
    spdx_texts: dict[str, str] = {}
    for model in ids:
        report = api.check(model)
        errors = cyclonedx.schema_errors(cyclonedx.build(report))
        if errors:
            failures[f"{model} (CycloneDX)"] = errors
        spdx_texts[model] = json.dumps(spdx3.build(report))
    cdx_seconds = time.perf_counter() - started
    names = list(spdx_texts)
    for start in range(0, len(names), args.batch):
        batch = {n: spdx_texts[n] for n in names[start:start + args.batch]}
        for model, errors in spdx_offline.validate_merged(batch).items():
            if errors:
                failures[f"{model} (SPDX 3.0.1)"] = errors
        print(f"  {start + len(batch)}/{len(names)} SPDX documents checked, "
              f"{time.perf_counter() - started:.0f} s, {len(failures)} failed so far", flush=True)
    total = time.perf_counter() - started
    print(f"{len(ids)} catalog models: {len(ids)} CycloneDX 1.6 BOMs (strict JSON validator) and "
          f"{len(ids)} SPDX 3.0.1 documents (JSON schema + SHACL) checked in {total:.0f} s "
          f"(CycloneDX and building: {cdx_seconds:.0f} s); {len(failures)} failed")
    for what, errors in sorted(failures.items()):
        print(f"  {what}: {'; '.join(errors[:2])[:400]}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
