"""Cold start of `opengauge license FILE`: CPU seconds and peak memory of new processes.

    python benchmarks/licenses/cold.py before=SRC,after=SRC FILE[,FILE...] RUNS pyc|nopyc

Runs `opengauge license FILE -f json` in a new process per run with each code tree on
PYTHONPATH (an export of another commit, say), the trees interleaved so that a busy machine
slows them alike; prints the least and the median user+sys CPU seconds (from wait4) and the
peak RSS. `pyc`: bytecode caches present (kept under /tmp/pyc-NAME); `nopyc`: every module
compiled from source at every start (PYTHONDONTWRITEBYTECODE=1).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys


def main() -> None:
    trees = dict(item.split("=", 1) for item in sys.argv[1].split(","))
    files = sys.argv[2].split(",")
    runs, pyc = int(sys.argv[3]), sys.argv[4] == "pyc"
    found: dict[tuple[str, str], list[tuple[float, int]]] = {}
    for _ in range(runs):
        for file in files:
            for name, src in trees.items():
                env = dict(os.environ, PYTHONPATH=src)
                if pyc:
                    env.pop("PYTHONDONTWRITEBYTECODE", None)
                    env["PYTHONPYCACHEPREFIX"] = f"/tmp/pyc-{name}"
                else:
                    env["PYTHONDONTWRITEBYTECODE"] = "1"
                process = subprocess.Popen(
                    [sys.executable, "-c", "from opengauge.cli import main; main()", "license",
                     file, "-f", "json"], env=env, stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL)
                _, _, usage = os.wait4(process.pid, 0)
                found.setdefault((name, file), []).append(
                    (usage.ru_utime + usage.ru_stime, usage.ru_maxrss))
    for (name, file), values in sorted(found.items(), key=lambda item: (item[0][1], item[0][0])):
        cpu = sorted(c for c, _ in values)
        print(f"{os.path.basename(file)[:30]:30s} {name:8s} min {cpu[0]:.3f} median "
              f"{statistics.median(cpu):.3f} s CPU, peak {max(m for _, m in values) / 1024:.0f} MB")


if __name__ == "__main__":
    main()
