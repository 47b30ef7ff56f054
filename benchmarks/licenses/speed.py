"""License identification speed against ScanCode, whole process, on the same corpus.

    python benchmarks/licenses/speed.py [--corpus benchmarks/licenses/corpus] [--processes 1]

Installs scancode-toolkit-mini (with pluggy<1.6) into benchmarks/licenses/.venv the first time
(a benchmark tool only: never a dependency of opengauge, never run in CI), warms ScanCode's
license index cache with one small scan, then times:

- `scancode --license --json FILE --processes N CORPUS` (license detection only);
- `opengauge license CORPUS --format json` (the same files, one process);
- cold start: a new Python process that imports opengauge.licenses and answers one file, and
  `opengauge license FILE` (best of 5 runs each);

reporting wall time, files per second, the throughput ratio and peak memory (max RSS of the
child process). Needs the corpus from corpus.py (generated if missing).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
VENV = HERE / ".venv"
SCANCODE = VENV / "bin" / "scancode"
PYTHON = sys.executable


def run(command: list[str], **kwargs: object) -> tuple[float, float]:
    """Run `command` in a child process: (wall seconds, peak RSS of that child in MB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, **kwargs)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


def peak_of(command: list[str]) -> tuple[float, float]:
    """Wall time and peak RSS (MB) of one run, measured by a fresh wrapper process."""
    wrapper = ("import resource,subprocess,sys,time,json\n"
               "t=time.perf_counter()\n"
               "subprocess.run(sys.argv[1:],check=True,stdout=subprocess.DEVNULL)\n"
               "e=time.perf_counter()-t\n"
               "print(json.dumps([e,resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024]))")
    out = subprocess.run([PYTHON, "-c", wrapper, *command], check=True, capture_output=True,
                         text=True).stdout
    elapsed, peak = json.loads(out)
    return elapsed, peak


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
    sample = next(p for p in files if "llama-3.2-license-2024" in p.name)

    cold_api = min(peak_of([PYTHON, "-c", "import sys; from opengauge.licenses import analyze_path; "
                                          "analyze_path(sys.argv[1])", str(sample)]) for _ in range(5))
    cold_cli = min(peak_of([opengauge, "license", str(sample), "-f", "json"]) for _ in range(5))
    ours = peak_of([opengauge, "license", str(args.corpus), "-f", "json"])
    results = {
        "files": len(files),
        "cold_start_api": {"seconds": round(cold_api[0], 3), "peak_mb": round(cold_api[1], 1)},
        "cold_start_cli": {"seconds": round(cold_cli[0], 3), "peak_mb": round(cold_cli[1], 1)},
        "opengauge": {"seconds": round(ours[0], 2), "files_per_second": round(len(files) / ours[0], 1),
                      "peak_mb": round(ours[1], 1)},
    }
    if not args.skip_scancode:
        install_scancode()
        with tempfile.TemporaryDirectory() as tmp:
            warm = Path(tmp) / "warm"
            warm.mkdir()
            (warm / "LICENSE").write_text("Permission is hereby granted, free of charge.\n")
            subprocess.run([str(SCANCODE), "--license", "--json", str(Path(tmp) / "w.json"),
                            "--quiet", str(warm)], check=True, stdout=subprocess.DEVNULL)
            theirs = peak_of([str(SCANCODE), "--license", "--json", str(Path(tmp) / "out.json"),
                              "--quiet", "--processes", str(args.processes), str(args.corpus)])
        results["scancode"] = {"seconds": round(theirs[0], 2), "processes": args.processes,
                               "files_per_second": round(len(files) / theirs[0], 2),
                               "peak_mb": round(theirs[1], 1)}
        results["throughput_ratio"] = round(theirs[0] / ours[0], 1)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
