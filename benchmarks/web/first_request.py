"""Time from starting `opengauge serve` to its first 200 answer of `/` (issue 14, item 7).

Each run starts a new server process (own empty cache and data folders) on a free loopback
port, polls `/` every 10 ms until it answers 200, records the elapsed time and the CPU time the
server process had used by then (on Linux; about the wall time of an idle machine, since start-up
runs on one thread), and stops the server. No assertion: the numbers go in
benchmarks/README.md.

    python benchmarks/web/first_request.py --runs 5
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from server import launched

POLL = 0.01
TIMEOUT = 60.0


def opengauge_program() -> list[str]:
    """The `opengauge` script of this interpreter's environment (its real start-up is timed)."""
    script = Path(sys.executable).with_name("opengauge")
    return [str(script)] if script.exists() else [shutil.which("opengauge") or "opengauge"]


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of process `pid` so far (NaN where /proc is absent)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def first_answer(catalog: str | None) -> tuple[float, float]:
    """(wall seconds, server CPU seconds) from starting the server to its first 200 of `/`."""
    started = time.perf_counter()
    with launched(catalog, program=opengauge_program()) as (process, base):
        while True:
            try:
                with urllib.request.urlopen(base + "/", timeout=5) as answer:
                    if answer.status == 200:
                        return time.perf_counter() - started, cpu_seconds(process.pid)
            except (urllib.error.URLError, ConnectionError):
                pass
            if process.poll() is not None:
                raise RuntimeError(f"opengauge serve exited with {process.returncode}")
            if time.perf_counter() - started > TIMEOUT:
                raise RuntimeError(f"no 200 from {base}/ within {TIMEOUT:.0f} s")
            time.sleep(POLL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="server starts to time (default 5)")
    parser.add_argument("--catalog", help="own catalog folder (default: the bundled catalog only)")
    args = parser.parse_args()
    runs = [first_answer(args.catalog) for _ in range(args.runs)]
    for label, values in (("wall", [r[0] for r in runs]), ("server CPU", [r[1] for r in runs])):
        print(f"first 200 of / after start, {label}: best {min(values):.2f} s, median "
              f"{statistics.median(values):.2f} s, worst {max(values):.2f} s "
              f"({' '.join(f'{v:.2f}' for v in values)})")
    print(f"load average at the end: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
