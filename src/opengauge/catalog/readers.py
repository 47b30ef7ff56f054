"""The registry of catalog readers, one per published format."""

from __future__ import annotations

from functools import cache

from opengauge.catalog.interface import CatalogReader
from opengauge.errors import BadInput


@cache
def all_readers() -> tuple[CatalogReader, ...]:
    """Every reader, in the order `catalog import` tries them."""
    from opengauge.catalog.mot import MotReader
    from opengauge.catalog.osai import OsaiIndexReader
    from opengauge.catalog.ouc2023 import OpeningUpChatGPTReader
    from opengauge.frameworks import osai, ouc2023

    readers: list[CatalogReader] = [
        OsaiIndexReader(osai.current()),
        OsaiIndexReader(osai.fourteen()),
        OpeningUpChatGPTReader(ouc2023.table()),
        MotReader(),
    ]
    return tuple(readers)


def reader(source: str) -> CatalogReader:
    """The reader of dataset `source`."""
    for candidate in all_readers():
        if candidate.source == source:
            return candidate
    known = ", ".join(r.source for r in all_readers())
    raise BadInput(f"unknown catalog source '{source}' (expected one of: {known})")
