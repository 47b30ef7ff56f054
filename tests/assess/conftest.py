"""Fixtures for automatic assessment: the real cards on a local Hub, release folders, a checker."""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from hubserver import HubServer
from opengauge.app.session import Session, SessionConfig

ROOT = Path(__file__).resolve().parents[2]


from reference_data import REFERENCE  # noqa: E402 (tests/ is on sys.path)

CARDS = REFERENCE / "hub" / "cards"
LICENSE_TEXTS = REFERENCE / "licenses"
needs_cards = pytest.mark.skipif(not CARDS.is_dir(), reason="reference cards not present")
# What the Hub says about the repositories the reference cards point at (public facts).
RELATED_MODELS = {
    "mistralai/Mistral-7B-v0.1": {"license": "apache-2.0"},
    "meta-llama/Llama-2-7b": {"license": "llama2", "gated": "manual"},
    "upstage/SOLAR-10.7B-v1.0": {"license": "apache-2.0"},
    "Qwen/Qwen2.5-0.5B": {"license": "apache-2.0"},
    "meta-llama/Llama-3.1-8B-Instruct": {"license": "llama3.1", "gated": "manual"},
    "google/gemma-3-4b-pt": {"license": "gemma", "gated": "manual"},
}
RELATED_DATASETS = {
    "HuggingFaceH4/ultrachat_200k": "mit",
    "HuggingFaceH4/ultrafeedback_binarized": "mit",
    "cerebras/SlimPajama-627B": "apache-2.0",
    "bigcode/starcoderdata": None,
    "OpenAssistant/oasst_top1_2023-08-25": "apache-2.0",
}


def add_related(server: HubServer) -> None:
    """The base models (with a weights file) and datasets the reference cards name."""
    for repo_id, info in RELATED_MODELS.items():
        card = f"---\nlicense: {info['license']}\n---\n# {repo_id}\n"
        server.add_model(repo_id, {"README.md": card, "model.safetensors": b"\0" * 16},
                         gated=info.get("gated", False))
    for repo_id, license_id in RELATED_DATASETS.items():
        server.add_dataset(repo_id, {"license": license_id} if license_id else {})


@pytest.fixture
def hub():
    server = HubServer()
    if CARDS.is_dir():
        server.load_cards(CARDS)
    add_related(server)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def check(hub, store):
    """check_target against the local Hub (no token, short timeouts, quick retries)."""
    endpoint = hub.url

    def run(target: str, own=None, **options):
        defaults = {"endpoint": endpoint, "token": False, "timeout": 2.0, "retries": 1,
                    "backoff": 0.01}
        config = SessionConfig.of(own, **{**defaults, **options})
        return Session(config, store=store).check_target(target)
    return run


def write_safetensors(path: Path, rows: int = 4, cols: int = 4) -> None:
    """A real safetensors file: one F16 tensor."""
    header = {"__metadata__": {"format": "pt"},
              "w": {"dtype": "F16", "shape": [rows, cols], "data_offsets": [0, rows * cols * 2]}}
    raw = json.dumps(header).encode()
    raw += b" " * (-len(raw) % 8)
    path.write_bytes(struct.pack("<Q", len(raw)) + raw + b"\0" * (rows * cols * 2))


def release(tmp_path: Path, slug: str | None = None, *, card: str | None = None,
            files: dict[str, str | bytes] | None = None, weights: bool = True) -> Path:
    """A local release folder: a reference card (or `card`), weights, extra files."""
    folder = tmp_path / (slug or "release")
    if slug is not None:
        shutil.copytree(CARDS / slug, folder)
    else:
        folder.mkdir(parents=True)
    if card is not None:
        (folder / "README.md").write_text(card)
    if weights:
        write_safetensors(folder / "model.safetensors")
    for name, content in (files or {}).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return folder


def apache_text() -> str:
    """The Apache License 2.0 as published (from the reference license library)."""
    found = sorted(LICENSE_TEXTS.glob("scancode/apache-2.0.LICENSE"))
    text = found[0].read_text() if found else ""
    return text.split("---", 2)[2].lstrip() if text.startswith("---") else text


def card_with(slug: str, **fields: str) -> str:
    """A reference card with front-matter fields added (or replaced) at the top."""
    text = (CARDS / slug / "README.md").read_text()
    assert text.startswith("---\n")
    lines = text.split("\n")
    end = lines.index("---", 1)
    keep = [line for line in lines[1:end] if line.split(":", 1)[0] not in fields]
    added = [f"{k}: {v}" for k, v in fields.items()]
    return "\n".join(["---", *added, *keep, *lines[end:]])


def ratings(report, framework: str = "osai") -> dict:
    """dimension -> Rating of the automatic assessment in `report`."""
    entry = report.context.get("automatic", {}).get(framework) or report.frameworks[framework]
    return {r.dimension: r for r in entry.assessment.ratings}


def finding_ids(report) -> list[str]:
    return [f.id for f in report.findings]


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI in a fresh process, as a user runs it (stdout is a pipe)."""
    return subprocess.run([sys.executable, "-m", "opengauge.cli", *args], capture_output=True,
                          text=True, timeout=120, env={**os.environ, **(env or {})})
