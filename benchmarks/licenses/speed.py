"""License identification speed against ScanCode, whole process, on the same corpus.

    python benchmarks/licenses/speed.py [--corpus benchmarks/licenses/corpus] [--processes 1]

Installs scancode-toolkit-mini (with pluggy<1.6) into benchmarks/licenses/.venv the first time
(a benchmark tool only: never a dependency of opengauge, never run in CI), warms ScanCode's
license index cache with one small scan, then times:

- `scancode --license --json FILE --processes N CORPUS` (license detection only; N=1 is
  ScanCode's default on a 2-CPU machine, CPUs - 1);
- `opengauge license CORPUS --format json --jobs 1` (the same files, one process) and with
  the default `--jobs` (one worker per CPU);
- cold start: a new Python process that imports opengauge.licenses and answers one file, and
  `opengauge license FILE` (best of 5 runs each; the opengauge corpus runs best of 3, the
  ScanCode run, minutes long, once);

reporting wall and CPU seconds, files per second, the throughput ratios (ScanCode / opengauge
in one process) and peak memory (max RSS of the measured process tree). Needs the corpus from
corpus.py (generated if missing).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
VENV = HERE / ".venv"
SCANCODE = VENV / "bin" / "scancode"
PYTHON = sys.executable


def measure(command: list[str]) -> dict[str, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one run of `command`, measured by a
    fresh wrapper process (so only that command's process tree counts)."""
    wrapper = ("import json,resource,subprocess,sys,time\n"
               "t=time.perf_counter()\n"
               "subprocess.run(sys.argv[1:],check=True,stdout=subprocess.DEVNULL,"
               "stderr=subprocess.DEVNULL)\n"
               "e=time.perf_counter()-t\n"
               "r=resource.getrusage(resource.RUSAGE_CHILDREN)\n"
               "print(json.dumps([e,r.ru_utime+r.ru_stime,r.ru_maxrss/1024]))")
    out = subprocess.run([PYTHON, "-c", wrapper, *command], check=True, capture_output=True,
                         text=True).stdout
    wall, cpu, peak = json.loads(out)
    return {"seconds": round(wall, 3), "cpu_seconds": round(cpu, 3), "peak_mb": round(peak, 1)}


def best(command: list[str], runs: int = 5) -> dict[str, float]:
    """The fastest of `runs` measurements (for cold starts)."""
    return min((measure(command) for _ in range(runs)), key=lambda m: m["seconds"])


def install_scancode() -> None:
    if SCANCODE.exists():
        return
    print("installing scancode-toolkit-mini into", VENV, file=sys.stderr)
    subprocess.run([PYTHON, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(VENV / "bin" / "pip"), "install", "-q", "scancode-toolkit-mini",
                    "pluggy<1.6"], check=True)


def files_of(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if p.name != "manifest.json")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus")
    parser.add_argument("--processes", type=int, default=1, help="ScanCode worker processes")
    parser.add_argument("--skip-scancode", action="store_true")
    args = parser.parse_args()
    if not (args.corpus / "manifest.json").exists():
        subprocess.run([PYTHON, str(HERE / "corpus.py"), "--out", str(args.corpus)], check=True)
    files = files_of(args.corpus)
    opengauge = str(Path(PYTHON).parent / "opengauge")
    sample = next(p for p in files if "llama-3.2-license-2024" in p.name and "rewrap" in p.name)
    results: dict[str, object] = {
        "files": len(files),
        "cold_start_api": best([PYTHON, "-c", "import sys; from opengauge.licenses import "
                                              "analyze_path; analyze_path(sys.argv[1])", str(sample)]),
        "cold_start_cli": best([opengauge, "license", str(sample), "-f", "json"]),
        "opengauge_1_process": best([opengauge, "license", str(args.corpus), "-f", "json",
                                     "--jobs", "1"], 3),
        "opengauge_default": best([opengauge, "license", str(args.corpus), "-f", "json"], 3),
    }
    if not args.skip_scancode:
        install_scancode()
        with tempfile.TemporaryDirectory() as tmp:
            warm = Path(tmp) / "warm"
            warm.mkdir()
            (warm / "LICENSE").write_text("Permission is hereby granted, free of charge.\n")
            subprocess.run([str(SCANCODE), "--license", "--json", str(Path(tmp) / "w.json"),
                            "--quiet", str(warm)], check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            results["scancode"] = measure([str(SCANCODE), "--license", "--json",
                                           str(Path(tmp) / "out.json"), "--quiet", "--processes",
                                           str(args.processes), str(args.corpus)])
        ours = results["opengauge_1_process"]
        theirs = results["scancode"]
        results["throughput_ratio_wall"] = round(theirs["seconds"] / ours["seconds"], 1)
        results["throughput_ratio_cpu"] = round(theirs["cpu_seconds"] / ours["cpu_seconds"], 1)
    for name, value in results.items():
        if isinstance(value, dict) and "seconds" in value:
            value["files_per_second"] = round(len(files) / value["seconds"], 1) \
                if not name.startswith("cold") else None
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
