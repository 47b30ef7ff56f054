"""Storing a check in the history (`opengauge.history`) with the record `check -f json` shows."""

from __future__ import annotations

import sqlite3

from opengauge import history
from opengauge.assess.report import Report
from opengauge.errors import OpengaugeError
from opengauge.store import Store, default_path


def record(store: Store, target: str, report: Report) -> tuple[int, bool]:
    """Store one check; (its number, whether it was added rather than merged into the newest)."""
    from opengauge.formats.records import reports_document

    (shown,) = reports_document([report], []).records
    return history.record(store, target, report, shown)


def record_safely(target: str, report: Report, store: Store | None = None) -> str | None:
    """Store one check without ever failing it: None, or the one-line reason it was not stored
    (an unusable or unwritable store is left as it is)."""
    try:
        if store is not None:
            record(store, target, report)
            return None
        with Store() as opened:
            record(opened, target, report)
    except OpengaugeError as error:
        return str(error)
    except (sqlite3.Error, OSError) as error:
        return f"{default_path() if store is None else store.path}: {error}"
    except Exception as error:  # a side record never fails the check it records
        return f"internal error: {type(error).__name__}: {error}"
    return None
