"""`opengauge scan` throughput, memory and the projected wall time for the whole Hub.

No rate limit. One worker process runs shards exactly as a Dask worker does (`run_shard`):

- repositories per second per process at depth `metadata` and `card`, over a synthetic cards
  snapshot built from the 22 shared real cards (tests/scan/synthetic.py);
- peak memory (VmHWM) of that process after 1,000 and after 10,000 repositories;
- requests per repository at depth `files`, counted at the local Hub server
  (tests/hubserver.py) over a sample of synthetic repositories with their files; `--hub` lists
  1,000 repositories per API call and depth `card` adds one README download;
- the projected wall time for 2,000,000 repositories under the free and PRO budgets (requests
  / budget per 5-minute window), next to the CPU time at the measured rate.

    python benchmarks/scan/scan_throughput.py [--repos 10000] [--files-sample 100]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

HUB = 2_000_000
PLANS = {"free": {"api": 1000, "download": 5000}, "pro": {"api": 2500, "download": 12000}}
WINDOW = 300.0


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM). Not ru_maxrss: Linux carries that over
    exec from the forking parent, so a spawned worker would report the driver's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _throughput(out: str, shards: int, depth: str, queue: multiprocessing.Queue) -> None:
    """In a fresh process, as a Dask worker: run every shard of `out`; rate and memory."""
    from opengauge.scan import run

    memory = {}
    started = time.perf_counter()
    done = 0
    for shard in range(shards):
        done += run.run_shard(out, shard, depth, run.HubSettings(offline=True), None)["repos"]
        if done in (1000, 10_000):
            memory[done] = peak_mb()
    seconds = time.perf_counter() - started
    queue.put({"depth": depth, "repos": done, "seconds": round(seconds, 1),
               "per_second": round(done / seconds, 1),
               "peak_mb": {k: round(v, 1) for k, v in memory.items()}})


def measure(cards: str, depth: str) -> dict:
    """The listing is written here (as the scan's driver does), the shards run in a worker."""
    from opengauge.scan import inputs, run

    with tempfile.TemporaryDirectory() as out:
        state = run.write_manifests(Path(out), inputs.from_cards(cards), 1000, depth, "cards")
        context = multiprocessing.get_context("spawn")
        queue = context.Queue()
        process = context.Process(target=_throughput, args=(out, state["shards"], depth, queue))
        process.start()
        result = queue.get()
        process.join()
    return result


def requests_per_repo(sample: int) -> dict:
    """Requests per repository at depth files (--from) and per listing page (--hub)."""
    from hubserver import HubServer
    from opengauge.scan import inputs, run
    from opengauge.scan.limiter import LimitedClient
    from opengauge.sources.hub import HubOptions
    from opengauge.store import Store
    from scan.synthetic import serve

    server = HubServer()
    ids = serve(server, sample)
    server.start()
    try:
        with tempfile.TemporaryDirectory() as scratch:
            client = LimitedClient(HubOptions(endpoint=server.url),
                                   Store(Path(scratch) / "s.sqlite"), None)
            for item in ids:
                run.scan_one(inputs.Listed(id=item), "files", client)
        api = sum(1 for _, path, _ in server.log if path.startswith("/api/"))
        downloads = sum(1 for _, path, _ in server.log if "/resolve/" in path)
    finally:
        server.stop()
    return {"files_api": api / sample,
            "files_downloads": downloads / sample}


def project(per_repo: dict[str, dict[str, float]], rates: dict[str, float]) -> list[dict]:
    rows = []
    for depth, needs in per_repo.items():
        for plan, budget in PLANS.items():
            windows = max(needs["api"] * HUB / budget["api"],
                          needs["download"] * HUB / budget["download"])
            rows.append({"depth": depth, "plan": plan, "api_calls": round(needs["api"] * HUB),
                         "downloads": round(needs["download"] * HUB),
                         "hours_rate_limited": round(windows * WINDOW / 3600, 1),
                         "cpu_hours_one_process": round(HUB / rates[depth] / 3600, 1)
                         if depth in rates else None})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repos", type=int, default=10_000)
    parser.add_argument("--files-sample", type=int, default=100)
    args = parser.parse_args()
    from scan.synthetic import cards_parquet

    with tempfile.TemporaryDirectory() as folder:
        cards_parquet(Path(folder), args.repos, files=4)
        results = [measure(folder, depth) for depth in ("metadata", "card")]
    for result in results:
        print(json.dumps(result))
    counts = requests_per_repo(args.files_sample)
    print(json.dumps(counts))
    # --hub: one listing call per 1,000 repositories; card adds the README download; files is
    # what check needs (measured above), after the listing.
    per_repo = {"metadata": {"api": 1 / 1000, "download": 0.0},
                "card": {"api": 1 / 1000, "download": 1.0},
                "files": {"api": 1 / 1000 + counts["files_api"],
                          "download": counts["files_downloads"]}}
    rates = {r["depth"]: r["per_second"] for r in results}
    for row in project(per_repo, rates):
        print(json.dumps(row))


if __name__ == "__main__":
    main()
