"""Rebuild the bundled license index: `python -m opengauge.licenses.build`.

Run after adding or changing a file under `licenses/data/`; a test fails while
`data/index.zip` is out of date. (An installed opengauge also notices a changed library by
itself and rebuilds its index into the cache directory.)
"""

from __future__ import annotations

import time

from opengauge.atomic import write_atomic
from opengauge.licenses import index


def main() -> None:
    """Write `data/index.zip`."""
    started = time.monotonic()
    data = index.dump(index.build())
    target = index.bundled_path()
    write_atomic(target, data)
    print(f"wrote {target} ({len(data) / 1e6:.1f} MB) in {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
