"""Start `opengauge serve` on a free loopback port for a benchmark, and stop it."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def launched(catalog: str | None = None, args: tuple[str, ...] = (),
             env_extra: dict[str, str] | None = None,
             program: list[str] | None = None) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """A fresh `serve` process and its base URL, not yet waited for (its own cache and data
    folder, `args` added to `serve`, `env_extra` in its environment, `program` instead of this
    interpreter's CLI; stopped on exit)."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="og-bench-") as tmp:
        env = {**os.environ, "OPENGAUGE_CACHE_DIR": tmp, "OPENGAUGE_DATA_DIR": tmp,
               **(env_extra or {})}
        env.pop("OPENGAUGE_CATALOG", None)
        if catalog:
            env["OPENGAUGE_CATALOG"] = catalog
        command = program or [sys.executable, "-c", "from opengauge.cli import main; main()"]
        process = subprocess.Popen(
            [*command, "serve", "--host", "127.0.0.1", "--port", str(port), *args],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            yield process, f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextlib.contextmanager
def running_server(catalog: str | None = None, args: tuple[str, ...] = (),
                   env_extra: dict[str, str] | None = None) -> Iterator[str]:
    """The base URL of a fresh server that answers (see `launched`; stopped on exit)."""
    with launched(catalog, args, env_extra) as (process, base):
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/api/frameworks", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("opengauge serve did not start") from None
                time.sleep(0.1)
        yield base
