"""Versioned snapshots: an immutable, hashed copy of the event dataset that can be cited and diffed.

A snapshot is a folder ``<home>/snapshots/<NAME>/`` holding ``events.csv``,
``sources.csv``, ``claims.csv``, ``codebook.md`` and ``manifest.json`` (pipeline
versions, counts, the SHA-256 of every file and of the dataset as a whole).
Files are written in a stable order without database row ids, so the same
data always hashes the same, on SQLite or PostgreSQL; they are made read-only
and a name is never reused.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import shutil
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import harmattan
from harmattan.store import events as store
from harmattan.store.database import Database

DATA_DIR = Path(__file__).parent / "data"
DATASET_FILES = ("events.csv", "sources.csv", "claims.csv", "codebook.md")
EVENT_FIELDS = ("event_key", *(c for c in store.EVENT_COLUMNS if c not in ("event_key", "status")))
SOURCE_FIELDS = ("event_key", "report_key", "pipeline_version", "content_hash", "source_name", "title", "url",
                 "published_at", "how", "score", "reason")  # fmt: skip
CLAIM_FIELDS = ("event_key", "field", "value", "chosen", "claimant", "source_name", "content_hash")


class SnapshotError(ValueError):
    """A snapshot that cannot be made, found or trusted."""


@dataclass
class SnapshotInfo:
    name: str
    path: Path
    sha256: str
    counts: dict[str, int]
    pipeline_versions: list[str] = field(default_factory=list)


def _write_csv(path: Path, columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
            n += 1
    return n


def _cell(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float):
        return repr(round(value, 6))
    return "" if value is None else value


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def dataset_hash(file_hashes: dict[str, str]) -> str:
    """One hash for the dataset: of each file's name and hash, in name order."""
    text = "".join(f"{name}\t{file_hashes[name]}\n" for name in sorted(file_hashes))
    return hashlib.sha256(text.encode()).hexdigest()


def create(db: Database, name: str, home: Path) -> SnapshotInfo:
    """Write snapshot ``name`` of the active events under ``home/snapshots``."""
    if not name or any(ch in name for ch in "/\\") or name.startswith("."):
        raise SnapshotError(f"invalid snapshot name {name!r}")
    folder = home / "snapshots" / name
    with db.engine.connect() as conn:
        if store.snapshot_by_name(conn, name) is not None or folder.exists():
            raise SnapshotError(f"snapshot {name!r} exists; snapshots are immutable, pick another name")
    tmp = folder.with_name(f".{name}.partial")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    with db.engine.connect() as conn:
        # One read transaction on PostgreSQL (REPEATABLE READ) so the three files agree with each other.
        if db.dialect == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            rows = sorted(store.query_events(conn, store.EventQuery()), key=lambda r: str(r["event_key"]))
            counts = {
                "events": _write_csv(tmp / "events.csv", EVENT_FIELDS, rows),
                "reports": _write_csv(tmp / "sources.csv", SOURCE_FIELDS, store.snapshot_sources(conn)),
                "claims": _write_csv(tmp / "claims.csv", CLAIM_FIELDS, store.snapshot_claims(conn)),
            }
            versions = store.current_versions(conn)
    shutil.copyfile(DATA_DIR / "codebook.md", tmp / "codebook.md")
    hashes = {f: sha256_file(tmp / f) for f in DATASET_FILES}
    digest = dataset_hash(hashes)
    manifest = {
        "name": name,
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "harmattan_version": harmattan.__version__,
        "pipeline_versions": versions,
        "counts": counts,
        "files": hashes,
        "sha256": digest,
    }
    text = json.dumps(manifest, indent=2, sort_keys=True) + "\n"
    (tmp / "manifest.json").write_text(text, encoding="utf-8")
    for f in (*DATASET_FILES, "manifest.json"):
        os.chmod(tmp / f, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    tmp.rename(folder)
    with db.engine.begin() as conn:
        store.add_snapshot(
            conn,
            {"name": name, "path": str(folder), "sha256": digest,
             "pipeline_version": ",".join(versions)[:64] or None, "counts": counts},
        )  # fmt: skip
    return SnapshotInfo(name, folder, digest, counts, versions)


def list_all(db: Database) -> list[dict[str, Any]]:
    with db.engine.connect() as conn:
        return store.list_snapshots(conn)


def locate(db: Database, name_or_path: str) -> Path:
    """A snapshot folder by name (from the database) or by path."""
    path = Path(name_or_path)
    if (path / "manifest.json").is_file():
        return path
    with db.engine.connect() as conn:
        row = store.snapshot_by_name(conn, name_or_path)
    if row is None:
        raise SnapshotError(f"no snapshot {name_or_path!r}")
    return Path(row["path"])


def verify(folder: Path) -> dict[str, Any]:
    """The manifest, after checking every file still has the hash it was written with."""
    manifest: dict[str, Any] = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for name, expected in manifest["files"].items():
        if sha256_file(folder / name) != expected:
            raise SnapshotError(f"{folder / name} changed since the snapshot was made")
    if dataset_hash(manifest["files"]) != manifest["sha256"]:
        raise SnapshotError(f"{folder}: manifest hash does not match its files")
    return manifest


@dataclass
class SnapshotDiff:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.removed or self.changed)


def _events(folder: Path) -> dict[str, dict[str, str]]:
    with (folder / "events.csv").open(encoding="utf-8", newline="") as fh:
        return {row["event_key"]: row for row in csv.DictReader(fh)}


def diff(old: Path, new: Path) -> SnapshotDiff:
    """Events added, removed and changed (field by field) from snapshot ``old`` to ``new``."""
    verify(old)
    verify(new)
    a, b = _events(old), _events(new)
    out = SnapshotDiff(added=sorted(b.keys() - a.keys()), removed=sorted(a.keys() - b.keys()))
    for key in sorted(a.keys() & b.keys()):
        fields = {f: (a[key][f], b[key].get(f, "")) for f in a[key] if a[key][f] != b[key].get(f, "")}
        if fields:
            out.changed[key] = fields
    return out
