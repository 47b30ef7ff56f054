"""The CLI in a fresh process, as a user runs it (a module of its own, so that every test
package imports it under one unambiguous name)."""

from __future__ import annotations

import os
import subprocess
import sys


def run_cli(*args: str, env: dict[str, str] | None = None,
            stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed CLI in a fresh process (stdout is a pipe)."""
    return subprocess.run(
        [sys.executable, "-m", "opengauge.cli", *args],
        capture_output=True, text=True, timeout=120, input=stdin,
        env={**os.environ, **(env or {})},
    )
