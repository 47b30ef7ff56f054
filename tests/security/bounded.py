"""Run code or the CLI in a child process under `resource` limits (CPU seconds, address space),
so that a regression in a budget fails the test instead of exhausting the machine."""

from __future__ import annotations

import os
import resource
import subprocess
import sys

CPU_SECONDS = 60
ADDRESS_SPACE = 3 << 30


def _limits(cpu: int, memory: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    return apply


def run_bounded(args: list[str], *, cpu: int = CPU_SECONDS, memory: int = ADDRESS_SPACE,
                env: dict[str, str] | None = None, timeout: float = 180,
                stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """`python ARGS` in a child limited to `cpu` CPU seconds and `memory` bytes of address space."""
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, input=stdin,
                          timeout=timeout, preexec_fn=_limits(cpu, memory),
                          env={**os.environ, **(env or {})})


def cli_bounded(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    """The CLI under the limits of `run_bounded`."""
    return run_bounded(["-m", "opengauge.cli", *args], **kwargs)


def code_bounded(code: str, **kwargs) -> subprocess.CompletedProcess[str]:
    """Python code under the limits of `run_bounded`."""
    return run_bounded(["-c", code], **kwargs)


def killed_by_limit(result: subprocess.CompletedProcess[str]) -> bool:
    """Whether the child died of a resource limit (SIGXCPU, SIGKILL or MemoryError)."""
    return result.returncode < 0 or "MemoryError" in result.stderr
