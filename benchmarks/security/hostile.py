"""CPU seconds and peak memory of opengauge on the hostile inputs of issue 17 (items 1, 4).

Each case runs in a fresh process (`opengauge` CLI) with empty user folders; CPU time is
the child's user + system time (wall time is noisy on a shared machine). The hostile files
are generated in a temporary folder.

    python benchmarks/security/hostile.py
"""

from __future__ import annotations

import os
import resource
import struct
import subprocess
import sys
import tempfile
from pathlib import Path


def _string(text: str) -> bytes:
    data = text.encode()
    return struct.pack("<Q", len(data)) + data


def build(root: Path) -> dict[str, list[str]]:
    cases: dict[str, list[str]] = {}
    card = root / "headings"
    card.mkdir()
    body = "".join(f"## Limitations {n}\nhttps://github.com/org/repo{n}\n" for n in range(80_000))
    (card / "README.md").write_text("---\nlicense: mit\n---\n" + body[:2 << 20], "utf-8")
    cases["2 MiB README, 80k headings and links (check)"] = [
        "check", str(card), "--format", "json", "--no-history", "--offline"]
    catalog = root / "catalog"
    catalog.mkdir()
    lines = ["a0: &a0 [" + ", ".join(['"lol"'] * 9) + "]"]
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 10)]
    (catalog / "bomb.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    cases["catalog YAML alias bomb, 9 levels (rank --catalog)"] = [
        "rank", "--catalog", str(catalog)]
    keys = root / "keys.gguf"
    entries = b"".join(_string(f"k{n}") + struct.pack("<IB", 0, 1) for n in range(1000))
    keys.write_bytes(b"GGUF" + struct.pack("<IQQ", 3, 0, 12_000_000) + entries)
    cases["GGUF claiming 12 million keys (check)"] = ["check", str(keys), "--no-history",
                                                      "--offline"]
    cases["check --from /dev/zero"] = ["check", "--from", "/dev/zero"]
    return cases


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        env = {**os.environ, "OPENGAUGE_DATA_DIR": str(root / "data"),
               "OPENGAUGE_CACHE_DIR": str(root / "cache")}
        print("| case | exit | CPU (s) | largest peak RSS so far (MiB) |")
        print("|---|---|---|---|")
        for name, args in build(root).items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            done = subprocess.run([sys.executable, "-m", "opengauge.cli", *args],
                                  capture_output=True, env=env, timeout=600)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            print(f"| {name} | {done.returncode} | {cpu:.2f} | {after.ru_maxrss / 1024:.0f} |")


if __name__ == "__main__":
    main()
