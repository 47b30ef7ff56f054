"""The prebuilt index in package data must match the bundled snapshots."""

from __future__ import annotations

import pytest

from opengauge.bundledindex import bundled_text
from opengauge.catalog.build import bundled_index_text


@pytest.mark.slow
def test_bundled_index_is_fresh() -> None:
    assert bundled_text() == bundled_index_text(), (
        "src/opengauge/catalog/data/index.json is stale: run python -m opengauge.catalog.build"
    )
