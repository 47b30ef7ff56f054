"""Rebuild the bundled index: `python -m opengauge.catalog.build`.

Run after changing a bundled snapshot; a test fails while `data/index.json` is out of date.
"""

from __future__ import annotations

from opengauge import identity
from opengauge.atomic import write_atomic
from opengauge.catalog import index
from opengauge.catalog.catalog import bundled_root, bundled_snapshots


def bundled_index_text() -> str:
    """The index of every bundled snapshot, as it should be stored."""
    root = bundled_root()
    entries = [
        index.build(root / meta["folder"], source, with_mtime=False)
        for source, meta in bundled_snapshots().items()
    ]
    raw = identity.table_bytes()
    parsed = {"sha1": identity.table_digest(raw), "data": identity.load_table_data(raw)}
    return index.dump(entries, parsed)


def main() -> None:
    """Write `data/index.json`."""
    target = bundled_root() / "index.json"
    write_atomic(target, bundled_index_text())
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
