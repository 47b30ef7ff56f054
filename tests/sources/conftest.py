"""Fixtures for the sources: the real cards, a local Hub on 127.0.0.1 and a client for it."""

from __future__ import annotations

import pytest

from hubserver import HubServer
from opengauge.sources.hub import HubClient, HubOptions
from reference_data import REFERENCE

CARDS = REFERENCE / "hub" / "cards"


@pytest.fixture
def hub():
    """A Hub serving every reference card as a model repository."""
    server = HubServer()
    if CARDS.is_dir():
        server.load_cards(CARDS)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def sleeps() -> list[float]:
    """The waits a client asked for (recorded instead of slept)."""
    return []


@pytest.fixture
def client(hub, store, sleeps):
    def make(**options) -> HubClient:
        defaults = {"endpoint": hub.url, "token": False, "offline": False, "timeout": 2.0,
                    "retries": 3, "backoff": 0.25}
        return HubClient(HubOptions(**{**defaults, **options}), store, sleep=sleeps.append)
    return make
