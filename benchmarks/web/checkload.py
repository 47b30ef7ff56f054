"""Cached pages while 40 slow checks run: the latency of pages a visitor reads, under abuse.

A local Hub (tests/hubserver.py) on 127.0.0.1 holds every model_info answer for `--hold`
seconds. `opengauge serve` runs on loopback with a check pool big enough to accept all the
checks (`--check-workers 8 --check-queue 32`, a rate limit above the count). Then `--checks`
checks are sent at once, and while they are all held, client threads read cached pages
(leaderboard, model page, JSON API, a static file) for `--duration` seconds at most or
`--requests` answers. Reports p50/p99 latency of the pages and what the checks answered.
Loopback only; bounded counts and time. Not run in CI.

    python benchmarks/web/checkload.py [--checks 40] [--hold 20] [--requests 2000]
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from server import running_server  # noqa: E402

from hubserver import HubServer  # noqa: E402

PAGES = [("/leaderboard/osai", {"Accept-Encoding": "gzip"}), ("/models/llama-2", {}),
         ("/api/models/llama-2", {}), ("/static/style.css", {})]


def serve(hub_url: str, workers: int, queue: int, budget: float) -> contextlib.AbstractContextManager[str]:
    """A server whose checks ask `hub_url`, with the check pool's limits."""
    return running_server(args=("--check-workers", str(workers), "--check-queue", str(queue),
                                "--check-budget", str(budget), "--check-rate", "100000"),
                          env_extra={"OPENGAUGE_HUB_ENDPOINT": hub_url})


def percentile(ordered: list[float], fraction: float) -> float:
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def read_pages(port: int, requests: int, duration: float, concurrency: int) -> tuple[list[float], int]:
    latencies: list[float] = []
    failures = [0]
    left = [requests]
    lock = threading.Lock()
    stop_at = time.perf_counter() + duration

    def worker(offset: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine: list[float] = []
        number = offset
        while time.perf_counter() < stop_at:
            with lock:
                if left[0] <= 0:
                    break
                left[0] -= 1
            path, headers = PAGES[number % len(PAGES)]
            number += 1
            start = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                answer = connection.getresponse()
                answer.read()
                ok = answer.status == 200
            except OSError:
                ok = False
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            mine.append(time.perf_counter() - start)
            if not ok:
                with lock:
                    failures[0] += 1
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(latencies), failures[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checks", type=int, default=40, help="slow checks sent at once")
    parser.add_argument("--hold", type=float, default=20.0, help="seconds the Hub holds each answer")
    parser.add_argument("--requests", type=int, default=2000, help="page reads (at most)")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of page reads (at most)")
    parser.add_argument("--concurrency", type=int, default=4, help="page-reading client threads")
    args = parser.parse_args()
    if not (0 < args.checks <= 200 and 0 < args.hold <= 120 and 0 < args.requests <= 50_000
            and 0 < args.duration < args.hold and 0 < args.concurrency <= 32):
        parser.error("keep it bounded: checks <= 200, hold <= 120 s, requests <= 50000, "
                     "duration < hold, concurrency <= 32")
    hub = HubServer()
    for number in range(args.checks):
        hub.add_model(f"slow/model-{number}", {"README.md": "---\nlicense: mit\n---\n# m\n"})
    hub.fault("/api/models/slow/", "hold", times=10 * args.checks, delay=args.hold)
    hub.start()
    statuses: list[int] = []
    try:
        with serve(hub.url, workers=8, queue=max(0, args.checks - 8), budget=args.hold * 3) as base:
            port = int(base.rsplit(":", 1)[1])
            read_pages(port, 200, 5, 2)  # warm the page cache and connections

            def check(number: int) -> None:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=args.hold * 4)
                connection.request("GET", f"/api/check?target=slow/model-{number}")
                statuses.append(connection.getresponse().status)
                connection.close()

            checkers = [threading.Thread(target=check, args=(n,)) for n in range(args.checks)]
            for thread in checkers:
                thread.start()
            deadline = time.monotonic() + args.hold / 2
            while hub.active < min(args.checks, 8) and time.monotonic() < deadline:
                time.sleep(0.05)
            held = hub.active
            latencies, failures = read_pages(port, args.requests, args.duration, args.concurrency)
            still_held = hub.active
            hub.release()
            for thread in checkers:
                thread.join()
    finally:
        hub.stop()
    print(f"{args.checks} checks sent at once (8 running, {max(0, args.checks - 8)} waiting; the "
          f"Hub holds each answer {args.hold:g} s); Hub requests held when reading began: {held}, "
          f"when it ended: {still_held}")
    print(f"{args.concurrency} client threads read {len(PAGES)} cached pages in turn for up to "
          f"{args.duration:g} s or {args.requests} answers\n")
    print("| page reads | failures | p50 ms | p99 ms | max ms | checks answered |")
    print("|---|---|---|---|---|---|")
    answered = ", ".join(f"{statuses.count(s)}× {s}" for s in sorted(set(statuses)))
    print(f"| {len(latencies)} | {failures} | {statistics.median(latencies) * 1000:.1f} | "
          f"{percentile(latencies, 0.99) * 1000:.1f} | {latencies[-1] * 1000:.1f} | {answered} |")
    return 1 if failures or percentile(latencies, 0.99) > 0.1 else 0


if __name__ == "__main__":
    sys.exit(main())
