"""Training data and training runs of the extraction models (``harmattan train``).

Training snippets are JSON Lines shipped in ``harmattan/extraction/training/`` (see its README): one
short text each, labelled with an ACLED sub-event type or null for "no event". The run is seeded and the
artifact is byte-for-byte reproducible, so a test can check that the shipped model is the one this code
makes from the shipped data.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from harmattan.extraction.models.subevent import NO_EVENT, SubEventModel

_KEYS = {"id", "language", "text", "event_type", "sub_event_type", "style"}


class TrainingDataError(ValueError):
    """A training file that is not what the trainer expects (says which file and line)."""


def training_dir() -> Path:
    return Path(str(importlib_resources.files("harmattan.extraction").joinpath("training")))


def default_training_files() -> list[Path]:
    return sorted(training_dir().glob("subevent_*.jsonl"))


def default_model_path() -> Path:
    return Path(str(importlib_resources.files("harmattan.extraction.models").joinpath("subevent.json.gz")))


def read_snippets(paths: Iterable[Path], valid_types: set[str] | None = None) -> list[dict[str, Any]]:
    """Every snippet of the files, checked: exact keys, a known label, no duplicate text."""
    rows: list[dict[str, Any]] = []
    seen: dict[str, str] = {}
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{n}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise TrainingDataError(f"{where}: not JSON ({exc.msg})") from exc
            if not isinstance(row, dict) or set(row) != _KEYS:
                raise TrainingDataError(f"{where}: keys must be {sorted(_KEYS)}")
            label = row["sub_event_type"]
            if label is not None and valid_types is not None and label not in valid_types:
                raise TrainingDataError(f"{where}: unknown sub_event_type {label!r}")
            key = " ".join(str(row["text"]).lower().split())
            if key in seen:
                raise TrainingDataError(f"{where}: the same text as {seen[key]}")
            seen[key] = where
            rows.append(row)
    return rows


def label_of(row: dict[str, Any]) -> str:
    return str(row["sub_event_type"]) if row["sub_event_type"] is not None else NO_EVENT


def train_subevent(
    paths: Sequence[Path] | None = None, valid_types: set[str] | None = None, **settings: Any
) -> SubEventModel:
    rows = read_snippets(paths or default_training_files(), valid_types)
    if not rows:
        raise TrainingDataError("no training snippets found")
    return SubEventModel(**settings).fit([r["text"] for r in rows], [label_of(r) for r in rows])
