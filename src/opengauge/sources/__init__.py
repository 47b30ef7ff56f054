"""Evidence sources: read a model's repository (local or on the Hub) into Facts.

Public entry points: `gather(target)` -> Facts, `resolve_target(text)` -> Target, the
`Source` contract and the `Facts` types. See docs/sources.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from opengauge.sources.facts import Facts


def gather(target: Any, **kwargs: Any) -> Facts:
    """Run every source over `target`; see `opengauge.sources.gather.gather`."""
    from opengauge.sources.gather import gather as run

    return run(target, **kwargs)
