"""Load test on loopback: requests per second and latency of the leaderboard and the JSON API.

Starts `opengauge serve` (one uvicorn worker) on 127.0.0.1, then for each target sends
requests from `--concurrency` client threads, each with its own keep-alive connection, until
`--requests` answers or `--duration` seconds, whichever comes first. Not run in CI.

    python benchmarks/web/loadtest.py [--requests 2000] [--duration 20] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from server import running_server

TARGETS = [
    ("leaderboard page (gzip)", "/leaderboard/osai", {"Accept-Encoding": "gzip"}),
    ("leaderboard page, filtered view", "/leaderboard/osai?type=text&trainingcode=open",
     {"Accept-Encoding": "gzip"}),
    ("JSON API ranking", "/api/ranking?framework=osai", {}),
    ("JSON API one model", "/api/models/llama-2", {}),
]


def percentile(ordered: list[float], fraction: float) -> float:
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def hammer(base: str, path: str, headers: dict[str, str], requests: int, duration: float,
           concurrency: int) -> dict[str, float]:
    url = urlsplit(base)
    latencies: list[float] = []
    failures = [0]
    lock = threading.Lock()
    left = [requests]
    stop_at = time.perf_counter() + duration

    def worker() -> None:
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        mine: list[float] = []
        while time.perf_counter() < stop_at:
            with lock:
                if left[0] <= 0:
                    break
                left[0] -= 1
            start = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                answer = connection.getresponse()
                answer.read()
                ok = answer.status == 200
            except OSError:
                ok = False
                connection.close()
                connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
            mine.append(time.perf_counter() - start)
            if not ok:
                with lock:
                    failures[0] += 1
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    ordered = sorted(latencies)
    return {"requests": len(ordered), "failures": failures[0], "seconds": elapsed,
            "rps": len(ordered) / elapsed, "p50": statistics.median(ordered) * 1000,
            "p99": percentile(ordered, 0.99) * 1000}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000, help="answers per target (at most)")
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per target (at most)")
    parser.add_argument("--concurrency", type=int, default=8, help="client threads")
    args = parser.parse_args()
    if not (0 < args.requests <= 100_000 and 0 < args.duration <= 300 and 0 < args.concurrency <= 64):
        parser.error("keep it bounded: requests <= 100000, duration <= 300 s, concurrency <= 64")
    print(f"{args.concurrency} client threads, up to {args.requests} requests or "
          f"{args.duration:g} s per target, one uvicorn worker on 127.0.0.1\n")
    print("| target | requests | failures | requests/s | p50 ms | p99 ms |\n|---|---|---|---|---|---|")
    failed = 0
    with running_server() as base:
        for name, path, headers in TARGETS:
            hammer(base, path, headers, 50, 10, 2)  # warm the page cache and connections
            result = hammer(base, path, headers, args.requests, args.duration, args.concurrency)
            failed += int(result["failures"])
            print(f"| {name} `{path}` | {result['requests']} | {result['failures']} | "
                  f"{result['rps']:.0f} | {result['p50']:.1f} | {result['p99']:.1f} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
