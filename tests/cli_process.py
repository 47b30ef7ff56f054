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


def alone_and_whole(args: list[str]) -> tuple[tuple[int, str], tuple[int, str]]:
    """(exit code, output) of `opengauge ARGS` in the app `cli._app_for` builds for that command
    alone, and in the whole app (in this process, through Typer's runner)."""
    from typer.testing import CliRunner

    from opengauge import cli

    alone = cli._app_for(["opengauge", *args])
    assert alone is not cli.app
    runner = CliRunner()
    single = runner.invoke(alone, args, prog_name="opengauge")
    whole = runner.invoke(cli.app, args, prog_name="opengauge")
    return (single.exit_code, single.output), (whole.exit_code, whole.output)
