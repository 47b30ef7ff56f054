"""Whole-process wall time of catalog commands (`opengauge rank`, `check`), cold start.

JSON unless a format is given (`--format table` is what a terminal gets).

Each run is a new Python process with empty user data and cache directories, so nothing but
the bundled prebuilt index is reused. Run: `python benchmarks/cli/startup.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

COMMANDS = [
    ["rank"],
    ["rank", "--format", "table"],
    ["rank", "--framework", "mof", "--format", "table"],
    ["rank", "--framework", "ouc-2023", "--format", "csv"],
    ["rank", "--framework", "mof"],
    ["rank", "--framework", "osaid"],
    ["check", "llama-2"],
    ["show", "olmo"],
]


def timed(args: list[str]) -> float:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "OPENGAUGE_DATA_DIR": f"{home}/data",
               "OPENGAUGE_CACHE_DIR": f"{home}/cache"}
        env.pop("OPENGAUGE_CATALOG", None)
        # As on a user's machine, Python may cache compiled modules (this workplace sets
        # PYTHONDONTWRITEBYTECODE=1, which recompiles every opengauge module at every start).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        start = time.perf_counter()
        done = subprocess.run(["opengauge", *args, "--format", "json"] if "--format" not in args
                              else ["opengauge", *args], env=env, capture_output=True)
        elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"opengauge {' '.join(args)} failed: {done.stderr.decode()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    print("| command | median (s) | max (s) | runs |\n|---|---|---|---|")
    for args in COMMANDS:
        timed(args)  # warm the OS file cache once; every measured run is still a new process
        times = [timed(args) for _ in range(runs)]
        print(f"| `opengauge {' '.join(args)}` | {statistics.median(times):.3f} | "
              f"{max(times):.3f} | {runs} |")


if __name__ == "__main__":
    main()
