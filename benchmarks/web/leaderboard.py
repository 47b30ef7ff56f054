"""Server time of the leaderboard page with the full catalog (the Server-Timing header).

Starts `opengauge serve` on loopback and requests every framework's leaderboard: first each
view once (rendered from the cached rows: a view no one asked for before), then the same views
again (served from the page cache). Also model pages. Reports median / p95 / max server time
and whether every leaderboard view stays under the 100 ms target.

    python benchmarks/web/leaderboard.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import sys
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from server import running_server

from opengauge import api

TARGET_MS = 100.0


def views() -> list[str]:
    """Every framework's leaderboard, unfiltered and under typical filters and sorts."""
    paths = []
    for described in api.describe_frameworks():
        fid = described["id"]
        refs = [c["ref"] for c in described["criteria"]]
        paths += [f"/leaderboard/{fid}", f"/leaderboard/{fid}?type=text",
                  f"/leaderboard/{fid}?{refs[4]}=open", f"/leaderboard/{fid}?q=llama",
                  f"/leaderboard/{fid}?sort=name&order=desc", f"/leaderboard/{fid}?sort={refs[0]}",
                  f"/leaderboard/{fid}?type=code&{refs[-1]}=open,partial"]
    return paths


def server_ms(connection: http.client.HTTPConnection, path: str) -> float:
    connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
    answer = connection.getresponse()
    answer.read()
    if answer.status != 200:
        raise RuntimeError(f"{path}: HTTP {answer.status}")
    timing = answer.getheader("Server-Timing", "")
    return float(timing.split("dur=")[1])


def summary(name: str, values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (f"| {name} | {len(values)} | {statistics.median(values):.1f} | {p95:.1f} | "
            f"{max(values):.1f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="cached requests per view")
    args = parser.parse_args()
    paths = views()
    models = [f"/models/{e.assessment.subject.id}" for e in api.rank("osai").entries[:40]]
    with running_server() as base:
        url = urlsplit(base)
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        first = [server_ms(connection, p) for p in paths]
        cached = [server_ms(connection, p) for _ in range(args.rounds) for p in paths]
        model_first = [server_ms(connection, p) for p in models]
        model_cached = [server_ms(connection, p) for p in models]
        connection.close()
    print(f"server time in ms ({len(paths)} leaderboard views over {len(api.framework_ids())} "
          f"frameworks, full catalog)\n")
    print("| request | n | median | p95 | max |\n|---|---|---|---|---|")
    print(summary("leaderboard, first request of a view", first))
    print(summary("leaderboard, cached view", cached))
    print(summary("model page, first request", model_first))
    print(summary("model page, cached", model_cached))
    worst = max(first + cached)
    verdict = "PASS" if worst < TARGET_MS else "FAIL"
    print(f"\n{verdict}: slowest leaderboard answer {worst:.1f} ms (target < {TARGET_MS:.0f} ms)")
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
