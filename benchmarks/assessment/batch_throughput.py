"""Batch throughput: targets per second of `check --from FILE` against a local Hub server.

The local Hub (tests/hubserver.py, real HTTP on 127.0.0.1, the Hub API's shapes) serves the
22 reference model cards, each copied under `--copies` ids (with a weights file name, a
config.json and the card's LICENSE where there is one), plus the base models and datasets the
cards name. Three runs over the same list, each with a fresh batch:

- cold: an empty store, every Hub answer fetched over HTTP;
- cached: Hub answers from the store (fresh within their TTL), so it times the assessment;
- resumed: the same batch again, every target already done (only the store is read).

`--latency S` delays every Hub answer by S seconds, as a remote Hub would.

    python benchmarks/assessment/batch_throughput.py [--copies 10] [--jobs 1 4 8] [--latency 0.1]
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


def reference() -> Path:
    return Path(os.environ.get("OPENGAUGE_REFERENCE") or ROOT.parent / "shared" / "reference")


def serve(copies: int):
    from hubserver import HubServer

    server = HubServer()
    cards = reference() / "hub" / "cards"
    ids = []
    for repo in server.load_cards(cards):
        files = dict(repo.files)
        files.setdefault("model.safetensors", b"\0" * 64)
        files.setdefault("config.json", b'{"architectures": ["LlamaForCausalLM"]}')
        for number in range(copies):
            repo_id = f"bench{number}/{repo.id.split('/')[1]}"
            server.add_model(repo_id, files, gated=repo.gated)
            ids.append(repo_id)
    for base in ("mistralai/Mistral-7B-v0.1", "meta-llama/Llama-2-7b", "upstage/SOLAR-10.7B-v1.0",
                 "Qwen/Qwen2.5-0.5B", "meta-llama/Llama-3.1-8B-Instruct", "google/gemma-3-4b-pt"):
        server.add_model(base, {"README.md": "---\nlicense: apache-2.0\n---\n",
                                "model.safetensors": b"\0" * 16})
    for dataset in ("HuggingFaceH4/ultrachat_200k", "HuggingFaceH4/ultrafeedback_binarized"):
        server.add_dataset(dataset, {"license": "mit"})
    return server.start(), ids


def timed(path: Path, jobs: int, store, options, fresh: bool) -> tuple[float, object]:
    from opengauge.app.session import Session
    from opengauge.assess.batch import run

    started = time.perf_counter()
    result = run(path, Session(options, store=store), jobs=jobs, fresh=fresh)
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10, help="ids per reference card")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 4, 8])
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to each answer")
    args = parser.parse_args()

    from opengauge import api
    from opengauge.app.session import SessionConfig
    from opengauge.assess import analyzer
    from opengauge.store import Store

    server, ids = serve(args.copies)
    if args.latency:
        server.fault("/", "delay", delay=args.latency, times=10 ** 9)
    api.catalog()
    analyzer.warm()
    rows = []
    try:
        with tempfile.TemporaryDirectory() as work:
            path = Path(work) / "targets.txt"
            path.write_text("\n".join(ids) + "\n")
            options = SessionConfig.of(endpoint=server.url, token=False, timeout=10)
            for jobs in args.jobs:
                with Store(Path(work) / f"store-{jobs}.sqlite3") as store:
                    requests = len(server.log)
                    cold, result = timed(path, jobs, store, options, fresh=True)
                    fetched = len(server.log) - requests
                    cached, _ = timed(path, jobs, store, options, fresh=True)
                    resumed, again = timed(path, jobs, store, options, fresh=False)
                failed = sum(1 for i in result.items if i.status != "done")
                rows.append({"jobs": jobs, "targets": len(ids), "failed": failed,
                             "hub_requests": fetched,
                             "cold_s": round(cold, 2), "cold_per_s": round(len(ids) / cold, 1),
                             "cached_s": round(cached, 2),
                             "cached_per_s": round(len(ids) / cached, 1),
                             "resumed_s": round(resumed, 3),
                             "resumed_per_s": round(len(ids) / resumed, 0),
                             "resumed_checked": again.checked})
    finally:
        server.stop()
    print(json.dumps({"latency_s": args.latency,
                      "python": sys.version.split()[0],
                      "cpus": os.cpu_count(), "runs": rows}, indent=2))


if __name__ == "__main__":
    main()
