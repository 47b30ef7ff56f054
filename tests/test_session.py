"""The session: built from a small picklable config, and rebuilt equal in another process."""

from __future__ import annotations

import multiprocessing
import pickle
from pathlib import Path

import pytest

from opengauge.app.session import Session, SessionConfig
from opengauge.errors import BadInput
from reference_data import REFERENCE

CURRENT = REFERENCE / "osai-index" / "current"


def own_records(folder: Path) -> Path:
    """An own record overriding the bundled Llama 2 (training code rated open)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = (CURRENT / "llama-2-chat.yaml").read_text("utf-8")
    text = text.replace("trainingcode:\n    class: closed", "trainingcode:\n    class: open")
    (folder / "llama-2-chat.yaml").write_text(text, "utf-8")
    return folder


def catalog_view(config: SessionConfig) -> dict:
    """What a session built from `config` sees of its catalog (plain data, comparable)."""
    session = Session(config)
    return {"ids": session.ids(),
            "snapshots": [s.to_dict() for s in session.snapshots()],
            "osai": [(e.rank, e.assessment.subject.id, e.assessment.layer, e.assessment.levels())
                     for e in session.ranked("osai")],
            "llama-2": session.resolve("llama-2")}


def test_the_config_is_frozen_small_and_picklable(tmp_path):
    config = SessionConfig.of(own_records(tmp_path / "mine"), endpoint="http://127.0.0.1:9",
                              token=False, offline=True, timeout=3.0, store=str(tmp_path / "s"),
                              history=True)
    assert config.catalog == str((tmp_path / "mine").resolve())
    assert pickle.loads(pickle.dumps(config)) == config
    with pytest.raises(AttributeError):
        config.catalog = None  # type: ignore[misc]
    hub = Session(config).hub
    assert (hub.endpoint, hub.token, hub.offline, hub.timeout) == ("http://127.0.0.1:9", False,
                                                                   True, 3.0)


@pytest.mark.slow
def test_a_rebuilt_session_in_another_process_sees_an_equal_catalog(tmp_path):
    config = SessionConfig.of(own_records(tmp_path / "mine"))
    here = catalog_view(config)
    assert any(layer == "own" for _, _, layer, _ in here["osai"])
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        there = pool.apply(catalog_view, (pickle.loads(pickle.dumps(config)),))
    assert there == here
    without = catalog_view(SessionConfig())
    assert not any(layer == "own" for _, _, layer, _ in without["osai"])


def test_a_bad_timeout_is_refused_when_the_hub_is_first_needed():
    session = Session(SessionConfig(timeout=0))
    assert session.check("olmo").subject.id == "olmo"  # a catalog check never asks the Hub
    with pytest.raises(BadInput, match="--timeout must be a positive number"):
        session.hub  # noqa: B018
