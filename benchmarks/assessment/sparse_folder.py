"""Assess a local release folder holding 100 GB of safetensors weights, end to end.

The folder is built with sparse files: each shard is a real safetensors header followed by a
hole up to the shard's full size, so it takes almost no disk space while its size, header and
index are those of a 100 GB release. Only headers are read. Timed: `gather()` (the sources),
`check_target()` (sources, license analyzer, every framework's rules, findings, the report),
and `opengauge check FOLDER --offline --format json` as a new process.

    python benchmarks/assessment/sparse_folder.py [--size-gib 100] [--shards 20] [--runs 20]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HIDDEN = 8192
TENSOR_BYTES = HIDDEN * HIDDEN * 2  # one BF16 [8192, 8192] matrix: 128 MiB


def build(folder: Path, size_gib: int, shards: int) -> int:
    """Write the card, config, index and sparse shards; return the apparent total size."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "README.md").write_text(
        "---\nlicense: apache-2.0\nbase_model: org/base-model\nlibrary_name: transformers\n"
        "datasets: []\ntags: [arxiv:2401.00001]\n---\n# Big model\n\n## Intended use\nResearch.\n\n"
        "## Limitations\nMany.\n\n## Training data\nA public corpus.\n")
    (folder / "LICENSE").write_text(apache_text())
    (folder / "config.json").write_text(json.dumps({"model_type": "llama", "torch_dtype":
                                                    "bfloat16", "hidden_size": HIDDEN}))
    per_shard = size_gib * (1 << 30) // shards // TENSOR_BYTES
    weight_map: dict[str, str] = {}
    total = 0
    for number in range(1, shards + 1):
        name = f"model-{number:05}-of-{shards:05}.safetensors"
        header: dict[str, object] = {"__metadata__": {"format": "pt"}}
        for index in range(per_shard):
            tensor = f"model.layers.{number}.w{index}.weight"
            header[tensor] = {"dtype": "BF16", "shape": [HIDDEN, HIDDEN],
                              "data_offsets": [index * TENSOR_BYTES, (index + 1) * TENSOR_BYTES]}
            weight_map[tensor] = name
        raw = json.dumps(header).encode()
        raw += b" " * (-len(raw) % 8)
        path = folder / name
        with path.open("wb") as handle:
            handle.write(struct.pack("<Q", len(raw)) + raw)
            handle.truncate(8 + len(raw) + per_shard * TENSOR_BYTES)  # a hole, not data
        total += path.stat().st_size
    (folder / "model.safetensors.index.json").write_text(json.dumps(
        {"metadata": {"total_size": per_shard * shards * TENSOR_BYTES}, "weight_map": weight_map}))
    return total


def apache_text() -> str:
    """The Apache License 2.0 text from the reference license library, when present."""
    reference = Path(os.environ.get("OPENGAUGE_REFERENCE")
                     or Path(__file__).resolve().parents[3] / "shared" / "reference")
    found = reference / "licenses" / "scancode" / "apache-2.0.LICENSE"
    if not found.is_file():
        return "Apache License\nVersion 2.0, January 2004\n"
    text = found.read_text()
    return text.split("---", 2)[2].lstrip() if text.startswith("---") else text


def disk_usage(folder: Path) -> int:
    return sum(p.stat().st_blocks * 512 for p in folder.iterdir())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-gib", type=int, default=100)
    parser.add_argument("--shards", type=int, default=20)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--keep", type=Path, help="build the folder here and keep it")
    args = parser.parse_args()

    from opengauge.sources.gather import GatherOptions, gather
    from opengauge.sources.hub import HubOptions

    folder = args.keep or Path(tempfile.mkdtemp(prefix="opengauge-sparse-")) / "release"
    try:
        apparent = build(folder, args.size_gib, args.shards)
        options, hub = GatherOptions(lookups=False), HubOptions(offline=True)
        facts = gather(str(folder), options, hub=hub)  # warm-up (imports, page cache)
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            facts = gather(str(folder), options, hub=hub)
            times.append(time.perf_counter() - started)
        from opengauge.app.session import Session, SessionConfig

        check = Session(SessionConfig.of(offline=True))
        report = check.check_target(str(folder))  # warm-up (catalog, analyzer index)
        check_times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            report = check.check_target(str(folder))
            check_times.append(time.perf_counter() - started)
        env = {**os.environ, "OPENGAUGE_OFFLINE": "1"}
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import sys; from opengauge import api; "
                        "api.gather(sys.argv[1], offline=True)", str(folder)], check=True, env=env)
        cold = time.perf_counter() - started
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "opengauge.cli", "check", str(folder), "--offline",
                               "--format", "json"],
                              check=True, env=env, capture_output=True)
        cold_check = time.perf_counter() - started
        model = json.loads(done.stdout)["models"][0]
        result = {
            "apparent_bytes": apparent,
            "apparent_gib": round(apparent / (1 << 30), 2),
            "disk_bytes": disk_usage(folder),
            "files": len(facts.files),
            "parameters": facts.weights.parameters.value if facts.weights.parameters else None,
            "problems": [p.message for p in facts.problems],
            "gather_median_s": round(statistics.median(times), 4),
            "gather_max_s": round(max(times), 4),
            "new_process_s": round(cold, 3),
            "check_median_s": round(statistics.median(check_times), 4),
            "check_max_s": round(max(check_times), 4),
            "check_new_process_s": round(cold_check, 3),
            "osai_score": round(report.frameworks["osai"].assessment.score or 0, 3),
            "weights_endmodel": model["frameworks"]["osai"]["ratings"]["weights_endmodel"],
            "python": sys.version.split()[0],
        }
        print(json.dumps(result, indent=2))
    finally:
        if args.keep is None:
            shutil.rmtree(folder.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
