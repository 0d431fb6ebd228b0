"""A result cache for the analyses, keyed by analysis, parameters and data version.

The API and dashboard ask the same questions again and again; a JSON result is
kept in ``analysis_cache`` until the fused events change (a new fusion run or a
different event count changes :func:`harmattan.store.analysis.data_version`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from harmattan.store import analysis as store
from harmattan.store.database import Database


def params_hash(params: dict[str, Any]) -> str:
    text = json.dumps(params, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def cached(
    database: Database,
    analysis: str,
    params: dict[str, Any],
    compute: Callable[[], Any],
    refresh: bool = False,
) -> Any:
    """The stored result for (analysis, params) at the current data version, else ``compute()`` (stored).

    ``compute`` must return a JSON-ready value (dicts, lists, strings, numbers).
    """
    key = params_hash(params)
    with database.engine.connect() as conn:
        version = store.data_version(conn)
        hit = None if refresh else store.cache_get(conn, analysis, key, version)
    if hit is not None:
        return hit
    result = compute()
    with database.engine.begin() as conn:
        store.cache_put(conn, analysis, key, version, json.loads(json.dumps(params, default=str)), result)
    return result
